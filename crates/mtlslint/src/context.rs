//! What the caller knows about the server: the proxy's current settings and
//! the names that exist. Secrets in the files these come from (passwords,
//! keystore files, tokens) are never read into memory that output can reach.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::body::Field;
use crate::model::{FIELDS, HostnameVerifier, MtlsSettings, Protocol};
use crate::suggest::nearest;

/// Optional knowledge that sharpens the rules.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The proxy's settings before the PATCH; the body is judged by what it produces.
    pub current: Option<MtlsSettings>,
    /// Keystores of the project.
    pub keystores: Option<Inventory>,
    /// Keystores of the admin project, which every project may use.
    pub admin_keystores: Option<Inventory>,
    /// Credentials of the project.
    pub credentials: Option<Inventory>,
    /// The permissions the caller's token carries in the project (rules P001, P002).
    pub permissions: Option<Permissions>,
}

impl Context {
    /// The keystore inventories given: the project's, then the admin project's.
    pub(crate) fn store_inventories(&self) -> impl Iterator<Item = &Inventory> {
        [&self.keystores, &self.admin_keystores].into_iter().flatten()
    }

    /// The keystore inventories given, as a finding that searched them names
    /// them: with only one, the store may still be in the other.
    pub(crate) fn keystores_searched(&self) -> &'static str {
        match (&self.keystores, &self.admin_keystores) {
            (Some(_), Some(_)) => "the project's or the admin project's keystores",
            (Some(_), None) => "the project's keystores (no admin project inventory was given)",
            _ => "the admin project's keystores (no project inventory was given)",
        }
    }

    /// With one keystore inventory given, what a store found in neither may
    /// call for first: the other inventory, which may list it.
    pub(crate) fn other_inventory(&self) -> Option<&'static str> {
        match (&self.keystores, &self.admin_keystores) {
            (Some(_), None) => {
                Some("if it is the admin project's, give its keystores too (`--admin-keystores`, `adminKeystores`)")
            }
            (None, Some(_)) => Some("if it is the project's, give its keystores too (`--keystores`, `keystores`)"),
            _ => None,
        }
    }
}

/// Permissions as `RESOURCE+ACTION` grants, e.g. `API_MANAGEMENT+MANAGE`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Permissions {
    grants: Vec<(String, String)>,
}

/// A grant: a resource and an action.
pub(crate) type Grant = (&'static str, &'static str);

/// What changing an API proxy's mTLS settings needs (P001).
pub(crate) const MANAGE_PROXIES: Grant = ("API_MANAGEMENT", "MANAGE");
/// What assigning a truststore to a credential needs (P001).
pub(crate) const MANAGE_CREDENTIALS: Grant = ("IDENTITY", "MANAGE");
/// What the credential's automatic deployment after the assignment needs (P002).
pub(crate) const DEPLOY_CREDENTIALS: Grant = ("IDENTITY", "DEPLOY_UNDEPLOY");

/// The grants the two calls need: a slip in one of their words is refused.
const NEEDED: [Grant; 3] = [MANAGE_PROXIES, MANAGE_CREDENTIALS, DEPLOY_CREDENTIALS];

/// Legacy role names and the grant each stands for.
const LEGACY_ROLES: [(&str, Grant); 1] = [("ROLE_MANAGE_PROXIES", MANAGE_PROXIES)];

