use crate::diagnostic::Applicability;
use crate::request::Endpoint;
use crate::rules::{Checker, rule};

rule! {
    /// The truststore assignment is sent with a body.
    ///
    /// ## What it does
    /// Reports a non-empty body on the `PUT .../truststore/{keystoreName}/`
    /// call.
    ///
    /// ## Why is this bad?
    /// The endpoint takes no body: everything it needs is in the path. A
    /// body is ignored, and usually means the truststore was meant to go in
    /// it, or the request was meant for the mTLS settings endpoint.
    ///
    /// ## Example
    /// ```text
    /// curl -X PUT .../credentials/api-user/truststore/my-truststore/ -d '{"name": "my-truststore"}'
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// curl -X PUT .../credentials/api-user/truststore/my-truststore/
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix deletes the body.
    "R010", "unexpected-body", standard: WARNING, production: WARNING, fix: Unsafe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    let Some(span) = view.body else { return };
    if view.endpoint != Some(Endpoint::TruststoreAssignment) || checker.slice(span).trim().is_empty() {
        return;
    }
    checker
        .report(&RULE, span, "/body", "the truststore assignment takes no body")
        .help("remove the body; the truststore name goes in the path")
        .fix(Applicability::Unsafe, "Remove the body", vec![(span, String::new())]);
}
