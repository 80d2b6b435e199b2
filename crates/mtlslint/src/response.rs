//! What came back from either endpoint, for the D rules.

use crate::Finding;
use crate::body::Rejected;
use crate::request::Endpoint;
use crate::rules::Checker;
use crate::syntax::{self, Member, Node, ParseError, Parsed, Value};
use crate::{Linter, rules};

/// A parsed response and the endpoint it answers.
pub(crate) struct ResponseView<'a> {
    pub(crate) parsed: &'a Parsed<'a>,
    /// The endpoint the caller named, or the one the shape shows (a
    /// `deploymentResult` answers the truststore assignment); `None` when
    /// either could have sent it.
    pub(crate) endpoint: Option<Endpoint>,
    /// Whether the caller named the endpoint.
    pub(crate) named: bool,
    /// Why the response was not read, when it was not: too large, or not UTF-8.
    pub(crate) rejected: Option<Rejected>,
}

impl ResponseView<'_> {
    pub(crate) fn root(&self) -> Option<&Node<'_>> {
        self.parsed.root.as_ref()
    }

    pub(crate) fn problem(&self) -> Option<&ParseError> {
        self.parsed.error.as_ref()
    }
}

pub(crate) use crate::syntax::member;

/// The `status` of the envelope later revisions of the documentation answer
/// with (`{"status": "SUCCESS" | "FAILURE", "resultMessage": "..."}`), when
/// the response has no `success`.
pub(crate) fn later_status<'n>(root: &'n Node<'n>) -> Option<&'n Member<'n>> {
    member(root, "success").map_or_else(|| member(root, "status"), |_| None)
}

/// Whether a later revision's `status` says the call succeeded.
pub(crate) fn succeeded(status: &Member<'_>) -> bool {
    matches!(&status.value.value, Value::String(text) if text.as_ref() == "SUCCESS")
}

/// The later revisions' error envelope: a `status` that is not `SUCCESS` and
/// a `resultMessage`, both strings. A documented error, as `error` and
/// `error_description` are (D003 reports it, D001 does not).
pub(crate) fn later_error<'n>(root: &'n Node<'n>) -> Option<(&'n Member<'n>, &'n Member<'n>)> {
    let status = later_status(root).filter(|status| !succeeded(status))?;
    let message = member(root, "resultMessage")?;
    matches!((&status.value.value, &message.value.value), (Value::String(_), Value::String(_)))
        .then_some((status, message))
}

/// Whether an object node says `"success": false`.
pub(crate) fn failed(node: &Node<'_>) -> bool {
    matches!(member(node, "success").map(|m| &m.value.value), Some(Value::Bool(false)))
}

/// Whether a `deploymentResult` reports a failure: its own `success`, or an environment's.
pub(crate) fn deployment_failed(deployment: &Node<'_>) -> bool {
    failed(deployment)
        || matches!(member(deployment, "environmentResults").map(|m| &m.value.value),
            Some(Value::Array(items)) if items.iter().any(failed))
}

impl Linter {
    /// Lints a response of either endpoint: its shape (D001), each failed
    /// environment of the truststore assignment's deployment (D002), and for
    /// a documented error the rule that would have caught it (D003).
    ///
    /// ```
    /// let response = br#"{"error": "bad_request", "error_description": "KeyStore ID is required when mTLS is enabled"}"#;
    /// let diagnostics = mtlslint::Linter::default().lint_response(response, None);
    /// assert_eq!(diagnostics[0].code, "D003");
    /// assert!(diagnostics[0].help.as_deref().unwrap().starts_with("M001 keystore-required would have caught this"));
    /// ```
    ///
    /// A response larger than the size limit is not read, and one that is not
    /// UTF-8 only up to its first invalid byte, as for a body: every offset
    /// points into `source`.
    pub fn lint_response(&self, source: &[u8], endpoint: Option<Endpoint>) -> Vec<Finding> {
        let (text, rejected) = crate::body::read(source, self.options.limits.max_bytes);
        let parsed = syntax::parse(if rejected.is_some() { "" } else { text }, self.options.limits.max_depth);
        let inferred = parsed
            .root
            .as_ref()
            .and_then(|root| member(root, "deploymentResult"))
            .map(|_| Endpoint::TruststoreAssignment);
        let view =
            ResponseView { parsed: &parsed, endpoint: endpoint.or(inferred), named: endpoint.is_some(), rejected };
        let mut checker = Checker::new(&self.context, text);
        checker.response = Some(&view);
        rules::run(checker, &self.active)
    }
}
