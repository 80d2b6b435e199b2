//! Writes the published schemas without their indentation for the module to
//! serve (the same JSON, a tenth smaller once compressed), and the table that
//! embeds them, `published.rs`: one entry per file of `schemas/2020-12/`,
//! with its draft-07 file only where `draft07::from_2020_12` does not give it.
//! The configuration's schema goes without its rules' properties, which the
//! module writes from its rule table.

#[path = "src/draft07.rs"]
mod draft07;

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

/// The configuration's schema, served without the properties that name each rule.
const CONFIG: &str = "mtlslint-config";

/// The dialects' folders, in the order of `mtlslint::schema::Draft::ALL`.
const FOLDERS: [&str; 2] = ["2020-12", "draft-07"];

fn main() {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("schemas");
    println!("cargo::rerun-if-changed={}", schemas.display());
    let mut names = Vec::new();
    for folder in FOLDERS {
        fs::create_dir_all(out.join(folder)).expect("OUT_DIR is writable");
        for entry in fs::read_dir(schemas.join(folder)).expect("schemas/ holds both dialects") {
            let path = entry.expect("a readable folder").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = fs::read_to_string(&path).expect("a readable schema");
            let mut value: serde_json::Value = serde_json::from_str(&text).expect("a published schema is JSON");
            let name = path.file_stem().expect("a file name").to_string_lossy().into_owned();
            if name == CONFIG {
                // What `mtlslint::schema::name_the_rules` writes back from the rule table.
                let rules = value["properties"]["rules"].as_object_mut().expect("the configuration has `rules`");
                rules.remove("properties");
                rules.remove("propertyNames");
            }
            fs::write(out.join(folder).join(format!("{name}.json")), value.to_string()).expect("OUT_DIR is writable");
            if folder == FOLDERS[0] {
                names.push(name);
            }
        }
    }
    // Largest first: the configuration's schema would otherwise stand
    // between schemas that share their texts, too far apart for the
    // compressor; and the body's schema ends up beside the model's texts it
    // repeats (measured: 101 bytes less gzipped than smallest first).
    names.sort_by_key(|name| {
        (
            std::cmp::Reverse(
                fs::metadata(schemas.join(FOLDERS[0]).join(format!("{name}.json"))).map_or(0, |m| m.len()),
            ),
            name.clone(),
        )
    });
    let mut table = String::from("const PUBLISHED: &[(&str, &str, Option<&str>)] = &[\n");
    let include = |folder: &str, name: &str| {
        let path = out.join(folder).join(format!("{name}.json"));
        (format!("include_str!({:?})", path.to_string_lossy()), fs::read_to_string(&path).expect("written above"))
    };
    for name in &names {
        let (first, text) = include(FOLDERS[0], name);
        let (second, draft_07) = include(FOLDERS[1], name);
        let second =
            if draft07::from_2020_12(&text) == draft_07 { "None".to_owned() } else { format!("Some({second})") };
        let _ = writeln!(table, "    ({name:?}, {first}, {second}),");
    }
    table.push_str("];\n");
    fs::write(out.join("published.rs"), table).expect("OUT_DIR is writable");
}
