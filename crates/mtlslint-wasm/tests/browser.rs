//! The exports inside a real browser: `wasm-bindgen-test-runner` runs these in
//! headless Chromium (`cargo xtask test` sets it up; `webdriver.json` beside
//! the manifest holds Chromium's flags).

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("an object")
}

#[wasm_bindgen_test]
fn lint_reports_the_missing_keystore_in_the_servers_words() {
    let found = Array::from(&mtlslint_wasm::lint(&r#"{"enabled": true}"#.into(), None).expect("no options, no error"));
    let first = found.get(0);
    assert_eq!(get(&first, "code").as_string().as_deref(), Some("M001"));
    let message = get(&first, "message").as_string().expect("a message");
    assert!(message.contains("KeyStore ID is required when mTLS is enabled"), "{message}");
}

#[wasm_bindgen_test]
fn positions_count_utf16_units_for_javascript() {
    let text = r#"{"trustStoreId": "😀", "keystoreId": "ks"}"#;
    let found = Array::from(&mtlslint_wasm::lint(&text.into(), None).expect("no options, no error"));
    let typo = found.iter().find(|d| get(d, "code").as_string().as_deref() == Some("S001")).expect("S001");
    let start = get(&get(&typo, "range"), "start");
    let utf16 = text.encode_utf16().count() - r#""keystoreId": "ks"}"#.len();
    assert_eq!(get(&start, "utf16Column").as_f64(), Some(utf16 as f64 + 1.0));
    assert_eq!(get(&start, "offset").as_f64(), Some(text.find("\"keystoreId\"").unwrap() as f64));
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error_naming_the_fix() {
    let options = js_sys::JSON::parse(r#"{"profle": "production"}"#).unwrap();
    let error = mtlslint_wasm::lint(&"{}".into(), Some(options.into())).expect_err("an unknown option");
    let error: JsValue = error.into();
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("unknown field `profle`, expected one of `profile`"), "{message}");
}
