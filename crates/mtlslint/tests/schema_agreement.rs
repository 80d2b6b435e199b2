//! The published body schema and the linter agree: with the `jsonschema`
//! crate as the judge, the schema accepts a generated body exactly when the
//! linter reports none of the shape findings (`schema::SHAPE_CODES`). Bodies
//! are valid JSON without repeated keys, which a parsed document cannot show.

use mtlslint::Linter;
use mtlslint::schema::{self, Draft, SHAPE_CODES};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value, json};

/// Strings that are, or nearly are, what a field takes.
fn text() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("ks-prod-0042")),
        Just(json!("")),
        Just(json!("   ")),
        Just(json!("\u{a0}\t")),
        Just(json!("\u{85}")),
        Just(json!("\u{feff}")),
        Just(json!(" \u{200b}")),
        Just(json!("\u{feff}ks")),
        Just(json!(" ks-1 ")),
        Just(json!("true")),
        Just(json!("False")),
        Just(json!("yes")),
        Just(json!("7")),
        Just(json!(" 2 ")),
        Just(json!("{{ks}}")),
        Just(json!("${TS}")),
        Just(json!("$ks")),
        Just(json!("<keystore-id>")),
        Just(json!("{ks}x")),
        Just(json!("$ks-1")),
        "[a-zA-Z_ .0-9-]{0,12}".prop_map(Value::from),
    ]
}

/// Any small JSON value, nested at most twice.
fn anything() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..300).prop_map(Value::from),
        Just(json!(1.5)),
        text(),
    ];
    leaf.prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,3}", inner, 0..3).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A protocol list item: constants, Java names, other spellings, ordinals, other types.
fn protocol() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => prop::sample::select(vec!["TLS_1_3", "TLS_1_2", "TLS_1_1", "TLS_1_0", "SSL_3_0"]).prop_map(Value::from),
        2 => prop::sample::select(vec!["TLSv1.2", "TLSv1", "tls_1_3", "TLS 1.2", "TLS_1_4", "SSLv3", "1", "", " TLS_1_2"])
            .prop_map(Value::from),
        1 => anything(),
    ]
}

fn verifier() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => prop::sample::select(vec!["NOOP", "DEFAULT", "STRICT", "BROWSER_COMPAT"]).prop_map(Value::from),
        2 => prop::sample::select(vec!["default", "Strict", "browser-compat", "NONE", "2", "", "DefaultHostnameVerifier"])
            .prop_map(Value::from),
        1 => anything(),
    ]
}

fn field_value(key: &'static str) -> BoxedStrategy<Value> {
    match key {
        "enabled" => prop_oneof![4 => any::<bool>().prop_map(Value::from), 1 => anything()].boxed(),
        "keyStoreId" | "trustStoreId" => prop_oneof![3 => text(), 1 => anything()].boxed(),
        "supportedProtocolList" => prop_oneof![
            4 => prop::collection::vec(protocol(), 0..4).prop_map(Value::from),
            1 => protocol(),
            1 => anything(),
        ]
        .boxed(),
        "hostnameVerifierType" => verifier().boxed(),
        // Unknown keys: misspellings, another revision's fields, `$schema`.
        _ => anything().boxed(),
    }
}

/// A body: mostly near-valid objects, sometimes not an object at all.
fn body() -> impl Strategy<Value = Value> {
    // The fields, a misspelling, another revision's field, and `$schema`.
    let keys: Vec<&'static str> =
        mtlslint::model::FIELDS.into_iter().chain(["keystoreId", "deploy", "$schema"]).collect();
    let members = prop::sample::subsequence(keys, 0..=6).prop_flat_map(|keys| {
        let values: Vec<_> = keys.iter().map(|key| field_value(key)).collect();
        (Just(keys), values)
    });
    let object = members.prop_map(|(keys, values)| {
        let mut map = Map::new();
        for (key, value) in keys.into_iter().zip(values) {
            let value = if key == "$schema" { json!("./mtls-settings.json") } else { value };
            map.insert(key.into(), value);
        }
        Value::Object(map)
    });
    prop_oneof![20 => object, 1 => anything()]
}

#[test]
fn schema_accepts_exactly_what_the_linter_accepts() {
    let linter = Linter::default();
    for draft in Draft::ALL {
        let schema = schema::find("mtls-settings").unwrap().generate(draft);
        let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
        let (accepted, rejected) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
        let mut runner = TestRunner::new(Config { cases: 10_000, failure_persistence: None, ..Config::default() });
        runner
            .run(&body(), |body| {
                let text = body.to_string();
                let findings: Vec<_> =
                    linter.lint_body(text.as_bytes()).into_iter().filter(|d| SHAPE_CODES.contains(&d.code)).collect();
                let valid = validator.is_valid(&body);
                let outcome = if valid { &accepted } else { &rejected };
                outcome.set(outcome.get() + 1);
                let codes: Vec<_> = findings.iter().map(|d| d.code).collect();
                let errors: Vec<_> = validator.iter_errors(&body).map(|e| e.to_string()).collect();
                prop_assert_eq!(
                    valid,
                    findings.is_empty(),
                    "draft {}: {}\nlinter: {:?}\nschema: {:?}",
                    draft.name(),
                    text,
                    codes,
                    errors
                );
                Ok(())
            })
            .unwrap();
        // Both outcomes are well represented, so agreement is not trivial.
        let (accepted, rejected) = (accepted.get(), rejected.get());
        assert!(
            accepted > 1_000 && rejected > 1_000,
            "draft {}: {accepted} accepted, {rejected} rejected",
            draft.name()
        );
    }
}

