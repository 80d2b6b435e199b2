use std::collections::HashMap;

use crate::diagnostic::Span;
use crate::rules::{Checker, rule};
use crate::syntax::{Node, Value, pointer_token};

rule! {
    /// A key appears twice in one object.
    ///
    /// ## What it does
    /// Reports every repeated key of an object, at the repetition, and says
    /// which value the server keeps.
    ///
    /// ## Why is this bad?
    /// RFC 8259 says names SHOULD be unique; Jackson does not check
    /// (`STRICT_DUPLICATE_DETECTION` is off) and keeps the last value. A
    /// reader who sees the first value is misled, and tools that keep the
    /// first one disagree with the server.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "enabled": false}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": false, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: which value you meant is not clear.
    "J002", "duplicate-key", standard: ERROR, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(root) = body.root() else { return };
    let mut found = Vec::new();
    visit(root, &mut body.root_pointer(), &mut found);
    for (node_span, pointer, key, first_line_offset) in found {
        let first = checker.line_of(body.span(Span::at(first_line_offset)).start);
        checker
            .report(
                &RULE,
                body.span(node_span),
                pointer,
                format!("`{key}` is repeated; the server keeps this last value and ignores the one on line {first}"),
            )
            .help(format!("keep one `{key}` member"));
    }
}

type Found = Vec<(Span, String, String, usize)>;

/// Collects repeated keys in every nested object; the parser's depth limit bounds the recursion.
fn visit(node: &Node<'_>, pointer: &mut String, found: &mut Found) {
    match &node.value {
        Value::Object(members) => {
            if members.len() > 1 {
                let mut first: HashMap<&str, usize> = HashMap::with_capacity(members.len());
                for member in members {
                    if let Some(&at) = first.get(member.key.as_ref()) {
                        let member_pointer = format!("{pointer}/{}", pointer_token(&member.key));
                        found.push((member.key_span, member_pointer, member.key.to_string(), at));
                    } else {
                        first.insert(&member.key, member.key_span.start);
                    }
                }
            }
            for member in members {
                if matches!(member.value.value, Value::Object(_) | Value::Array(_)) {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&pointer_token(&member.key));
                    visit(&member.value, pointer, found);
                    pointer.truncate(len);
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                if matches!(item.value, Value::Object(_) | Value::Array(_)) {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&index.to_string());
                    visit(item, pointer, found);
                    pointer.truncate(len);
                }
            }
        }
        _ => {}
    }
}
