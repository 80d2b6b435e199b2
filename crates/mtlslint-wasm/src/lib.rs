//! mtlslint for browsers and Node: the core library's verdicts, unchanged,
//! behind a JavaScript API. Nothing here decides what is wrong with an input:
//! each export reads its arguments, calls the core and hands back its data.
//!
//! Results cross into JavaScript as JSON text that the engine's `JSON.parse`
//! turns into objects: one copy and one native parse, faster than building
//! objects a property at a time across the boundary, and the very bytes the
//! CLI's `--format json` prints for the same findings.

mod args;
mod draft07;
mod form;
mod options;

use std::borrow::Cow;
use std::cell::Cell;

use mtlslint::schema::{self, Draft};
use mtlslint::{Endpoint, FixMode, Linter};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use form::{FindingsByField, FormReport};
pub use options::LintOptions;

/// TypeScript names for what the Rust types cannot describe themselves: the
/// constants (serialised by hand from the model's tables; a test keeps these
/// unions equal to the tables) and the loosely typed inputs.
#[cfg_attr(not(test), allow(dead_code, reason = "the custom section below reads it, unseen by the lint"))]
const TYPES: &str = r#"
/** A protocol constant of `supportedProtocolList`. */
export type Protocol = "TLS_1_3" | "TLS_1_2" | "TLS_1_1" | "TLS_1_0" | "SSL_3_0";
/** A constant of `hostnameVerifierType`. */
export type HostnameVerifier = "NOOP" | "DEFAULT" | "STRICT" | "BROWSER_COMPAT";
/**
 * One keystore or credential: its name, or an object from a List response
 * with its `name`, `username` or `id`; its other members are ignored.
 */
export type InventoryItem = string | InventoryObject | { name?: string | undefined; username?: string | undefined; id?: string | undefined; [member: string]: unknown };
/** An item typed with an interface of the caller's own, which carries no index signature. */
type InventoryObject = { name?: string | undefined; username?: string | undefined; id?: string | undefined };
/** A JSON Schema dialect: Draft 2020-12 (the default) or draft-07. */
export type Draft = "2020-12" | "07";
/** A call to either endpoint, as a client would send it. */
export interface RequestInput {
    /** HTTP method, e.g. `PATCH`. */
    method: string;
    /** Full URL (`https://host/apiops/...`) or just the path. */
    url: string;
    /** Headers as an object, as `[name, value]` pairs (which keeps repeated names), or a `Headers` or `Map`. */
    headers?: Record<string, string> | [string, string][] | Iterable<[string, string]> | undefined;
    /** The body: text, bytes, or a value to send as JSON. */
    body?: string | Uint8Array | ArrayBuffer | MtlsSettings | object | null | undefined;
}
/**
 * A settings form's values by field: the body's fields, and the path's names
 * (`projectName` and `apiProxyName`, or for the truststore assignment
 * `projectName`, `username` and `keystoreName`). Leave a field out (or
 * `undefined`) to leave it out of the call. The types declared here are
 * what the calls take, so that TypeScript flags a misspelt field or a wrong
 * type as it is written; at run time the body's values are taken as they
 * are, and a wrong type (`enabled: 1`) or an unknown field is reported as a
 * finding rather than refused. A value JSON cannot carry (`NaN`, a `Set`, a
 * `Date`) and a path name that is neither a string nor `null` (read as left
 * out) are refused with an `Error`.
 */
export interface FormFields {
    projectName?: string | null | undefined;
    apiProxyName?: string | null | undefined;
    username?: string | null | undefined;
    keystoreName?: string | null | undefined;
    enabled?: boolean | string | null | undefined;
    keyStoreId?: string | null | undefined;
    trustStoreId?: string | null | undefined;
    supportedProtocolList?: string[] | string | null | undefined;
    hostnameVerifierType?: string | null | undefined;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const _: &str = TYPES;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "LintOptions")]
    pub type JsLintOptions;
    #[wasm_bindgen(typescript_type = "RequestInput")]
    pub type JsRequestInput;
    #[wasm_bindgen(typescript_type = "FormFields")]
    pub type JsFormFields;
    #[wasm_bindgen(typescript_type = "Draft")]
    pub type JsDraft;
}

