//! The options every call takes, read from a plain JavaScript object. They
//! mirror the CLI's flags and `mtlslint.json`: a profile, rule levels,
//! limits, and the context (current settings, inventories, permissions).

use std::collections::BTreeMap;

use mtlslint::config::{ConfigLimits, Level};
use mtlslint::context::{Permissions, current_settings_from_json};
use mtlslint::{Config, Context, Endpoint, Inventory, Linter, Profile};
use serde::Deserialize;
use serde_json::Value;
use tsify::Tsify;

/// Options of `lint`, `lintRequest`, `lintResponse`, `validateForm` and
/// `applyFixes`. Every member is optional.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LintOptions {
    /// `standard` (the default: risks are warnings) or `production` (they are errors).
    #[tsify(optional)]
    pub profile: Option<Profile>,
    /// Severity by rule code or name, over the profile's: `error`, `warning`, `info` or `off`.
    #[tsify(optional)]
    pub rules: Option<BTreeMap<String, Level>>,
    /// Input limits: `maxBytes` (default 1048576, at most 4194304) and `maxDepth` (default 64, at most 128).
    #[tsify(optional)]
    pub limits: Option<ConfigLimits>,
    /// The proxy's settings before the PATCH, as JSON text or an object; the
    /// body is judged by the settings it will produce.
    #[tsify(optional, type = "string | MtlsSettings")]
    pub current: Option<Value>,
    /// The project's keystores: a saved List Keystores response (text or
    /// object) or an array of names. Passwords and files in it are never read.
    #[tsify(optional, type = "string | InventoryFile")]
    pub keystores: Option<Value>,
    /// The admin project's keystores, which every project may use; as `keystores`.
    #[tsify(optional, type = "string | InventoryFile")]
    pub admin_keystores: Option<Value>,
    /// The project's credentials: a saved List Credentials response or an array of usernames.
    #[tsify(optional, type = "string | InventoryFile")]
    pub credentials: Option<Value>,
    /// The permissions the caller's token carries, e.g. `["API_MANAGEMENT+MANAGE"]`
    /// or `"IDENTITY+MANAGE, IDENTITY+DEPLOY_UNDEPLOY"`.
    #[tsify(optional, type = "string | string[]")]
    pub permissions: Option<Value>,
    /// Which call a response or a form belongs to: `mtls` (the default for
    /// forms) or `truststore`. Responses without it are judged by their shape.
    #[tsify(optional)]
    pub endpoint: Option<Endpoint>,
    /// For `applyFixes`: apply unsafe fixes too (they change what the settings mean).
    #[serde(rename = "unsafe")]
    #[tsify(optional)]
    pub unsafe_fixes: Option<bool>,
}

/// The largest input the module takes: its memory ends at 4 GiB, and a
/// body of many short unknown keys needs a few hundred times its size.
const MAX_BYTES: usize = 4 << 20;

