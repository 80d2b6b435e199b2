use std::io::{self, Write};

use mtlslint::{Diagnostic, Summary};
use serde::Serialize;

use super::{FileResult, summary};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    results: Vec<Entry<'a>>,
    /// The inputs that could not be linted, each with why; only when there are some.
    #[serde(rename = "notLinted", skip_serializing_if = "<[_]>::is_empty")]
    not_linted: &'a [String],
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    source: &'a str,
    diagnostics: &'a [Diagnostic],
}

/// Writes `{"version":1,"results":[...],"summary":{...}}` and a newline,
/// with `"notLinted":["why", ...]` before the summary when inputs could not be linted.
pub(crate) fn write(out: &mut impl Write, results: &[FileResult], not_linted: &[String]) -> io::Result<()> {
    let document = Document {
        version: 1,
        results: results.iter().map(|r| Entry { source: &r.source, diagnostics: &r.diagnostics }).collect(),
        not_linted,
        summary: summary(results),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
