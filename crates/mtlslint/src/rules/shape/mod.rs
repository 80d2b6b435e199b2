//! S: the shape of the mTLS settings body.

pub(crate) mod coerced_value;
pub(crate) mod empty_id;
pub(crate) mod null_value;
pub(crate) mod ordinal_enum;
pub(crate) mod single_value_not_array;
pub(crate) mod unknown_enum_value;
pub(crate) mod unknown_field;
pub(crate) mod wrong_type;

use crate::body::{Body, Field};
use crate::syntax::{Member, Node, Value};

/// A value that should be one enum constant: the verifier, or one item of the protocol list.
pub(super) struct EnumSlot<'a> {
    pub(super) field: Field,
    pub(super) node: &'a Node<'a>,
    pub(super) pointer: String,
}

/// Every value of the body that should be an enum constant.
pub(super) fn enum_slots<'a>(body: &Body<'a>) -> Vec<EnumSlot<'a>> {
    let mut slots = Vec::new();
    for member in body.members {
        match (Field::from_key(&member.key), &member.value.value) {
            (Some(field @ Field::HostnameVerifierType), _) => {
                slots.push(EnumSlot { field, node: &member.value, pointer: body.pointer(&member.key) });
            }
            (Some(field @ Field::SupportedProtocolList), Value::Array(items)) => {
                slots.extend(items.iter().enumerate().map(|(i, node)| EnumSlot {
                    field,
                    node,
                    pointer: body.item_pointer(&member.key, i),
                }));
            }
            _ => {}
        }
    }
    slots
}

/// The members for a known field, with the field.
pub(super) fn known<'a>(body: &Body<'a>) -> impl Iterator<Item = (Field, &'a Member<'a>)> + use<'a> {
    body.members.iter().filter_map(|m| Field::from_key(&m.key).map(|f| (f, m)))
}

/// `value` as a JSON string literal.
pub(crate) fn quoted(value: &str) -> String {
    serde_json::Value::from(value).to_string()
}

/// How a value reads in a message: `the string "yes"`, `the number 1`, `an array`;
/// `shown` is the value's source text.
pub(super) fn describe(node: &Node<'_>, shown: &str) -> String {
    match &node.value {
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
        Value::Null => "null".into(),
        _ if shown.chars().count() > 40 => format!("a long {}", node.value.type_name()),
        value => format!("the {} {shown}", value.type_name()),
    }
}
