use crate::model::{PROTOCOLS, Protocol};
use crate::rules::tls::report_listed;
use crate::rules::{Checker, Memo, rule};

rule! {
    /// `TLS_1_0` or `TLS_1_1` is in the protocol list.
    ///
    /// ## What it does
    /// Reports TLS 1.0 and TLS 1.1 in the protocol list the proxy ends up
    /// with, each once, where it is first listed (T004 reports repeats).
    ///
    /// ## Why is this bad?
    /// Both are deprecated (RFC 8996, BCP 195). JDK 16 disabled them by
    /// default (JDK-8202343, backported to 8u291 and 11.0.11), and PCI DSS
    /// has forbidden early TLS as a security control since June 2018.
    /// Support TLS 1.2 and prefer TLS 1.3 (RFC 9325).
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_0", "TLS_1_2"]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_2", "TLS_1_3"]}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: a backend that speaks only TLS 1.0 or 1.1 stops connecting.
    /// The fix drops every legacy protocol and sets `["TLS_1_2", "TLS_1_3"]`
    /// if none would remain.
    "T002", "legacy-tls", standard: WARNING, production: ERROR, fix: Unsafe,
}

static MESSAGE: Memo<{ PROTOCOLS.len() }> = Memo::new();
static HELP: Memo<{ PROTOCOLS.len() }> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    report_listed(
        checker,
        &RULE,
        |p| matches!(p, Protocol::Tls10 | Protocol::Tls11),
        |p| {
            (
                MESSAGE.get(p as usize, |i| format!("{} is deprecated (RFC 8996)", PROTOCOLS[i].label)),
                HELP.get(p as usize, |i| format!("remove `{}`; use `TLS_1_2` and `TLS_1_3`", PROTOCOLS[i].constant)),
            )
        },
    );
}