#[test]
fn every_shape_rule_is_seen_by_the_schema() {
    let cases = [
        ("J004", json!(["enabled"])),
        ("S001", json!({"keystoreId": "ks-1"})),
        ("S002", json!({"enabled": {"on": true}})),
        ("S003", json!({"enabled": "true"})),
        ("S004", json!({"supportedProtocolList": ["TLSv1.2"]})),
        ("S005", json!({"hostnameVerifierType": 1})),
        ("S006", json!({"trustStoreId": null})),
        ("S007", json!({"keyStoreId": "  "})),
        ("S008", json!({"supportedProtocolList": "TLS_1_2"})),
        ("M001", json!({"enabled": true})),
    ];
    let linter = Linter::default();
    for draft in Draft::ALL {
        let validator = jsonschema::validator_for(&schema::find("mtls-settings").unwrap().generate(draft)).unwrap();
        for (code, body) in &cases {
            let codes: Vec<_> = linter.lint_body(body.to_string().as_bytes()).into_iter().map(|d| d.code).collect();
            assert!(codes.contains(code), "{body} should draw {code}, drew {codes:?}");
            assert!(!validator.is_valid(body), "draft {}: the schema accepts {body}", draft.name());
        }
        for clean in [json!({}), json!({"enabled": false}), json!({"enabled": true, "keyStoreId": "ks-1"})] {
            assert!(validator.is_valid(&clean), "draft {}: the schema rejects {clean}", draft.name());
        }
    }
    assert_eq!(cases.map(|(code, _)| code), SHAPE_CODES);
}

#[test]
fn a_blank_id_is_the_same_character_by_character() {
    // Every character below U+3100 (all of Unicode's white space), the invisible
    // U+FEFF and a few beyond: an id of it is blank for the linter (S007)
    // exactly when the schema's pattern refuses it.
    let characters = (0..0x3100_u32).chain([0xfeff, 0xfffe, 0x1_f600]).filter_map(char::from_u32);
    let linter = Linter::default();
    for draft in Draft::ALL {
        let validator = jsonschema::validator_for(&schema::find("mtls-settings").unwrap().generate(draft)).unwrap();
        let mut blank = 0;
        for character in characters.clone() {
            let body = json!({"keyStoreId": character.to_string()});
            let s007 = linter.lint_body(body.to_string().as_bytes()).iter().any(|d| d.code == "S007");
            blank += usize::from(s007);
            assert_eq!(!validator.is_valid(&body), s007, "draft {}: U+{:04X}", draft.name(), u32::from(character));
        }
        // Unicode's 25 white space characters, U+200B and U+FEFF.
        assert_eq!(blank, 27, "draft {}", draft.name());
        // Written out, not as `\s`, which each dialect reads its own way
        // (Python's takes U+001C to U+001F, JavaScript's leaves out U+0085);
        // `[\s\S]`, any character, is the same in all.
        let pattern =
            schema::find("mtls-settings").unwrap().generate(draft)["properties"]["keyStoreId"]["pattern"].clone();
        assert!(!pattern.as_str().unwrap().replace("[\\s\\S]", "").contains("\\s"), "{pattern}");
        // White space around an id, of any kind, is refused by both.
        for padded in [" ks-1", "ks-1\n", "\u{200b}ks", "k\u{3000}", "ks 1 ", "\tk s\t"] {
            let body = json!({"keyStoreId": padded});
            let s007 = linter.lint_body(body.to_string().as_bytes()).iter().any(|d| d.code == "S007");
            assert!(s007 && !validator.is_valid(&body), "draft {}: {padded:?}", draft.name());
        }
        assert!(validator.is_valid(&json!({"keyStoreId": "k s"})), "a space inside is the server's to judge");
        // A template's placeholder left unfilled is refused by both; an id that only holds such signs is not.
        let placeholders =
            ["{{ks}}", "{{ ks }}", "{ks}", "<keystore-id>", "${KS}", "$KS", "$ks", "$env:KS", "$(cat ks)"];
        for id in placeholders.into_iter().chain(["ks-{1}", "a$b", "$ks-1", "<a><b>", "{{a}}b"]) {
            let body = json!({"keyStoreId": id});
            let s007 = linter.lint_body(body.to_string().as_bytes()).iter().any(|d| d.code == "S007");
            assert_eq!(!validator.is_valid(&body), s007, "draft {}: {id:?}", draft.name());
            assert_eq!(s007, placeholders.contains(&id), "{id:?}");
        }
    }
}