/// Lints an mTLS settings body (the PATCH call's JSON): text, or bytes as
/// read from a file (bytes that are not UTF-8 are a finding). Findings come in
/// text order, each with what to write instead; positions carry UTF-8 byte
/// offsets, and lines with columns in characters and in UTF-16 code units.
///
/// Throws an `Error` whose message says what to write instead when the
/// options cannot be used.
#[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
pub fn lint(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] text: &JsValue,
    options: Option<JsLintOptions>,
) -> Result<JsValue, JsError> {
    let bytes = args::text(text, "text")?;
    with_linter(options, |_, linter| to_js(&redacted(&bytes, linter.lint_body(&bytes))))
}

/// Lints a whole call to either endpoint: method, URL and its names, headers, body.
#[wasm_bindgen(js_name = lintRequest, unchecked_return_type = "RequestReport")]
pub fn lint_request(request: JsRequestInput, options: Option<JsLintOptions>) -> Result<JsValue, JsError> {
    let request = args::request(&request.into())?;
    with_linter(options, |_, linter| to_js(&linter.lint_request(&request)))
}

/// Lints a response of either call; `options.endpoint` names the call when the shape alone cannot tell.
#[wasm_bindgen(js_name = lintResponse, unchecked_return_type = "Diagnostic[]")]
pub fn lint_response(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] text: &JsValue,
    options: Option<JsLintOptions>,
) -> Result<JsValue, JsError> {
    let bytes = args::text(text, "text")?;
    with_linter(options, |options, linter| to_js(&redacted(&bytes, linter.lint_response(&bytes, options.endpoint))))
}

/// Validates a form's values and returns the findings keyed by field name,
/// so that each message can sit beside its input. `options.endpoint` picks
/// the form: `mtls` (the default) or `truststore`.
#[wasm_bindgen(js_name = validateForm, unchecked_return_type = "FormReport")]
pub fn validate_form(fields: JsFormFields, options: Option<JsLintOptions>) -> Result<JsValue, JsError> {
    let fields = args::fields(&fields.into())?;
    with_linter(options, |options, linter| {
        let endpoint = options.endpoint.unwrap_or(Endpoint::MtlsSettings);
        form::fields_fit(&fields, endpoint).map_err(|e| JsError::new(&e))?;
        Ok(to_js(&form::validate(linter, &fields, endpoint)))
    })?
}

/// Applies the fixes the findings carry (safe ones, and unsafe ones with
/// `{unsafe: true}`) until none applies, and returns the new text with the
/// findings left in it. Fixes never turn valid JSON into invalid JSON.
#[wasm_bindgen(js_name = applyFixes, unchecked_return_type = "Fixed")]
pub fn apply_fixes(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] text: &JsValue,
    options: Option<JsLintOptions>,
) -> Result<JsValue, JsError> {
    let bytes = args::text(text, "text")?;
    with_linter(options, |options, linter| {
        let mode = if options.unsafe_fixes == Some(true) { FixMode::Unsafe } else { FixMode::Safe };
        let mut fixed = linter.fix_body(&bytes, mode);
        mtlslint::redact_diagnostics(&fixed.text, &mut fixed.remaining);
        to_js(&fixed)
    })
}

/// Every rule: code, name, default severities, fix availability, summary and documentation.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> JsValue {
    to_js(&mtlslint::rules::all().map(mtlslint::rules::Rule::info).collect::<Vec<_>>())
}

/// A rule's documentation in Markdown, by code or name (`M001`, `keystore-required`).
/// Throws for an unknown rule, naming the nearest one.
#[wasm_bindgen]
pub fn explain(#[wasm_bindgen(unchecked_param_type = "string")] rule: &JsValue) -> Result<String, JsError> {
    let rule = args::string(rule, "explain")?;
    let rule = mtlslint::rules::lookup(&rule).map_err(|unknown| match unknown.suggestion {
        Some(_) => JsError::new(&unknown.to_string()),
        None => JsError::new(&format!("{unknown}; `rules()` lists them")),
    })?;
    Ok(rule.explanation())
}

