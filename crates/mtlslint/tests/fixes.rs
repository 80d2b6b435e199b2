//! Fixes never break a body, touch nothing else, and settle: applying them
//! twice changes nothing the second time.

mod support;

use std::path::Path;

use mtlslint::{FixMode, Linter};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn parses(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok()
}

/// Fixes `text` in both modes and checks what every fix must keep.
fn check(linter: &Linter, text: &str) {
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let fixed = linter.fix_body(text.as_bytes(), mode);
        if parses(text) {
            assert!(parses(&fixed.text), "{mode:?} fixes broke\n{text}\ninto\n{}", fixed.text);
        }
        let again = linter.fix_body(fixed.text.as_bytes(), mode);
        assert_eq!(
            again.applied, 0,
            "{mode:?} fixes did not settle on\n{text}\nfirst\n{}\nthen\n{}",
            fixed.text, again.text
        );
        assert_eq!(again.text, fixed.text);
        assert_eq!(fixed.remaining, mtlslint::locate(&fixed.text, linter.lint_body(fixed.text.as_bytes())));
        if fixed.applied == 0 {
            assert_eq!(fixed.text, text);
        }
    }
}

#[test]
fn every_vector_body_fixes_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let linter = Linter::default();
    let mut fixed_some = 0;
    for folder in std::fs::read_dir(root).unwrap() {
        for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            // `case.json` is a body; `case.expected.json`, `case.current.json`, ... are not.
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let is_body = path.extension().is_some_and(|e| e == "json") && !stem.contains('.');
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            if is_body {
                check(&linter, &text);
                fixed_some += usize::from(linter.fix_body(text.as_bytes(), FixMode::Unsafe).applied > 0);
            }
        }
    }
    assert!(fixed_some >= 10, "only {fixed_some} vectors had a fix applied");
}

/// `--fix` turns each vector a safe fix applies to into its fixed twin,
/// `<case>.fixed.json` beside it (`MTLSLINT_BLESS=1` rewrites the twins), and
/// every rule with a safe fix has such a vector.
#[test]
fn safe_fixes_turn_vectors_into_their_fixed_twins() {
    let bless = support::bless();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut fixed_by = std::collections::BTreeSet::new();
    for folder in std::fs::read_dir(root).unwrap() {
        for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.extension().is_none_or(|e| e != "json") || stem.contains('.') {
                continue;
            }
            // Vectors of invalid UTF-8 have nothing to fix.
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let twin = path.with_file_name(format!("{stem}.fixed.json"));
            let linter = with_context(&path.with_file_name(&stem));
            let fixed = linter.fix_body(text.as_bytes(), FixMode::Safe);
            if fixed.applied == 0 {
                assert!(!twin.exists(), "{} has a fixed twin but no safe fix applies", path.display());
                continue;
            }
            let before = linter.lint_body(text.as_bytes());
            let safe = |d: &&mtlslint::Finding| {
                d.fix.as_ref().is_some_and(|f| f.applicability == mtlslint::Applicability::Safe)
            };
            fixed_by.extend(before.iter().filter(safe).map(|d| d.code));
            if bless {
                std::fs::write(&twin, &fixed.text).unwrap();
            }
            assert_eq!(std::fs::read_to_string(&twin).ok().as_deref(), Some(fixed.text.as_str()), "{}", twin.display());
            // A second run finds nothing left that a safe fix could change.
            let again = linter.lint_body(fixed.text.as_bytes());
            assert!(!again.iter().any(|d| safe(&d)), "{}: safe fixes left after --fix", path.display());
        }
    }
    for rule in mtlslint::rules::all() {
        if matches!(rule.fix, mtlslint::rules::FixAvailability::Safe | mtlslint::rules::FixAvailability::Sometimes) {
            let request_only = rule.code.starts_with('R');
            assert!(request_only || fixed_by.contains(rule.code), "no vector shows {}'s safe fix", rule.code);
        }
    }
}

