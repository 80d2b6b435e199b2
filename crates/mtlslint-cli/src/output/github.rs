//! GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
//! line per finding, which GitHub shows on the pull request's lines.

use std::io::{self, Write};

use mtlslint::Severity;

use super::FileResult;

/// Writes one workflow command per finding, and an `::error` for each input not linted.
pub(crate) fn write(out: &mut impl Write, results: &[FileResult], not_linted: &[String]) -> io::Result<()> {
    for why in not_linted {
        writeln!(out, "::error title={}::{}", property("mtlslint: input not linted"), data(why))?;
    }
    for result in results {
        for d in &result.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (start, end) = (d.range.start, d.range.end);
            let message = match &d.help {
                Some(help) => format!("{}\n{help}", d.message),
                None => d.message.to_string(),
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&result.source),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("{} {}", d.code, d.name)),
                data(&message),
            )?;
        }
    }
    Ok(())
}

/// Escapes a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
