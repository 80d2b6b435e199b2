use crate::body::Rejected;
use crate::diagnostic::Span;
use crate::rules::{Checker, rule};
use crate::syntax::ParseError;

rule! {
    /// The body is not valid JSON or not valid UTF-8.
    ///
    /// ## What it does
    /// Reports the first syntax or encoding error with its line and column:
    /// trailing commas, single quotes, comments, unquoted keys, `True`,
    /// unterminated strings, an empty body, bytes that are not UTF-8, text
    /// saved as UTF-16 (with its byte order mark or without).
    ///
    /// ## Why is this bad?
    /// The server answers `400 Bad Request` without saying where the body
    /// went wrong. JSON (RFC 8259) allows none of the conveniences above.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": 'ks-1',}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the intended text is not always clear.
    "J001", "invalid-json", standard: ERROR, production: ERROR, fix: None,
    gates: "a body that is not JSON",
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    match (body.rejected, body.parsed.and_then(|p| p.error.as_ref())) {
        (Some(Rejected::NotUtf8 { offset, utf16 }), _) => {
            let (message, help) = if utf16 {
                ("the body is UTF-16; JSON sent between systems must be UTF-8 (RFC 8259)", "save the file as UTF-8")
            } else {
                (
                    "the body is not valid UTF-8",
                    "save the file as UTF-8 and write non-ASCII characters as text or as `\\uXXXX` escapes",
                )
            };
            let span = body.span(Span::new(offset, offset));
            checker.report(&RULE, span, body.root_pointer(), message).help(help);
        }
        (_, Some(ParseError::Syntax(problem))) => {
            let mut diagnostic =
                checker.report(&RULE, body.span(problem.span), body.root_pointer(), problem.message.clone());
            if let Some(help) = &problem.help {
                diagnostic.help(help.clone());
            }
        }
        _ => {}
    }
}
