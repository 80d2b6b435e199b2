//! The schemas in `schemas/` are the ones the model generates, and each is
//! a valid schema of its dialect.

use std::path::Path;

use mtlslint::schema::{Draft, SCHEMAS};

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
