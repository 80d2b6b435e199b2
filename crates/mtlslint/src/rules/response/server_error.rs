use crate::model::KEYSTORE_REQUIRED;
use crate::request::Endpoint;
use crate::response::{later_error, member};
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// A documented error came back; names the check that catches it before sending.
    ///
    /// ## What it does
    /// Reads `{"error": ..., "error_description": ...}` (or a later
    /// revision's `{"status": "FAILURE", "resultMessage": ...}`) and says which
    /// mtlslint rule would have caught the mistake before the call, and with
    /// which context: `KeyStore ID is required when mTLS is enabled` is
    /// M001; a missing truststore or credential is R008/R009 with
    /// `--keystores`/`--credentials`; a project "not found or ... privilege"
    /// is P001 with `--permissions`.
    ///
    /// ## Why is this bad?
    /// The call failed. Most documented errors are knowable before sending;
    /// running the check in the pipeline saves the round trip and the
    /// half-applied change. (Source: the endpoints' documentation, "Error
    /// Response".)
    ///
    /// ## Example
    /// ```json
    /// {"error": "bad_request", "error_description": "KeyStore ID is required when mTLS is enabled"}
    /// ```
    ///
    /// ## Use instead
    /// Run `mtlslint request` (or `mtlslint check` on the body) before the call.
    ///
    /// ## Fix safety
    /// No fix: the response comes from the server.
    "D003", "server-error", standard: INFO, production: INFO, fix: None,
}

/// Documented error texts and what would have caught each before sending.
const CAUGHT_BY: [(&str, &str); 6] = [
    (KEYSTORE_REQUIRED, "M001 keystore-required would have caught this: lint the body before the call"),
    (
        "Truststore (name:",
        "R008/R009 would have caught this: lint the request with the keystore lists of the project and the admin project",
    ),
    ("Credential (username:", "R008/R009 would have caught this: lint the request with the list of credentials"),
    (
        "does not have privilege",
        "P001 missing-permission would have caught a missing permission: lint the request with your permissions; otherwise check the project name (case-sensitive)",
    ),
    (
        "ApiProxy (name:",
        "no pre-flight rule knows the proxy names: check `apiProxyName` in the URL (names are case-sensitive)",
    ),
    (
        "Invalid token",
        "R005 checks the header's form, but no pre-flight rule can validate a token: create a new personal API access token",
    ),
];

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.response else { return };
    let Some(root) = view.root() else { return };
    // The documented error, or the envelope of later revisions (`status` and `resultMessage`).
    let documented = (member(root, "error"), member(root, "error_description"));
    let (error, description, pointer) = match documented {
        (Some(error), Some(description)) => (error, description, "/error_description"),
        _ => match later_error(root) {
            Some((status, message)) => (status, message, "/resultMessage"),
            None => return,
        },
    };
    let (Value::String(code), Value::String(text)) = (&error.value.value, &description.value.value) else { return };
    let caught = match CAUGHT_BY.iter().find(|(pattern, _)| text.contains(pattern)) {
        // The truststore assignment sends no body: the settings call's error is the other call's.
        Some((KEYSTORE_REQUIRED, _)) if view.named && view.endpoint == Some(Endpoint::TruststoreAssignment) => {
            "this error answers the mTLS settings call (PATCH .../settings/mtls/), not the truststore assignment: \
             lint the response with `--endpoint mtls` (`endpoint: \"mtls\"`), or give the assignment's own"
        }
        Some((_, caught)) => caught,
        None => "linting the request checks its method, URL, names, headers and body before the call",
    };
    checker
        .report(&RULE, description.value.span, pointer, format!("the server answered `{code}`: {text}"))
        .help(caught);
}
