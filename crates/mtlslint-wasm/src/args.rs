//! Reading JavaScript arguments: what a caller may pass, and an `Error`
//! that says what to pass instead for anything else. Nothing a caller passes
//! may trap the module.

use std::collections::BTreeMap;

use js_sys::{Array, ArrayBuffer, JSON, JsString, Reflect, Uint8Array};
use mtlslint::{Limits, Request};
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsError, JsValue};

// What runs a caller's code (a getter, a Proxy's trap, an iterator) is called
// through these, which catch what it throws: an exception that unwound through
// the module would leave its stack pointer and its table of JavaScript values
// behind, and enough of them would break the module for good.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn entries(object: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn keys(object: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// A new array of the items of an array or an iterable: safe to read.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn items(value: &JsValue) -> Result<Array, JsValue>;
    /// `new Uint8Array(value)`: a view of an `ArrayBuffer`, a copy of a
    /// typed array. It throws where the bytes cannot be read: a detached or
    /// transferred buffer, an object that only inherits from `Uint8Array`, a Proxy.
    #[wasm_bindgen(js_name = Uint8Array)]
    type Bytes;
    #[wasm_bindgen(catch, constructor, js_class = "Uint8Array")]
    fn new(source: &JsValue) -> Result<Bytes, JsValue>;
}

/// What a caller's code returned, or the error of the argument `what` whose
/// reading threw (a getter, a Proxy), saying what it threw.
fn caught<T>(what: &str, result: Result<T, JsValue>) -> Result<T, JsError> {
    result.map_err(|error| threw(what, &error))
}

/// One copy of the message for every type [`caught`] returns.
fn threw(what: &str, error: &JsValue) -> JsError {
    JsError::new(&format!("{what}: reading it threw: {}", said(error)))
}

/// What a thrown value says: a string, an error's `message` when that is a
/// string (read through `Reflect`, which catches a throwing getter), or its kind.
fn said(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| error.is_object().then(|| Reflect::get(error, &"message".into()).ok()?.as_string()).flatten())
        .unwrap_or_else(|| kind(error))
}

/// What breaks a line: no URL or header value may hold it.
const LINE_BREAKS: [char; 3] = ['\r', '\n', '\0'];

/// The most one argument's strings (UTF-16 units) or bytes may add up to:
/// eight times the highest size limit (`maxBytes`, 2 MiB), so that an input
/// over its limit is still read and reported (J005), while one far past it
/// is refused before it is copied into the module, whose memory it could
/// exhaust (and a module out of memory traps).
const MAX_UNITS: usize = 16 << 20;

/// What is left of an argument's [`MAX_UNITS`].
struct Budget(usize);

impl Budget {
    fn new() -> Self {
        Self(MAX_UNITS)
    }

    /// `value` as a string, when it is one and fits in what is left. Half a
    /// UTF-16 pair in it is refused, as in JSON data: read as UTF-8, it would
    /// turn into U+FFFD without a word (a text's fixes would write that back).
    fn string(&mut self, value: &JsValue, what: &str) -> Result<Option<String>, JsError> {
        let text = self.string_as_sent(value, what)?;
        if text.is_some() && holds_lone_surrogate(value) {
            return Err(JsError::new(&lone_surrogate(what)));
        }
        Ok(text)
    }

    /// [`Budget::string`] with half a UTF-16 pair read as U+FFFD, as a
    /// browser sends it: a form's value (`JSON.parse` makes one of `"\ud800"`).
    fn string_as_sent(&mut self, value: &JsValue, what: &str) -> Result<Option<String>, JsError> {
        if !value.is_string() {
            return Ok(None);
        }
        self.spend(value.unchecked_ref::<JsString>().length() as usize, what)?;
        Ok(value.as_string())
    }

    fn spend(&mut self, units: usize, what: &str) -> Result<(), JsError> {
        self.0 = self.0.checked_sub(units).ok_or_else(|| {
            JsError::new(&format!(
                "{what}: longer than the module reads ({MAX_UNITS} characters or bytes in one argument); \
                 lint one settings body, request or response at a time"
            ))
        })?;
        Ok(())
    }
}

/// An argument that must be a string.
pub(crate) fn string(value: &JsValue, what: &str) -> Result<String, JsError> {
    Budget::new().string(value, what)?.ok_or_else(|| expected_string(what, value))
}