/// A published JSON Schema by name (`mtls-settings`, `truststore-assignment`,
/// ...), in Draft 2020-12 or draft-07. Throws for an unknown name or draft.
#[wasm_bindgen(unchecked_return_type = "Record<string, unknown>")]
pub fn schema(
    #[wasm_bindgen(unchecked_param_type = "string")] name: &JsValue,
    draft: Option<JsDraft>,
) -> Result<JsValue, JsError> {
    let name = args::string(name, "schema")?;
    let draft = match draft.map(JsValue::from).filter(|d| !d.is_undefined() && !d.is_null()) {
        None => Draft::Draft2020_12,
        Some(draft) => {
            let text = draft.as_string();
            text.as_deref().and_then(Draft::from_name).ok_or_else(|| {
                let given = text.map_or_else(|| args::kind(&draft), |text| format!("`{text}`"));
                JsError::new(&format!("schema: the draft is \"2020-12\" or \"07\", not {given}"))
            })?
        }
    };
    let published = schema::lookup(&name).map_err(|e| JsError::new(&e))?;
    let entry = PUBLISHED.iter().find(|(name, ..)| *name == published.name).expect("a file per schema");
    Ok(json_parse(&file(entry, draft)))
}

/// A published file's text in `draft`.
fn file(&(name, text, draft_07): &(&str, &'static str, Option<&'static str>), draft: Draft) -> Cow<'static, str> {
    let text = match (draft, draft_07) {
        (Draft::Draft2020_12, _) => Cow::Borrowed(text),
        (Draft::Draft07, Some(file)) => Cow::Borrowed(file),
        (Draft::Draft07, None) => Cow::Owned(draft07::from_2020_12(text)),
    };
    if name != "mtlslint-config" {
        return text;
    }
    // Served without its rules' properties (see build.rs): written here from the rule table.
    let mut schema: serde_json::Value = serde_json::from_str(&text).expect("the build script writes JSON");
    schema::name_the_rules(&mut schema["properties"]["rules"]);
    Cow::Owned(json_text(&schema))
}

// The published files of `schemas/` (indentation removed by the build
// script): each schema's Draft 2020-12 file, and its draft-07 file where it
// differs from what `draft07::from_2020_12` makes of the first. Served rather than
// generated, which keeps the schema generator out of the module; a test checks
// that they are the schemas the core generates.
include!(concat!(env!("OUT_DIR"), "/schemas/published.rs"));

/// The names of the published schemas.
#[wasm_bindgen(js_name = schemaNames, unchecked_return_type = "string[]")]
pub fn schema_names() -> JsValue {
    to_js(&schema::SCHEMAS.iter().map(|s| s.name).collect::<Vec<_>>())
}

/// The model's tables, for forms and pickers.
#[derive(Serialize, tsify::Tsify)]
pub struct Constants {
    /// The body's fields as the API spells them, in its order.
    pub fields: &'static [&'static str],
    /// The protocol constants with their Java names and meanings.
    pub protocols: &'static [mtlslint::model::ProtocolInfo],
    /// The hostname verifier constants with their meanings.
    pub verifiers: &'static [mtlslint::model::VerifierInfo],
}

/// The body's fields, and the protocol and hostname verifier constants with
/// their Java names and meanings: what a form offers, from the one model.
#[wasm_bindgen(unchecked_return_type = "Constants")]
pub fn constants() -> JsValue {
    use mtlslint::model::{FIELDS, PROTOCOLS, VERIFIERS};
    to_js(&Constants { fields: &FIELDS, protocols: &PROTOCOLS, verifiers: &VERIFIERS })
}

thread_local! {
    /// The linter of calls without options, built once.
    static DEFAULT: Linter = Linter::default();
    /// The last options given, as JSON text, with what they describe: a form
    /// validated at every keystroke passes the same options, whose inventories
    /// (a saved List response may be megabytes) are then read once. Both are
    /// kept until options of another text come.
    static LAST: Cell<Option<Box<(js_sys::JsString, LintOptions, Linter)>>> = const { Cell::new(None) };
}

