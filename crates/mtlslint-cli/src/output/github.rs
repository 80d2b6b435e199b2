//! GitHub Actions workflow commands: one `::error` / `::warning` / `::notice`
//! line per finding, which GitHub shows on the pull request's lines.

use std::io::{self, Write};

use mtlslint::Severity;

use super::{FileResult, relative_path, slashed};

/// Writes one workflow command per finding, and an `::error` for each input not linted
/// or for the reason the run stopped before linting.
/// A finding in standard input or in a call given on the command line names no file
/// (GitHub would look for it in the repository): its place leads its message.
pub(crate) fn write(out: &mut impl Write, results: &[FileResult], not_linted: &[String]) -> io::Result<()> {
    for why in not_linted {
        writeln!(out, "::error title={}::{}", property("mtlslint: not linted"), data(why))?;
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
            let title = property(&format!("{} {}", d.code, d.name));
            if result.file {
                writeln!(
                    out,
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={title}::{}",
                    property(&slashed(&relative_path(&result.source))),
                    start.line,
                    start.column,
                    end.line,
                    end.column,
                    data(&message),
                )?;
            } else {
                // No file to annotate: the place goes into the message.
                let source = if result.source == "-" { "stdin" } else { &result.source };
                let message = format!("{source} {}:{}: {message}", start.line, start.column);
                writeln!(out, "::{command} title={title}::{}", data(&message))?;
            }
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
