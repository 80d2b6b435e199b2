use crate::body::{Field, resolve_protocol};
use crate::diagnostic::{Applicability, Span};
use crate::model::PROTOCOLS;
use crate::rules::{Checker, Memo, rule};
use crate::syntax::Value;

rule! {
    /// The same protocol is listed twice.
    ///
    /// ## What it does
    /// Reports a protocol constant that appears again in
    /// `supportedProtocolList`, also when written once as the constant and
    /// once as its Java name.
    ///
    /// ## Why is this bad?
    /// It changes nothing the proxy does, but it hides what the list says and
    /// often stands where another protocol was meant.
    ///
    /// ## Example
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_2", "TLS_1_3", "TLS_1_2"]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_2", "TLS_1_3"]}
    /// ```
    ///
    /// ## Fix safety
    /// Safe: removing a repeat keeps the list's meaning.
    "T004", "duplicate-protocol", standard: WARNING, production: WARNING, fix: Safe,
}

static MESSAGE: Memo<{ PROTOCOLS.len() }> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for member in body.all(Field::SupportedProtocolList) {
        let Value::Array(items) = &member.value.value else {
            continue;
        };
        let mut seen = [false; PROTOCOLS.len()];
        for (index, item) in items.iter().enumerate() {
            let Value::String(text) = &item.value else {
                continue;
            };
            let Some(protocol) = resolve_protocol(text).intended() else {
                continue;
            };
            if std::mem::replace(&mut seen[protocol as usize], true) {
                let removal = Span::new(items[index - 1].span.end, item.span.end);
                checker
                    .report(
                        &RULE,
                        body.span(item.span),
                        body.item_pointer(&member.key, index),
                        MESSAGE.get(protocol as usize, |i| format!("`{}` is listed twice", PROTOCOLS[i].constant)),
                    )
                    .help("list each protocol once")
                    .fix(Applicability::Safe, "Remove the repeat", vec![(body.span(removal), String::new())]);
            }
        }
    }
}
