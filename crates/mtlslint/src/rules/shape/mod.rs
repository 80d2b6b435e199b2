//! S: the shape of the mTLS settings body.

pub(crate) mod coerced_value;
pub(crate) mod empty_id;
pub(crate) mod null_value;
pub(crate) mod ordinal_enum;
pub(crate) mod single_value_not_array;
pub(crate) mod unknown_enum_value;
pub(crate) mod unknown_field;
pub(crate) mod wrong_type;

use std::borrow::Cow;

use crate::body::{Body, Field, resolve_protocol};
use crate::model::{PROTOCOLS, Protocol};
use crate::syntax::{Node, Value};

/// A value that should be one enum constant: the verifier, or one item of the protocol list.
pub(super) struct EnumSlot<'a> {
    pub(super) field: Field,
    pub(super) node: &'a Node<'a>,
    key: &'a str,
    index: Option<usize>,
}

impl EnumSlot<'_> {
    /// Built only when a finding is reported.
    pub(super) fn pointer(&self, body: &Body<'_>) -> std::borrow::Cow<'static, str> {
        match self.index {
            Some(index) => body.item_pointer(self.key, index),
            None => body.pointer(self.key),
        }
    }
}

/// Every value of the body that should be an enum constant.
/// Calls `each` with every enum-valued slot: `hostnameVerifierType`'s value
/// and each item of an array `supportedProtocolList`, duplicates included.
pub(super) fn for_each_enum_slot<'a>(body: &Body<'a>, mut each: impl FnMut(EnumSlot<'a>)) {
    for (field, member) in body.known() {
        match (field, &member.value.value) {
            (Field::HostnameVerifierType, _) => {
                each(EnumSlot { field, node: &member.value, key: &member.key, index: None });
            }
            (Field::SupportedProtocolList, Value::Array(items)) => {
                for (index, node) in items.iter().enumerate() {
                    each(EnumSlot { field, node, key: &member.key, index: Some(index) });
                }
            }
            _ => {}
        }
    }
}

pub(crate) fn quoted(value: &str) -> String {
    serde_json::to_string(value).expect("a string always serialises")
}

/// How a value reads in a message: `the string "yes"`, `the number 1`, `an array`;
/// `shown` is the value's source text.
pub(super) fn describe(node: &Node<'_>, shown: &str) -> Cow<'static, str> {
    match &node.value {
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
        Value::Null => "null".into(),
        _ if shown.chars().count() > 40 => format!("a long {}", node.value.type_name()).into(),
        value => ["the ", value.type_name(), " ", shown].concat().into(),
    }
}

/// What the help of a fix that writes `protocols` out as items adds when
/// some are legacy (SSL 3.0, TLS 1.0, TLS 1.1): the body as sent is
/// rejected, so T001 and T002, which judge what the server reads, say
/// nothing of them before the fix turns them on. `None` when none is.
pub(super) fn legacy_written(protocols: &[Protocol]) -> Option<String> {
    // In the documentation's order, newest first: the last is the worst.
    let (mut names, mut worst) = (Vec::new(), None);
    for info in PROTOCOLS.iter().filter(|info| protocols.contains(&info.protocol)) {
        if let Some(deprecation) = info.deprecation {
            names.push(info.constant);
            worst = Some(deprecation);
        }
    }
    Some([", then leave out ", &crate::rules::listed(&names), ": ", worst?].concat())
}

/// The items of a list written as one string (S008 on the field, S004 on one
/// item of the list): separated by `,`, `;` or `|`, or by spaces when each
/// word is a protocol (`TLS_1_2 TLS_1_3`, while `TLS 1.2` is one), and
/// without the brackets and quotes of a JSON array encoded into the string
/// (`"[\"TLS_1_2\"]"`, a template's slip).
pub(super) fn list_items(text: &str) -> Vec<&str> {
    fn bare(word: &str) -> &str {
        word.trim().trim_matches(['"', '\'', '[', ']']).trim()
    }
    let mut items = Vec::new();
    for piece in text.split([',', ';', '|']).map(bare).filter(|piece| !piece.is_empty()) {
        let words: Vec<&str> = piece.split_whitespace().map(bare).filter(|word| !word.is_empty()).collect();
        if words.iter().all(|word| resolve_protocol(word).intended().is_some()) {
            items.extend(words);
        } else {
            items.push(piece);
        }
    }
    items
}