impl Permissions {
    /// Reads grants written `RESOURCE+ACTION` or `RESOURCE:ACTION` (any case),
    /// or a legacy role such as `ROLE_MANAGE_PROXIES`, separated by commas,
    /// semicolons, spaces or lines, or as a JSON array of such strings.
    ///
    /// ```
    /// let permissions = mtlslint::context::Permissions::from_text("api_management:manage, IDENTITY+DEPLOY_UNDEPLOY").unwrap();
    /// assert!(permissions.has("API_MANAGEMENT", "MANAGE"));
    /// assert!(!permissions.has("IDENTITY", "MANAGE"));
    /// // As the documentation writes them, with blanks around `+`:
    /// let permissions = mtlslint::context::Permissions::from_text("API_MANAGEMENT + MANAGE IDENTITY +DEPLOY_UNDEPLOY").unwrap();
    /// assert!(permissions.has("API_MANAGEMENT", "MANAGE") && permissions.has("IDENTITY", "DEPLOY_UNDEPLOY"));
    /// ```
    pub fn from_text(text: &str) -> Result<Self, ContextError> {
        let text = crate::syntax::without_bom(text);
        let items: Vec<String> = match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(index, item)| match item {
                    Value::String(grant) => Ok(grant),
                    _ => Err(ContextError::Shape(format!("item {index} is not a string such as \"IDENTITY+MANAGE\""))),
                })
                .collect::<Result<_, _>>()?,
            Ok(Value::Object(_) | Value::Number(_) | Value::Bool(_)) => {
                return Err(ContextError::Shape(
                    "write a JSON array of grants such as [\"IDENTITY+MANAGE\"], or the grants separated by commas"
                        .into(),
                ));
            }
            _ => joined(text).split([',', ';', ' ']).filter(|s| !s.is_empty()).map(str::to_owned).collect(),
        };
        // Blank text (an unset shell variable) is no list; `[]` says the token has none.
        if items.is_empty() && !text.trim_start().starts_with('[') {
            return Err(ContextError::Shape(
                "no permission is given; write RESOURCE+ACTION grants separated by commas, or `[]` for none".into(),
            ));
        }
        let mut grants = Vec::with_capacity(items.len());
        for item in items {
            let upper = item.trim().to_ascii_uppercase();
            if let Some((_, (resource, action))) = LEGACY_ROLES.iter().find(|(role, _)| *role == upper) {
                grants.push(((*resource).to_owned(), (*action).to_owned()));
                continue;
            }
            match upper.split_once(['+', ':']) {
                Some((resource, action)) if is_word(resource) && is_word(action) => {
                    // A slip in a word the calls' grants use would read as the token lacking them (P001, P002).
                    let meant = |word: &str, known: [&'static str; 3]| {
                        crate::suggest::nearest(word, known).filter(|meant| *meant != word)
                    };
                    let (near_resource, near_action) =
                        (meant(resource, NEEDED.map(|(r, _)| r)), meant(action, NEEDED.map(|(_, a)| a)));
                    if near_resource.is_some() || near_action.is_some() {
                        let (shown, resource, action) = (
                            crate::suggest::shown(&item),
                            near_resource.unwrap_or(resource),
                            near_action.unwrap_or(action),
                        );
                        return Err(ContextError::Shape(format!(
                            "`{shown}` is no permission: did you mean `{resource}+{action}`?"
                        )));
                    }
                    grants.push((resource.to_owned(), action.to_owned()));
                }
                _ => {
                    let shown = crate::suggest::shown(&item);
                    return Err(ContextError::Shape(format!(
                        "`{shown}` is no permission; write RESOURCE+ACTION, e.g. API_MANAGEMENT+MANAGE or IDENTITY+DEPLOY_UNDEPLOY"
                    )));
                }
            }
        }
        Ok(Self { grants })
    }

    /// Whether the grant `resource`+`action` is there.
    pub fn has(&self, resource: &str, action: &str) -> bool {
        self.grants.iter().any(|(r, a)| r == resource && a == action)
    }
}

/// A resource or an action of a grant: `API_MANAGEMENT`, `DEPLOY_UNDEPLOY`.
fn is_word(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Names known to exist (and ids, where the listing carries them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inventory {
    names: Vec<String>,
    /// The ids of items that have a name too: a body's `keyStoreId` may give either.
    ids: Vec<String>,
}

/// A context file that cannot be used. Messages never quote the file's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContextError {
    /// Not JSON.
    #[error("not valid JSON (line {line}, column {column}){}", reason.map(|r| format!(": {r}")).unwrap_or_default())]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the reader expected there, e.g. "trailing comma" (never a value of the file).
        reason: Option<&'static str>,
    },
    /// JSON that ends before its value is complete.
    #[error("the JSON ends early, on line {line}: a closing `}}`, `]` or `\"` is missing")]
    EndsEarly {
        /// 1-based line where it ends.
        line: usize,
    },
    /// JSON of an unexpected shape.
    #[error("{0}")]
    Shape(String),
}

