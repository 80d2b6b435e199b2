use crate::model::HostnameVerifier;
use crate::rules::hostname::{messages, report_verifier};
use crate::rules::{Checker, rule};

rule! {
    /// The deprecated `BROWSER_COMPAT` hostname verifier.
    ///
    /// ## What it does
    /// Reports `BROWSER_COMPAT` as the verifier the proxy ends up with.
    ///
    /// ## Why is this bad?
    /// HttpClient's `BrowserCompatHostnameVerifier` is deprecated since 4.4
    /// and gone from HttpClient 5. It lets `*.example.com` match
    /// `a.b.example.com`, a wildcard spanning several labels, which RFC 6125
    /// and RFC 9525 forbid, and it checks only the first CN when no
    /// subjectAltName fits.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "BROWSER_COMPAT"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "DEFAULT"}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: `DEFAULT` rejects certificates that only a multi-label
    /// wildcard matched.
    "H002", "browser-compat-verifier", standard: WARNING, production: WARNING, fix: Unsafe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    report_verifier(
        checker,
        &RULE,
        HostnameVerifier::BrowserCompat,
        messages!("`BROWSER_COMPAT` is deprecated and lets a wildcard span several labels"),
        "use \"DEFAULT\" (RFC 2818 / RFC 6125 verification)",
    );
}
