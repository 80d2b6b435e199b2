use crate::model::{PROTOCOLS, ProtocolInfo};
use crate::rules::tls::judged;
use crate::rules::{Checker, rule};

rule! {
    /// The protocol list skips a version between two it allows.
    ///
    /// ## What it does
    /// Reports a list such as `["TLS_1_0", "TLS_1_3"]` whose versions are not
    /// contiguous.
    ///
    /// ## Why is this bad?
    /// TLS negotiates the highest version both sides share; a gap rarely does
    /// what was meant, and JSSE implementations have handled non-contiguous
    /// version sets inconsistently. It usually means the wrong constant was
    /// picked.
    ///
    /// ## Example
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_0", "TLS_1_3"]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_2", "TLS_1_3"]}
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "T006", "protocol-gap", standard: INFO, production: INFO, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some((listed, _)) = judged(body) else {
        return;
    };
    let ranks: u32 = listed.iter().fold(0, |ranks, item| ranks | 1 << item.protocol.info().rank);
    if ranks == 0 || body.list_unread() {
        return;
    }
    let (low, high) = (ranks.trailing_zeros(), u32::BITS - 1 - ranks.leading_zeros());
    let missing = |i: &&ProtocolInfo| (low..high).contains(&u32::from(i.rank)) && ranks & 1 << i.rank == 0;
    if !PROTOCOLS.iter().any(|i| missing(&i)) {
        return;
    }
    let effective = body.effective.as_ref().expect("judged implies effective");
    let (span, pointer) = body.anchor(&effective.protocols);
    let skipped: Vec<&str> = PROTOCOLS.iter().rev().filter(missing).map(|info| info.constant).collect();
    let message =
        ["the protocol list skips ", &crate::rules::listed(&skipped), " between the versions it allows"].concat();
    checker.report(&RULE, span, pointer, message).help("list a contiguous range, e.g. [\"TLS_1_2\", \"TLS_1_3\"]");
}