/// What a syntax error of the JSON reader says was expected: one of its own
/// fixed texts, which quote nothing of the file.
fn syntax_reason(error: &serde_json::Error) -> Option<&'static str> {
    const REASONS: [&str; 12] = [
        "trailing comma",
        "expected value",
        "expected ident",
        "expected `,` or `]`",
        "expected `,` or `}`",
        "expected `:`",
        "key must be a string",
        "invalid number",
        "number out of range",
        "control character (\\u0000-\\u001F) found while parsing a string",
        "invalid escape",
        "trailing characters",
    ];
    let said = error.to_string();
    REASONS.into_iter().find(|reason| said.starts_with(reason))
}

impl From<serde_json::Error> for ContextError {
    fn from(error: serde_json::Error) -> Self {
        // At the end of the input the column is 0 when the text ends with a line break.
        match error.classify() {
            serde_json::error::Category::Eof => ContextError::EndsEarly { line: error.line() },
            // Valid JSON, but deeper than the reader goes (128 levels): no saved response is.
            _ if error.to_string().starts_with("recursion limit exceeded") => ContextError::Shape(format!(
                "nested deeper than 128 levels (line {}, column {}); saved responses and settings are a few levels deep: \
                 give one of them",
                error.line(),
                error.column()
            )),
            serde_json::error::Category::Syntax => {
                ContextError::Json { line: error.line(), column: error.column(), reason: syntax_reason(&error) }
            }
            _ => ContextError::Json { line: error.line(), column: error.column(), reason: None },
        }
    }
}

/// The text with the blanks around `+` and `:` left out: the documentation
/// writes a permission `API_MANAGEMENT + MANAGE`, and blanks separate permissions.
fn joined(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        joined.push_str(word);
        let glued = word.ends_with(['+', ':']) || words.peek().is_some_and(|next| next.starts_with(['+', ':']));
        if !glued && words.peek().is_some() {
            joined.push(' ');
        }
    }
    joined
}

