use std::borrow::Cow;
use std::collections::HashMap;

use crate::body::Field;
use crate::diagnostic::Span;
use crate::model::FIELDS;
use crate::rules::{Checker, Memo, rule};
use crate::syntax::{Member, Node, Value, pointer_token};

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

static KEEP_ONE: Memo<{ FIELDS.len() }> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(root) = body.root() else { return };
    let mut found = Vec::new();
    visit(root, &mut Vec::new(), &mut found);
    if found.is_empty() {
        return;
    }
    // Both ends of every repeat are placed in one pass, so that a long run of repeats stays linear.
    let offsets = found.iter().flat_map(|r| [body.span(Span::at(r.first)).start, body.span(r.span).start]);
    let positions = checker.positions(offsets);
    let at = |offset: usize| positions[positions.partition_point(|p| p.offset < offset)];
    for repeat in found {
        let first = at(body.span(Span::at(repeat.first)).start);
        // On the repeat's own line (a one-line body), the line alone does not find the first.
        let first = if at(body.span(repeat.span).start).line == first.line {
            format!("line {}, column {}", first.line, first.column)
        } else {
            format!("line {}", first.line)
        };
        let key = repeat.key;
        checker
            .report(
                &RULE,
                body.span(repeat.span),
                match repeat.pointer {
                    Some(nested) => Cow::Owned(format!("{}{nested}", body.root_pointer())),
                    None => body.pointer(key),
                },
                if repeat.read {
                    let ignored = if repeat.many { "the others, from " } else { "the one on " };
                    ["`", key, "` is repeated; the server keeps this last value and ignores ", ignored, &first].concat()
                } else {
                    [
                        "`",
                        key,
                        "` is repeated; the server ignores this value and the one on ",
                        &first,
                        ", and keeps the last",
                    ]
                    .concat()
                },
            )
            .help(match Field::from_key(key) {
                Some(field) => Cow::Borrowed(KEEP_ONE.get(field as usize, |i| {
                    format!(
                        "keep one `{}` member, the one with the value you mean (the server reads the last)",
                        FIELDS[i]
                    )
                })),
                None => Cow::Owned(
                    ["keep one `", key, "` member, the one with the value you mean (the server reads the last)"]
                        .concat(),
                ),
            });
    }
}

struct Repeat<'a> {
    span: Span,
    /// The pointer below the body's root, for a repeat inside a nested object.
    pointer: Option<String>,
    key: &'a str,
    first: usize,
    /// Whether it is the key's last member: the value the server reads.
    read: bool,
    /// Whether the key is given three times or more.
    many: bool,
}

/// Objects with more members than this are checked with a hash map.
const SCAN_LIMIT: usize = 16;

/// One step of the path from the body to a nested value.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Collects repeated keys in every nested object; the parser's depth limit
/// bounds the recursion. Pointers are written only for what is found.
fn visit<'a>(node: &'a Node<'a>, path: &mut Vec<Step<'a>>, found: &mut Vec<Repeat<'a>>) {
    match &node.value {
        Value::Object(members) => {
            // A scan beats hashing for the handful of keys a body has; maps keep huge objects
            // linear (of one type: each other type of map is a kilobyte more in the wasm module).
            let scan = members.len() <= SCAN_LIMIT;
            let [mut firsts, mut seconds, mut lasts]: [HashMap<&str, &Member<'_>>; 3] = Default::default();
            for member in members.iter().filter(|_| !scan) {
                lasts.insert(&member.key, member);
            }
            for (index, member) in members.iter().enumerate() {
                let same = |m: &&Member<'_>| m.key == member.key;
                let first = if scan {
                    members[..index].iter().find(same)
                } else {
                    firsts.get(member.key.as_ref()).copied().or_else(|| {
                        firsts.insert(&member.key, member);
                        None
                    })
                };
                if let Some(first) = first {
                    let (read, many) = if scan {
                        (
                            !members[index + 1..].iter().any(|m| same(&m)),
                            members[..index].iter().filter(same).count() > 1,
                        )
                    } else {
                        let second = seconds.get(member.key.as_ref()).copied().unwrap_or_else(|| {
                            seconds.insert(&member.key, member);
                            member
                        });
                        let last = lasts.get(member.key.as_ref()).copied();
                        (last.is_some_and(|last| std::ptr::eq(last, member)), !std::ptr::eq(second, member))
                    };
                    // Top-level repeats get their pointer from the body; nested ones spell out their path.
                    let pointer = (!path.is_empty()).then(|| {
                        let mut pointer = String::new();
                        for step in path.iter() {
                            pointer.push('/');
                            match step {
                                Step::Key(key) => pointer.push_str(&pointer_token(key)),
                                Step::Index(index) => pointer.push_str(&index.to_string()),
                            }
                        }
                        pointer.push('/');
                        pointer.push_str(&pointer_token(&member.key));
                        pointer
                    });
                    found.push(Repeat {
                        span: member.key_span,
                        pointer,
                        key: &member.key,
                        first: first.key_span.start,
                        read,
                        many,
                    });
                }
            }
            for member in members.iter().filter(|m| has_objects(&m.value)) {
                path.push(Step::Key(&member.key));
                visit(&member.value, path, found);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate().filter(|(_, item)| has_objects(item)) {
                path.push(Step::Index(index));
                visit(item, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Whether a value can hold an object: arrays of strings, like the protocol list, cannot.
fn has_objects(node: &Node<'_>) -> bool {
    match &node.value {
        Value::Object(_) => true,
        Value::Array(items) => items.iter().any(|item| matches!(item.value, Value::Object(_) | Value::Array(_))),
        _ => false,
    }
}
