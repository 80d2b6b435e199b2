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
    let fix = legacy_free_list(body).map(|(span, list)| (span, ["Replace the list with ", &list].concat(), list));
    for item in bad {
        let (text, help) = message(item.protocol);
        let Some(node) = item.node else { continue };
        let index = item_index(&member.value, node);
        let mut diagnostic = checker.report(rule, body.span(node.span), body.item_pointer(&member.key, index), text);
        diagnostic.help(help);
        if let Some((span, title, list)) = &fix {
            diagnostic.fix(Applicability::Unsafe, title.clone(), [(*span, list.clone())]);
        }
    }
}

/// SSL 3.0, TLS 1.0 and TLS 1.1: the protocols the table marks deprecated.
fn is_legacy(protocol: Protocol) -> bool {
    protocol.info().deprecation.is_some()
}

/// The body's list without legacy protocols, as (span of the array, new text).
fn legacy_free_list(body: &Body<'_>) -> Option<(Span, String)> {
    let member = body.last(Field::SupportedProtocolList)?;
    let Value::Array(items) = &member.value.value else {
        return None;
    };
    let kept = items.iter().filter(|node| match &node.value {
        Value::String(text) => !crate::body::resolve_protocol(text).intended().is_some_and(is_legacy),
        _ => true,
    });
    let mut list = String::from("[");
    for node in kept {
        if list.len() > 1 {
            list.push_str(", ");
        }
        list.push_str(body_text(body, node));
    }
    list.push(']');
    Some((body.span(member.value.span), if list == "[]" { RECOMMENDED.to_owned() } else { list }))
}

fn body_text<'a>(body: &Body<'a>, node: &Node<'_>) -> &'a str {
    body.source.get(node.span.start..node.span.end).unwrap_or_default()
}

/// The index of `node` among the items of `array`.
fn item_index(array: &Node<'_>, node: &Node<'_>) -> usize {
    match &array.value {
        Value::Array(items) => items.iter().position(|item| item.span == node.span).unwrap_or(0),
        _ => 0,
    }
}
