use crate::model::HostnameVerifier;
use crate::rules::hostname::{messages, report_verifier};
use crate::rules::{Checker, rule};

rule! {
    /// The deprecated `STRICT` hostname verifier.
    ///
    /// ## What it does
    /// Reports `STRICT` as the verifier the proxy ends up with.
    ///
    /// ## Why is this bad?
    /// Despite the API documentation's "exact match required", HttpClient's
    /// `StrictHostnameVerifier` accepts single-label wildcards, and checks
    /// only the first CN when no subjectAltName fits. It is deprecated since
    /// HttpClient 4.4 and gone from HttpClient 5. `DEFAULT` checks
    /// subjectAltNames first, matches IP hosts only against IP SANs, and is
    /// the maintained choice.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "STRICT"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "DEFAULT"}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the two verifiers accept slightly different certificates.
    "H003", "strict-verifier", standard: INFO, production: INFO, fix: Unsafe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    report_verifier(
        checker,
        &RULE,
        HostnameVerifier::Strict,
        messages!("`STRICT` is deprecated and not the exact match it sounds like"),
        "use \"DEFAULT\", the maintained RFC 2818 / RFC 6125 verifier",
    );
}
