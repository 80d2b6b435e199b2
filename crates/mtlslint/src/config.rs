//! `mtlslint.json`: a project's choices for mtlslint, so that every run in a
//! repository (CLI, CI, editor) judges alike.
//!
//! ```
//! let config = mtlslint::Config::from_json(r#"{"profile": "production", "rules": {"T005": "off"}}"#).unwrap();
//! let options = config.options().unwrap();
//! assert_eq!(options.profile, mtlslint::Profile::Production);
//! let error = mtlslint::Config::from_json(r#"{"profle": "production"}"#).unwrap_err();
//! assert_eq!(error.to_string(), "unknown key `profle`: did you mean `profile`?");
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostic::Severity;
use crate::options::{Limits, Options, Profile, SeverityError};

/// The file looked for from the working directory upward.
pub const FILE_NAME: &str = "mtlslint.json";

/// What `mtlslint.json` holds. Every member is optional; command-line flags win over it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "mtlslint configuration (mtlslint.json)")]
pub struct Config {
    /// The JSON Schema of this file, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Which default severities apply: `standard` (risks are warnings) or `production` (they are errors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// Severity by rule code or name, over the profile's: `error`, `warning`, `info` or `off`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, Level>,
    /// Input limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<ConfigLimits>,
    /// Saved List responses (or JSON arrays of names), as paths relative to this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventories: Option<Inventories>,
}

/// A rule's severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Level {
    /// Reported as an error: the exit status is 1.
    Error,
    /// Reported as a warning.
    Warning,
    /// Reported as information.
    Info,
    /// Not reported.
    Off,
}

impl Level {
    /// Every level, from the most severe.
    pub const ALL: [Level; 4] = [Level::Error, Level::Warning, Level::Info, Level::Off];

    /// The levels as a message lists them (a test holds it to [`Level::ALL`]).
    pub const CHOICES: &str = r#""error", "warning", "info" or "off""#;

    /// The severity, `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }

    /// What to write for a value that is no level, when it most likely
    /// stands for one: another case or spelling (`"Warn"`, `"warnign"`),
    /// the start of one (`"warn"`), or ESLint's numbers (`0` off, `1`
    /// warning, `2` error).
    ///
    /// ```
    /// use mtlslint::config::Level;
    /// assert_eq!(Level::suggestion(&serde_json::json!("warn")).unwrap(), r#"did you mean "warning"?"#);
    /// assert_eq!(
    ///     Level::suggestion(&serde_json::json!(2)).unwrap(),
    ///     r#"write "error" (levels are words, not ESLint's numbers)"#
    /// );
    /// assert_eq!(Level::suggestion(&serde_json::json!("note")).unwrap(), r#"write "info" (a note in reports)"#);
    /// assert_eq!(Level::suggestion(&serde_json::json!("loud")), None);
    /// ```
    pub fn suggestion(found: &Value) -> Option<String> {
        if let Some(text) = found.as_str() {
            // Reports call an info finding a note, as compilers and SARIF do.
            if text.trim().eq_ignore_ascii_case("note") {
                return Some(r#"write "info" (a note in reports)"#.into());
            }
            let names = Level::ALL.map(Level::as_str);
            let name = nearest_constant(text, &names)?;
            return Some(format!(r#"did you mean "{name}"?"#));
        }
        let name = match found.as_u64()? {
            0 => Level::Off,
            1 => Level::Warning,
            2 => Level::Error,
            _ => return None,
        }
        .as_str();
        Some(format!(r#"write "{name}" (levels are words, not ESLint's numbers)"#))
    }

    /// The lowercase name the configuration writes.
    pub fn as_str(self) -> &'static str {
        self.severity().map_or("off", Severity::as_str)
    }
}

/// The constant nearest to `text` (as [`crate::suggest::nearest`] finds it),
/// or else the one constant `text` begins (`"prod"`, `"warn"`).
fn nearest_constant<'c>(text: &str, constants: &[&'c str]) -> Option<&'c str> {
    crate::suggest::nearest(text, constants.iter().copied()).or_else(|| {
        let start = text.trim().to_ascii_lowercase();
        let mut begun = constants.iter().filter(|c| start.len() >= 3 && c.starts_with(&start));
        match (begun.next(), begun.next()) {
            (Some(one), None) => Some(*one),
            _ => None,
        }
    })
}

/// Input limits; each falls back to its default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ConfigLimits {
    /// Largest input in bytes (default 1048576, at most 1073741824; 2097152 in the WebAssembly package).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = Limits::MAX_BYTES))]
    pub max_bytes: Option<usize>,
    /// Deepest nesting of arrays and objects (default 64, at most 128).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = Limits::MAX_DEPTH))]
    pub max_depth: Option<usize>,
}

