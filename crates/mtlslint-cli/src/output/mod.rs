//! Renders results; one module per format.

pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod sarif;

use std::path::{Component, Path, PathBuf};

use mtlslint::{Diagnostic, Summary};

/// The findings for one input, with the text their ranges point into.
pub(crate) struct FileResult {
    pub(crate) source: String,
    /// The input's text with the credentials it seems to hold hidden
    /// ([`mtlslint::redact`]): excerpts show it.
    pub(crate) text: String,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Whether `source` names a file: not standard input (`-`) nor a call
    /// given on the command line.
    pub(crate) file: bool,
    /// Whether its findings are what `--diff`'s fixes would leave, placed in
    /// the text as it stands: a request's findings in the same text are of
    /// the text before the fixes, and are not merged in.
    pub(crate) settled: bool,
    /// Whether it is a body file a request reads (`-d @FILE`): listed apart,
    /// at its own lines, but not counted as an input of its own.
    pub(crate) body_file: bool,
}

impl FileResult {
    /// Credentials in `text` are hidden in it and in the findings' messages.
    pub(crate) fn new(source: impl Into<String>, text: String, mut diagnostics: Vec<Diagnostic>) -> Self {
        mtlslint::redact_diagnostics(&text, &mut diagnostics);
        let text = match mtlslint::redact(&text) {
            std::borrow::Cow::Owned(redacted) => redacted,
            std::borrow::Cow::Borrowed(_) => text,
        };
        let source = source.into();
        Self { file: source != "-", source, text, diagnostics, settled: false, body_file: false }
    }

    /// The result of a call given on the command line (`request`), not read from a file.
    pub(crate) fn typed(self) -> Self {
        Self { file: false, ..self }
    }

    /// The result of a body file a request reads.
    pub(crate) fn read_by_request(self) -> Self {
        Self { body_file: true, ..self }
    }
}

/// How many inputs the results are of: a request's body file is part of it.
pub(crate) fn inputs(results: &[FileResult]) -> usize {
    results.iter().filter(|result| !result.body_file).count()
}

/// A file's path relative to the working directory, as code scanning and
/// pull-request annotations name files (`./a.json` and `$PWD/a.json` as
/// `a.json`, `$PWD` named through a link too); a path that climbs out with
/// `..` is named where it leads (a file not saved yet, by its names), and a
/// file outside the working directory by its absolute path.
pub(crate) fn relative_path(source: &str) -> PathBuf {
    let path = Path::new(source);
    let Ok(here) = std::env::current_dir() else {
        return path.components().filter(|c| *c != Component::CurDir).collect();
    };
    let real = |path: &Path| path.canonicalize().ok();
    // The working directory as the shell names it (through a link) and as the system does.
    let shell =
        std::env::var_os("PWD").map(PathBuf::from).filter(|pwd| real(pwd).is_some_and(|pwd| real(&here) == Some(pwd)));
    let full = here.join(path);
    let climbs = path.components().any(|c| c == Component::ParentDir);
    let full = if climbs { real(&full).unwrap_or_else(|| lexical(&full)) } else { full };
    [Some(here.clone()), shell, real(&here)]
        .into_iter()
        .flatten()
        .find_map(|here| full.strip_prefix(here).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| lexical(&full))
}

/// `path` with `.` left out and each `..` taking the name before it off, by
/// the names alone (for a file not saved yet, which the system cannot resolve).
fn lexical(path: &Path) -> PathBuf {
    let mut clean = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match clean.components().next_back() {
                Some(Component::Normal(_)) => {
                    clean.pop();
                }
                // Above the root is the root, as the system reads it.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => clean.push(component),
            },
            other => clean.push(other),
        }
    }
    clean
}

/// A path with `/` between its names, as annotations and URIs write it on
/// every system (a `\` in a Unix file's name stays in its name).
pub(crate) fn slashed(path: &Path) -> String {
    let mut text = String::new();
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => text.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/")),
            Component::RootDir => text.push('/'),
            other => {
                if !text.is_empty() && !text.ends_with('/') {
                    text.push('/');
                }
                text.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    text
}

/// The results with those of a file met twice (an input and a request's
/// body file) made one, each finding once, in text order. When the texts
/// differ (`--fix` changed the file), or the first holds what `--diff`'s
/// fixes would leave, the first stands alone: the other's findings are of
/// the text before.
pub(crate) fn merge_repeated(results: Vec<FileResult>) -> Vec<FileResult> {
    let mut merged: Vec<FileResult> = Vec::with_capacity(results.len());
    // Where each source stands in `merged`: a folder of many files is read in one pass.
    let mut at = std::collections::HashMap::with_capacity(results.len());
    for result in results {
        // `./body.json` from a folder and `body.json` from a request file are one file.
        let path = std::path::Path::new(&result.source);
        let key = if path.is_file() { crate::inputs::same_file_key(path) } else { path.to_path_buf() };
        match at.get(&key).map(|&index: &usize| &mut merged[index]) {
            // An input of its own, though a request reads it too.
            Some(kept) if kept.text != result.text || kept.settled => kept.body_file &= result.body_file,
            Some(kept) => {
                kept.body_file &= result.body_file;
                for diagnostic in result.diagnostics {
                    if !kept.diagnostics.contains(&diagnostic) {
                        kept.diagnostics.push(diagnostic);
                    }
                }
                kept.diagnostics.sort_by_key(|d| d.range.start.offset);
            }
            None => {
                at.insert(key, merged.len());
                merged.push(result);
            }
        }
    }
    merged
}

/// `count` and the noun that goes with it: "1 fix", "2 fixes".
pub(crate) fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Counts by severity over every input.
pub(crate) fn summary(results: &[FileResult]) -> Summary {
    Summary::of(results.iter().flat_map(|r| &r.diagnostics))
}
