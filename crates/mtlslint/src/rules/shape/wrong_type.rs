use crate::body::{Field, Reading, read_bool, read_id};
use crate::rules::shape::describe;
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// A field's value has a JSON type the server cannot read.
    ///
    /// ## What it does
    /// Checks that `enabled` is a boolean, the store ids are strings,
    /// `supportedProtocolList` is an array of strings and
    /// `hostnameVerifierType` is a string. Values the server converts
    /// (`"true"`, `1`) are left to `coerced-value`, numbers where a constant
    /// belongs to `ordinal-enum`, a lone string for the list to
    /// `single-value-not-array`, and `null` to `null-value`.
    ///
    /// ## Why is this bad?
    /// Jackson cannot map an object to a boolean or an array to a string;
    /// the server answers `400 Bad Request`.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": "yes", "keyStoreId": {"id": "ks-1"}}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "S002", "wrong-type", standard: ERROR, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for (field, member) in body.known() {
        let node = &member.value;
        let expected = match field {
            Field::Enabled if read_bool(node) == Reading::Invalid => Some("`true` or `false`"),
            Field::KeyStoreId | Field::TrustStoreId if read_id(node) == Reading::Invalid => {
                Some("a string id such as \"ks-1\"")
            }
            Field::SupportedProtocolList
                if matches!(node.value, Value::Object(_) | Value::Bool(_) | Value::Number(_)) =>
            {
                Some("an array of protocol constants such as [\"TLS_1_2\", \"TLS_1_3\"]")
            }
            Field::HostnameVerifierType
                if matches!(node.value, Value::Object(_) | Value::Array(_) | Value::Bool(_)) =>
            {
                Some("one constant: \"DEFAULT\", \"STRICT\", \"BROWSER_COMPAT\" or \"NOOP\"")
            }
            _ => None,
        };
        if let Some(expected) = expected {
            let found = describe(node, checker.slice(body.span(node.span)));
            checker
                .report(
                    &RULE,
                    body.span(node.span),
                    body.pointer(&member.key),
                    format!("`{}` must be {expected}, found {found}", member.key),
                )
                .help(format!("write {expected}"));
        }
        if let (Field::SupportedProtocolList, Value::Array(items)) = (field, &node.value) {
            for (index, item) in items.iter().enumerate() {
                if matches!(item.value, Value::Object(_) | Value::Array(_) | Value::Bool(_) | Value::Null) {
                    let found = describe(item, checker.slice(body.span(item.span)));
                    checker
                        .report(
                            &RULE,
                            body.span(item.span),
                            body.item_pointer(&member.key, index),
                            format!("protocol list items must be constants such as \"TLS_1_2\", found {found}"),
                        )
                        .help("write each protocol as a string constant: \"TLS_1_2\", \"TLS_1_3\"");
                }
            }
        }
    }
}
