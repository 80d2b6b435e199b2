//! SARIF 2.1.0, with what GitHub code scanning reads: every rule with its
//! descriptions and help, results with start and end, partial fingerprints,
//! and paths relative to the working directory (the repository, in CI).

use std::io::{self, Write};

use mtlslint::{Diagnostic, Severity};
use serde_json::{Value, json};

use super::FileResult;

const DOCS: &str = "https://github.com/mtlslint/mtlslint/blob/main/docs/rules.md";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Writes one SARIF log with one run; inputs `not_linted` are the run's
/// tool execution notifications, and make the run unsuccessful.
/// The rules' levels are the run's (its profile and configuration), as its results report them.
pub(crate) fn write(
    out: &mut impl Write,
    options: &mtlslint::Options,
    results: &[FileResult],
    not_linted: &[String],
) -> io::Result<()> {
    let rules: Vec<_> = mtlslint::rules::all().collect();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|rule| {
            let documentation = rule.documentation();
            let full = documentation
                .split("\n## ")
                .nth(1)
                .map_or(rule.summary(), |what| what.strip_prefix("What it does\n").unwrap_or(what).trim());
            json!({
                "id": rule.code,
                // SARIF's friendly names are Pascal case: `keystore-required` is `KeystoreRequired`.
                "name": pascal_case(rule.name),
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": full.replace('\n', " ")},
                "help": {"text": documentation, "markdown": documentation},
                "helpUri": format!("{DOCS}#{}", rule.anchor()),
                "defaultConfiguration": {"level": options.severity(rule).map_or("none", level)},
                "properties": {"tags": ["mtls"]},
            })
        })
        .collect();
    let mut findings = Vec::new();
    for result in results {
        let uri = relative_uri(&result.source);
        // Findings of one rule at one pointer (a key repeated) are told apart by their order.
        let mut seen: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
        for diagnostic in &result.diagnostics {
            let index = rules.iter().position(|rule| rule.code == diagnostic.code).unwrap_or_default();
            let earlier = seen.entry((diagnostic.code, &diagnostic.pointer)).or_default();
            findings.push(finding(diagnostic, index, *earlier, &uri, &result.text));
            *earlier += 1;
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mtlslint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/mtlslint/mtlslint",
                "rules": descriptors,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory mtlslint ran in."}}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": not_linted.is_empty(),
                "toolExecutionNotifications": not_linted
                    .iter()
                    .map(|why| json!({"level": "error", "message": {"text": why}}))
                    .collect::<Vec<_>>(),
            }],
            "results": findings,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn finding(diagnostic: &Diagnostic, rule_index: usize, earlier: usize, uri: &str, text: &str) -> Value {
    let (start, end) = (diagnostic.range.start, diagnostic.range.end);
    let message = match &diagnostic.help {
        Some(help) => format!("{} ({help})", diagnostic.message),
        None => diagnostic.message.to_string(),
    };
    let artifact =
        if uri.starts_with("file://") { json!({"uri": uri}) } else { json!({"uri": uri, "uriBaseId": "%SRCROOT%"}) };
    let mut region = json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    });
    let mut physical = json!({"artifactLocation": artifact});
    // Snippets are left out where they would be long (a minified body is one line):
    // each finding would repeat the whole of it.
    if let Some(snippet) = text.get(start.offset..end.offset).filter(|s| s.len() <= MAX_SNIPPET) {
        region["snippet"] = json!({"text": snippet});
    }
    let context = lines(text, start.offset, end.offset);
    if context.len() <= MAX_SNIPPET {
        physical["contextRegion"] = json!({"startLine": start.line, "endLine": end.line, "snippet": {"text": context}});
    }
    physical["region"] = region;
    json!({
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": level(diagnostic.severity),
        "message": {"text": message},
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": diagnostic.pointer, "kind": "member"}],
        }],
        // Stable while lines move: the rule, the file and the JSON pointer, and
        // for a second finding of both, how many came before it.
        "partialFingerprints": {"mtlslint/v1": match earlier {
            0 => fingerprint(&[diagnostic.code, uri, &diagnostic.pointer]),
            _ => fingerprint(&[diagnostic.code, uri, &diagnostic.pointer, &earlier.to_string()]),
        }},
    })
}

/// The longest snippet a result carries, in bytes.
const MAX_SNIPPET: usize = 1024;

/// The whole lines that hold `text[start..end]`, without the last one's line end (CRLF too).
fn lines(text: &str, start: usize, end: usize) -> &str {
    let from = text.get(..start).and_then(|before| before.rfind('\n')).map_or(0, |at| at + 1);
    let to = text.get(end..).and_then(|after| after.find('\n')).map_or(text.len(), |at| end + at);
    let lines = text.get(from..to).unwrap_or_default();
    lines.strip_suffix('\r').unwrap_or(lines)
}

fn pascal_case(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// A path as a URI relative to the working directory, with `/` separators;
/// an absolute `file://` URI for a file outside it (`../other/a.json` too).
/// Each name is percent-encoded (a `\` in a Unix name as `%5C`).
fn relative_uri(source: &str) -> String {
    use std::path::Component;
    if source == "-" {
        return "stdin".into();
    }
    let path = super::relative_path(source);
    let names: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(percent_encode(&name.to_string_lossy())),
            // A Windows drive (`C:`) stays as file URIs write it.
            Component::Prefix(prefix) => Some(prefix.as_os_str().to_string_lossy().replace('\\', "/")),
            _ => None,
        })
        .collect();
    let encoded = names.join("/");
    if path.is_absolute() { format!("file:///{encoded}") } else { encoded }
}

fn percent_encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// FNV-1a over the parts: stable across runs, platforms and Rust versions.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.join("\u{0}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}
