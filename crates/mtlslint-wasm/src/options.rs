//! The options every call takes, read from a plain JavaScript object. They
//! mirror the CLI's flags and `mtlslint.json`: a profile, rule levels,
//! limits, and the context (current settings, inventories, permissions).

use std::collections::BTreeMap;

use mtlslint::config::{ConfigLimits, Level};
use mtlslint::context::{Permissions, current_settings_from_json};
use mtlslint::{Config, Context, Endpoint, Inventory, Limits, Linter, Profile};
use serde_json::Value;
use tsify::Tsify;

/// Options of `lint`, `lintRequest`, `lintResponse`, `validateForm` and
/// `applyFixes`. Every member is optional; `null` is as good as absent.
#[derive(Debug, Default, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LintOptions {
    /// `standard` (the default: risks are warnings) or `production` (they are errors).
    #[tsify(optional, type = "Profile | null | undefined")]
    pub profile: Option<Profile>,
    /// Severity by rule code or name, over the profile's: `error`, `warning`, `info` or `off`.
    #[tsify(optional, type = "Record<string, Level> | null | undefined")]
    pub rules: Option<BTreeMap<String, Level>>,
    /// Input limits: `maxBytes` (default 1048576, at most 2097152) and `maxDepth` (default 64, at most 128).
    #[tsify(optional, type = "ConfigLimits | null | undefined")]
    pub limits: Option<ConfigLimits>,
    /// The proxy's settings before the PATCH, as JSON text or an object; the
    /// body is judged by the settings it will produce.
    #[tsify(optional, type = "string | MtlsSettings | null | undefined")]
    pub current: Option<Value>,
    /// The project's keystores: a saved List Keystores response (text or
    /// object) or an array of names. Passwords and files in it are never read.
    #[tsify(optional, type = "string | InventoryFile | null | undefined")]
    pub keystores: Option<Value>,
    /// The admin project's keystores, which every project may use; as `keystores`.
    #[tsify(optional, type = "string | InventoryFile | null | undefined")]
    pub admin_keystores: Option<Value>,
    /// The project's credentials: a saved List Credentials response or an
    /// array of usernames. Read where the call's path names a credential.
    #[tsify(optional, type = "string | InventoryFile | null | undefined")]
    pub credentials: Option<Value>,
    /// The permissions the caller's token carries, e.g. `["API_MANAGEMENT+MANAGE"]`
    /// or `"IDENTITY+MANAGE, IDENTITY+DEPLOY_UNDEPLOY"`. Read where the call's
    /// path names the project (`lintRequest`, `validateForm` with the path
    /// names); `lint` of a body alone has no project to judge them by.
    #[tsify(optional, type = "string | string[] | null | undefined")]
    pub permissions: Option<Value>,
    /// Which call a response or a form belongs to: `mtls` (the default for
    /// forms) or `truststore`. Responses without it are judged by their shape.
    #[tsify(optional, type = "Endpoint | null | undefined")]
    pub endpoint: Option<Endpoint>,
    /// For `applyFixes`: apply unsafe fixes too (they change what the settings mean).
    #[serde(rename = "unsafe")]
    #[tsify(optional, type = "boolean | null | undefined")]
    pub unsafe_fixes: Option<bool>,
}

/// The largest input the module takes. Its memory ends at 4 GiB, and the
/// worst body draws a finding for every two bytes (a list of a million `0`
/// items); at 2 MiB its report is about 1.5 GB of findings and JSON text,
/// at 3 MiB the module runs out of memory (measured in Node 20).
const MAX_BYTES: usize = 2 << 20;

const MEMBERS: [&str; 10] = [
    "profile",
    "rules",
    "limits",
    "current",
    "keystores",
    "adminKeystores",
    "credentials",
    "permissions",
    "endpoint",
    "unsafe",
];
const RULES: &str = r#"an object of rule codes or names and levels, such as {T005: "off"}"#;
const LIMITS: &str =
    "an object of whole numbers, such as {maxBytes: 1048576, maxDepth: 64} (maxBytes from 1 to 2097152)";

/// Whether `name` is an option's, so that a misspelt one is named whatever
/// its value, `null` and `undefined` (which `JSON.stringify` drops) included.
pub(crate) fn known(name: &str) -> Result<(), String> {
    if MEMBERS.contains(&name) {
        return Ok(());
    }
    Err(format!("options: unknown field `{name}`, expected one of `{}`", MEMBERS.join("`, `")))
}

