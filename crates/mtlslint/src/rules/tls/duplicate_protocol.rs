use std::borrow::Cow;

use crate::body::{Field, Resolution, resolve_protocol};
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
        // Where and how each protocol was first listed, and whether as its exact constant.
        let mut first: [Option<(usize, &str, bool)>; PROTOCOLS.len()] = [None; PROTOCOLS.len()];
        for (index, item) in items.iter().enumerate() {
            let Value::String(text) = &item.value else {
                continue;
            };
            let resolution = resolve_protocol(text);
            let Some(protocol) = resolution.intended() else {
                continue;
            };
            let here = (index, text.as_ref(), matches!(resolution, Resolution::Exact(_)));
            let Some(earlier) = first[protocol as usize] else {
                first[protocol as usize] = Some(here);
                continue;
            };
            // The exact constant stays: a repeat written as it replaces an
            // earlier spelling (`TLSv1.2`), which is removed instead.
            let ((removed, removed_text, _), (_, kept_text, _)) = if here.2 && !earlier.2 {
                first[protocol as usize] = Some(here);
                (earlier, here)
            } else {
                (here, earlier)
            };
            let span = if removed == 0 {
                Span::new(items[0].span.start, items[1].span.start)
            } else {
                Span::new(items[removed - 1].span.end, items[removed].span.end)
            };
            let message: Cow<'static, str> = if removed_text == kept_text {
                MESSAGE.get(protocol as usize, |i| format!("`{}` is listed twice", PROTOCOLS[i].constant)).into()
            } else {
                let constant = PROTOCOLS[protocol as usize].constant;
                format!("`{removed_text}` and `{kept_text}` both stand for `{constant}`").into()
            };
            checker
                .report(&RULE, body.span(items[removed].span), body.item_pointer(&member.key, removed), message)
                .help("list each protocol once")
                .fix(Applicability::Safe, "Remove the repeat", vec![(body.span(span), String::new())]);
        }
    }
}
