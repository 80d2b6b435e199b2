use crate::diagnostic::Applicability;
use crate::rules::{Checker, rule};

rule! {
    /// Text follows the first JSON value.
    ///
    /// ## What it does
    /// Reports anything but white space after the body's closing brace.
    ///
    /// ## Why is this bad?
    /// Jackson 2.x stops reading after the first value
    /// (`FAIL_ON_TRAILING_TOKENS` is off), so a second object, a stray brace
    /// or a pasted shell fragment is silently ignored: what you meant to send
    /// may not be what the server applies.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": false}
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Use instead
    /// One object per request:
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// The fix deletes the trailing text, which the server ignores anyway;
    /// it is unsafe because the text may be what you meant to send.
    "J003", "trailing-content", standard: ERROR, production: ERROR, fix: Unsafe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let (Some(span), Some(root)) = (body.parsed.and_then(|p| p.trailing), body.root()) else {
        return;
    };
    let removal = body.span(crate::diagnostic::Span::new(root.span.end, span.end));
    let trailing = body.source.get(span.start..span.end).unwrap_or_default();
    let (message, help) = if crate::syntax::starts_with_comment(trailing) {
        ("a comment after the JSON value; JSON has no comments, and the server ignores it", "remove the comment")
    } else {
        (
            "text after the end of the JSON value; the server ignores it",
            "send one JSON object; remove what follows it or merge it into the object",
        )
    };
    checker.report(&RULE, body.span(span), body.root_pointer(), message).help(help).fix(
        Applicability::Unsafe,
        "Remove the trailing text",
        vec![(removal, String::new())],
    );
}
