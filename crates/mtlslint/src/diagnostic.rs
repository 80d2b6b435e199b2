//! Diagnostics are plain data: the rules report [`Finding`](crate::Finding)s,
//! [`locate`](crate::locate) places them in their text as `Diagnostic`s, front
//! ends render those.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Likely a mistake or a risk; fails a run only under stricter settings.
    Warning,
    /// The server rejects the request, or the result is unsafe enough to stop.
    Error,
}

impl Severity {
    /// The lowercase name used in output and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Writes [`Severity::as_str`], the name output and configuration use.
///
/// ```
/// assert_eq!(mtlslint::Severity::Warning.to_string(), "warning");
/// assert_eq!(format!("{}", mtlslint::Severity::Error), "error");
/// ```
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A byte range in the linted text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// An empty span at `offset`.
    pub const fn at(offset: usize) -> Self {
        Self::new(offset, offset)
    }

    /// The same span moved `by` bytes to the right.
    #[must_use]
    pub const fn shift(self, by: usize) -> Self {
        Self::new(self.start + by, self.end + by)
    }
}

/// A point in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Position {
    /// 1-based line. A line ends at a line feed (a CRLF counts once); a lone
    /// carriage return, which JSON reads as white space, ends none.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values. A byte order mark
    /// at the start of the text takes no column, as editors do not show it.
    pub column: usize,
    /// 0-based byte offset into the UTF-8 text (a byte order mark counts).
    pub offset: usize,
    /// 1-based column counted in UTF-16 code units, as editors count; like
    /// `column`, it leaves out a byte order mark (a JavaScript string read
    /// from a file with one holds it at index 0: slice from index 1).
    pub utf16_column: usize,
}

/// Where a diagnostic or an edit applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Range {
    /// First position covered.
    pub start: Position,
    /// Position just past the last one covered.
    pub end: Position,
}

/// Whether a fix keeps the meaning the author evidently intended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Applicability {
    /// Keeps the intended meaning; applied by `--fix`.
    Safe,
    /// Changes behaviour; applied only on explicit request.
    Unsafe,
}

/// Replace the text in `range` with `content`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Edit {
    /// The text replaced (empty for an insertion).
    pub range: Range,
    /// The new text.
    pub content: Cow<'static, str>,
}

/// A machine-applicable change that resolves a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// What the fix does, e.g. "Replace `TLSv1.2` with `TLS_1_2`".
    pub message: Cow<'static, str>,
    /// Non-overlapping edits, in text order.
    pub edits: Vec<Edit>,
}

/// One finding placed in its text: its range and its fix's edits have lines
/// and columns ([`locate`](crate::locate) makes it from a [`Finding`](crate::Finding)).
///
/// It serialises to the JSON the CLI writes, and does not read back from it:
/// its code and name are the rule catalog's own texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Diagnostic {
    /// Stable rule code, e.g. `M001`.
    pub code: &'static str,
    /// Rule name, e.g. `keystore-required`.
    pub name: &'static str,
    /// Severity under the active profile and overrides.
    pub severity: Severity,
    /// What is wrong.
    pub message: Cow<'static, str>,
    /// JSON pointer (RFC 6901) of the value at fault. In a request, body
    /// pointers start with `/body`; the others are `/method`, `/url`,
    /// `/path/<parameter>` and `/headers/<Name>`.
    pub pointer: Cow<'static, str>,
    /// Where in the text.
    pub range: Range,
    /// What to write instead, when the message alone does not say.
    pub help: Option<Cow<'static, str>>,
    /// A machine-applicable fix, when there is one.
    pub fix: Option<Fix>,
}

/// How many findings there are of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Summary {
    /// Findings that are errors.
    pub errors: usize,
    /// Findings that are warnings.
    pub warnings: usize,
    /// Findings that are information.
    pub infos: usize,
}

impl Summary {
    /// Counts `diagnostics` by severity.
    pub fn of<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Self {
        Self::count(diagnostics.into_iter().map(|diagnostic| diagnostic.severity))
    }

    /// Counts severities: of findings not placed, `Summary::count(findings.iter().map(|f| f.severity))`.
    ///
    /// ```
    /// let findings = mtlslint::lint(r#"{"enabled": true}"#);
    /// let summary = mtlslint::Summary::count(findings.iter().map(|f| f.severity));
    /// assert_eq!((summary.errors, summary.warnings, summary.infos), (1, 2, 2));
    /// ```
    pub fn count(severities: impl IntoIterator<Item = Severity>) -> Self {
        let mut summary = Self::default();
        for severity in severities {
            match severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}
