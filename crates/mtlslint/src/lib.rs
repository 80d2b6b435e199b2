//! mtlslint checks calls to an API gateway's mTLS endpoints before they are sent:
//!
//! - E1 `PATCH /apiops/projects/{projectName}/apiProxies/{apiProxyName}/settings/mtls/`
//!   with a JSON body (`enabled`, `keyStoreId`, `trustStoreId`,
//!   `supportedProtocolList`, `hostnameVerifierType`);
//! - E2 `PUT /apiops/projects/{projectName}/credentials/{username}/truststore/{keystoreName}/`.
//!
//! It catches what the server would reject and what it silently accepts but
//! should not (NOOP hostname verification, SSL 3.0, a misspelt key that the
//! server drops), and says what to write instead.
//!
//! ```
//! use mtlslint::{Linter, Options, Context, Severity};
//!
//! let linter = Linter::new(Options::default(), Context::default());
//! let diagnostics = linter.lint_body(br#"{"enabled": true, "supportedProtocolList": ["TLSv1.2"]}"#);
//! let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
//! // At `enabled`: no keystore (the error first), NOOP by default, pool disabled,
//! // no truststore; then the Java name inside the list.
//! assert_eq!(codes, ["M001", "H001", "M003", "M004", "S004"]);
//! let keystore = diagnostics.iter().find(|d| d.code == "M001").unwrap();
//! assert!(keystore.message.contains("KeyStore ID is required when mTLS is enabled"));
//! assert_eq!(keystore.severity, Severity::Error);
//! ```

mod body;
pub mod config;
pub mod context;
mod diagnostic;
pub mod finding;
mod fix;
pub mod import;
pub mod model;
mod options;
mod redact;
mod request;
mod response;
pub mod rules;
pub mod schema;
mod suggest;
pub mod syntax;

pub use config::{Config, ConfigError};
pub use context::{Context, ContextError, Inventory, Permissions};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Position, Range, Severity, Span, Summary};
pub use finding::{Finding, locate};
pub use fix::{FixMode, Fixed, apply as apply_fixes};
pub use options::{Limits, Options, Profile, SeverityError, UnknownRule};
pub use redact::{redact, redact_diagnostics, redact_findings};
pub use request::{Endpoint, MASKED_TOKEN, Request};

use body::{Body, Rejected};
use request::RequestView;
use rules::Checker;

/// This library's version; the CLI and the npm package carry the same.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Lints bodies and requests with fixed options and context.
#[derive(Debug, Clone)]
pub struct Linter {
    options: Options,
    context: Context,
    active: rules::Active,
}

impl Default for Linter {
    fn default() -> Self {
        Self::new(Options::default(), Context::default())
    }
}

/// The outcome of linting a whole request: the request as text, its endpoint and the findings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct RequestReport {
    /// The request written as an HTTP message, credentials masked ([`redact`]); ranges point
    /// into it, fix edits' too. To fix the body, fix the request's body on its
    /// own (`fix_body` in Rust, `applyFixes` in JavaScript): its fixes are the
    /// same, placed in the body.
    pub text: String,
    /// The endpoint the URL names, if it names one.
    pub endpoint: Option<Endpoint>,
    /// Findings in text order.
    pub diagnostics: Vec<Diagnostic>,
}

impl RequestReport {
    /// Takes out the findings of the body rules in the request's body, given
    /// as linted, with their ranges, fix edits and pointers (`/body` left off)
    /// into the body alone: for a body read from a file (`--data @FILE`), they
    /// then point into that file. A fix that also edits the request outside
    /// the body is left off. The request rules' findings stay, those about the
    /// body as a whole too (R010: a PUT takes no body).
    ///
    /// ```
    /// let body = "{\n  \"enabled\": false,\n  \"supportedProtocolList\": [\"TLSv1.2\"]\n}";
    /// let request = mtlslint::Request {
    ///     method: "PATCH".into(),
    ///     url: "https://gw.example.com/apiops/projects/P/apiProxies/orders/settings/mtls/".into(),
    ///     headers: vec![("Authorization".into(), "Bearer t".into()), ("Content-Type".into(), "application/json".into())],
    ///     body: Some(body.into()),
    /// };
    /// let mut report = mtlslint::Linter::default().lint_request(&request);
    /// let in_body = report.take_body_findings(body);
    /// let java_name = in_body.iter().find(|d| d.code == "S004").unwrap();
    /// assert_eq!(java_name.pointer, "/supportedProtocolList/0");
    /// assert_eq!((java_name.range.start.line, java_name.range.start.column), (3, 29));
    /// assert!(report.diagnostics.iter().all(|d| !d.pointer.starts_with("/body")));
    /// ```
    pub fn take_body_findings(&mut self, body: &str) -> Vec<Diagnostic> {
        let Some(start) = self.text.len().checked_sub(body.len()).filter(|&start| self.text.is_char_boundary(start))
        else {
            return Vec::new();
        };
        let part = &self.text[start..];
        let in_body = |d: &Diagnostic| {
            let pointer = d.pointer.strip_prefix("/body").filter(|_| rules::judges_body(d.code));
            pointer.is_some_and(|rest| rest.is_empty() || rest.starts_with('/')) && d.range.start.offset >= start
        };
        let (mut taken, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.diagnostics).into_iter().partition(in_body);
        self.diagnostics = kept;
        let moved = |range: Range| Range {
            start: syntax::position(part, range.start.offset - start),
            end: syntax::position(part, range.end.offset - start),
        };
        for diagnostic in &mut taken {
            diagnostic.range = moved(diagnostic.range);
            diagnostic.pointer = diagnostic.pointer["/body".len()..].to_owned().into();
            if let Some(fix) = &mut diagnostic.fix {
                if fix.edits.iter().all(|edit| edit.range.start.offset >= start) {
                    fix.edits.iter_mut().for_each(|edit| edit.range = moved(edit.range));
                } else {
                    diagnostic.fix = None;
                }
            }
        }
        taken
    }
}

