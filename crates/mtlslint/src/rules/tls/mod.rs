//! T: the TLS protocol versions.

pub(crate) mod all_protocols;
pub(crate) mod duplicate_protocol;
pub(crate) mod legacy_tls;
pub(crate) mod no_tls_1_2;
pub(crate) mod protocol_gap;
pub(crate) mod ssl3_enabled;

use crate::body::{Body, Field, ListedProtocol, Origin};
use crate::diagnostic::{Applicability, Span};
use crate::model::Protocol;
use crate::rules::{Checker, Rule};
use crate::syntax::{Node, Value};

/// The protocol list that findings recommend, as JSON; a macro, so that texts
/// naming it are joined at compile time.
macro_rules! recommended {
    () => {
        r#"["TLS_1_2", "TLS_1_3"]"#
    };
}
pub(super) use recommended;

/// What `set_member` writes when a list must be set: the recommended protocols.
pub(super) const RECOMMENDED: &str = recommended!();

/// The title of a fix that sets the list to [`RECOMMENDED`].
pub(super) const SET_RECOMMENDED: &str = concat!("Set the list to ", recommended!());

/// The effective protocol list when a rule should judge it.
pub(super) fn judged<'a>(body: &'a Body<'a>) -> Option<(&'a [ListedProtocol<'a>], Origin<'a>)> {
    let effective = body.effective.as_ref()?;
    if body.unread(Field::SupportedProtocolList) {
        return None;
    }
    let protocols = &effective.protocols;
    protocols.in_play(effective.enabled.value).then_some((protocols.value.as_slice(), protocols.origin))
}

/// Reports each listed protocol that `is_bad` (the effective list holds each
/// once, where first listed), with an unsafe fix that drops every legacy
/// protocol from the list at once (so that fixes of T001 and T002 agree), or
/// sets the recommended list when nothing would remain.
pub(super) fn report_listed(
    checker: &mut Checker<'_>,
    rule: &'static Rule,
    is_bad: fn(Protocol) -> bool,
    message: impl Fn(Protocol) -> (&'static str, &'static str),
) {
    let Some(body) = checker.body else { return };
    let Some((listed, origin)) = judged(body) else {
        return;
    };
    let mut bad = listed.iter().filter(|item| is_bad(item.protocol)).peekable();
    if bad.peek().is_none() {
        return;
    }
    let Origin::Body(member) = origin else {
        // A kept list: each protocol is named where the body could set the list.
        let effective = body.effective.as_ref().expect("judged implies effective");
        let (span, pointer) = body.anchor(&effective.protocols);
        let edits = body.set_member(Field::SupportedProtocolList, RECOMMENDED);
        for item in bad {
            let (text, help) = message(item.protocol);
            checker
                .report(
                    rule,
                    span,
                    pointer.clone(),
                    format!("{text} (in the current settings, which this PATCH keeps)"),
                )
                .help(help)
                .fix(Applicability::Unsafe, SET_RECOMMENDED, edits.clone());
        }
        return;
    };
    let fix = legacy_free_list(body);
    for item in bad {
        let (text, help) = message(item.protocol);
        let Some(node) = item.node else { continue };
        let index = item_index(&member.value, node);
        let mut diagnostic = checker.report(rule, body.span(node.span), body.item_pointer(&member.key, index), text);
        diagnostic.help(help);
        if let Some((title, edits)) = &fix {
            diagnostic.fix(Applicability::Unsafe, title.clone(), edits.clone());
        }
    }
}

/// SSL 3.0, TLS 1.0 and TLS 1.1: the protocols the table marks deprecated.
fn is_legacy(protocol: Protocol) -> bool {
    protocol.info().deprecation.is_some()
}

/// The fix that drops the legacy protocols from the body's list: its title
/// and edits. Only the legacy items and the separators before them go, so
/// the others keep their layout (one a line stays one a line); a list left
/// empty, which would allow every protocol, is set to the recommended one.
fn legacy_free_list(body: &Body<'_>) -> Option<(String, Vec<(Span, String)>)> {
    let member = body.last(Field::SupportedProtocolList)?;
    let Value::Array(items) = &member.value.value else {
        return None;
    };
    let legacy = |index: usize| match &items[index].value {
        Value::String(text) => crate::body::resolve_protocol(text).intended().is_some_and(is_legacy),
        _ => false,
    };
    if (0..items.len()).all(legacy) {
        return Some((SET_RECOMMENDED.to_owned(), vec![(body.span(member.value.span), RECOMMENDED.to_owned())]));
    }
    let mut edits = Vec::new();
    let mut list = String::from("[");
    let mut index = 0;
    while index < items.len() {
        if !legacy(index) {
            if list.len() > 1 {
                list.push_str(", ");
            }
            list.push_str(body.source.get(items[index].span.start..items[index].span.end).unwrap_or_default());
            index += 1;
            continue;
        }
        // A run of legacy items goes with the separator before it, or after it at the start of the list.
        let first = index;
        while index < items.len() && legacy(index) {
            index += 1;
        }
        let span = match first {
            0 => Span::new(items[0].span.start, items[index].span.start),
            _ => Span::new(items[first - 1].span.end, items[index - 1].span.end),
        };
        edits.push((body.span(span), String::new()));
    }
    list.push(']');
    Some((["Replace the list with ", &list].concat(), edits))
}

/// The index of `node` among the items of `array`.
fn item_index(array: &Node<'_>, node: &Node<'_>) -> usize {
    match &array.value {
        Value::Array(items) => items.iter().position(|item| item.span == node.span).unwrap_or(0),
        _ => 0,
    }
}
