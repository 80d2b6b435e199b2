use crate::context::{MANAGE_CREDENTIALS, MANAGE_PROXIES};
use crate::request::Endpoint;
use crate::rules::permission::report_missing;
use crate::rules::{Checker, rule};

rule! {
    /// The token lacks the permission the call needs.
    ///
    /// ## What it does
    /// When you give mtlslint the permissions your token carries in the
    /// project (`--permissions`), checks that they include what the call
    /// needs: `API_MANAGEMENT+MANAGE` for the mTLS settings PATCH (its legacy
    /// name is `ROLE_MANAGE_PROXIES`), `IDENTITY+MANAGE` for the truststore
    /// assignment PUT.
    ///
    /// ## Why is this bad?
    /// The server refuses the call. It may say only that the project "was
    /// not found or user does not have privilege to access it", which reads
    /// like a wrong project name. (Source: the endpoints' documentation,
    /// "Permissions".)
    ///
    /// ## Example
    /// `PATCH .../settings/mtls/` with a token whose permissions are
    /// `IDENTITY+MANAGE` only.
    ///
    /// ## Use instead
    /// A token of a user with `API_MANAGEMENT+MANAGE` in the project.
    ///
    /// ## Fix safety
    /// No fix: permissions are granted in the product, not in the request.
    "P001", "missing-permission", standard: ERROR, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let (Some(view), Some(permissions)) = (checker.request, &checker.context.permissions) else { return };
    let ((resource, action), call) = match view.endpoint {
        Some(Endpoint::MtlsSettings) => (MANAGE_PROXIES, "changing an API proxy's mTLS settings"),
        Some(Endpoint::TruststoreAssignment) => (MANAGE_CREDENTIALS, "assigning a truststore to a credential"),
        None => return,
    };
    if permissions.has(resource, action) {
        return;
    }
    report_missing(
        checker,
        &RULE,
        format!("the token lacks {resource}+{action}, which {call} needs; the server will refuse the call"),
        "use the token of a user who has this permission in the project, or have it granted",
    );
}
