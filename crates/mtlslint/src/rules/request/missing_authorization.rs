use crate::diagnostic::Span;
use crate::rules::{Checker, rule};

rule! {
    /// The request has no `Authorization: Bearer <token>` header.
    ///
    /// ## What it does
    /// Checks for an `Authorization` header with the `Bearer` scheme and a
    /// token. The token itself is never printed.
    ///
    /// ## Why is this bad?
    /// Both endpoints require a Personal API Access Token as a bearer token;
    /// without it the server answers `401 Unauthorized` ("Invalid token").
    ///
    /// ## Example
    /// ```text
    /// Authorization: Basic dXNlcjpwYXNz
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

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    let help = "add the header `Authorization: Bearer <your personal API access token>`";
    let Some(header) = view.header("Authorization") else {
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
    let value = header.value.trim();
    let (scheme, token) = value.split_once(char::is_whitespace).map_or((value, ""), |(s, t)| (s, t.trim()));
    let message = if !scheme.eq_ignore_ascii_case("bearer") {
        // Only a scheme HTTP knows is named: another first word may be the token itself.
        if token.is_empty() || !crate::request::is_known_scheme(scheme) {
            "the `Authorization` header has no `Bearer` scheme".to_owned()
        } else {
            format!("the `Authorization` header uses the `{scheme}` scheme; both endpoints take `Bearer`")
        }
    } else if token.is_empty() {
        "the `Authorization` header has no token after `Bearer`".to_owned()
    } else {
        return;
    };
    checker.report(&RULE, header.value_span, format!("/headers/{}", header.name), message).help(help);
}