impl Inventory {
    /// An inventory of these names.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(names: I) -> Self {
        Self { names: names.into_iter().map(Into::into).collect(), ids: Vec::new() }
    }

    /// Reads a saved List Keystores or List Credentials response
    /// (`{"status":"SUCCESS","resultList":[{"name": ...}]}`, `username` for
    /// credentials) or a plain array of names. Only names and ids are kept.
    ///
    /// ```
    /// let saved = r#"{"status":"SUCCESS","resultList":[{"name":"prod-ks","password":"s3cret"}]}"#;
    /// let inventory = mtlslint::Inventory::from_json(saved).unwrap();
    /// assert!(inventory.contains("prod-ks"));
    /// assert_eq!(inventory.case_insensitive_match("PROD-KS"), Some("prod-ks"));
    /// ```
    pub fn from_json(text: &str) -> Result<Self, ContextError> {
        Self::read(text, None)
    }

    /// Reads keystores as [`Inventory::from_json`] does, and refuses a saved
    /// List Credentials response (items with a `username` and no `name`).
    ///
    /// ```
    /// let credentials = r#"{"status":"SUCCESS","resultList":[{"username":"api-user"}]}"#;
    /// let error = mtlslint::Inventory::keystores_from_json(credentials).unwrap_err();
    /// assert!(error.to_string().contains("List Credentials"));
    /// ```
    pub fn keystores_from_json(text: &str) -> Result<Self, ContextError> {
        Self::read(text, Some(Listing::Keystores))
    }

    /// Reads credentials as [`Inventory::from_json`] does, and refuses a saved
    /// List Keystores response (items with a `name` and no `username`).
    pub fn credentials_from_json(text: &str) -> Result<Self, ContextError> {
        Self::read(text, Some(Listing::Credentials))
    }

    fn read(text: &str, listing: Option<Listing>) -> Result<Self, ContextError> {
        let text = crate::syntax::without_bom(text);
        if text.trim().is_empty() {
            return Err(ContextError::Shape(
                "empty; give the saved List Keystores or List Credentials response, or a JSON array of names such as [\"ks-prod\"]"
                    .into(),
            ));
        }
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            // A name written bare (`ks-prod`, or a list of them): no JSON at all.
            Err(_) if !text.trim_start().starts_with(['{', '[', '"']) => {
                return Err(ContextError::Shape(
                    "not JSON: save the List Keystores or List Credentials response as it came, or write the names as a JSON array such as [\"ks-prod\"]"
                        .into(),
                ));
            }
            Err(error) => return Err(error.into()),
        };
        let items = match &value {
            Value::Array(items) => items,
            Value::Object(object) => {
                if let Some(status) = object.get("status").and_then(Value::as_str).filter(|s| *s != "SUCCESS") {
                    return Err(ContextError::Shape(format!(
                        "this is a saved response with status `{}`, not a successful listing; save the response of a successful List call",
                        if status.len() <= 20 { status } else { "(long value)" }
                    )));
                }
                let Some(Value::Array(items)) = object.get("resultList") else {
                    let expected = match listing {
                        Some(Listing::Keystores) => "a List Keystores response",
                        Some(Listing::Credentials) => "a List Credentials response",
                        None => "a List Keystores / List Credentials response",
                    };
                    return Err(ContextError::Shape(format!(
                        "expected {expected} with a `resultList` array, or an array of names"
                    )));
                };
                items
            }
            _ => {
                return Err(ContextError::Shape("expected an array of names or a saved List response object".into()));
            }
        };
        let (mut names, mut ids) = (Vec::with_capacity(items.len()), Vec::new());
        for (index, item) in items.iter().enumerate() {
            match item {
                Value::String(name) => names.push(name.clone()),
                Value::Object(fields) => {
                    if let Some(listing) = listing {
                        listing.refuse_the_other(index, fields)?;
                    }
                    // A call's path names a store or a credential by its name: an `id` beside
                    // one is no name (the body's `keyStoreId` may give it, see `Inventory::holds_id`).
                    let before = names.len();
                    for key in ["name", "username", "id"] {
                        match fields.get(key) {
                            Some(Value::String(id)) if key == "id" && names.len() > before => ids.push(id.clone()),
                            Some(Value::String(name)) => names.push(name.clone()),
                            _ => {}
                        }
                    }
                    if names.len() == before {
                        return Err(ContextError::Shape(format!(
                            "item {index} has no `name`, `username` or `id` string"
                        )));
                    }
                }
                _ => {
                    return Err(ContextError::Shape(format!(
                        "item {index} is neither a name nor an object with a `name`"
                    )));
                }
            }
        }
        Ok(Self { names, ids })
    }

    /// Whether `id` is the id of a listed item that has a name: what a
    /// body's `keyStoreId` or `trustStoreId` may give instead of the name.
    pub fn holds_id(&self, id: &str) -> bool {
        self.ids.iter().any(|known| known == id)
    }

    /// Whether `id` is listed exactly, as an item's name or its id.
    pub(crate) fn lists(&self, id: &str) -> bool {
        self.contains(id) || self.holds_id(id)
    }

    /// Whether `name` exists exactly (names are case-sensitive).
    pub fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// The existing name that differs from `name` only in case, if there is
    /// exactly one: of `partner-ts` and `PARTNER-TS`, neither is the one meant.
    pub fn case_insensitive_match(&self, name: &str) -> Option<&str> {
        let mut matches = self.case_variants(name);
        let first = matches.next()?;
        matches.all(|other| other == first).then_some(first)
    }

    /// The names that are `name` when case is ignored, in listing order.
    pub fn case_variants<'s, 'n>(&'s self, name: &'n str) -> impl Iterator<Item = &'s str> + use<'s, 'n> {
        let same = move |n: &&String| crate::suggest::same_but_case(n, name);
        self.names.iter().filter(same).map(String::as_str)
    }

    /// The names, in listing order.
    pub fn names(&self) -> impl Iterator<Item = &str> + Clone {
        self.names.iter().map(String::as_str)
    }
}

