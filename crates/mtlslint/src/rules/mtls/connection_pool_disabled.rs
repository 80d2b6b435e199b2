use crate::body::Origin;
use crate::rules::{Checker, rule};

rule! {
    /// Enabling mTLS disables the proxy's connection pool.
    ///
    /// ## What it does
    /// Reports a body that turns mTLS on (it sends `"enabled": true` and the
    /// current settings, if given, have it off).
    ///
    /// ## Why is this bad?
    /// It is not wrong, but it has a cost the API documentation warns about:
    /// when mTLS is enabled, connection pools are disabled, so every request
    /// to the backend opens a new connection with a full TLS handshake.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Use instead
    /// Nothing to change; plan the backend's capacity for one handshake per
    /// request, or turn this rule off once you have.
    ///
    /// ## Fix safety
    /// No fix.
    "M003", "connection-pool-disabled", standard: INFO, production: INFO, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    let already_on = checker.context.current.as_ref().and_then(|c| c.enabled) == Some(true);
    if let (true, Origin::Body(member), false) = (effective.enabled.value, effective.enabled.origin, already_on) {
        checker
            .report(
                &RULE,
                body.span(member.value.span),
                body.pointer(&member.key),
                "enabling mTLS disables the proxy's connection pool to the backend",
            )
            .help("expect a new TLS handshake for every backend request, and plan capacity for it");
    }
}
