//! No input may panic, hang or overflow the stack, and every diagnostic
//! points at a real place: ranges inside the text on character boundaries,
//! pointers that resolve in the body.

use mtlslint::{Context, Finding, FixMode, Limits, Linter, Options, Profile};
use proptest::prelude::*;
use serde_json::Value;

fn check_invariants(text: &[u8], diagnostics: &[Finding]) {
    let shown = String::from_utf8_lossy(text);
    let placed = mtlslint::locate(&shown, diagnostics.to_vec());
    for (d, found) in placed.iter().zip(diagnostics) {
        let (start, end) = (d.range.start, d.range.end);
        if std::str::from_utf8(text).is_ok() {
            assert_eq!((start.offset, end.offset), (found.span.start, found.span.end), "{d:?}");
        }
        assert!(start.offset <= end.offset && end.offset <= text.len(), "{d:?}");
        assert!(shown.is_char_boundary(start.offset.min(shown.len())), "{d:?}");
        assert!(start.line >= 1 && start.column >= 1 && start.utf16_column >= start.column, "{d:?}");
        assert!(mtlslint::rules::find(d.code).is_some(), "{d:?}");
        assert!(!d.message.is_empty());
        assert!(d.fix.as_ref().is_none_or(|fix| !fix.edits.is_empty()), "a fix without edits: {d:?}");
    }
    // serde_json keeps only the last of duplicate keys, so pointers into the others cannot be checked with it.
    let duplicates = diagnostics.iter().any(|d| d.code == "J002");
    if let (Ok(value), false) = (serde_json::from_slice::<Value>(text), duplicates) {
        for d in diagnostics.iter().filter(|d| !d.pointer.is_empty()) {
            assert!(value.pointer(&d.pointer).is_some(), "{} does not resolve in {value}", d.pointer);
        }
    }
}

fn lint_both(text: &[u8]) {
    for profile in [Profile::Standard, Profile::Production] {
        let diagnostics = Linter::new(Options::new(profile), Context::default()).lint_body(text);
        check_invariants(text, &diagnostics);
    }
}

#[test]
fn a_fix_the_rules_cannot_write_is_left_out() {
    // S001 renames the key that stands for the field; H001 and T003 have nothing to add beside it.
    for text in [r#"{"enabled": true, "hostnameVerifier": true}"#, r#"{"supportedProtocols": false, "enabled": true}"#]
    {
        let diagnostics = Linter::default().lint_body(text.as_bytes());
        check_invariants(text.as_bytes(), &diagnostics);
        let fixed: Vec<_> = diagnostics.iter().filter(|d| d.fix.is_some()).map(|d| d.code).collect();
        assert!(fixed.contains(&"S001") && fixed.len() == 2, "{text}: {fixed:?}");
    }
}

#[test]
fn hundred_thousand_open_brackets_stop_at_the_depth_limit() {
    for open in ["[", "{\"a\":"] {
        let text = open.repeat(100_000);
        let diagnostics = mtlslint::lint(&text);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "J005");
    }
}

#[test]
fn depth_limit_cannot_be_raised_past_the_ceiling() {
    let mut options = Options::default();
    options.limits.max_depth = usize::MAX;
    let text = "[".repeat(100_000);
    let diagnostics = Linter::new(options.clone(), Context::default()).lint_body(text.as_bytes());
    assert_eq!(diagnostics[0].code, "J005");
    assert!(diagnostics[0].message.contains(&Limits::MAX_DEPTH.to_string()));
    // The ceiling itself is safe on a 1 MiB stack, the size of a wasm stack, even unoptimised.
    let deepest = format!("{}{}", "[".repeat(Limits::MAX_DEPTH), "]".repeat(Limits::MAX_DEPTH));
    let lint = move || Linter::new(options, Context::default()).lint_body(deepest.as_bytes());
    let diagnostics = std::thread::Builder::new().stack_size(1 << 20).spawn(lint).unwrap().join().unwrap();
    assert_eq!(diagnostics[0].code, "J004");
}

#[test]
fn fifty_megabyte_string_is_refused_by_default_and_parsed_when_allowed() {
    let text = format!("{{\"keyStoreId\": \"{}\"}}", "k".repeat(50 << 20));
    let refused = mtlslint::lint(&text);
    assert_eq!(refused.iter().map(|d| d.code).collect::<Vec<_>>(), ["J005"]);
    let mut options = Options::default();
    options.limits.max_bytes = 64 << 20;
    let parsed = Linter::new(options, Context::default()).lint_body(text.as_bytes());
    assert!(parsed.iter().all(|d| d.code != "J005" && d.code != "J001"), "{parsed:?}");
}

#[test]
fn responses_keep_to_the_size_limit_and_offsets_into_the_input() {
    let mut options = Options::default();
    options.limits.max_bytes = 64;
    let linter = Linter::new(options, Context::default());
    let large = format!(r#"{{"success": true, "note": "{}"}}"#, "x".repeat(64));
    let diagnostics = linter.lint_response(large.as_bytes(), None);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].message, "the response is larger than the limit of 64 bytes");
    // Invalid bytes are not replaced (which would move every later offset): the
    // response is read up to the first of them.
    let latin1 = b"{\"note\": \"\xff\xff\", \"success\": 5}";
    let diagnostics = Linter::default().lint_response(latin1, None);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].span.start, 10);
    assert!(diagnostics[0].message.contains("not valid UTF-8"), "{}", diagnostics[0].message);
    // The public parser keeps to the ceiling whatever depth it is asked for.
    let deep = "[".repeat(100_000);
    let parsed = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || mtlslint::syntax::parse(&deep, usize::MAX).error.is_some())
        .unwrap()
        .join()
        .unwrap();
    assert!(parsed);
}

