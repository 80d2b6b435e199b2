//! The schemas in `schemas/` are the ones the model generates, and each is
//! a valid schema of its dialect.

use std::path::Path;

use mtlslint::Inventory;
use mtlslint::schema::{self, Draft, SCHEMAS};
use serde_json::{Value, json};

#[test]
fn committed_schemas_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for published in &SCHEMAS {
        for draft in Draft::ALL {
            let path = published.path(draft);
            let committed = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
            assert!(committed == published.render(draft), "{path} is stale or missing: run `cargo xtask schemas`");
        }
    }
    let committed = std::fs::read_to_string(root.join(schema::OPENAPI_PATH)).unwrap_or_default();
    assert!(committed == schema::render_openapi(), "{} is stale: run `cargo xtask schemas`", schema::OPENAPI_PATH);
}

#[test]
fn every_schema_accepts_its_own_examples() {
    for published in &SCHEMAS {
        for draft in Draft::ALL {
            let schema = published.generate(draft);
            let validator = jsonschema::validator_for(&schema).unwrap();
            let examples =
                schema["examples"].as_array().unwrap_or_else(|| panic!("{} has no examples", published.name));
            for example in examples {
                assert!(validator.is_valid(example), "{}: rejects its example {example}", published.path(draft));
            }
        }
    }
}

#[test]
fn inventory_schema_and_reader_agree() {
    let validator = jsonschema::validator_for(&schema::find("inventory").unwrap().generate(Draft::Draft07)).unwrap();
    let read = [
        json!(["ks-1", "ts-1"]),
        json!([{"name": "ks-1", "password": "s3cret"}]),
        json!({"status": "SUCCESS", "resultList": [{"username": "api-user"}]}),
        json!({"resultList": []}),
    ];
    let refused = [
        json!({"status": "FAILURE", "resultList": []}),
        json!({"status": "SUCCESS"}),
        json!([1, 2]),
        json!([{"projectId": "p-1"}]),
        json!([{"name": null}]),
        json!("ks-1"),
    ];
    for file in read {
        assert!(Inventory::from_json(&file.to_string()).is_ok(), "the reader refuses {file}");
        assert!(validator.is_valid(&file), "the schema refuses {file}");
    }
    for file in refused {
        assert!(Inventory::from_json(&file.to_string()).is_err(), "the reader takes {file}");
        assert!(!validator.is_valid(&file), "the schema takes {file}");
    }
}

#[test]
fn openapi_document_describes_both_calls_and_its_references_resolve() {
    let document = schema::openapi();
    assert_eq!(document["openapi"], "3.1.0");
    let calls = [
        ("/apiops/projects/{projectName}/apiProxies/{apiProxyName}/settings/mtls/", "patch"),
        ("/apiops/projects/{projectName}/credentials/{username}/truststore/{keystoreName}/", "put"),
    ];
    for (path, method) in calls {
        let operation = &document["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is missing");
        let mut named: Vec<_> =
            operation["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        let mut placeholders: Vec<_> = path.split(['{', '}']).skip(1).step_by(2).collect();
        named.sort_unstable();
        placeholders.sort_unstable();
        assert_eq!(named, placeholders, "{path}");
        for status in ["200", "400", "401", "404"] {
            assert!(operation["responses"][status].is_object(), "{method} {path} lacks {status}");
        }
    }
    let mut references = Vec::new();
    collect_references(&document, &mut references);
    assert!(references.len() >= 5);
    for reference in references {
        let pointer = reference.strip_prefix('#').unwrap();
        assert!(document.pointer(pointer).is_some(), "{reference} does not resolve");
    }
}

fn collect_references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get("$ref") {
                found.push(reference.clone());
            }
            object.values().for_each(|v| collect_references(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_references(v, found)),
        _ => {}
    }
}

#[test]
fn every_schema_is_valid_against_its_meta_schema() {
    for published in &SCHEMAS {
        for draft in Draft::ALL {
            let schema = published.generate(draft);
            if let Err(error) = jsonschema::meta::validate(&schema) {
                panic!("{} is no valid schema: {error}", published.path(draft));
            }
            let expected = match draft {
                Draft::Draft2020_12 => "https://json-schema.org/draft/2020-12/schema",
                Draft::Draft07 => "http://json-schema.org/draft-07/schema#",
            };
            assert_eq!(schema["$schema"], expected);
            assert_eq!(schema["$id"], published.id(draft));
        }
    }
}

