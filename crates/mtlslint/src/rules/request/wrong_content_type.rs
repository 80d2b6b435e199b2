use crate::diagnostic::{Applicability, Span};
use crate::request::Endpoint;
use crate::rules::{Checker, rule};

rule! {
    /// The mTLS settings call has no `Content-Type: application/json`.
    ///
    /// ## What it does
    /// Checks that the PATCH to the mTLS settings endpoint declares its body
    /// as `application/json` (parameters such as `charset=utf-8` are fine).
    ///
    /// ## Why is this bad?
    /// The endpoint requires `Content-Type: application/json`. `curl -d`
    /// sends `application/x-www-form-urlencoded` unless told otherwise, and
    /// the server then rejects the body (`415 Unsupported Media Type` on
    /// Spring).
    ///
    /// ## Example
    /// ```text
    /// curl -X PATCH ... -d '{"enabled": false}'
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// curl -X PATCH ... -H "Content-Type: application/json" -d '{"enabled": false}'
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix sets the header to `application/json`.
    "R006", "wrong-content-type", standard: ERROR, production: ERROR, fix: Safe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    if view.endpoint != Some(Endpoint::MtlsSettings) {
        return;
    }
    let help = "send `Content-Type: application/json`";
    match view.header("Content-Type") {
        None => {
            let at = Span::at(view.headers_end);
            checker
                .report(
                    &RULE,
                    Span::new(view.method_span.start, view.url_span.end),
                    "/headers/Content-Type",
                    "no `Content-Type` header; this endpoint takes `application/json`",
                )
                .help(help)
                .fix(
                    Applicability::Safe,
                    "Add `Content-Type: application/json`",
                    vec![(at, "Content-Type: application/json\n".to_owned())],
                );
        }
        Some(header) => {
            // Only spaces and tabs around it are dropped: a no-break space is read as part of it.
            let media_type = crate::import::header_value(header.value.split(';').next().unwrap_or_default());
            if !media_type.eq_ignore_ascii_case("application/json") {
                let message = match media_type.chars().find(|c| c.is_whitespace()) {
                    Some(blank) if media_type.trim().eq_ignore_ascii_case("application/json") => format!(
                        "`Content-Type` is `application/json` with the white space U+{:04X} beside it, which a server reads as part of the media type",
                        u32::from(blank)
                    ),
                    _ => format!("`Content-Type` is `{media_type}`; this endpoint takes `application/json`"),
                };
                checker.report(&RULE, header.value_span, format!("/headers/{}", header.name), message).help(help).fix(
                    Applicability::Safe,
                    "Use `application/json`",
                    vec![(header.value_span, "application/json".to_owned())],
                );
            }
        }
    }
}