impl LintOptions {
    /// Reads options from JSON text (what `JSON.stringify` made of the caller's object).
    pub(crate) fn from_json(json: &str) -> Result<Self, String> {
        serde_json::from_str(json).map_err(|error| {
            // serde says "expected value" for a number given as the profile:
            // name the member of the wrong kind, and what it takes.
            let members: serde_json::Map<String, Value> = serde_json::from_str(json).unwrap_or_default();
            let wrong = members.iter().find_map(|(name, value)| {
                let (fits, takes) = match name.as_str() {
                    "profile" => (value.is_string(), r#""standard" or "production""#),
                    "endpoint" => (value.is_string(), r#""mtls" or "truststore""#),
                    "rules" => (
                        value.as_object().is_some_and(|rules| rules.values().all(Value::is_string)),
                        r#"an object of rule codes or names and levels, such as {T005: "off"}"#,
                    ),
                    "limits" => (
                        value.as_object().is_some_and(|limits| {
                            limits.values().all(|n| n.as_u64().is_some_and(|n| n <= MAX_BYTES as u64))
                        }),
                        "an object of whole numbers, such as {maxBytes: 1048576, maxDepth: 64} (maxBytes at most 4194304)",
                    ),
                    "unsafe" => (value.is_boolean(), "true or false"),
                    _ => (true, ""),
                };
                if let (true, "rules", Some(rules)) = (fits, name.as_str(), value.as_object()) {
                    // Name the rule whose level is misspelt.
                    let bad = rules.iter().find(|(_, level)| serde_json::from_value::<Level>((*level).clone()).is_err());
                    return bad.map(|(rule, _)| {
                        format!(r#"options.rules.{rule}: expected "error", "warning", "info" or "off""#)
                    });
                }
                (!fits).then(|| format!("options.{name}: expected {takes}"))
            });
            wrong.unwrap_or_else(|| format!("options: {}", crate::args::without_position(&error)))
        })
    }

    /// The linter these options describe.
    pub(crate) fn linter(&self) -> Result<Linter, String> {
        let config = Config {
            profile: self.profile,
            rules: self.rules.clone().unwrap_or_default(),
            limits: self.limits,
            ..Config::default()
        };
        let options = config.options().map_err(|error| format!("options: {error}"))?;
        if options.limits.max_bytes > MAX_BYTES {
            return Err(format!("options.limits.maxBytes: at most {MAX_BYTES} (4 MiB) in the WebAssembly package"));
        }
        let context = Context {
            current: read(self.current.as_ref(), "current", current_settings_from_json)?,
            keystores: read(self.keystores.as_ref(), "keystores", Inventory::from_json)?,
            admin_keystores: read(self.admin_keystores.as_ref(), "adminKeystores", Inventory::from_json)?,
            credentials: read(self.credentials.as_ref(), "credentials", Inventory::from_json)?,
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
        Some(other) => from_text(&other.to_string()),
    };
    parsed.map(Some).map_err(|error| format!("options.{member}: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_members_are_named_with_the_known_ones() {
        let error = LintOptions::from_json(r#"{"profle": "production"}"#).unwrap_err();
        assert!(error.starts_with("options: unknown field `profle`, expected one of `profile`"), "{error}");
    }

    #[test]
    fn a_member_of_the_wrong_kind_is_named_with_what_it_takes() {
        let error = |json| LintOptions::from_json(json).unwrap_err();
        assert_eq!(error(r#"{"profile": 1}"#), r#"options.profile: expected "standard" or "production""#);
        assert!(error(r#"{"rules": {"T005": true}}"#).starts_with("options.rules: expected an object of rule"));
        assert!(error(r#"{"limits": {"maxBytes": -1}}"#).starts_with("options.limits: expected an object of whole"));
        assert!(error(r#"{"limits": {"maxBytes": 18446744073709551616}}"#).ends_with("(maxBytes at most 4194304)"));
        let over = LintOptions::from_json(r#"{"limits": {"maxBytes": 4194305}}"#).unwrap().linter().err();
        assert_eq!(
            over.as_deref(),
            Some("options.limits.maxBytes: at most 4194304 (4 MiB) in the WebAssembly package")
        );
        assert_eq!(error(r#"{"unsafe": "yes"}"#), "options.unsafe: expected true or false");
        assert_eq!(
            error(r#"{"rules": {"T005": "of"}}"#),
            r#"options.rules.T005: expected "error", "warning", "info" or "off""#
        );
        // A string that names nothing keeps serde's words, which list the choices.
        assert!(error(r#"{"endpoint": "tls"}"#).contains("expected `mtls` or `truststore`"));
    }

    #[test]
    fn context_members_take_text_or_values() {
        let text = LintOptions::from_json(r#"{"keystores": "[\"ks-1\"]", "permissions": "IDENTITY+MANAGE"}"#).unwrap();
        let value = LintOptions::from_json(r#"{"keystores": ["ks-1"], "permissions": ["IDENTITY+MANAGE"]}"#).unwrap();
        for options in [text, value] {
            let linter = options.linter().unwrap();
            let found = linter.lint_body(br#"{"enabled": true, "keyStoreId": "KS-1"}"#);
            assert!(found.iter().any(|d| d.code == "M006" && d.message.contains("ks-1")), "{found:?}");
        }
    }

    #[test]
    fn bad_context_says_which_member() {
        let options = LintOptions::from_json(r#"{"adminKeystores": {"resultList": 3}}"#).unwrap();
        let error = options.linter().unwrap_err();
        assert!(error.starts_with("options.adminKeystores: "), "{error}");
        let options = LintOptions::from_json(r#"{"rules": {"T05": "off"}}"#).unwrap();
        assert_eq!(options.linter().unwrap_err(), "options: `rules`: unknown rule `T05`: did you mean `T005`?");
    }
}