/// Which listing an inventory is read as.
#[derive(Debug, Clone, Copy)]
enum Listing {
    Keystores,
    Credentials,
}

impl Listing {
    /// Refuses an item of the other call's listing: a keystore is named by
    /// `name`, a credential by `username` (an `id` alone says neither).
    fn refuse_the_other(self, index: usize, fields: &serde_json::Map<String, Value>) -> Result<(), ContextError> {
        let (has, lacks, other, this) = match self {
            Listing::Keystores => ("username", "name", "List Credentials", "keystores"),
            Listing::Credentials => ("name", "username", "List Keystores", "credentials"),
        };
        if fields.contains_key(has) && !fields.contains_key(lacks) {
            return Err(ContextError::Shape(format!(
                "item {index} has a `{has}` and no `{lacks}`: this is a saved {other} response, not a list of {this}"
            )));
        }
        Ok(())
    }
}

/// The file `--keystores`, `--admin-keystores` and `--credentials` read: a
/// saved response of the List Keystores or List Credentials call, or a plain
/// array of names. Only names are read; everything else in it (passwords,
/// keystore files) is ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[schemars(title = "Inventory of keystores or credentials")]
pub enum InventoryFile {
    /// A saved List response.
    Saved(SavedList),
    /// Names, or objects with a name.
    Names(Vec<InventoryItem>),
}

/// A saved List Keystores / List Credentials response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SavedList {
    /// `SUCCESS` for a listing; another status is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("const" = "SUCCESS"))]
    pub status: Option<String>,
    /// The keystores or credentials.
    pub result_list: Vec<InventoryItem>,
}

/// One keystore or credential: its name, or an object with its `name`, `username` or `id`.
// Not in the doc comment, which the schema shows in editors: its TypeScript
// declaration is written by hand in the wasm package, so that an object may
// carry the List response's other members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum InventoryItem {
    /// A bare name.
    Name(String),
    /// An object from a List response; other members are ignored.
    #[schemars(extend("anyOf" = [{"required": ["name"]}, {"required": ["username"]}, {"required": ["id"]}]))]
    Object {
        /// A keystore's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// A credential's username.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        username: Option<String>,
        /// An id: a name where the item has none; beside a name, what a body's store id may give instead.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
}

