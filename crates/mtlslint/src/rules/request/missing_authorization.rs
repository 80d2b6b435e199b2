use crate::diagnostic::Span;
use crate::redact::is_placeholder;
use crate::rules::{Checker, rule};

rule! {
    /// The request has no `Authorization: Bearer <token>` header.
    ///
    /// ## What it does
    /// Checks for an `Authorization` header with the `Bearer` scheme and a
    /// token of one word, sent once. The token itself is never printed.
    ///
    /// ## Why is this bad?
    /// Both endpoints require a Personal API Access Token as a bearer token;
    /// without it the server answers `401 Unauthorized` ("Invalid token").
    /// HTTP allows the header once (RFC 9110, section 5.3): given twice, as
    /// a script that adds its own beside a default one does, which token the
    /// server or a proxy on the way reads is not defined.
    ///
    /// ## Example
    /// A scheme other than `Bearer`; a second copy of the header, whose
    /// token came with its scheme:
    /// ```text
    /// Authorization: Basic dXNlcjpwYXNz
    /// Authorization: Bearer Bearer <token>
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Authorization: Bearer <your personal API access token>
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the token is yours to supply.
    "R005", "missing-authorization", standard: ERROR, production: ERROR, fix: None,
}

use crate::import::header_value;

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    let Some(header) = view.header("Authorization") else {
        let help = "add the header `Authorization: Bearer <your personal API access token>`";
        let at = Span::new(view.method_span.start, view.url_span.end);
        checker
            .report(
                &RULE,
                at,
                "/headers/Authorization",
                "no `Authorization` header; both endpoints need a bearer token",
            )
            .help(help);
        return;
    };
    // HTTP allows the header once; which copy a server or proxy reads is not defined.
    if let Some(repeat) = view.headers.iter().filter(|h| h.name.eq_ignore_ascii_case("Authorization")).nth(1) {
        let message = "`Authorization` is sent more than once; HTTP allows it once (RFC 9110, section 5.3), \
                       and which one the server reads is not defined";
        checker
            .report(&RULE, repeat.value_span, format!("/headers/{}", repeat.name), message)
            .help("keep one `Authorization: Bearer <token>` header and remove the others");
    }
    // A no-break space copied with the token is sent with it: only spaces and tabs separate and surround it.
    let value = header_value(header.value);
    let (scheme, token) = value.split_once([' ', '\t']).map_or((value, ""), |(s, t)| (s, header_value(t)));
    let one_word = "write `Bearer` and the token after it, as one word";
    // The header is there: its value is what to write.
    let help = "write `Bearer <your personal API access token>` as the header's value";
    // `Bearer` and its token joined by a no-break space: one word to the server.
    let joined = scheme.get(..6).is_some_and(|b| b.eq_ignore_ascii_case("bearer"))
        && scheme[6..].chars().next().is_some_and(char::is_whitespace);
    let (message, help) = if joined {
        ("`Bearer` and the token are joined by white space other than a space".to_owned(), one_word)
    } else if !scheme.eq_ignore_ascii_case("bearer") {
        // Only a scheme HTTP knows is named: another first word may be the token itself.
        if token.is_empty() || !crate::request::is_known_scheme(scheme) {
            ("the `Authorization` header has no `Bearer` scheme".to_owned(), help)
        } else {
            (format!("the `Authorization` header uses the `{scheme}` scheme; both endpoints take `Bearer`"), help)
        }
    } else if token.is_empty() {
        ("the `Authorization` header has no token after `Bearer`".to_owned(), help)
    } else if token.split_whitespace().next().is_some_and(|word| word.eq_ignore_ascii_case("bearer")) {
        // A token copied with its scheme, after the one the client writes.
        ("the `Authorization` header says `Bearer` twice".to_owned(), one_word)
    } else if token.contains(char::is_whitespace) && !stands_for_the_token(token) {
        // RFC 6750's token is one word: the server reads no token in two.
        (
            "the `Authorization` header's token holds white space; a bearer token is one word (RFC 6750)".to_owned(),
            one_word,
        )
    } else {
        return;
    };
    checker.report(&RULE, header.value_span, format!("/headers/{}", header.name), message).help(help);
}

/// Whether a token stands for the one sent: a placeholder ([`is_placeholder`]:
/// `<your token>`, `{{$processEnv API_TOKEN}}`, `${TOKEN:?}`) or a shell's
/// command substitution (`$(cat ~/.token)`, `` `pass show api` ``).
fn stands_for_the_token(token: &str) -> bool {
    is_placeholder(token) || token.starts_with("$(") || token.starts_with('`')
}
