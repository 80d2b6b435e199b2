use std::borrow::Cow;
use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use mtlslint::{Diagnostic, Severity};

use super::{FileResult, plural, summary};

/// Lines longer than this are shown as an excerpt around the marker.
const MAX_EXCERPT: usize = 240;

/// How far back an excerpt reaches for the start of its line, from which the
/// renderer counts the column it prints (and trims the line to the terminal).
/// Further back, the excerpt starts mid-line (and the column the renderer counts
/// is put right): the bound keeps the time per finding constant on a minified megabyte.
const MAX_LINE_START: usize = 1024;

/// Writes each diagnostic as a source excerpt with a marker, then a summary line.
/// Colour codes are always written; the caller's stream strips them when colour is off.
pub(crate) fn write(out: &mut impl Write, results: &[FileResult], partial: bool) -> io::Result<()> {
    let renderer = Renderer::styled();
    for result in results {
        for diagnostic in &result.diagnostics {
            let (report, counted) = report(result, diagnostic);
            let mut text = renderer.render(&report);
            // An excerpt that starts mid-line (a long minified line) makes the renderer count
            // the column from the excerpt: the place it names is put right.
            let start = &diagnostic.range.start;
            if counted != start.column {
                let source = printable(&result.source);
                let line = start.line;
                text = text.replacen(
                    &format!("{source}:{line}:{counted}"),
                    &format!("{source}:{line}:{}", start.column),
                    1,
                );
            }
            writeln!(out, "{text}\n")?;
        }
    }
    let summary = summary(results);
    let inputs = plural(super::inputs(results), "input", "inputs");
    if results.is_empty() {
        writeln!(out, "No input was linted.")
    } else if summary.errors + summary.warnings + summary.infos == 0 && !partial {
        writeln!(out, "All checks passed ({inputs}).")
    } else if summary.errors + summary.warnings + summary.infos == 0 {
        // Not all was linted (named on standard error, with what was): nothing is said to have passed.
        writeln!(out, "No problems found in {inputs}.")
    } else {
        writeln!(
            out,
            "Found {}, {} and {} in {inputs}.",
            plural(summary.errors, "error", "errors"),
            plural(summary.warnings, "warning", "warnings"),
            plural(summary.infos, "note", "notes"),
        )
    }
}

/// The report of one finding, and the column its renderer counts (from the excerpt's start).
fn report<'a>(result: &'a FileResult, diagnostic: &'a Diagnostic) -> (Vec<Group<'a>>, usize) {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    };
    let (excerpt, line_start, span) = excerpt(&result.text, diagnostic);
    let counted = excerpt[..span.start].chars().count() + 1;
    // A range longer than the excerpt is marked to where the excerpt ends: the label says where it does.
    let end = &diagnostic.range.end;
    let label: Cow<'_, str> = if end.offset > diagnostic.range.start.offset + MAX_EXCERPT {
        format!("{} (to line {}, column {})", diagnostic.name, end.line, end.column).into()
    } else {
        diagnostic.name.into()
    };
    let snippet = Snippet::source(excerpt)
        .path(printable(&result.source))
        .line_start(line_start)
        .annotation(AnnotationKind::Primary.span(span).label(label));
    // A value the message quotes may hold a line break: printed as one, it would start a
    // line of its own, which a CI log may read as a command (`::warning ...` in GitHub Actions).
    let mut group = level.primary_title(printable(&diagnostic.message)).id(diagnostic.code).element(snippet);
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(printable(help)));
    }
    (vec![group], counted)
}

/// A file name or a message as it can be shown on one line of a terminal: a
/// control character in it (a line break, an escape that would restyle the
/// terminal) is written as its escape, `\n` or `\u{1b}`.
fn printable(name: &str) -> Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return Cow::Borrowed(name);
    }
    name.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// The lines the diagnostic covers, cut to a window of bounded size around
/// it (so that a long minified line or a huge span prints a readable excerpt
/// in constant time; `…` ends a line cut short), the number of its first
/// line, and the span within it.
fn excerpt<'t>(text: &'t str, diagnostic: &Diagnostic) -> (Cow<'t, str>, usize, std::ops::Range<usize>) {
    let clamp = |offset: usize| {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    };
    let start = clamp(diagnostic.range.start.offset);
    let end = clamp(diagnostic.range.end.offset.min(start + MAX_EXCERPT)).max(start);
    let back = clamp(start.saturating_sub(MAX_LINE_START));
    let from = text[back..start].rfind('\n').map_or(back, |i| back + i + 1);
    let ahead = clamp(end + MAX_EXCERPT / 2);
    let to = text[end..ahead].find('\n').map_or(ahead, |i| end + i);
    // A CRLF line's carriage return would print as a symbol at its end.
    let excerpt = &text[from..to];
    let excerpt = excerpt.strip_suffix('\r').filter(|kept| kept.len() >= end - from).unwrap_or(excerpt);
    let cut = to == ahead && !text[to..].is_empty() && !text[to..].starts_with(['\n', '\r']);
    let excerpt = if cut { Cow::Owned(format!("{excerpt}…")) } else { Cow::Borrowed(excerpt) };
    (excerpt, diagnostic.range.start.line, start - from..end - from)
}
