use crate::model::PROTOCOLS;
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
    let mut ranks: Vec<u8> = listed.iter().map(|item| item.protocol.info().rank).collect();
    ranks.sort_unstable();
    ranks.dedup();
    let missing: Vec<&str> = match (ranks.first(), ranks.last()) {
        (Some(&low), Some(&high)) => PROTOCOLS
            .iter()
            .filter(|i| i.rank > low && i.rank < high && !ranks.contains(&i.rank))
            .map(|i| i.constant)
            .collect(),
        _ => return,
    };
    if missing.is_empty() {
        return;
    }
    let effective = body.effective.as_ref().expect("judged implies effective");
    let (span, pointer) = body.anchor(&effective.protocols);
    let missing = missing.iter().rev().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" and ");
    checker
        .report(&RULE, span, pointer, format!("the protocol list skips {missing} between the versions it allows"))
        .help("list a contiguous range, e.g. [\"TLS_1_2\", \"TLS_1_3\"]");
}
