use crate::model::HostnameVerifier;
use crate::rules::hostname::{messages, report_verifier};
use crate::rules::{Checker, rule};

rule! {
    /// mTLS is enabled with hostname verification off (`NOOP`).
    ///
    /// ## What it does
    /// Reports settings that end up with mTLS enabled and the `NOOP`
    /// verifier, whether the body sends it or leaves `hostnameVerifierType`
    /// out (its default is `NOOP`). A case slip (`noop`) or another spelling
    /// of a constant (`NoopHostnameVerifier`, HttpClient's class) is judged as
    /// the constant it stands for, the one S004 names. A value that names no
    /// constant, or that the server would read by its position (`2`), leaves
    /// the verifier unknown: S004 or S005 reports it, and this rule stays
    /// silent.
    ///
    /// ## Why is this bad?
    /// HttpClient's `NoopHostnameVerifier` accepts every host name: any
    /// certificate from a trusted CA is accepted for any backend host, so a
    /// machine in the middle with any such certificate can impersonate the
    /// backend. The API documentation calls NOOP a security risk and
    /// recommends `STRICT` or `DEFAULT` for production.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "NOOP"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "DEFAULT"}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: with verification on, a backend whose certificate does not
    /// name its host stops connecting.
    "H001", "hostname-verification-disabled", standard: WARNING, production: ERROR, fix: Unsafe,
    fills: "hostnameVerifierType",
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let enabled = checker.body.and_then(|b| b.effective.as_ref()).is_some_and(|e| e.enabled.value);
    if enabled {
        report_verifier(
            checker,
            &RULE,
            HostnameVerifier::Noop,
            messages!(
                "hostname verification is off (NOOP): any trusted certificate is accepted for any backend host",
                default: "hostname verification is off: without `hostnameVerifierType` the verifier is NOOP, \
                          and any trusted certificate is accepted for any backend host",
                null: "`hostnameVerifierType` is null: if the server reads it as the default NOOP (its PATCH \
                       meaning is undocumented), any trusted certificate is accepted for any backend host"
            ),
            "set \"hostnameVerifierType\": \"DEFAULT\"",
        );
    }
}
