//! Writes the published schemas without their indentation for the module to
//! serve: the same JSON, a tenth smaller once compressed.

use std::path::Path;
use std::{env, fs};

fn main() {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("schemas");
    println!("cargo::rerun-if-changed={}", schemas.display());
    for folder in ["2020-12", "draft-07"] {
        fs::create_dir_all(out.join(folder)).expect("OUT_DIR is writable");
        for entry in fs::read_dir(schemas.join(folder)).expect("schemas/ holds both dialects") {
            let path = entry.expect("a readable folder").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = fs::read_to_string(&path).expect("a readable schema");
            let value: serde_json::Value = serde_json::from_str(&text).expect("a published schema is JSON");
            let name = path.file_name().expect("a file name");
            fs::write(out.join(folder).join(name), value.to_string()).expect("OUT_DIR is writable");
        }
    }
}
