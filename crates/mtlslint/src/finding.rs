//! Findings as the linter reports them: where they are is a byte range.
//!
//! Lines and columns are a front end's concern, as in Ruff or Biome: a
//! pipeline that only counts errors never needs them, and a front end that
//! shows findings places them with [`locate`] (one pass over the text for
//! all of them), which gives the [`Diagnostic`]s the CLI writes and the npm
//! package returns.

use std::borrow::Cow;

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Range, Severity, Span};
use crate::syntax::Cursor;

/// One finding: what is wrong, where (a byte range), and what to write instead.
///
/// ```
/// let found = mtlslint::Linter::default().lint_body(br#"{"keystoreId": "ks-1"}"#);
/// assert_eq!((found[0].code, found[0].span.start, found[0].span.end), ("S001", 1, 13));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule code, e.g. `M001`.
    pub code: &'static str,
    /// Rule name, e.g. `keystore-required`.
    pub name: &'static str,
    /// Severity under the active profile and overrides.
    pub severity: Severity,
    /// What is wrong.
    pub message: Cow<'static, str>,
    /// JSON pointer (RFC 6901) of the value at fault, as [`Diagnostic::pointer`].
    pub pointer: Cow<'static, str>,
    /// Where in the linted text, in bytes.
    pub span: Span,
    /// What to write instead, when the message alone does not say.
    pub help: Option<Cow<'static, str>>,
    /// A machine-applicable fix, when there is one: this module's [`Fix`],
    /// whose edits carry spans (`mtlslint::Fix`, at the crate's root, is the
    /// placed one a [`Diagnostic`] carries).
    pub fix: Option<Fix>,
}

/// A machine-applicable change that resolves a finding; its edits carry byte
/// spans. Not `mtlslint::Fix`, the one [`locate`] makes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// What the fix does, e.g. "Replace `TLSv1.2` with `TLS_1_2`".
    pub message: Cow<'static, str>,
    /// Non-overlapping edits, in text order.
    pub edits: Vec<Edit>,
}

/// Replace the text in `span` with `content`. Not `mtlslint::Edit`, the one
/// [`locate`] makes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub content: Cow<'static, str>,
}

/// Places `findings` in `text`, the text they were found in: each range
/// and fix edit gets its lines and columns. Findings come from the linter
/// in text order, which makes this one pass over the text.
///
/// For findings of bytes (`lint_body`, `lint_response`), pass
/// `String::from_utf8_lossy` of those bytes: exact, since no span passes
/// the first byte that is not UTF-8. A text cut or changed otherwise (its
/// byte order mark taken off, say) places every finding wrong.
///
/// ```
/// let text = "{\n  \"keystoreId\": \"ks-1\"\n}";
/// let found = mtlslint::Linter::default().lint_body(text.as_bytes());
/// let placed = mtlslint::locate(text, found);
/// assert_eq!((placed[0].range.start.line, placed[0].range.start.column), (2, 3));
/// ```
pub fn locate(text: &str, findings: impl IntoIterator<Item = Finding>) -> Vec<Diagnostic> {
    let findings = findings.into_iter();
    let mut cursor = Cursor::new(text);
    let mut placed: Vec<Diagnostic> = Vec::with_capacity(findings.size_hint().0);
    for finding in findings {
        let start = cursor.position(finding.span.start);
        let range = Range { start, end: cursor.after(start, finding.span.end) };
        let fix = finding.fix.map(|fix| crate::diagnostic::Fix {
            applicability: fix.applicability,
            message: fix.message,
            edits: fix
                .edits
                .into_iter()
                .map(|edit| {
                    // An edit may begin before its finding (removing a list item takes
                    // the comma before it): it walks from the last start placed at or
                    // before it, so that a long list of them stays one pass.
                    let from = if edit.span.start >= start.offset {
                        start
                    } else {
                        let before = placed.partition_point(|d| d.range.start.offset <= edit.span.start);
                        placed[..before].last().map_or(start, |d| d.range.start)
                    };
                    let edit_start = cursor.after(from, edit.span.start);
                    let range = Range { start: edit_start, end: cursor.after(edit_start, edit.span.end) };
                    crate::diagnostic::Edit { range, content: edit.content }
                })
                .collect(),
        });
        placed.push(Diagnostic {
            code: finding.code,
            name: finding.name,
            severity: finding.severity,
            message: finding.message,
            pointer: finding.pointer,
            range,
            help: finding.help,
            fix,
        });
    }
    placed
}

/// The finding a placed diagnostic was made from, to apply its fix with
/// [`apply_fixes`](crate::apply_fixes).
///
/// ```
/// use mtlslint::{Finding, FixMode, Linter};
/// let text = r#"{"hostnameVerifierType": "noop"}"#;
/// let placed = mtlslint::locate(text, Linter::default().lint_body(text.as_bytes()));
/// let findings: Vec<Finding> = placed.iter().map(Finding::from).collect();
/// assert_eq!(mtlslint::apply_fixes(text, &findings, FixMode::Safe).0, r#"{"hostnameVerifierType": "NOOP"}"#);
/// ```
impl From<&Diagnostic> for Finding {
    fn from(placed: &Diagnostic) -> Self {
        let span = |range: &Range| Span::new(range.start.offset, range.end.offset);
        Finding {
            code: placed.code,
            name: placed.name,
            severity: placed.severity,
            message: placed.message.clone(),
            pointer: placed.pointer.clone(),
            span: span(&placed.range),
            help: placed.help.clone(),
            fix: placed.fix.as_ref().map(|fix| Fix {
                applicability: fix.applicability,
                message: fix.message.clone(),
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| Edit { span: span(&edit.range), content: edit.content.clone() })
                    .collect(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Placed and taken back, findings are what they were, fix edits that
    /// begin before their finding included.
    #[test]
    fn a_placed_finding_turns_back_into_itself() {
        let text = "\u{feff}{\n  \"supportedProtocolList\": [\"TLS_1_2\",\n    \"TLS_1_2\", \"TLSv1.2\"],\n  \"keystoreId\": \"é\"\n}";
        let found = crate::lint(text);
        assert!(found.iter().any(|f| f.fix.as_ref().is_some_and(|fix| fix.edits[0].span.start < f.span.start)));
        let placed = locate(text, found.clone());
        assert_eq!(placed.iter().map(Finding::from).collect::<Vec<_>>(), found);
        // The byte order mark takes no column.
        let keystore = placed.iter().find(|d| d.code == "S001").unwrap();
        assert_eq!((keystore.range.start.line, keystore.range.start.column), (4, 3));
    }
}
