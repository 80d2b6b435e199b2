use std::io::{self, Write};

use mtlslint::{Diagnostic, Summary};
use serde::Serialize;

use super::{FileResult, summary};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    results: Vec<Entry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    source: &'a str,
    diagnostics: &'a [Diagnostic],
}

/// Writes `{"version":1,"results":[...],"summary":{...}}` and a newline.
pub(crate) fn write(out: &mut impl Write, results: &[FileResult]) -> io::Result<()> {
    let document = Document {
        version: 1,
        results: results.iter().map(|r| Entry { source: &r.source, diagnostics: &r.diagnostics }).collect(),
        summary: summary(results),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