#[test]
fn config_schema_and_reader_agree() {
    let validator =
        jsonschema::validator_for(&schema::find("mtlslint-config").unwrap().generate(Draft::Draft07)).unwrap();
    let read = [
        json!({}),
        json!({"$schema": "./schemas/draft-07/mtlslint-config.json", "profile": "standard"}),
        json!({"rules": {"T005": "off", "keystore-required": "warning"}, "limits": {"maxBytes": 4096}}),
        json!({"inventories": {"keystores": "ks.json", "credentials": "creds.json"}}),
        json!({"rules": {"J001": "warning", "input-limit": "info"}}),
    ];
    let refused = [
        json!({"profle": "production"}),
        json!({"profile": "prod"}),
        json!({"rules": {"T005": "silent"}}),
        json!({"limits": {"maxDepht": 3}}),
        json!({"inventories": {"keystore": "ks.json"}}),
        json!({"rules": {"X999": "off"}}),
        // Lowered, not off: a body that is not JSON, or not an object, would pass unseen.
        json!({"rules": {"J001": "off"}}),
        json!({"rules": {"not-an-object": "off"}}),
        json!({"profile": null}),
        json!({"limits": {"maxBytes": null}}),
    ];
    for file in read {
        let config = mtlslint::Config::from_json(&file.to_string()).and_then(|c| c.options().map(|_| c));
        assert!(config.is_ok(), "the reader refuses {file}: {config:?}");
        assert!(validator.is_valid(&file), "the schema refuses {file}");
    }
    for file in refused {
        let config = mtlslint::Config::from_json(&file.to_string()).and_then(|c| c.options().map(|_| c));
        assert!(config.is_err(), "the reader takes {file}");
        assert!(!validator.is_valid(&file), "the schema takes {file}");
    }
}

#[test]
fn what_an_editor_inserts_draws_only_the_notes_of_enabling_mtls() {
    let schema = schema::find("mtls-settings").expect("the body schema").generate(Draft::Draft2020_12);
    let snippets = schema["defaultSnippets"].as_array().expect("snippets");
    assert!(snippets.len() >= 3);
    for snippet in snippets {
        let body = serde_json::to_string(&snippet["body"]).unwrap();
        let diagnostics = mtlslint::Linter::default().lint_body(body.as_bytes());
        // Enabling mTLS draws its notes (the connection pool, a missing truststore), and nothing else.
        assert!(diagnostics.iter().all(|d| ["M003", "M004"].contains(&d.code)), "{body}: {diagnostics:?}");
    }
}

/// Each response schema takes what `lint_response` passes for its call, and
/// refuses the shapes D001 reports.
#[test]
fn response_schemas_and_lint_response_agree() {
    use mtlslint::{Endpoint, Linter};
    let failed_environment = json!({"environmentName": "p", "success": false});
    let cases = [
        (
            "truststore-assignment-response",
            Endpoint::TruststoreAssignment,
            json!({"success": true, "deploymentResult": {"success": true}}),
            true,
        ),
        (
            "truststore-assignment-response",
            Endpoint::TruststoreAssignment,
            json!({"success": false, "deploymentResult": {"success": false}}),
            true,
        ),
        (
            "truststore-assignment-response",
            Endpoint::TruststoreAssignment,
            json!({"success": false, "deploymentResult": {"success": true, "environmentResults": [failed_environment]}}),
            true,
        ),
        (
            "truststore-assignment-response",
            Endpoint::TruststoreAssignment,
            json!({"success": false, "deploymentResult": {"success": true}}),
            false,
        ),
        ("mtls-settings-response", Endpoint::MtlsSettings, json!({"success": true}), true),
        (
            "mtls-settings-response",
            Endpoint::MtlsSettings,
            json!({"success": true, "deploymentResult": {"success": true}}),
            false,
        ),
    ];
    for (name, endpoint, response, passes) in cases {
        let shape_errors = Linter::default()
            .lint_response(response.to_string().as_bytes(), Some(endpoint))
            .into_iter()
            .filter(|d| d.code == "D001")
            .count();
        assert_eq!(shape_errors == 0, passes, "lint_response on {response}");
        for draft in Draft::ALL {
            let validator = jsonschema::validator_for(&schema::find(name).unwrap().generate(draft)).unwrap();
            assert_eq!(validator.is_valid(&response), passes, "{name} ({}) on {response}", draft.name());
        }
    }
}
