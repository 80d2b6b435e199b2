use crate::model::Protocol;
use crate::rules::tls::judged;
use crate::rules::{Checker, rule};

rule! {
    /// The protocol list leaves out TLS 1.2.
    ///
    /// ## What it does
    /// Reports a non-empty protocol list without `TLS_1_2`.
    ///
    /// ## Why is this bad?
    /// RFC 9325 and NIST SP 800-52r2 require TLS 1.2 support. A TLS 1.3-only
    /// list (Mozilla's "Modern" profile) is sound, but it needs a backend on
    /// JDK 11+ or 8u261+, or another TLS 1.3 stack: older backends fail the
    /// handshake.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_3"]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_2", "TLS_1_3"]}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: TLS 1.3 only can be a deliberate choice.
    "T005", "no-tls-1-2", standard: INFO, production: INFO, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some((listed, _)) = judged(body) else {
        return;
    };
    if listed.is_empty() || listed.iter().any(|item| item.protocol == Protocol::Tls12) || body.list_unread() {
        return;
    }
    let effective = body.effective.as_ref().expect("judged implies effective");
    let (span, pointer) = body.anchor(&effective.protocols);
    let only_1_3 = listed.iter().all(|item| item.protocol == Protocol::Tls13);
    let message = if only_1_3 {
        "TLS 1.3 only: backends before JDK 11 or 8u261 cannot connect"
    } else {
        "the protocol list leaves out TLS 1.2, which RFC 9325 requires"
    };
    checker.report(&RULE, span, pointer, message).help("add `TLS_1_2` unless every backend speaks TLS 1.3");
}