/// Where the inventories are, relative to the configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Inventories {
    /// The project's saved List Keystores response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keystores: Option<String>,
    /// The admin project's saved List Keystores response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_keystores: Option<String>,
    /// The project's saved List Credentials response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<String>,
}

/// Why a configuration cannot be used; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(String);

/// Why `json` is not JSON, as the linter reads it (a comment, single quotes, a
/// trailing comma: what to write instead), where: `not valid JSON (line 2,
/// column 3): ...`. `e` is the reader's error, whose words stand when the
/// linter finds nothing.
pub(crate) fn not_json(json: &str, e: &serde_json::Error) -> String {
    let parsed = crate::syntax::parse(json, crate::Limits::MAX_DEPTH);
    let ((line, column), why) = match (parsed.error, parsed.trailing) {
        (Some(crate::syntax::ParseError::Syntax(problem)), _) => {
            let why = match problem.help {
                Some(help) => format!("{}; {help}", problem.message),
                None => problem.message,
            };
            let at = crate::syntax::position(json, problem.span.start);
            ((at.line, at.column), why)
        }
        (None, Some(trailing)) => {
            let at = crate::syntax::position(json, trailing.start);
            ((at.line, at.column), "text after the JSON value; remove it".to_owned())
        }
        // Else the reader's own words, without the position it repeats.
        _ => {
            let said = e.to_string();
            let said = said.rsplit_once(" at line ").map_or(said.as_str(), |(said, _)| said).to_owned();
            ((e.line(), e.column().max(1)), said)
        }
    };
    format!("not valid JSON (line {line}, column {column}): {why}")
}

