//! Renders results; one module per format.

pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod sarif;

use mtlslint::{Diagnostic, Summary};

/// The findings for one input, with the text their ranges point into.
pub(crate) struct FileResult {
    pub(crate) source: String,
    /// The input's text with the credentials it seems to hold hidden
    /// ([`mtlslint::redact`]): excerpts show it.
    pub(crate) text: String,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    /// Credentials in `text` are hidden in it and in the findings' messages.
    pub(crate) fn new(source: impl Into<String>, text: String, mut diagnostics: Vec<Diagnostic>) -> Self {
        mtlslint::redact_diagnostics(&text, &mut diagnostics);
        let text = match mtlslint::redact(&text) {
            std::borrow::Cow::Owned(redacted) => redacted,
            std::borrow::Cow::Borrowed(_) => text,
        };
        Self { source: source.into(), text, diagnostics }
    }
}

/// `count` and the noun that goes with it: "1 fix", "2 fixes".
pub(crate) fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Counts by severity over every input.
pub(crate) fn summary(results: &[FileResult]) -> Summary {
    Summary::of(results.iter().flat_map(|r| &r.diagnostics))
}