#[test]
fn invalid_utf8_and_utf16_are_findings() {
    let latin1 = b"{\"keyStoreId\": \"caf\xe9\"}";
    let diagnostics = mtlslint::Linter::default().lint_body(latin1);
    assert_eq!(diagnostics[0].code, "J001");
    assert_eq!(diagnostics[0].span.start, 19);
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("{}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let diagnostics = mtlslint::Linter::default().lint_body(&utf16);
    assert!(diagnostics[0].message.contains("UTF-16"));
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(vec!["TLS_1_2", "TLSv1.2", "tls_1_3", "SSL_3_0", "NOOP", "strict", "0", ""])
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Bodies shaped like the real thing, with keys and values drawn from what users get wrong.
fn settings_body() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "enabled",
        "keyStoreId",
        "trustStoreId",
        "supportedProtocolList",
        "hostnameVerifierType",
        "keystoreId",
        "Enabled",
        "keyStoreName",
        "deploy",
        "$schema",
    ]);
    let value = prop_oneof![
        json_value(),
        prop::collection::vec(
            prop::sample::select(vec!["TLS_1_3", "TLS_1_2", "TLS_1_1", "TLS_1_0", "SSL_3_0", "TLSv1.2", "1"]),
            0..5
        )
        .prop_map(Value::from),
    ];
    prop::collection::vec((key, value), 0..8).prop_map(|members| {
        let parts: Vec<String> = members.iter().map(|(k, v)| format!("{}: {v}", Value::from(*k))).collect();
        format!("{{\n  {}\n}}", parts.join(",\n  "))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        lint_both(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        lint_both(value.to_string().as_bytes());
        lint_both(serde_json::to_string_pretty(&value).unwrap().as_bytes());
    }

    #[test]
    fn settings_shaped_bodies_never_panic(body in settings_body()) {
        lint_both(body.as_bytes());
    }

    #[test]
    fn truncated_bodies_never_panic(body in settings_body(), cut in any::<prop::sample::Index>()) {
        let at = cut.index(body.len() + 1);
        let mut at = at.min(body.len());
        while !body.is_char_boundary(at) {
            at -= 1;
        }
        lint_both(&body.as_bytes()[..at]);
    }
}

/// Sized so that anything quadratic in the number of members or findings
/// would take minutes: 60,000 repeated keys and 60,000 unknown keys.
#[test]
fn many_members_and_findings_stay_linear() {
    let repeated = format!("{{{}}}", vec!["\"k\":1"; 60_000].join(","));
    let diagnostics = mtlslint::locate(&repeated, mtlslint::lint(&repeated));
    assert_eq!(diagnostics.iter().filter(|d| d.code == "J002").count(), 59_999);
    assert_eq!(diagnostics.last().unwrap().range.start.line, 1);
    let unknown: Vec<String> = (0..60_000).map(|i| format!("\"x{i}\":\"v\"")).collect();
    let text = format!("{{\"enabled\":true,{}}}", unknown.join(",\n"));
    let diagnostics = mtlslint::lint(&text);
    assert_eq!(diagnostics.iter().filter(|d| d.code == "S001").count(), 60_000);
    check_invariants(text.as_bytes(), &diagnostics);
    let placed = mtlslint::locate(&text, diagnostics);
    assert_eq!(placed.last().unwrap().range.start.line, 60_000);
}

/// Pairs of repeated keys on one line of non-ASCII text: each finding names the
/// column, in characters, of the first of its pair.
#[test]
fn columns_of_many_repeats_on_one_line_stay_linear() {
    let pairs: Vec<String> = (0..5_000).map(|i| format!("\"é{i}\":1,\"é{i}\":2")).collect();
    let text = format!("{{{}}}", pairs.join(","));
    let diagnostics = mtlslint::lint(&text);
    let repeats: Vec<_> = diagnostics.iter().filter(|d| d.code == "J002").collect();
    assert_eq!(repeats.len(), 5_000);
    let last = repeats.last().unwrap();
    let first = text.rfind("\"é4999\":1").unwrap();
    let column = text[..first].chars().count() + 1;
    assert!(last.message.ends_with(&format!("the one on line 1, column {column}")), "{}", last.message);
    check_invariants(text.as_bytes(), &diagnostics);
}

/// Each repeat's fix reaches back to the comma before it, behind its own
/// finding: 60,000 of them are placed and fixed in one pass each.
#[test]
fn a_long_list_of_repeats_is_placed_and_fixed_in_one_pass() {
    let text = format!("{{\"supportedProtocolList\":[{}]}}", vec!["\"TLS_1_2\""; 60_000].join(",\n"));
    let diagnostics = mtlslint::lint(&text);
    check_invariants(text.as_bytes(), &diagnostics);
    let placed = mtlslint::locate(&text, diagnostics);
    let repeats: Vec<_> = placed.iter().filter(|d| d.code == "T004").collect();
    assert_eq!(repeats.len(), 59_999);
    let last = repeats.last().unwrap();
    assert_eq!(last.range.start.line, 60_000);
    let removal = last.fix.as_ref().unwrap().edits[0].range;
    assert_eq!((removal.start.line, removal.start.column, removal.end.line), (59_999, 10, 60_000));
    let fixed = Linter::default().fix_body(text.as_bytes(), FixMode::Safe);
    assert_eq!((fixed.text.as_str(), fixed.applied), ("{\"supportedProtocolList\":[\"TLS_1_2\"]}", 59_999));
}
