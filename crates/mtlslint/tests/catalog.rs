//! The rule registry agrees with the rule catalog (`shared/spec/rules.md`
//! beside the repository): the same codes, names, default severities and,
//! where the catalog has a `fix` column, the same kind of fix.
//! Where the catalog is not beside the checkout the test says so and passes,
//! except under `CI=true`, where the catalog is always present.

use std::path::{Path, PathBuf};

use mtlslint::rules::FixAvailability;
use mtlslint::{Profile, Severity, rules};

fn catalog() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/spec/rules.md"))
        .find(|path| path.exists())
}

fn severity(cell: &str) -> Option<Severity> {
    match cell {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        "off" => None,
        other => panic!("unknown severity `{other}` in the catalog"),
    }
}

/// Whether a rule's fix agrees with the catalog's `fix` cell: blank for none,
/// "safe ..." for a safe fix (some findings may have none: a blank string has
/// nothing to wrap), "unsafe ..." for an unsafe one.
fn fix_agrees(cell: &str, fix: FixAvailability) -> bool {
    match fix {
        FixAvailability::None => cell.is_empty(),
        FixAvailability::Safe | FixAvailability::Sometimes => cell.starts_with("safe"),
        FixAvailability::Unsafe => cell.starts_with("unsafe"),
    }
}

#[test]
fn registry_matches_the_catalog() {
    let Some(path) = catalog() else {
        assert!(std::env::var_os("CI").is_none(), "CI runs with shared/spec/rules.md beside the checkout");
        eprintln!("shared/spec/rules.md is not beside this checkout; nothing to compare");
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut compared = 0;
    // Whether the table being read has a `fix` column (groups S, T and H do).
    let mut has_fix = false;
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.get(1) == Some(&"code") {
            has_fix = cells.get(6) == Some(&"fix");
        }
        let Some(&code) = cells.get(1) else { continue };
        let is_code =
            code.len() == 4 && code.as_bytes()[0].is_ascii_uppercase() && code[1..].bytes().all(|b| b.is_ascii_digit());
        if !is_code {
            continue;
        }
        let rule = rules::find(code).unwrap_or_else(|| panic!("{code} is in the catalog but not in the registry"));
        assert_eq!(rule.name, cells[2], "{code}");
        let standard = severity(cells[3]);
        let production = if cells[4].is_empty() { standard } else { severity(cells[4]) };
        assert_eq!(rule.severity(Profile::Standard), standard, "{code} standard");
        assert_eq!(rule.severity(Profile::Production), production, "{code} production");
        if has_fix {
            assert!(
                fix_agrees(cells[6], rule.fix),
                "{code}: the catalog says `{}`, the registry {:?}",
                cells[6],
                rule.fix
            );
        }
        compared += 1;
    }
    assert_eq!(compared, rules::all().count(), "every registered rule is in the catalog");
}

#[test]
fn rule_reference_is_fresh_and_complete() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let reference = mtlslint::rules::reference();
    assert!(committed == reference, "docs/rules.md is stale or missing: run `cargo xtask docs`");
    for rule in mtlslint::rules::all() {
        let heading = format!("## {} `{}`", rule.code, rule.name);
        assert!(reference.contains(&heading), "{heading} is missing");
        for section in ["### What it does", "### Why is this bad?", "### Example", "### Use instead", "### Fix safety"]
        {
            assert!(rule.explanation().contains(section), "{} lacks {section}", rule.code);
        }
    }
}

#[test]
fn code_ranges_name_every_code_and_no_other() {
    let ranges = rules::code_ranges();
    let mut listed = Vec::new();
    for range in ranges.split(", ") {
        let (first, last) = range.split_once('-').unwrap_or_else(|| panic!("{range} in {ranges}"));
        let (group, from, to) = (&first[..1], first[1..].parse::<u32>().unwrap(), last[1..].parse::<u32>().unwrap());
        assert_eq!(group, &last[..1], "{range}");
        listed.extend((from..=to).map(|n| format!("{group}{n:03}")));
    }
    assert_eq!(listed, rules::all().map(|rule| rule.code).collect::<Vec<_>>(), "{ranges}");
}