/// The linter a vector runs with: its context files beside it, if any.
fn with_context(case: &Path) -> Linter {
    let read = |kind: &str| std::fs::read_to_string(format!("{}.{kind}.json", case.display())).ok();
    let inventory = |kind: &str| read(kind).map(|text| mtlslint::Inventory::from_json(&text).unwrap());
    let context = mtlslint::Context {
        current: read("current").map(|text| mtlslint::context::current_settings_from_json(&text).unwrap()),
        keystores: inventory("keystores"),
        admin_keystores: inventory("admin-keystores"),
        credentials: inventory("credentials"),
        permissions: None,
    };
    Linter::new(mtlslint::Options::default(), context)
}

#[test]
fn safe_fixes_of_the_common_slips() {
    let linter = Linter::default();
    let cases = [
        (r#"{"enabled": "true"}"#, r#"{"enabled": true}"#),
        (r#"{"keystoreId": "ks-1"}"#, r#"{"keyStoreId": "ks-1"}"#),
        (r#"{"supportedProtocolList": "TLS_1_2"}"#, r#"{"supportedProtocolList": ["TLS_1_2"]}"#),
        (r#"{"supportedProtocolList": ["TLS_1_2", "TLS_1_2"]}"#, r#"{"supportedProtocolList": ["TLS_1_2"]}"#),
        (r#"{"hostnameVerifierType": "default"}"#, r#"{"hostnameVerifierType": "DEFAULT"}"#),
    ];
    for (body, expected) in cases {
        assert_eq!(linter.fix_body(body.as_bytes(), FixMode::Safe).text, expected, "{body}");
    }
    // An unsafe fix waits for --unsafe-fixes.
    let noop = r#"{"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "NOOP"}"#;
    assert_eq!(linter.fix_body(noop.as_bytes(), FixMode::Safe).text, noop);
    assert!(linter.fix_body(noop.as_bytes(), FixMode::Unsafe).text.contains(r#""hostnameVerifierType": "DEFAULT""#));
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        Just(json!(1)),
        Just(json!("true")),
        Just(json!("  ")),
        prop::sample::select(vec![
            "TLS_1_2", "TLSv1.2", "tls_1_3", "TLS 1.1", "SSL_3_0", "TLS_1_0", "NOOP", "strict", "x"
        ])
        .prop_map(Value::from),
        prop::collection::vec(
            prop::sample::select(vec!["TLS_1_2", "TLSv1", "tls_1_3", "SSL_3_0", "TLS_1_1", "TLS_1_2", "1"]),
            0..5
        )
        .prop_map(|items| json!(items)),
    ]
}

fn body() -> impl Strategy<Value = String> {
    let names =
        mtlslint::model::FIELDS.into_iter().chain(["keystoreId", "key_store_id", "supportedProtocols", "deploy"]);
    let keys = prop::sample::select(names.collect::<Vec<_>>());
    (prop::collection::vec((keys, value()), 0..6), any::<bool>()).prop_map(|(members, pretty)| {
        let object: Map<String, Value> = members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let value = Value::Object(object);
        if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_bodies_fix_cleanly(text in body()) {
        check(&Linter::default(), &text);
    }
}

#[test]
fn unsafe_fixes_rename_a_misspelt_key_without_adding_a_second_one() {
    let linter = Linter::default();
    for text in [
        r#"{"enabled": true, "keyStoreId": "k", "HostnameVerifierType": "NOOP", "supportedProtocolList": ["TLS_1_2"]}"#,
        r#"{"enabled": true, "keyStoreId": "k", "hostnameVerifierType": "DEFAULT", "supportedprotocollist": ["TLS_1_2"]}"#,
    ] {
        let fixed = linter.fix_body(text.as_bytes(), FixMode::Unsafe);
        assert!(fixed.remaining.iter().all(|d| d.code != "J002"), "{}", fixed.text);
        let value: Value = serde_json::from_str(&fixed.text).unwrap();
        // The list the author wrote under the misspelt key is the one the fixed body holds;
        // the verifier is then H001's to replace (NOOP to DEFAULT), once.
        assert_eq!(value.get("supportedProtocolList"), Some(&json!(["TLS_1_2"])), "{}", fixed.text);
        assert_eq!(value.get("hostnameVerifierType"), Some(&json!("DEFAULT")), "{}", fixed.text);
        check(&linter, text);
    }
}

#[test]
fn an_added_member_follows_the_layout_of_the_members_before_it() {
    let linter = Linter::default();
    let cases = [
        (
            "{\"enabled\": true, \"keyStoreId\": \"k\", \"supportedProtocolList\": [\"TLS_1_3\"]}",
            "{\"enabled\": true, \"keyStoreId\": \"k\", \"supportedProtocolList\": [\"TLS_1_3\"], \"hostnameVerifierType\": \"DEFAULT\"}",
        ),
        (
            "{\n  \"enabled\": true,\n  \"keyStoreId\": \"k\",\n  \"supportedProtocolList\": [\"TLS_1_3\"]\n}\n",
            "{\n  \"enabled\": true,\n  \"keyStoreId\": \"k\",\n  \"supportedProtocolList\": [\"TLS_1_3\"],\n  \"hostnameVerifierType\": \"DEFAULT\"\n}\n",
        ),
        (
            "{\r\n    \"enabled\": true,\r\n    \"keyStoreId\": \"k\",\r\n    \"supportedProtocolList\": [\"TLS_1_3\"]\r\n}",
            "{\r\n    \"enabled\": true,\r\n    \"keyStoreId\": \"k\",\r\n    \"supportedProtocolList\": [\"TLS_1_3\"],\r\n    \"hostnameVerifierType\": \"DEFAULT\"\r\n}",
        ),
        // Members that share a line: the new one joins them.
        (
            "{\n\t\"enabled\": true, \"keyStoreId\": \"k\", \"supportedProtocolList\": [\"TLS_1_3\"]\n}",
            "{\n\t\"enabled\": true, \"keyStoreId\": \"k\", \"supportedProtocolList\": [\"TLS_1_3\"], \"hostnameVerifierType\": \"DEFAULT\"\n}",
        ),
    ];
    for (text, expected) in cases {
        let fixed = linter.fix_body(text.as_bytes(), FixMode::Unsafe);
        assert_eq!(fixed.text, expected);
        check(&linter, text);
    }
}

#[test]
fn dropping_legacy_protocols_keeps_the_other_items_as_laid_out() {
    let linter = Linter::default();
    let head = "{\n  \"enabled\": true, \"keyStoreId\": \"k\", \"hostnameVerifierType\": \"DEFAULT\",\n";
    let cases = [
        (
            "  \"supportedProtocolList\": [\n    \"TLS_1_0\",\n    \"TLS_1_2\",\n    \"TLSv1.1\",\n    \"SSL_3_0\",\n    \"TLS_1_3\",\n    \"TLS_1_1\"\n  ]\n}\n",
            "  \"supportedProtocolList\": [\n    \"TLS_1_2\",\n    \"TLS_1_3\"\n  ]\n}\n",
        ),
        (
            "  \"supportedProtocolList\": [\"TLS_1_1\", \"TLS_1_3\", \"TLS_1_2\"]\n}",
            "  \"supportedProtocolList\": [\"TLS_1_3\", \"TLS_1_2\"]\n}",
        ),
        // Nothing would be left, which would allow every protocol: the recommended list.
        (
            "  \"supportedProtocolList\": [\"TLS_1_0\", \"SSL_3_0\"]\n}",
            "  \"supportedProtocolList\": [\"TLS_1_2\", \"TLS_1_3\"]\n}",
        ),
    ];
    for (list, expected) in cases {
        let text = [head, list].concat();
        let fixed = linter.fix_body(text.as_bytes(), FixMode::Unsafe);
        assert_eq!(fixed.text, [head, expected].concat());
        check(&linter, &text);
    }
}