impl LintOptions {
    /// Reads options from JSON text (what `JSON.stringify` made of the
    /// caller's object), naming the member at fault and what it takes.
    pub(crate) fn from_json(json: &str) -> Result<Self, String> {
        // Read as a `Value`, not a typed map: a typed reader's errors format floats, whose code the module need not carry.
        let members = match serde_json::from_str(json) {
            Ok(Value::Object(members)) => members,
            Ok(_) => return Err("options: expected an object".into()),
            Err(error) => return Err(format!("options: {}", crate::args::without_position(&error))),
        };
        let mut options = Self::default();
        for (name, value) in members {
            known(&name)?;
            if value.is_null() {
                continue;
            }
            let expected = |takes: &str| format!("options.{name}: expected {takes}");
            match name.as_str() {
                "profile" => {
                    let profile = value.as_str().and_then(|text| text.parse().ok());
                    options.profile = Some(profile.ok_or_else(|| expected(r#""standard" or "production""#))?);
                }
                "endpoint" => {
                    let endpoint = value.as_str().and_then(Endpoint::from_name);
                    options.endpoint = Some(endpoint.ok_or_else(|| expected(r#""mtls" or "truststore""#))?);
                }
                "rules" => {
                    let misspelt = |error: Option<String>| error.unwrap_or_else(|| expected(RULES));
                    options.rules = Some(rules(value).map_err(misspelt)?);
                }
                "limits" => options.limits = Some(limits(&value)?),
                "unsafe" => options.unsafe_fixes = Some(value.as_bool().ok_or_else(|| expected("true or false"))?),
                "current" => options.current = Some(value),
                "keystores" => options.keystores = Some(value),
                "adminKeystores" => options.admin_keystores = Some(value),
                "credentials" => options.credentials = Some(value),
                "permissions" => options.permissions = Some(value),
                // Named by `known` above.
                _ => {}
            }
        }
        Ok(options)
    }

    /// The linter these options describe. The rule levels move into it, as
    /// nothing reads them afterwards: cloning a `BTreeMap` was 0.7 KB of the module.
    pub(crate) fn linter(&mut self) -> Result<Linter, String> {
        let config = Config {
            profile: self.profile,
            rules: self.rules.take().unwrap_or_default(),
            limits: self.limits,
            ..Config::default()
        };
        // Before the configuration's own check, whose ceiling is the native one.
        if self.limits.and_then(|limits| limits.max_bytes).is_some_and(|n| !(1..=MAX_BYTES).contains(&n)) {
            return Err(format!("options.limits.maxBytes: from 1 to {MAX_BYTES} (2 MiB) in the WebAssembly package"));
        }
        let options = config.options().map_err(|error| format!("options: {error}"))?;
        let context = Context {
            current: read(self.current.as_ref(), "current", current_settings_from_json)?,
            keystores: read(self.keystores.as_ref(), "keystores", Inventory::keystores_from_json)?,
            admin_keystores: read(self.admin_keystores.as_ref(), "adminKeystores", Inventory::keystores_from_json)?,
            credentials: read(self.credentials.as_ref(), "credentials", Inventory::credentials_from_json)?,
            permissions: read(self.permissions.as_ref(), "permissions", Permissions::from_text)?,
        };
        Ok(Linter::new(options, context))
    }
}

/// Reads one context member: text is read as it is, anything else as its JSON.
fn read<T, E: std::fmt::Display>(
    value: Option<&Value>,
    member: &str,
    from_text: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, String> {
    let parsed = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(text)) => from_text(text),
        Some(other) => from_text(&crate::json_text(other)),
    };
    parsed.map(Some).map_err(|error| format!("options.{member}: {error}"))
}

/// Reads `rules`: an object of levels. `Err(None)` when it is no object;
/// `Err(Some(message))` names the rule whose level is not one, and the level meant.
fn rules(value: Value) -> Result<BTreeMap<String, Level>, Option<String>> {
    let Value::Object(rules) = value else { return Err(None) };
    let mut levels = BTreeMap::new();
    for (rule, level) in rules {
        let read = Level::ALL.into_iter().find(|known| level.as_str() == Some(known.as_str())).ok_or_else(|| {
            let meant = Level::suggestion(&level).map(|meant| format!(": {meant}")).unwrap_or_default();
            Some(format!(
                "options.rules.{rule}: expected {}; found {}{meant}",
                Level::CHOICES,
                crate::json_text(&level)
            ))
        })?;
        levels.insert(rule, read);
    }
    Ok(levels)
}

/// Reads `limits`: `maxBytes` and `maxDepth`, whole numbers the module can
/// hold. The error names the member at fault.
fn limits(value: &Value) -> Result<ConfigLimits, String> {
    let members = value.as_object().ok_or_else(|| format!("options.limits: expected {LIMITS}"))?;
    let mut limits = ConfigLimits::default();
    for (name, number) in members {
        // Past 4 GiB is more than any memory of the module (and its `usize`) holds;
        // `linter` names the real ceiling of `maxBytes`.
        let number = number.as_u64().and_then(|n| u32::try_from(n).ok()).map(|n| n as usize);
        let slot = match name.as_str() {
            "maxBytes" => &mut limits.max_bytes,
            "maxDepth" => &mut limits.max_depth,
            _ => {
                let near = if name.eq_ignore_ascii_case("maxBytes") || name.eq_ignore_ascii_case("maxDepth") {
                    " (the names are case-sensitive)"
                } else {
                    ""
                };
                return Err(format!("options.limits.{name}: unknown; the limits are maxBytes and maxDepth{near}"));
            }
        };
        let most = if name == "maxBytes" { MAX_BYTES } else { Limits::MAX_DEPTH };
        *slot =
            Some(number.ok_or_else(|| format!("options.limits.{name}: expected a whole number, from 1 to {most}"))?);
    }
    Ok(limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_members_are_named_with_the_known_ones() {
        let error = LintOptions::from_json(r#"{"profle": "production"}"#).unwrap_err();
        assert!(error.starts_with("options: unknown field `profle`, expected one of `profile`"), "{error}");
        // The list the message gives is the list the reader takes.
        for name in MEMBERS {
            let read = LintOptions::from_json(&format!(r#"{{"{name}": "x"}}"#));
            assert!(!read.is_err_and(|e| e.contains("unknown field")), "{name}");
        }
    }

    #[test]
    fn a_member_of_the_wrong_kind_is_named_with_what_it_takes() {
        let error = |json| LintOptions::from_json(json).unwrap_err();
        assert_eq!(error(r#"{"profile": 1}"#), r#"options.profile: expected "standard" or "production""#);
        assert!(error(r#"{"rules": ["T005"]}"#).starts_with("options.rules: expected an object of rule"));
        assert_eq!(
            error(r#"{"rules": {"T005": true}}"#),
            r#"options.rules.T005: expected "error", "warning", "info" or "off"; found true"#
        );
        assert!(error(r#"{"rules": {"T005": "warn"}}"#).ends_with(r#"found "warn": did you mean "warning"?"#));
        assert_eq!(
            error(r#"{"limits": {"maxBytes": -1}}"#),
            "options.limits.maxBytes: expected a whole number, from 1 to 2097152"
        );
        assert!(error(r#"{"limits": {"maxBytes": 18446744073709551616}}"#).ends_with("from 1 to 2097152"));
        assert!(error(r#"{"limits": 5}"#).starts_with("options.limits: expected an object of whole"));
        // Past the module's ceiling, under the native one or not, and zero: the module's range is named.
        for max_bytes in ["2097153", "4194304", "1073741824", "0"] {
            let json = format!(r#"{{"limits": {{"maxBytes": {max_bytes}}}}}"#);
            let over = LintOptions::from_json(&json).unwrap().linter().err();
            assert_eq!(
                over.as_deref(),
                Some("options.limits.maxBytes: from 1 to 2097152 (2 MiB) in the WebAssembly package")
            );
        }
        assert_eq!(error(r#"{"unsafe": "yes"}"#), "options.unsafe: expected true or false");
        assert_eq!(
            error(r#"{"rules": {"T005": "of"}}"#),
            r#"options.rules.T005: expected "error", "warning", "info" or "off"; found "of": did you mean "off"?"#
        );
        assert_eq!(error(r#"{"endpoint": "tls"}"#), r#"options.endpoint: expected "mtls" or "truststore""#);
        assert_eq!(
            error(r#"{"limits": {"maxByte": 5}}"#),
            "options.limits.maxByte: unknown; the limits are maxBytes and maxDepth"
        );
        assert!(error(r#"{"limits": {"maxbytes": 5}}"#).ends_with("(the names are case-sensitive)"));
        // `null` is as good as absent, as for an optional member in TypeScript.
        assert!(LintOptions::from_json(r#"{"profile": null, "keystores": null}"#).unwrap().profile.is_none());
    }

    #[test]
    fn context_members_take_text_or_values() {
        let text = LintOptions::from_json(r#"{"keystores": "[\"ks-1\"]", "permissions": "IDENTITY+MANAGE"}"#).unwrap();
        let value = LintOptions::from_json(r#"{"keystores": ["ks-1"], "permissions": ["IDENTITY+MANAGE"]}"#).unwrap();
        for mut options in [text, value] {
            let linter = options.linter().unwrap();
            let found = linter.lint_body(br#"{"enabled": true, "keyStoreId": "KS-1"}"#);
            assert!(found.iter().any(|d| d.code == "M006" && d.message.contains("ks-1")), "{found:?}");
        }
    }

    #[test]
    fn bad_context_says_which_member() {
        let mut options = LintOptions::from_json(r#"{"adminKeystores": {"resultList": 3}}"#).unwrap();
        let error = options.linter().unwrap_err();
        assert!(error.starts_with("options.adminKeystores: "), "{error}");
        let mut options = LintOptions::from_json(r#"{"rules": {"T05": "off"}}"#).unwrap();
        assert_eq!(options.linter().unwrap_err(), "options: `rules`: unknown rule `T05`: did you mean `T005`?");
    }
}
