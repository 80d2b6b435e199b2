use crate::body::Field;
use crate::rules::{Checker, rule};

rule! {
    /// mTLS is enabled without a truststore.
    ///
    /// ## What it does
    /// Reports settings that end up with mTLS enabled and no `trustStoreId`.
    ///
    /// ## Why is this bad?
    /// The truststore holds the certificates that validate the backend's
    /// server certificate. Without one, nothing specific to this backend
    /// decides which server certificates are trusted: mutual TLS checks the
    /// client to the server, but not the server to the proxy in the way you
    /// control.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "backend-ca"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only you know which truststore to use.
    "M004", "no-truststore", standard: INFO, production: WARNING, fix: None, fills: "trustStoreId",
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    let has_truststore = effective.trust_store_id.as_ref().is_some_and(|id| !crate::body::is_blank(&id.value));
    let unread = body.unread(Field::Enabled) || body.unread(Field::TrustStoreId);
    if effective.enabled.value && !has_truststore && !unread {
        let (span, pointer) = body.anchor(&effective.enabled);
        checker
            .report(
                &RULE,
                span,
                pointer,
                "mTLS is enabled without `trustStoreId`; no truststore of yours validates the backend's certificate",
            )
            .help("add \"trustStoreId\" with a truststore that holds the backend's CA certificate");
    }
}