impl Config {
    /// Reads `mtlslint.json`. Unknown keys are errors that name the nearest
    /// known one; a value of the wrong type or out of range names its key and
    /// what to write there.
    ///
    /// ```
    /// let error = mtlslint::Config::from_json(r#"{"limits": {"maxBytes": "65536"}}"#).unwrap_err();
    /// assert_eq!(error.to_string(), r#"`limits.maxBytes` must be a whole number of bytes from 1 to 1073741824; found "65536""#);
    /// ```
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        if crate::syntax::without_bom(text).trim().is_empty() {
            return Err(ConfigError(r#"the configuration is empty; write a JSON object such as {"profile": "production"}, or {} for the defaults"#.into()));
        }
        let json = crate::syntax::without_bom(text);
        let mut value: Value = serde_json::from_str(json).map_err(|e| ConfigError(not_json(json, &e)))?;
        if !value.is_object() {
            return Err(ConfigError(format!(
                r#"the configuration must be a JSON object such as {{"profile": "production"}}; found {}"#,
                shown(&value)
            )));
        }
        if let Some(path) = repeated_key(text) {
            return Err(ConfigError(format!(
                "`{path}` is written twice; keep one of them (only the last would be read)"
            )));
        }
        // A limit written as a whole number with a fraction or an exponent
        // (`1e6`, `64.0`) is that number, as JSON Schema's `integer` reads it.
        for limit in value.get_mut("limits").and_then(Value::as_object_mut).into_iter().flat_map(|l| l.values_mut()) {
            if let Some(whole) = limit.as_f64().filter(|n| n.fract() == 0.0 && (0.0..=9.0e15).contains(n)) {
                #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "whole, from 0 to 9e15")]
                let whole = whole as u64;
                *limit = whole.into();
            }
        }
        let schema = crate::schema::Draft::Draft2020_12.generate::<Config>();
        check_keys(&value, &schema, "")?;
        serde_path_to_error::deserialize(&value).map_err(|error| {
            let path = error.path().to_string();
            let found = error.path().iter().try_fold(&value, |value, segment| match segment {
                serde_path_to_error::Segment::Map { key } => value.get(key),
                _ => None,
            });
            match (expected(&path, &schema), found) {
                (Some((expected, candidates)), Some(found)) => {
                    let near = if path.starts_with("rules.") {
                        Level::suggestion(found)
                    } else {
                        let near = found.as_str().and_then(|text| {
                            nearest_constant(text, &candidates.iter().map(String::as_str).collect::<Vec<_>>())
                        });
                        near.map(|near| format!("did you mean \"{near}\"?"))
                    };
                    let near = near.map(|near| format!(": {near}")).unwrap_or_default();
                    // A number as written: `99999999999999999999` reads back as `1e20`.
                    let shown = match found {
                        Value::Number(_) => written(json, error.path())
                            .map_or_else(|| shown(found), |text| crate::suggest::shown(text).into_owned()),
                        _ => shown(found),
                    };
                    ConfigError(format!("`{path}` must be {expected}; found {shown}{near}"))
                }
                _ => ConfigError(format!("`{path}`: {}", error.inner())),
            }
        })
    }

    /// The options this configuration chooses over the defaults.
    pub fn options(&self) -> Result<Options, ConfigError> {
        let mut options = Options::new(self.profile.unwrap_or_default());
        if let Some(limits) = self.limits {
            let defaults = Limits::default();
            let max_depth = limits.max_depth.unwrap_or(defaults.max_depth);
            if !(1..=Limits::MAX_DEPTH).contains(&max_depth) {
                return Err(ConfigError(format!("`limits.maxDepth` must be from 1 to {}", Limits::MAX_DEPTH)));
            }
            let max_bytes = limits.max_bytes.unwrap_or(defaults.max_bytes);
            if !(1..=Limits::MAX_BYTES).contains(&max_bytes) {
                return Err(ConfigError(format!("`limits.maxBytes` must be from 1 to {}", Limits::MAX_BYTES)));
            }
            options.limits = Limits { max_bytes, max_depth };
        }
        // A list, not a map: a few rules at most, and no map's code in the wasm module.
        let mut chosen: Vec<(&str, &str, Level)> = Vec::new();
        for (selector, &level) in &self.rules {
            let rule = crate::rules::lookup(selector).map_err(|e| ConfigError(format!("`rules`: {e}")))?;
            // Exactly as written, as the published schema of this file takes them.
            if selector != rule.code && selector != rule.name {
                let written = if selector.eq_ignore_ascii_case(rule.code) { rule.code } else { rule.name };
                return Err(ConfigError(format!(
                    "`rules`: write `{written}`, not `{selector}`: rule codes are upper case and names lower case"
                )));
            }
            let differing = chosen.iter().find(|(code, _, earlier)| *code == rule.code && *earlier != level);
            if let Some(&(_, other, earlier)) = differing {
                let (code, name, earlier, level) = (rule.code, rule.name, earlier.as_str(), level.as_str());
                return Err(ConfigError(format!(
                    r#"`rules`: `{other}` and `{selector}` name the same rule ({code} `{name}`), one "{earlier}", the other "{level}": keep one of them"#
                )));
            }
            chosen.push((rule.code, selector, level));
            options.set_severity(selector, level.severity()).map_err(|error| match error {
                SeverityError::CannotBeOff { unseen, .. } => ConfigError(format!(
                    r#"`rules.{selector}` cannot be "off": {unseen} is not linted, and would pass unseen; set it to "warning" or "info" instead"#
                )),
                SeverityError::Unknown(error) => ConfigError(format!("`rules`: {error}")),
            })?;
        }
        Ok(options)
    }
}

/// The path of the first key written twice in one object of `text` (valid
/// JSON), if any: a JSON reader keeps the last, and the first would be lost
/// without a word.
fn repeated_key(text: &str) -> Option<String> {
    use crate::syntax::{self, Node, Value};
    fn visit(node: &Node<'_>, path: &str) -> Option<String> {
        let Value::Object(members) = &node.value else { return None };
        members.iter().enumerate().find_map(|(index, member)| {
            let here = if path.is_empty() { member.key.to_string() } else { format!("{path}.{}", member.key) };
            if members[..index].iter().any(|earlier| earlier.key == member.key) {
                return Some(here);
            }
            visit(&member.value, &here)
        })
    }
    visit(syntax::parse(text, crate::Limits::MAX_DEPTH).root.as_ref()?, "")
}

/// What the member at `path` must be, and the strings it may be: those of
/// an enum (the profile, a rule's level) read from `schema`, the model's.
fn expected(path: &str, schema: &Value) -> Option<(String, Vec<String>)> {
    let constants = constants(schema, path);
    if !constants.is_empty() {
        let quoted: Vec<String> = constants.iter().map(|c| format!("\"{c}\"")).collect();
        let listed = match quoted.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        return Some((listed, constants));
    }
    let (parent, _) = path.rsplit_once('.').unwrap_or(("", path));
    let expected = match (parent, path) {
        (_, "$schema") => "a string: the URL or path of the configuration's schema".into(),
        (_, "rules") => r#"an object of rule codes or names and levels, such as {"T005": "off"}"#.into(),
        (_, "limits") => r#"an object such as {"maxBytes": 1048576, "maxDepth": 64}"#.into(),
        (_, "limits.maxBytes") => format!("a whole number of bytes from 1 to {}", Limits::MAX_BYTES),
        (_, "limits.maxDepth") => format!("a whole number from 1 to {}", Limits::MAX_DEPTH),
        (_, "inventories") => r#"an object such as {"keystores": "context/keystores.json"}"#.into(),
        ("inventories", _) => "a string: the path of a saved List response, relative to this file".into(),
        _ => return None,
    };
    Some((expected, Vec::new()))
}

/// The string constants `schema` allows at `path` (`profile`, `rules.T005`):
/// a `oneOf` of them, as schemars writes an enum, behind an `Option`'s `anyOf`.
fn constants(schema: &Value, path: &str) -> Vec<String> {
    let node = path.split('.').try_fold(schema, |node, key| {
        let member = node.get("properties").and_then(|p| p.get(key)).or_else(|| node.get("additionalProperties"))?;
        Some(member.pointer("/anyOf/0").unwrap_or(member))
    });
    let alternatives = node.and_then(|node| node.get("oneOf")).and_then(Value::as_array);
    alternatives.into_iter().flatten().filter_map(|a| a.get("const")?.as_str().map(str::to_owned)).collect()
}

/// A value as an error shows it: scalars as written (long ones cut), containers by kind.
fn shown(value: &Value) -> String {
    match value {
        Value::Object(_) => "an object".into(),
        Value::Array(_) => "an array".into(),
        scalar => crate::suggest::shown(&scalar.to_string()).into_owned(),
    }
}

/// The text of the value at `path` as the configuration writes it.
fn written<'t>(json: &'t str, path: &serde_path_to_error::Path) -> Option<&'t str> {
    let parsed = crate::syntax::parse(json, crate::Limits::MAX_DEPTH);
    let mut node = parsed.root.as_ref()?;
    for segment in path {
        let serde_path_to_error::Segment::Map { key } = segment else { return None };
        node = &crate::syntax::member(node, key)?.value;
    }
    json.get(node.span.start..node.span.end)
}