fn expected_string(what: &str, value: &JsValue) -> JsError {
    JsError::new(&format!("{what}: expected a string, not {}", kind(value)))
}

/// The bytes of a text argument: a string, or a `Uint8Array` or an `ArrayBuffer` as read from a file.
pub(crate) fn text(value: &JsValue, what: &str) -> Result<Vec<u8>, JsError> {
    text_within(&mut Budget::new(), value, what)
}

fn text_within(budget: &mut Budget, value: &JsValue, what: &str) -> Result<Vec<u8>, JsError> {
    if let Some(text) = budget.string(value, what)? {
        return Ok(text.into_bytes());
    }
    // An `ArrayBuffer` is what `fetch(...).arrayBuffer()` and `FileReader` give.
    if value.is_instance_of::<ArrayBuffer>() || value.is_instance_of::<Uint8Array>() {
        return match Bytes::new(value) {
            Ok(bytes) => {
                let bytes = bytes.unchecked_into::<Uint8Array>();
                budget.spend(bytes.length() as usize, what)?;
                Ok(bytes.to_vec())
            }
            Err(error) => Err(JsError::new(&format!(
                "{what}: its bytes cannot be read ({}); pass a Uint8Array or an ArrayBuffer \
                 that is not detached or transferred, or the text as a string",
                said(&error)
            ))),
        };
    }
    // Bytes in another view or buffer (`Int8Array`, `DataView`, `SharedArrayBuffer`): named, with the view to make.
    if ArrayBuffer::is_view(value) || value.is_instance_of::<js_sys::SharedArrayBuffer>() {
        let name = class(value).unwrap_or_else(|| "a view of bytes".into());
        let instead = match name.as_str() {
            // Most likely UTF-16 code units, which are no UTF-8 bytes.
            "Uint16Array" => "pass the text as a string, new TextDecoder(\"utf-16le\").decode(x)".into(),
            _ if ArrayBuffer::is_view(value) => {
                "pass its bytes as a Uint8Array, new Uint8Array(x.buffer, x.byteOffset, x.byteLength), or the text as a string"
                    .to_owned()
            }
            _ => "pass its bytes as a Uint8Array, new Uint8Array(x), or the text as a string".to_owned(),
        };
        return Err(JsError::new(&format!("{what}: {name} is not read as text; {instead}")));
    }
    // Only an object or an array was meant to be sent as JSON.
    let hint =
        if foreign_class(value).is_none() && value.is_object() { " (JSON.stringify writes it as text)" } else { "" };
    Err(JsError::new(&format!("{what}: expected a string, a Uint8Array or an ArrayBuffer, not {}{hint}", kind(value))))
}

