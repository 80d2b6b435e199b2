//! Runs the shared vectors under `tests/vectors/` through the library and
//! compares the diagnostics, under both profiles, with the expected files
//! beside them. `MTLSLINT_BLESS=1 cargo test -p mtlslint --test vectors`
//! rewrites the expected files; review the diff before committing it.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use mtlslint::{Context, Diagnostic, Inventory, Linter, Options, Profile, Request, rules};
use serde_json::Value;

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

/// One vector: a body or a request, with optional context files.
struct Vector {
    path: PathBuf,
    input: Input,
    context: Context,
    /// Strings from the inputs that must never appear in any output.
    secrets: Vec<String>,
}

enum Input {
    Body(Vec<u8>),
    Request(Request),
    Response(Vec<u8>),
}

fn load_all() -> Vec<Vector> {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in fs::read_dir(vectors_dir()).unwrap() {
        for file in fs::read_dir(dir.unwrap().path()).unwrap() {
            files.push(file.unwrap().path());
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            let stem = name.strip_suffix(".json")?;
            let (case, input) = if let Some(case) = stem.strip_suffix(".request") {
                (case.to_owned(), Input::Request(serde_json::from_slice(&fs::read(&path).unwrap()).unwrap()))
            } else if let Some(case) = stem.strip_suffix(".response") {
                (case.to_owned(), Input::Response(fs::read(&path).unwrap()))
            } else if !stem.contains('.') {
                (stem.to_owned(), Input::Body(fs::read(&path).unwrap()))
            } else {
                return None;
            };
            let (context, mut secrets) = load_context(&path.with_file_name(&case));
            if let Input::Request(request) = &input {
                let tokens = request.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("authorization"));
                // Every word after the scheme (a scheme written twice and a `<placeholder>` are no secrets).
                let placeholder = |v: &str| {
                    let token = v.trim().split_once(' ').map_or("", |(_, token)| token.trim());
                    token.starts_with('<') && token.ends_with('>') && !token[1..token.len() - 1].contains(['<', '>'])
                };
                let words = tokens.filter(|(_, v)| !placeholder(v)).flat_map(|(_, v)| v.split_whitespace().skip(1));
                secrets.extend(words.filter(|word| !word.eq_ignore_ascii_case("bearer")).map(str::to_owned));
            }
            Some(Vector { path, input, context, secrets })
        })
        .collect()
}

fn load_context(case: &Path) -> (Context, Vec<String>) {
    let read = |kind: &str| fs::read_to_string(format!("{}.{kind}.json", case.display())).ok();
    let inventory = |kind: &str| read(kind).map(|text| Inventory::from_json(&text).unwrap());
    let mut secrets = Vec::new();
    for kind in ["keystores", "admin-keystores", "credentials"] {
        if let Some(text) = read(kind) {
            collect_secrets(&serde_json::from_str(&text).unwrap(), &mut secrets);
        }
    }
    let context = Context {
        current: read("current").map(|text| mtlslint::context::current_settings_from_json(&text).unwrap()),
        keystores: inventory("keystores"),
        admin_keystores: inventory("admin-keystores"),
        credentials: inventory("credentials"),
        permissions: read("permissions").map(|text| mtlslint::context::Permissions::from_text(&text).unwrap()),
    };
    (context, secrets)
}

fn collect_secrets(value: &Value, secrets: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("password" | "file" | "token", Value::String(secret)) => secrets.push(secret.clone()),
                    _ => collect_secrets(value, secrets),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_secrets(item, secrets)),
        _ => {}
    }
}

fn lint(vector: &Vector, profile: Profile) -> Vec<Diagnostic> {
    let linter = Linter::new(Options::new(profile), vector.context.clone());
    match &vector.input {
        Input::Body(bytes) => mtlslint::locate(&String::from_utf8_lossy(bytes), linter.lint_body(bytes)),
        Input::Request(request) => linter.lint_request(request).diagnostics,
        Input::Response(bytes) => mtlslint::locate(&String::from_utf8_lossy(bytes), linter.lint_response(bytes, None)),
    }
}

fn expected_path(vector: &Vector) -> PathBuf {
    let name = vector.path.file_name().unwrap().to_str().unwrap();
    let case = name.trim_end_matches(".json").trim_end_matches(".request").trim_end_matches(".response");
    vector.path.with_file_name(format!("{case}.expected.json"))
}

fn actual(vector: &Vector) -> String {
    let mut both = BTreeMap::new();
    both.insert("production", lint(vector, Profile::Production));
    both.insert("standard", lint(vector, Profile::Standard));
    serde_json::to_string_pretty(&both).unwrap() + "\n"
}

#[test]
fn vectors_match_expected_diagnostics() {
    let bless = support::bless();
    let mut mismatches = Vec::new();
    for vector in load_all() {
        let actual = actual(&vector);
        let path = expected_path(&vector);
        if bless {
            fs::write(&path, &actual).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(actual.as_str()) {
            mismatches.push(format!("{}\n--- actual ---\n{actual}", path.display()));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} vectors differ (MTLSLINT_BLESS=1 to accept):\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn every_rule_has_a_vector_that_fires_and_one_that_does_not() {
    let vectors = load_all();
    for rule in rules::all() {
        let folder = format!("{}-{}", rule.code, rule.name);
        let own: Vec<_> = vectors.iter().filter(|v| v.path.parent().unwrap().ends_with(&folder)).collect();
        assert!(!own.is_empty(), "no vectors in tests/vectors/{folder}");
        for profile in [Profile::Standard, Profile::Production] {
            let fires = own.iter().filter(|v| lint(v, profile).iter().any(|d| d.code == rule.code)).count();
            assert!(fires > 0, "{folder}: no vector fires it under {profile}");
            assert!(fires < own.len(), "{folder}: no vector where it stays quiet under {profile}");
            for vector in &own {
                for diagnostic in lint(vector, profile).iter().filter(|d| d.code == rule.code) {
                    assert_eq!(Some(diagnostic.severity), rule.severity(profile), "{}", vector.path.display());
                }
            }
        }
    }
}

#[test]
fn seed_examples_have_no_error() {
    let seeds: Vec<_> = load_all().into_iter().filter(|v| v.path.parent().unwrap().ends_with("seeds")).collect();
    assert_eq!(seeds.len(), 5);
    for vector in seeds {
        let errors: Vec<_> =
            lint(&vector, Profile::Standard).into_iter().filter(|d| d.severity == mtlslint::Severity::Error).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", vector.path.display());
    }
}

#[test]
fn secrets_never_reach_the_output() {
    let vectors = load_all();
    let with_secrets: Vec<_> = vectors.iter().filter(|v| !v.secrets.is_empty()).collect();
    assert!(with_secrets.len() >= 5, "the vectors should plant secrets to look for");
    for vector in with_secrets {
        let mut output = actual(vector);
        if let Input::Request(request) = &vector.input {
            output.push_str(&Linter::default().lint_request(request).text);
        }
        for secret in &vector.secrets {
            assert!(!output.contains(secret.as_str()), "{} leaks `{secret}`", vector.path.display());
        }
    }
}