/// Refuses keys the schema does not define, at any depth, naming the nearest one.
fn check_keys(value: &Value, schema: &Value, at: &str) -> Result<(), ConfigError> {
    let (Value::Object(members), Some(properties)) = (value, schema["properties"].as_object()) else {
        return Ok(());
    };
    for (key, member) in members {
        let Some(property) = properties.get(key) else {
            let known = properties.keys().map(String::as_str);
            let instead = match crate::suggest::nearest(key, known.clone()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the keys are {}", known.map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")),
            };
            return Err(ConfigError(format!("unknown key `{at}{key}`: {instead}")));
        };
        // A default is had by leaving the key out: `null` would pass for it without a word.
        if member.is_null() {
            return Err(ConfigError(format!("`{at}{key}` is null; leave the key out for its default")));
        }
        // `Option` fields generate `anyOf: [T, null]`; the object schema is the first.
        let object = property.get("anyOf").and_then(|a| a.get(0)).unwrap_or(property);
        check_keys(member, object, &format!("{at}{key}."))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choices_list_every_level() {
        let [error, warning, info, off] = Level::ALL.map(Level::as_str);
        assert_eq!(Level::CHOICES, format!(r#""{error}", "{warning}", "{info}" or "{off}""#));
    }

    #[test]
    fn unknown_keys_are_named_with_the_nearest_known_one() {
        let error = |text| Config::from_json(text).unwrap_err().to_string();
        assert_eq!(error(r#"{"limits": {"maxDepht": 10}}"#), "unknown key `limits.maxDepht`: did you mean `maxDepth`?");
        assert!(error(r#"{"colour": true}"#).starts_with("unknown key `colour`: the keys are `$schema`"));
        assert!(error(r#"{"inventories": {"keystore": "ks.json"}}"#).contains("did you mean `keystores`?"));
        assert_eq!(
            error("{"),
            "not valid JSON (line 1, column 2): the input ends where a key in double quotes should follow; add the missing `}`"
        );
        assert!(error(" \n").starts_with("the configuration is empty; write a JSON object"));
    }

    #[test]
    fn a_whole_limit_may_be_written_with_an_exponent() {
        let limits = |text: &str| Config::from_json(text).and_then(|c| c.options()).map(|o| o.limits);
        let read = limits(r#"{"limits": {"maxBytes": 1e3, "maxDepth": 8.0}}"#).unwrap();
        assert_eq!((read.max_bytes, read.max_depth), (1000, 8));
        assert!(
            limits(r#"{"limits": {"maxDepth": 8.5}}"#)
                .unwrap_err()
                .to_string()
                .starts_with("`limits.maxDepth` must be")
        );
        // A number out of range is quoted as it is written, not as a float reads it back (`1e20`).
        let huge = Config::from_json(r#"{"limits": {"maxBytes": 99999999999999999999}}"#).unwrap_err().to_string();
        assert!(huge.ends_with("; found 99999999999999999999"), "{huge}");
    }

    #[test]
    fn a_null_is_no_default() {
        let error = |text: &str| Config::from_json(text).unwrap_err().to_string();
        assert_eq!(error(r#"{"profile": null}"#), "`profile` is null; leave the key out for its default");
        assert_eq!(
            error(r#"{"limits": {"maxDepth": null}}"#),
            "`limits.maxDepth` is null; leave the key out for its default"
        );
    }

    #[test]
    fn a_key_written_twice_is_refused() {
        let error = |text: &str| Config::from_json(text).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"profile": "production", "rules": {"H001": "error"}, "profile": "standard"}"#),
            "`profile` is written twice; keep one of them (only the last would be read)"
        );
        assert!(error(r#"{"rules": {"H001": "error", "T005": "off", "H001": "info"}}"#).starts_with("`rules.H001` is"));
        assert!(Config::from_json(r#"{"rules": {"H001": "error"}, "limits": {"maxDepth": 8}}"#).is_ok());
    }

    #[test]
    fn rules_that_gate_the_others_cannot_be_turned_off() {
        fn options(text: &str) -> Result<Options, ConfigError> {
            Config::from_json(text).unwrap().options()
        }
        assert_eq!(
            options(r#"{"rules": {"invalid-json": "off"}}"#).unwrap_err().to_string(),
            r#"`rules.invalid-json` cannot be "off": a body that is not JSON is not linted, and would pass unseen; set it to "warning" or "info" instead"#
        );
        for code in ["J004", "J005"] {
            let error = options(&format!(r#"{{"rules": {{"{code}": "off"}}}}"#)).unwrap_err().to_string();
            assert!(error.contains(r#"cannot be "off""#), "{error}");
        }
        // Lowered, they still report: the input is not taken for clean.
        let lowered = options(r#"{"rules": {"J001": "warning", "J003": "off"}}"#).unwrap();
        let found = crate::Linter::new(lowered, crate::Context::default()).lint_body(b"{\"enabled\": tru");
        assert_eq!(found.iter().map(|d| (d.code, d.severity)).collect::<Vec<_>>(), [("J001", Severity::Warning)]);
    }

    #[test]
    fn text_that_is_not_json_says_what_to_write_instead() {
        let error = |text: &str| Config::from_json(text).unwrap_err().to_string();
        assert_eq!(
            error("{\n  // production\n  \"profile\": \"production\"\n}"),
            "not valid JSON (line 2, column 3): comments are not allowed in JSON; remove the comment"
        );
        assert!(
            error("{'profile': 'production'}").ends_with("single quotes are not JSON; use double quotes: `\"...\"`")
        );
        assert_eq!(
            error(r#"{"profile": "production"} x"#),
            "not valid JSON (line 1, column 27): text after the JSON value; remove it"
        );
        // Where the linter's reading stops, which is where its words are about.
        assert!(
            error("{\"profile\": \"\\ud800\", // c\n}").starts_with("not valid JSON (line 1, column 23): comments")
        );
    }

    #[test]
    fn rules_are_named_exactly_as_the_schema_takes_them() {
        let options = |text: &str| Config::from_json(text).unwrap().options().map_err(|e| e.to_string());
        assert!(options(r#"{"rules": {"M003": "off", "no-truststore": "off"}}"#).is_ok());
        assert_eq!(
            options(r#"{"rules": {"m003": "off"}}"#).unwrap_err(),
            "`rules`: write `M003`, not `m003`: rule codes are upper case and names lower case"
        );
        assert!(
            options(r#"{"rules": {"No-Truststore": "off"}}"#)
                .unwrap_err()
                .starts_with("`rules`: write `no-truststore`")
        );
    }

    #[test]
    fn values_of_the_wrong_kind_are_named_by_key_with_what_to_write() {
        let error = |text| Config::from_json(text).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"profile": "Production"}"#),
            r#"`profile` must be "standard" or "production"; found "Production": did you mean "production"?"#
        );
        assert_eq!(error(r#"{"profile": 1}"#), r#"`profile` must be "standard" or "production"; found 1"#);
        assert_eq!(
            error(r#"{"rules": {"T005": "warnign"}}"#),
            r#"`rules.T005` must be "error", "warning", "info" or "off"; found "warnign": did you mean "warning"?"#
        );
        // A start of a constant, another tool's habit or its numbers are read for what they mean.
        assert_eq!(
            error(r#"{"profile": "prod"}"#),
            r#"`profile` must be "standard" or "production"; found "prod": did you mean "production"?"#
        );
        assert!(error(r#"{"rules": {"T005": "warn"}}"#).ends_with(r#"found "warn": did you mean "warning"?"#));
        assert!(error(r#"{"rules": {"T005": "WARN"}}"#).ends_with(r#"found "WARN": did you mean "warning"?"#));
        assert!(
            error(r#"{"rules": {"T005": 2}}"#)
                .ends_with(r#"found 2: write "error" (levels are words, not ESLint's numbers)"#)
        );
        assert!(error(r#"{"rules": {"T005": 3}}"#).ends_with("found 3"));
        // One letter off is a slip; a start of fewer than three letters is too short to be read.
        assert!(error(r#"{"rules": {"T005": "of"}}"#).ends_with(r#"did you mean "off"?"#));
        assert!(error(r#"{"rules": {"T005": "e"}}"#).ends_with(r#"found "e""#));
        assert_eq!(
            error(r#"{"limits": {"maxDepth": -1}}"#),
            "`limits.maxDepth` must be a whole number from 1 to 128; found -1"
        );
        assert_eq!(
            error(r#"{"inventories": {"keystores": ["a.json"]}}"#),
            "`inventories.keystores` must be a string: the path of a saved List response, relative to this file; found an array"
        );
        assert_eq!(
            error(r#"{"rules": []}"#),
            r#"`rules` must be an object of rule codes or names and levels, such as {"T005": "off"}; found an array"#
        );
        // Not an object at all: a struct would otherwise read an array by position.
        for text in [r#"["production"]"#, "5", "null"] {
            assert!(error(text).starts_with("the configuration must be a JSON object"), "{text}: {}", error(text));
        }
    }

    #[test]
    fn options_follow_the_file() {
        let config = Config::from_json(
            r#"{"profile": "production", "rules": {"T005": "off", "strict-verifier": "error"}, "limits": {"maxDepth": 8}}"#,
        )
        .unwrap();
        let options = config.options().unwrap();
        assert_eq!(
            (options.profile, options.limits.max_depth, options.limits.max_bytes),
            (Profile::Production, 8, 1 << 20)
        );
        let rule = |code| crate::rules::find(code).unwrap();
        assert_eq!(options.severity(rule("T005")), None);
        assert_eq!(options.severity(rule("H003")), Some(Severity::Error));
        // Two names of one rule may agree, but not differ.
        let agreeing = Config::from_json(r#"{"rules": {"H003": "error", "strict-verifier": "error"}}"#).unwrap();
        assert_eq!(agreeing.options().unwrap().severity(rule("H003")), Some(Severity::Error));
        let differing = Config::from_json(r#"{"rules": {"H003": "off", "strict-verifier": "error"}}"#).unwrap();
        assert_eq!(
            differing.options().unwrap_err().to_string(),
            r#"`rules`: `H003` and `strict-verifier` name the same rule (H003 `strict-verifier`), one "off", the other "error": keep one of them"#
        );
        let unknown = Config::from_json(r#"{"rules": {"M010": "off"}}"#).unwrap().options().unwrap_err();
        assert!(unknown.to_string().starts_with("`rules`: unknown rule `M010`"), "{unknown}");
        let deep = Config::from_json(r#"{"limits": {"maxDepth": 500}}"#).unwrap().options().unwrap_err();
        assert!(deep.to_string().contains("from 1 to 128"));
        let none = Config::from_json(r#"{"limits": {"maxBytes": 0}}"#).unwrap().options().unwrap_err();
        assert_eq!(none.to_string(), "`limits.maxBytes` must be from 1 to 1073741824");
        // A limit with a few zeros too many would let an endless stream fill the memory.
        let huge =
            Config::from_json(r#"{"limits": {"maxBytes": 18446744073709551615}}"#).unwrap().options().unwrap_err();
        assert_eq!(huge.to_string(), "`limits.maxBytes` must be from 1 to 1073741824");
        assert_eq!(Limits::MAX_BYTES, 1_073_741_824);
    }
}