/// The options object (the caller has dropped `undefined` and `null`) as JSON
/// text (still in JavaScript), its members' names checked, for [`LintOptions::from_json`].
pub(crate) fn options(value: &JsValue) -> Result<JsString, JsError> {
    plain_object(value, "options", r#"{profile: "production"}"#)?;
    let mut budget = Budget::new();
    for key in caught("options", keys(value))?.iter() {
        crate::options::known(&budget.string(&key, "options")?.unwrap_or_default()).map_err(|e| JsError::new(&e))?;
    }
    stringified(&mut budget, value, "options")
}

/// A form's fields by name. Strings are taken as a browser sends them
/// (half a UTF-16 pair as U+FFFD); other values through their JSON.
pub(crate) fn fields(value: &JsValue) -> Result<BTreeMap<String, Value>, JsError> {
    const EXAMPLE: &str = r#"{enabled: true, keyStoreId: "ks-1"}"#;
    plain_object(value, "fields", EXAMPLE)?;
    let mut budget = Budget::new();
    let mut fields = BTreeMap::new();
    for entry in caught("fields", entries(value))?.iter() {
        let entry: Array = entry.unchecked_into();
        let name = budget.string(&entry.get(0), "fields (a field's name)")?.unwrap_or_default();
        let member = entry.get(1);
        if member.is_undefined() {
            continue;
        }
        let what = format!("fields.{name}");
        let value = match budget.string_as_sent(&member, &what)? {
            Some(text) => Value::String(text),
            None => json(&mut budget, &member, &what)?,
        };
        fields.insert(name, value);
    }
    Ok(fields)
}

/// The request of `lintRequest`: `{method, url, headers?, body?}`.
pub(crate) fn request(value: &JsValue) -> Result<Request, JsError> {
    const MEMBERS: [&str; 4] = ["method", "url", "headers", "body"];
    object(value, "request", r#"{method: "PUT", url: "https://..."}"#)?;
    let mut budget = Budget::new();
    for key in caught("request", keys(value))?.iter() {
        let key = budget.string(&key, "request")?.unwrap_or_default();
        if !MEMBERS.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "request: unknown member `{key}`; the members are {}",
                MEMBERS.join(", ")
            )));
        }
    }
    let get = |key: &str| caught(&format!("request.{key}"), Reflect::get(value, &key.into()));
    let mut required = |key: &str, example: &str| {
        let value = get(key)?;
        if value.is_undefined() {
            return Err(JsError::new(&format!("request.{key} is missing: write it, e.g. {key}: {example}")));
        }
        let what = format!("request.{key}");
        budget.string(&value, &what)?.ok_or_else(|| expected_string(&what, &value))
    };
    let method = required("method", r#""PUT""#)?;
    // Spaces and control characters around the URL are dropped, as browsers' URL parser (WHATWG) drops them.
    let url =
        required("url", r#""https://gw.example.com/apiops/projects/...""#)?.trim_matches(|c: char| c <= ' ').to_owned();
    if url.contains(LINE_BREAKS) {
        return Err(JsError::new("request.url: it breaks the line; a URL is one line (percent-encode a line break)"));
    }
    let headers = headers(&mut budget, &get("headers")?)?;
    let body = get("body")?;
    let body = if body.is_undefined() || body.is_null() {
        None
    } else if let Some(text) = budget.string(&body, "request.body")? {
        Some(text)
    } else if body.is_instance_of::<Uint8Array>() || body.is_instance_of::<ArrayBuffer>() {
        // As the CLI's `--data @FILE`: a request's body must be UTF-8 to be read at all.
        let text = String::from_utf8(text_within(&mut budget, &body, "request.body")?).map_err(|error| {
            let at = error.utf8_error().valid_up_to();
            JsError::new(&format!("request.body: not valid UTF-8 (byte {at}); send the body as UTF-8"))
        })?;
        Some(text)
    } else {
        Some(stringify(&mut budget, &body, "request.body")?)
    };
    Ok(Request { method, url, headers, body })
}

/// Headers as `[name, value]` pairs, an object, or anything iterable over
/// pairs (`Headers`, `Map`), in the caller's order.
fn headers(budget: &mut Budget, value: &JsValue) -> Result<Vec<(String, String)>, JsError> {
    const WHAT: &str = "request.headers";
    const PAIR: &str = "write each header as a [name, value] pair of strings";
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() {
        return Err(JsError::new(&format!("{WHAT}: expected an object of names and values or [name, value] pairs")));
    }
    let iterable = caught(WHAT, Reflect::has(value, &js_sys::Symbol::iterator()))?;
    // An object of another class that is not iterable (a `Date`) has no headers to read as members.
    if let (false, Some((name, _))) = (iterable, foreign_class(value)) {
        return Err(JsError::new(&format!(
            "{WHAT}: {name} holds no headers; pass an object of names and values, [name, value] pairs, a Headers or a Map"
        )));
    }
    let pairs = caught(WHAT, if iterable { items(value) } else { entries(value) })?;
    let mut headers = Vec::with_capacity(pairs.length() as usize);
    for pair in pairs.iter() {
        // A string is iterable too: `["Authorization: Bearer x"]` would read as the header `A: u`.
        if !pair.is_object() {
            return Err(JsError::new(&format!(
                "{WHAT}: {PAIR}, such as [\"Authorization\", \"Bearer ...\"], not {}",
                kind(&pair)
            )));
        }
        let pair = caught(WHAT, items(&pair))?;
        // `["Authorization: Bearer x"]`: the header as one line of text.
        let given = budget.string(&pair.get(0), WHAT)?;
        if let Some(line) = given.as_ref().filter(|line| pair.length() == 1 && line.contains(':')) {
            return Err(JsError::new(&format!(
                "{WHAT}: {} holds a name and its value in one string; {PAIR}, such as [\"Authorization\", \"Bearer ...\"]",
                shown(line)
            )));
        }
        if pair.length() > 2 {
            return Err(JsError::new(&format!("{WHAT}: {PAIR}, not a list of {}", pair.length())));
        }
        let (Some(name), Some(field)) = (given.clone(), budget.string(&pair.get(1), WHAT)?) else {
            // Name the header when there is one: its value is what is not a string.
            let instead = match given {
                Some(name) => format!("the value of {} is {}; write it as a string", shown(&name), kind(&pair.get(1))),
                None => PAIR.to_owned(),
            };
            return Err(JsError::new(&format!("{WHAT}: {instead}")));
        };
        // As the CLI's `-H ' Name: value'`: `fetch` refuses such a name, a server too.
        if let Some(trimmed) = mtlslint::import::spaced_name(&name) {
            let spaced = mtlslint::import::SPACED_NAME;
            return Err(JsError::new(&format!("{WHAT}: `{trimmed}` {spaced}: write [\"{trimmed}\", ...]")));
        }
        if !mtlslint::import::is_header_name(&name) {
            return Err(JsError::new(&format!(
                "{WHAT}: {} is not a header name; names are letters, digits and !#$%&'*+-.^_`|~, \
                 and the value goes apart: [\"Authorization\", \"Bearer ...\"]",
                shown(&name)
            )));
        }
        // As HTTP reads it, and as the CLI's `-H 'Name: value'`: spaces and tabs around the value are not part of it.
        let field = mtlslint::import::header_value(&field).to_owned();
        if field.contains(LINE_BREAKS) {
            return Err(JsError::new(&format!(
                "{WHAT}: the value of `{name}` breaks the line; a header value is one line"
            )));
        }
        headers.push((name, field));
    }
    Ok(headers)
}

/// A header name as an error quotes it: up to a `:` or a blank, since what
/// follows may be the value and its secret (`Authorization: Bearer abc` given as a name).
fn shown(name: &str) -> String {
    match name.split_once([':', ' ', '\t']) {
        Some(("", _)) => "a name that starts with a `:`".to_owned(),
        Some((start, _)) => format!("`{start}...`"),
        None => format!("`{name}`"),
    }
}

/// An object, not an array or a function. The request may be of any class
/// (a fetch `Request` is read by its members); see [`plain_object`].
fn object(value: &JsValue, what: &str, example: &str) -> Result<(), JsError> {
    if !value.is_object() || caught(what, is_array(value))? || value.is_function() {
        return Err(JsError::new(&format!("{what}: expected an object such as {example}, not {}", kind(value))));
    }
    Ok(())
}

/// A plain object. A `Map` or a `FormData` has no own members: read as it is,
/// it would pass as an empty object.
fn plain_object(value: &JsValue, what: &str, example: &str) -> Result<(), JsError> {
    object(value, what, example)?;
    match foreign_class(value) {
        Some((name, instead)) => {
            Err(JsError::new(&format!("{what}: {name} is not a plain object; pass one such as {example}{instead}")))
        }
        None => Ok(()),
    }
}

fn json(budget: &mut Budget, value: &JsValue, what: &str) -> Result<Value, JsError> {
    serde_json::from_str(&stringify(budget, value, what)?)
        .map_err(|e| JsError::new(&format!("{what}: {}", without_position(&e))))
}

/// The JSON text of `value`, refused where `JSON.stringify` would quietly
/// write something else: a `Map` as `{}`, `NaN` as `null`, a `Blob` as `{}`.
fn stringify(budget: &mut Budget, value: &JsValue, what: &str) -> Result<String, JsError> {
    stringified(budget, value, what)?.as_string().ok_or_else(|| JsError::new("JSON.stringify writes a string"))
}

/// The JSON text of `value`, still in JavaScript.
fn stringified(budget: &mut Budget, value: &JsValue, what: &str) -> Result<JsString, JsError> {
    plain_data(value, what, what, 0)?;
    let text = caught(what, JSON::stringify(value))?;
    if text.is_undefined() {
        return Err(JsError::new(&format!("{what}: expected a value that JSON.stringify can write")));
    }
    // Checked here, still in JavaScript: the options' text is compared there before it is read.
    budget.spend(text.length() as usize, what)?;
    Ok(text)
}

/// Checks that `value` (at `at` in the argument `what`) is strings, finite
/// numbers, booleans, null, arrays and plain objects all the way down.
fn plain_data(value: &JsValue, what: &str, at: &str, depth: usize) -> Result<(), JsError> {
    if let Some(number) = value.as_f64() {
        return if number.is_finite() {
            Ok(())
        } else {
            Err(JsError::new(&format!("{at}: NaN and Infinity are not JSON numbers; write a finite number")))
        };
    }
    if holds_lone_surrogate(value) {
        return Err(JsError::new(&lone_surrogate(at)));
    }
    if !value.is_object() {
        return if value.is_function() || value.is_symbol() || value.is_bigint() {
            Err(JsError::new(&format!("{at}: {} is not JSON data", kind(value))))
        } else {
            Ok(())
        };
    }
    if depth == Limits::MAX_DEPTH {
        return Err(JsError::new(&format!("{what}: nested deeper than {} levels, or holds itself", Limits::MAX_DEPTH)));
    }
    if caught(at, is_array(value))? {
        return caught(at, items(value))?
            .iter()
            .enumerate()
            .try_for_each(|(index, item)| plain_data(&item, what, &format!("{at}[{index}]"), depth + 1));
    }
    if let Some((name, instead)) = foreign_class(value) {
        return Err(JsError::new(&format!(
            "{at}: {name} is not JSON data; pass a string, or a plain object or array{instead}"
        )));
    }
    caught(at, entries(value))?.iter().try_for_each(|entry| {
        let entry: &Array = entry.unchecked_ref();
        let key = entry.get(0);
        let at = format!("{at}.{}", key.as_string().unwrap_or_default());
        if holds_lone_surrogate(&key) {
            return Err(JsError::new(&lone_surrogate(&at)));
        }
        plain_data(&entry.get(1), what, &at, depth + 1)
    })
}

#[wasm_bindgen]
extern "C" {
    /// A regular expression that tests a string as JavaScript holds it.
    #[wasm_bindgen(js_name = RegExp)]
    type Pattern;
    #[wasm_bindgen(constructor, js_class = "RegExp")]
    fn new(source: &str, flags: &str) -> Pattern;
    #[wasm_bindgen(method, js_class = "RegExp")]
    fn test(this: &Pattern, text: &JsString) -> bool;
}

/// Whether a string holds half a UTF-16 pair: read in Unicode mode, such a
/// half is the only code point of category Cs a string can hold. (Asked of
/// the engine at once; one code unit at a time across the boundary, a saved
/// List response of megabytes took a fifth of a second.)
fn holds_lone_surrogate(value: &JsValue) -> bool {
    thread_local! {
        static LONE_SURROGATE: Pattern = Pattern::new(r"\p{Cs}", "u");
    }
    value.dyn_ref::<JsString>().is_some_and(|text| LONE_SURROGATE.with(|pattern| pattern.test(text)))
}

/// JSON text cannot carry half a UTF-16 pair: `JSON.stringify` escapes it, and no JSON reader takes the escape.
fn lone_surrogate(at: &str) -> String {
    format!("{at}: a lone surrogate (half of a UTF-16 pair) is not text; remove it or complete the pair")
}

/// The class of an object that is no plain one (`Map`, `FormData`, `Blob`),
/// with how to make a plain one of it where there is a way.
fn foreign_class(value: &JsValue) -> Option<(String, &'static str)> {
    let name = class(value).filter(|name| name != "Object")?;
    let name = if name.is_empty() { "an object of a class without a name".into() } else { name };
    let instead = match name.as_str() {
        "Map" | "FormData" | "URLSearchParams" => " (Object.fromEntries(it) makes one)",
        // A fetch `Request`'s or `Response`'s body.
        "ReadableStream" => " (read the text first: `await request.text()`)",
        _ => "",
    };
    Some((name, instead))
}

/// The name of an object's class (`Map`, `Blob`, `Object`); none for an object without a prototype.
fn class(value: &JsValue) -> Option<String> {
    let constructor = Reflect::get(value, &"constructor".into()).ok()?;
    Reflect::get(&constructor, &"name".into()).ok()?.as_string()
}

/// serde_json's message without its position in text the caller never wrote.
pub(crate) fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

pub(crate) fn kind(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if is_array(value).unwrap_or(false) {
        "an array".into()
    } else if value.is_object() {
        "an object".into()
    } else {
        format!("a {}", value.js_typeof().as_string().unwrap_or_default())
    }
}