/// Runs `run` with the caller's options and the linter they describe. Calls
/// without options (the common case, and the hot one) share one linter.
fn with_linter<T>(options: Option<JsLintOptions>, run: impl FnOnce(&LintOptions, &Linter) -> T) -> Result<T, JsError> {
    let Some(options) = options.map(JsValue::from).filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(DEFAULT.with(|linter| run(&LintOptions::default(), linter)));
    };
    let text = args::options(&options)?;
    // Taken out while in use: a getter `run` reads may call back in.
    // Compared in JavaScript: the text need not cross into the module again.
    let last = if let Some(last) = LAST.take().filter(|last| last.0 == text) {
        last
    } else {
        let mut options = LintOptions::from_json(&String::from(&text)).map_err(|e| JsError::new(&e))?;
        let linter = options.linter().map_err(|e| JsError::new(&e))?;
        Box::new((text, options, linter))
    };
    let result = run(&last.1, &last.2);
    LAST.set(Some(last));
    Ok(result)
}

/// Findings placed in the text they are on, with its credentials hidden in
/// their messages, as the CLI shows them.
fn redacted(bytes: &[u8], mut found: Vec<mtlslint::Finding>) -> Vec<mtlslint::Diagnostic> {
    let text = String::from_utf8_lossy(bytes);
    mtlslint::redact_findings(&text, &mut found);
    mtlslint::locate(&text, found)
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    json_parse(&serde_json::to_string(value).expect("the core's data serialises"))
}

/// A JSON value's text, as its `Display` writes it without `{:#}`. Written
/// through the serialiser `to_js` uses: `Display` brings a second copy of
/// it, with a pretty printer and an `io::Error` whose `Debug` escapes
/// strings with Unicode tables (4 KB gzipped in all).
pub(crate) fn json_text(value: &serde_json::Value) -> String {
    serde_json::to_string(value).expect("a JSON value serialises")
}

fn json_parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("serde_json writes JSON")
}

#[cfg(test)]
mod tests {
    use mtlslint::model::{PROTOCOLS, VERIFIERS};

    use super::TYPES;

    fn union(constants: impl Iterator<Item = &'static str>) -> String {
        constants.map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(" | ")
    }

    #[test]
    fn constant_unions_match_the_model() {
        let protocols = format!("export type Protocol = {};", union(PROTOCOLS.iter().map(|p| p.constant)));
        let verifiers = format!("export type HostnameVerifier = {};", union(VERIFIERS.iter().map(|v| v.constant)));
        assert!(TYPES.contains(&protocols), "write `{protocols}` in TYPES");
        assert!(TYPES.contains(&verifiers), "write `{verifiers}` in TYPES");
    }

    #[test]
    fn served_schemas_are_the_published_ones() {
        let mut names: Vec<_> = super::PUBLISHED.iter().map(|(name, ..)| *name).collect();
        let mut published: Vec<_> = mtlslint::schema::SCHEMAS.iter().map(|s| s.name).collect();
        names.sort_unstable();
        published.sort_unstable();
        assert_eq!(names, published);
        for entry in super::PUBLISHED {
            let name = entry.0;
            let schema = mtlslint::schema::find(name).unwrap();
            for draft in mtlslint::schema::Draft::ALL {
                let served: serde_json::Value = serde_json::from_str(&super::file(entry, draft)).unwrap();
                assert!(
                    served == schema.generate(draft),
                    "{name} ({}) is stale: run `cargo xtask schemas`",
                    draft.name()
                );
            }
        }
    }

    #[test]
    fn draft_union_matches_the_dialects() {
        let drafts = mtlslint::schema::Draft::ALL.map(|d| format!("\"{}\"", d.name())).join(" | ");
        assert!(TYPES.contains(&format!("export type Draft = {drafts};")));
    }
}

// Talc in place of std's dlmalloc: smaller in the module, and faster.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