/// Reads the proxy's current mTLS settings: an object with the body's
/// fields. Other fields (as a saved GET response may carry) are ignored,
/// unless they look like a misspelt field.
///
/// ```
/// let current = mtlslint::context::current_settings_from_json(r#"{"enabled": true, "keyStoreId": "ks"}"#).unwrap();
/// assert_eq!(current.key_store_id.as_deref(), Some("ks"));
/// ```
pub fn current_settings_from_json(text: &str) -> Result<MtlsSettings, ContextError> {
    let shape =
        |field: &str, expected: &str| ContextError::Shape(format!("current settings: `{field}` must be {expected}"));
    let value: Value = serde_json::from_str(crate::syntax::without_bom(text))?;
    let Value::Object(mut members) = value else {
        return Err(ContextError::Shape(
            "current settings: expected a JSON object with the mTLS settings fields".into(),
        ));
    };
    // Other fields are ignored, but a near miss of one of ours would change the verdict unseen.
    let near_miss =
        members.keys().filter(|key| Field::from_key(key).is_none()).find_map(|key| Some((key, nearest(key, FIELDS)?)));
    if let Some((key, field)) = near_miss {
        return Err(ContextError::Shape(format!("current settings: unknown field `{key}`; did you mean `{field}`?")));
    }
    // An object of other members only is likely a wrapper around the settings, or another
    // saved response: read as they are, they would be the defaults.
    if !members.is_empty() && !members.keys().any(|key| Field::from_key(key).is_some()) {
        let wrapper = members.iter().find(|(_, value)| value.is_object()).map(|(key, _)| key);
        let response = if members.contains_key("resultList") {
            Some(
                "a saved List Keystores or List Credentials response: give it as the inventory of keystores or credentials",
            )
        } else if wrapper.is_none() && (members.contains_key("success") || members.contains_key("error")) {
            Some("the saved response of a call that changes settings, which does not repeat them")
        } else {
            None
        };
        if let Some(response) = response {
            return Err(ContextError::Shape(format!(
                "current settings: this is {response}, and save the proxy's mTLS settings (`enabled`, `keyStoreId`, ...) here"
            )));
        }
        let hint = wrapper.map(|key| format!("; save the object inside `{key}` instead")).unwrap_or_default();
        let fields = FIELDS.join("`, `");
        return Err(ContextError::Shape(format!("current settings: none of `{fields}` is given{hint}")));
    }
    // Read by hand, not by a serde derive: the derived reader was 3.6 KB of the wasm module.
    let mut string = |field| match members.get_mut(field).map(Value::take) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(shape(field, "a string")),
    };
    let (key_store_id, trust_store_id) = (string("keyStoreId")?, string("trustStoreId")?);
    let hostname_verifier_type = string("hostnameVerifierType")?;
    let enabled = match members.get_mut("enabled").map(Value::take) {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(b),
        Some(_) => return Err(shape("enabled", "true or false")),
    };
    let supported_protocol_list = match members.get_mut("supportedProtocolList").map(Value::take) {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .map(|item| item.as_str().and_then(Protocol::from_constant))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| shape("supportedProtocolList", "an array of protocol constants such as \"TLS_1_2\""))?,
        ),
        Some(_) => return Err(shape("supportedProtocolList", "an array")),
    };
    let hostname_verifier_type = match hostname_verifier_type {
        None => None,
        Some(text) => Some(
            HostnameVerifier::from_constant(&text)
                .ok_or_else(|| shape("hostnameVerifierType", "NOOP, DEFAULT, STRICT or BROWSER_COMPAT"))?,
        ),
    };
    Ok(MtlsSettings { enabled, key_store_id, trust_store_id, supported_protocol_list, hostname_verifier_type })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_never_quote_secrets() {
        let saved = r#"{"status":"SUCCESS","resultList":[{"password":"hunter2"}]}"#;
        let error = Inventory::from_json(saved).unwrap_err().to_string();
        assert!(!error.contains("hunter2"), "{error}");
        let broken = Inventory::from_json(r#"["ok", "hunter2"#).unwrap_err().to_string();
        assert!(!broken.contains("hunter2"), "{broken}");
        let broken = Inventory::from_json(r#"["ok", hunter2]"#).unwrap_err().to_string();
        assert_eq!(broken, "not valid JSON (line 1, column 8): expected value");
        let current = current_settings_from_json(r#"{"keyStoreId": ["hunter2"]}"#).unwrap_err().to_string();
        assert!(!current.contains("hunter2"), "{current}");
    }

    #[test]
    fn each_listing_is_read_as_its_own_kind() {
        let keystores = r#"{"status":"SUCCESS","resultList":[{"name":"ks-prod","projectId":"p"}]}"#;
        let credentials = r#"{"status":"SUCCESS","resultList":[{"username":"api-user"}]}"#;
        assert!(Inventory::keystores_from_json(keystores).unwrap().contains("ks-prod"));
        assert!(Inventory::credentials_from_json(credentials).unwrap().contains("api-user"));
        let error = Inventory::credentials_from_json(keystores).unwrap_err().to_string();
        assert_eq!(
            error,
            "item 0 has a `name` and no `username`: this is a saved List Keystores response, not a list of credentials"
        );
        assert!(Inventory::keystores_from_json(credentials).is_err());
        // Plain names, ids and the any-kind reader are taken as before.
        assert!(Inventory::credentials_from_json(r#"["api-user", {"id": "42"}]"#).unwrap().contains("42"));
        // Beside a name, an id is no name: the path would name a store the server does not find.
        let both = Inventory::keystores_from_json(r#"[{"id": "64f0a1", "name": "Partner-TS"}]"#).unwrap();
        assert!(both.contains("Partner-TS") && !both.contains("64f0a1"));
        // A store id in a body may give it, though.
        assert!(both.holds_id("64f0a1") && !both.holds_id("Partner-TS"));
        // Two names that differ only in case: neither is offered as the one meant.
        let twins = Inventory::keystores_from_json(r#"["partner-ts", "PARTNER-TS"]"#).unwrap();
        assert_eq!(twins.case_insensitive_match("Partner-ts"), None);
        assert_eq!(twins.case_insensitive_match("PARTNER-ts"), None);
        assert_eq!(both.case_insensitive_match("partner-ts"), Some("Partner-TS"));
        // Both are named, though, for a message to list.
        assert_eq!(twins.case_variants("Partner-ts").collect::<Vec<_>>(), ["partner-ts", "PARTNER-TS"]);
        assert!(Inventory::from_json(credentials).is_ok() && Inventory::from_json(keystores).is_ok());
    }

    #[test]
    fn a_long_permission_is_shown_cut_with_an_ellipsis() {
        let long = "x".repeat(50);
        let error = Permissions::from_text(&long).unwrap_err().to_string();
        assert!(error.starts_with(&format!("`{}…` is no permission", "x".repeat(40))), "{error}");
        let short = Permissions::from_text("deploy").unwrap_err().to_string();
        assert!(short.starts_with("`deploy` is no permission"), "{short}");
    }

    #[test]
    fn names_written_bare_are_told_to_be_a_json_array() {
        for text in ["ks-prod", "ks-prod, ts-backend\n", "ks-prod\nts-backend"] {
            let error = Inventory::keystores_from_json(text).unwrap_err().to_string();
            assert!(error.ends_with(r#"or write the names as a JSON array such as ["ks-prod"]"#), "{error}");
        }
        // JSON that is broken is located, as before.
        assert_eq!(
            Inventory::from_json("[\"ks-prod\" \"ts\"]").unwrap_err().to_string(),
            "not valid JSON (line 1, column 12): expected `,` or `]`"
        );
        assert_eq!(
            Inventory::from_json("[\"a\",]").unwrap_err().to_string(),
            "not valid JSON (line 1, column 6): trailing comma"
        );
    }

    #[test]
    fn an_empty_inventory_file_is_called_empty() {
        for text in ["", "\u{feff}", " \n"] {
            let error = Inventory::keystores_from_json(text).unwrap_err().to_string();
            assert!(error.starts_with("empty; give the saved List Keystores"), "{error}");
        }
    }

    #[test]
    fn permissions_may_be_written_with_blanks_around_the_plus() {
        let permissions = Permissions::from_text("API_MANAGEMENT + MANAGE, IDENTITY: DEPLOY_UNDEPLOY").unwrap();
        assert!(permissions.has("API_MANAGEMENT", "MANAGE") && permissions.has("IDENTITY", "DEPLOY_UNDEPLOY"));
        assert_eq!(joined("a +b c+ d e"), "a+b c+d e");
        // Blanks elsewhere still separate permissions.
        let error = Permissions::from_text("IDENTITY MANAGE").unwrap_err().to_string();
        assert!(error.starts_with("`IDENTITY` is no permission"), "{error}");
    }

    #[test]
    fn permissions_of_another_shape_are_refused_not_misread() {
        // An object's text once split into a grant `{"API_MANAGEMENT`+`MANAGE":TRUE}`: the token seemed to lack it.
        let error = Permissions::from_text(r#"{"API_MANAGEMENT+MANAGE": true}"#).unwrap_err().to_string();
        assert!(error.starts_with("write a JSON array of grants"), "{error}");
        assert!(Permissions::from_text("5").unwrap_err().to_string().starts_with("write a JSON array of grants"));
        let error = Permissions::from_text("API_MANAGEMENT+MANAGE/IDENTITY").unwrap_err().to_string();
        assert!(error.starts_with("`API_MANAGEMENT+MANAGE/IDENTITY` is no permission"), "{error}");
        // Semicolons separate grants, as commas do.
        let permissions = Permissions::from_text("API_MANAGEMENT+MANAGE;IDENTITY+MANAGE").unwrap();
        assert!(permissions.has("API_MANAGEMENT", "MANAGE") && permissions.has("IDENTITY", "MANAGE"));
    }

    #[test]
    fn a_slip_in_a_needed_grant_or_no_grant_at_all_is_refused() {
        let error = |text| Permissions::from_text(text).unwrap_err().to_string();
        assert_eq!(
            error("API_MANAGMENT+MANAGE"),
            "`API_MANAGMENT+MANAGE` is no permission: did you mean `API_MANAGEMENT+MANAGE`?"
        );
        assert_eq!(error("identity:mange"), "`identity:mange` is no permission: did you mean `IDENTITY+MANAGE`?");
        assert!(error("").starts_with("no permission is given"));
        assert!(error(" \n").starts_with("no permission is given"));
        // Grants of other resources and actions are the token's own business; `[]` is a token with none.
        let others = Permissions::from_text("GATEWAY+VIEW, API_MANAGEMENT+CREATE, IDENTITY+VIEW, IDENTITY+MANAGE");
        assert!(others.unwrap().has("IDENTITY", "MANAGE"));
        assert!(!Permissions::from_text("[]").unwrap().has("IDENTITY", "MANAGE"));
    }

    #[test]
    fn json_nested_past_the_reader_is_not_called_invalid() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let error = Inventory::from_json(&deep).unwrap_err().to_string();
        assert!(error.starts_with("nested deeper than 128 levels (line 1, column 128)"), "{error}");
    }

    #[test]
    fn a_file_cut_short_is_named_as_such() {
        let error = Inventory::from_json("{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"ks\"}]\n").unwrap_err();
        assert_eq!(error.to_string(), "the JSON ends early, on line 2: a closing `}`, `]` or `\"` is missing");
    }

    #[test]
    fn reads_plain_arrays_and_credentials() {
        assert!(Inventory::from_json(r#"["a", "b"]"#).unwrap().contains("b"));
        let credentials = r#"{"status":"SUCCESS","resultList":[{"username":"api-user"}]}"#;
        assert!(Inventory::from_json(credentials).unwrap().contains("api-user"));
        assert!(Inventory::from_json(r#"{"status":"FAILURE","resultMessage":"x"}"#).is_err());
    }

    #[test]
    fn current_settings_ignore_other_fields_but_not_near_misses() {
        let saved = r#"{"status": "SUCCESS", "apiProxyName": "orders", "enabled": true, "keyStoreId": "ks"}"#;
        assert_eq!(current_settings_from_json(saved).unwrap().enabled, Some(true));
        let error = current_settings_from_json(r#"{"enabld": true}"#).unwrap_err().to_string();
        assert_eq!(error, "current settings: unknown field `enabld`; did you mean `enabled`?");
        let error = current_settings_from_json(r#"{"keystoreId": "ks"}"#).unwrap_err().to_string();
        assert!(error.ends_with("did you mean `keyStoreId`?"), "{error}");
        // A wrapper would otherwise read as the defaults.
        let wrapped = r#"{"success": true, "result": {"enabled": true, "keyStoreId": "ks"}}"#;
        let error = current_settings_from_json(wrapped).unwrap_err().to_string();
        assert!(error.ends_with("is given; save the object inside `result` instead"), "{error}");
        // Other saved responses are named for what they are.
        let listing = r#"{"status": "SUCCESS", "resultList": [{"name": "ks-prod"}]}"#;
        let error = current_settings_from_json(listing).unwrap_err().to_string();
        assert!(
            error.contains("this is a saved List Keystores or List Credentials response: give it as the inventory"),
            "{error}"
        );
        let error = current_settings_from_json(r#"{"success": true}"#).unwrap_err().to_string();
        assert!(error.contains("the saved response of a call that changes settings"), "{error}");
        assert_eq!(current_settings_from_json("{}").unwrap(), MtlsSettings::default());
    }
}
