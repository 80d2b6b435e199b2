use crate::model::Protocol;
use crate::rules::tls::report_listed;
use crate::rules::{Checker, rule};

rule! {
    /// `SSL_3_0` is in the protocol list.
    ///
    /// ## What it does
    /// Reports `SSL_3_0` in the protocol list the proxy ends up with, once,
    /// where it is first listed (T004 reports repeats).
    ///
    /// ## Why is this bad?
    /// SSL 3.0 MUST NOT be used (RFC 7568): the POODLE attack breaks it. The
    /// JDK has disabled it by default since 8u31 (January 2015), so listing
    /// it either does nothing or re-enables a broken protocol on a JVM whose
    /// defaults were changed.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["SSL_3_0", "TLS_1_2"]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_2"]}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: removing a protocol can stop a backend that speaks only that
    /// protocol from connecting. The fix drops every legacy protocol and
    /// sets `["TLS_1_2", "TLS_1_3"]` if none would remain.
    "T001", "ssl3-enabled", standard: ERROR, production: ERROR, fix: Unsafe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    report_listed(
        checker,
        &RULE,
        |p| p == Protocol::Ssl30,
        |_| ("SSL 3.0 must not be used (RFC 7568)", "remove `SSL_3_0`; use `TLS_1_2` and `TLS_1_3`"),
    );
}
