//! JUnit XML, which most CI systems show as a test report: each input is a
//! test case that fails when it has an error or a warning; every finding is
//! listed in it.

use std::io::{self, Write};

use mtlslint::Severity;

use super::{FileResult, plural, summary};

/// Writes one `<testsuite>` with a `<testcase>` per input: one in error
/// for each input that could not be linted.
pub(crate) fn write(out: &mut impl Write, results: &[FileResult], not_linted: &[String]) -> io::Result<()> {
    let failing = |r: &FileResult| r.diagnostics.iter().any(|d| d.severity >= Severity::Warning);
    let failures = results.iter().filter(|r| failing(r)).count();
    let (tests, errors) = (results.len() + not_linted.len(), not_linted.len());
    let summary = summary(results);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="mtlslint" tests="{tests}" failures="{failures}" errors="{errors}">"#)?;
    writeln!(
        out,
        r#"  <testsuite name="mtlslint" tests="{tests}" failures="{failures}" errors="{errors}" skipped="0">"#
    )?;
    writeln!(
        out,
        r#"    <properties><property name="findings" value="{}, {}, {}"/></properties>"#,
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
        plural(summary.infos, "info", "infos")
    )?;
    for why in not_linted {
        let why = attribute(why);
        writeln!(out, r#"    <testcase classname="mtlslint" name="{why}">"#)?;
        writeln!(out, r#"      <error type="not-linted" message="{why}"/>"#)?;
        writeln!(out, "    </testcase>")?;
    }
    for result in results {
        let name = attribute(&result.source);
        write!(out, r#"    <testcase classname="mtlslint" name="{name}" file="{name}""#)?;
        if result.diagnostics.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        let listing: Vec<String> = result
            .diagnostics
            .iter()
            .map(|d| {
                let help = d.help.as_ref().map(|h| format!("\n    help: {h}")).unwrap_or_default();
                format!(
                    "{}:{}:{}: {} [{} {}] {}{help}",
                    result.source,
                    d.range.start.line,
                    d.range.start.column,
                    d.severity.as_str(),
                    d.code,
                    d.name,
                    d.message
                )
            })
            .collect();
        if failing(result) {
            // The first of the worst, in the order the findings are listed (`max_by_key` takes the last).
            let worst = result.diagnostics.iter().min_by_key(|d| std::cmp::Reverse(d.severity)).expect("not empty");
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                worst.code,
                attribute(&worst.message),
                escape(&listing.join("\n"))
            )?;
        } else {
            writeln!(out, "      <system-out>{}</system-out>", escape(&listing.join("\n")))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Escapes text for XML content: a carriage return as a reference (a parser
/// would turn a raw one into a line feed); control characters XML cannot
/// carry become U+FFFD.
fn escape(text: &str) -> String {
    escape_with(text, false)
}

/// Escapes text for an attribute value: line feeds and tabs too as references,
/// which a parser would otherwise turn into spaces.
fn attribute(text: &str) -> String {
    escape_with(text, true)
}

fn escape_with(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' if !attribute => out.push(c),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            // No character reference stands for these in XML 1.0 either.
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_written_as_character_references_where_a_parser_would_change_them() {
        assert_eq!(attribute("a\nb\r\tc<\"&"), "a&#10;b&#13;&#9;c&lt;&quot;&amp;");
        assert_eq!(escape("a\nb\r\n\tc\u{1}"), "a\nb&#13;\n\tc\u{FFFD}");
    }

    #[test]
    fn characters_xml_cannot_carry_become_the_replacement_character() {
        assert_eq!(escape("k\u{FFFF}\u{FFFE}\u{FFFD}\u{10000}"), "k\u{FFFD}\u{FFFD}\u{FFFD}\u{10000}");
    }
}