impl Linter {
    /// A linter with these options and this context.
    pub fn new(options: Options, context: Context) -> Self {
        let active = rules::Active::new(&options);
        Self { options, context, active }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Lints an E1 body. Spans point into `source`; invalid UTF-8 is a finding,
    /// not an error. Findings come in text order; [`locate`] gives their lines
    /// and columns.
    ///
    /// ```
    /// let linter = mtlslint::Linter::default();
    /// let clean = br#"{"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "ts-1",
    ///                  "supportedProtocolList": ["TLS_1_2", "TLS_1_3"], "hostnameVerifierType": "DEFAULT"}"#;
    /// assert!(linter.lint_body(clean).iter().all(|d| d.severity < mtlslint::Severity::Warning));
    /// let typo = linter.lint_body(br#"{"keystoreId": "ks-1"}"#);
    /// assert_eq!(typo[0].code, "S001");
    /// assert_eq!(typo[0].pointer, "/keystoreId");
    /// ```
    pub fn lint_body(&self, source: &[u8]) -> Vec<Finding> {
        match body::read(source, self.options.limits.max_bytes) {
            (text, None) => self.lint_text(text, text, 0, "", None),
            (text, Some(rejected)) => self.run(text, Some(&Body::rejected(rejected, 0, "")), None),
        }
    }

    /// Lints a whole call to either endpoint: method, URL and its names, headers, body.
    ///
    /// ```
    /// let request = mtlslint::Request {
    ///     method: "PUT".into(),
    ///     url: "https://gw.example.com/apiops/projects/P/credentials/api-user/truststore/my-ts".into(),
    ///     headers: vec![("Authorization".into(), "Bearer s3cret".into())],
    ///     body: None,
    /// };
    /// let report = mtlslint::Linter::default().lint_request(&request);
    /// assert_eq!(report.diagnostics[0].code, "R003");
    /// assert!(!report.text.contains("s3cret"));
    /// ```
    pub fn lint_request(&self, request: &Request) -> RequestReport {
        // The rules read the URL with its secrets masked, as the text shows it,
        // so that no finding can quote them.
        let url = request::mask_url(&request.url);
        let mut text = String::new();
        let view = RequestView::new(request, &url, &mut text);
        let endpoint = view.endpoint;
        let judge_body = match endpoint {
            Some(endpoint) => endpoint == Endpoint::MtlsSettings,
            None => request::nearest_endpoint(&view).is_some_and(|(e, _)| e == Endpoint::MtlsSettings),
        };
        let mut findings = if judge_body {
            let (start, end) = view.body.map_or((text.len(), text.len()), |s| (s.start, s.end));
            if end - start > self.options.limits.max_bytes {
                let body = Body::rejected(Rejected::TooLarge { limit: self.options.limits.max_bytes }, start, "/body");
                self.run(&text, Some(&body), Some(&view))
            } else {
                self.lint_text(&text, &text[start..end], start, "/body", Some(&view))
            }
        } else {
            self.run(&text, None, Some(&view))
        };
        // Credentials written elsewhere (a password in the body) are hidden
        // too; byte for byte, so that every range stays where it was.
        redact::redact_findings(&text, &mut findings);
        if let std::borrow::Cow::Owned(redacted) = redact::redact(&text) {
            text = redacted;
        }
        let diagnostics = locate(&text, findings);
        RequestReport { text, endpoint, diagnostics }
    }

    fn lint_text(
        &self,
        text: &str,
        body_text: &str,
        offset: usize,
        prefix: &'static str,
        view: Option<&RequestView<'_>>,
    ) -> Vec<Finding> {
        let depth = self.options.limits.max_depth;
        let parsed = syntax::parse(body_text, depth);
        let body = Body::new(body_text, &parsed, offset, prefix, &self.context);
        self.run(text, Some(&body), view)
    }

    fn run(&self, text: &str, body: Option<&Body<'_>>, request: Option<&RequestView<'_>>) -> Vec<Finding> {
        let mut checker = Checker::new(&self.context, text);
        checker.body = body;
        checker.request = request;
        rules::run(checker, &self.active)
    }
}

/// Lints an E1 body with the standard profile and no context.
///
/// ```
/// assert!(mtlslint::lint(r#"{"enabled": false}"#).is_empty());
/// ```
pub fn lint(text: &str) -> Vec<Finding> {
    Linter::default().lint_body(text.as_bytes())
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
