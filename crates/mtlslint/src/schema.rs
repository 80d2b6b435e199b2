//! JSON Schemas generated from the typed model, in two dialects (Draft
//! 2020-12 and draft-07), with the extensions VS Code's JSON language service
//! reads: `markdownDescription`, `markdownEnumDescriptions`,
//! `deprecationMessage`, `errorMessage` and `defaultSnippets`.
//!
//! The body schema accepts a body exactly when the linter reports none of
//! the findings in [`SHAPE_CODES`]. Like the `production` profile, it rejects
//! values the server would coerce (`"enabled": "true"`, rule S003) and
//! explicit `null`s (rule S006), which the `standard` profile only warns
//! about. What JSON Schema cannot see stays with the linter: repeated keys
//! (a parsed document keeps the last one), and every warning about what the
//! settings do.
//!
//! ```
//! use mtlslint::schema::{self, Draft};
//! let schema = schema::find("mtls-settings").unwrap().generate(Draft::Draft07);
//! assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
//! assert_eq!(schema["properties"]["keyStoreId"]["type"], "string");
//! ```

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

use crate::config::Config;
use crate::context::InventoryFile;
use crate::model::{
    ErrorResponse, KEYSTORE_REQUIRED, MtlsSettings, MtlsSettingsPath, MtlsSettingsResponse, TruststoreAssignment,
    TruststoreAssignmentResponse,
};

/// The rules whose findings the body schema reproduces: it rejects a body
/// exactly when the linter reports one of these (with no context).
pub const SHAPE_CODES: [&str; 10] = ["J004", "S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008", "M001"];

/// Where the published schemas live; `$id`s are built from it.
const BASE_URL: &str = "https://raw.githubusercontent.com/mtlslint/mtlslint/main/schemas";

/// A JSON Schema dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Draft {
    /// Draft 2020-12, the current one.
    Draft2020_12,
    /// Draft-07, what editors and SchemaStore prefer.
    Draft07,
}

impl Draft {
    /// Every dialect, newest first.
    pub const ALL: [Draft; 2] = [Draft::Draft2020_12, Draft::Draft07];

    /// The name on the command line: `2020-12` or `07`.
    pub fn name(self) -> &'static str {
        match self {
            Draft::Draft2020_12 => "2020-12",
            Draft::Draft07 => "07",
        }
    }

    /// The dialect a command-line name stands for (`2020-12`, `07`, `7`, `draft-07`).
    pub fn from_name(name: &str) -> Option<Draft> {
        match name.trim_start_matches("draft").trim_start_matches(['-', '_']) {
            "2020-12" | "202012" => Some(Draft::Draft2020_12),
            "07" | "7" => Some(Draft::Draft07),
            _ => None,
        }
    }

    /// The folder of `schemas/` that holds this dialect.
    pub fn folder(self) -> &'static str {
        match self {
            Draft::Draft2020_12 => "2020-12",
            Draft::Draft07 => "draft-07",
        }
    }

    /// `T`'s schema as the model generates it in this dialect, subschemas inline
    /// (editors show inline schemas more reliably than `$ref`s).
    pub(crate) fn generate<T: JsonSchema>(self) -> Value {
        let settings = match self {
            Draft::Draft2020_12 => SchemaSettings::draft2020_12(),
            Draft::Draft07 => SchemaSettings::draft07(),
        };
        settings.with(|s| s.inline_subschemas = true).into_generator().into_root_schema_for::<T>().to_value()
    }
}

/// A schema mtlslint publishes.
#[derive(Debug, Clone, Copy)]
pub struct Published {
    /// Its name, e.g. `mtls-settings`; also its file name without `.json`.
    pub name: &'static str,
    /// What it describes.
    pub summary: &'static str,
}

impl Published {
    /// The schema in `draft`.
    pub fn generate(&self, draft: Draft) -> Value {
        let mut schema = build(self.name, draft);
        if let Some(object) = schema.as_object_mut() {
            object.insert("$id".into(), self.id(draft).into());
        }
        schema
    }

    /// The schema in `draft` as the file `schemas/` holds: pretty JSON and a final newline.
    pub fn render(&self, draft: Draft) -> String {
        let text = serde_json::to_string_pretty(&self.generate(draft)).expect("a schema serialises");
        text + "\n"
    }

    /// Its path in the repository, e.g. `schemas/draft-07/mtls-settings.json`.
    pub fn path(&self, draft: Draft) -> String {
        format!("schemas/{}/{}.json", draft.folder(), self.name)
    }

    /// Its `$id`.
    pub fn id(&self, draft: Draft) -> String {
        format!("{BASE_URL}/{}/{}.json", draft.folder(), self.name)
    }
}

/// Every schema mtlslint publishes.
pub const SCHEMAS: [Published; 8] = [
    Published { name: "mtls-settings", summary: "the body of the PATCH mTLS settings call" },
    Published { name: "mtls-settings-path", summary: "the path parameters of the PATCH mTLS settings call" },
    Published { name: "mtls-settings-response", summary: "the success response of the PATCH mTLS settings call" },
    Published { name: "truststore-assignment", summary: "the path parameters of the PUT truststore assignment call" },
    Published {
        name: "truststore-assignment-response",
        summary: "the success response of the PUT truststore assignment call, with its deployment",
    },
    Published { name: "error-response", summary: "the error response of both calls (400, 401, 404)" },
    Published { name: "mtlslint-config", summary: "mtlslint.json, the configuration file" },
    Published { name: "inventory", summary: "what --keystores, --admin-keystores and --credentials read" },
];

/// Generates the published schema called `name`. Kept apart from
/// [`SCHEMAS`] so that a build that only lists or looks up schemas (the
/// wasm package serves the files) does not carry the generators.
fn build(name: &str, draft: Draft) -> Value {
    match name {
        "mtls-settings" => mtls_settings(draft),
        "mtls-settings-path" => with_examples(
            plain::<MtlsSettingsPath>(draft),
            [json!({"projectName": "MyProject", "apiProxyName": "MyAPI"})],
        ),
        "mtls-settings-response" => {
            let mut schema = plain::<MtlsSettingsResponse>(draft);
            // The truststore assignment's response, given where this one belongs.
            schema["properties"]["deploymentResult"] = false.into();
            with_examples(schema, [json!({"success": true})])
        }
        "truststore-assignment" => {
            let example = json!({"projectName": "MyProject", "username": "api-user", "keystoreName": "my-truststore"});
            with_examples(plain::<TruststoreAssignment>(draft), [example])
        }
        "truststore-assignment-response" => {
            let mut schema = plain::<TruststoreAssignmentResponse>(draft);
            // `"success": false` comes with a deployment that names what failed (D002 reports it).
            let failed = json!({"properties": {"success": {"const": false}}, "required": ["success"]});
            schema["if"] = failed.clone();
            schema["then"] = json!({"properties": {"deploymentResult": {"anyOf": [
                failed,
                {"properties": {"environmentResults": {"contains": failed}}, "required": ["environmentResults"]}
            ]}}});
            with_examples(schema, [deployed()])
        }
        "error-response" => with_examples(plain::<ErrorResponse>(draft), error_examples()),
        "mtlslint-config" => {
            let example = json!({
                "profile": "production",
                "rules": {"T005": "off", "strict-verifier": "error"},
                "inventories": {"keystores": "context/keystores.json", "adminKeystores": "context/admin-keystores.json"}
            });
            with_examples(config(draft), [example])
        }
        "inventory" => inventory(draft),
        other => unreachable!("`{other}` is not in SCHEMAS"),
    }
}

/// Where [`openapi`] lives in the repository.
pub const OPENAPI_PATH: &str = "schemas/openapi.json";

/// A documented error response of a call: its status, its description and its named examples.
type Documented = (&'static str, &'static str, Vec<(&'static str, Value)>);

/// An OpenAPI 3.1 document for both calls, built from the 2020-12 schemas
/// (OpenAPI 3.1's own dialect): paths, methods, path parameters, the bearer
/// token, the body, and every documented response with its examples.
pub fn openapi() -> Value {
    let schema = |name: &str| {
        let mut schema = find(name).expect("a published schema").generate(Draft::Draft2020_12);
        if let Some(object) = schema.as_object_mut() {
            object.remove("$schema");
            object.remove("$id");
        }
        schema
    };
    let parameters = |name: &str| -> Vec<Value> {
        let path = schema(name);
        let properties = path["properties"].as_object().cloned().unwrap_or_default();
        properties
            .into_iter()
            .map(|(parameter, property)| {
                json!({
                    "name": parameter,
                    "in": "path",
                    "required": true,
                    "description": property["description"],
                    "schema": {"type": "string", "minLength": 1},
                })
            })
            .collect()
    };
    // Each call's documented errors, with its own examples.
    let [keystore, truststore, credential, token, proxy, project] = error_examples();
    let unauthorized = ("401", "Unauthorized: the token is missing, invalid or expired", vec![("invalidToken", token)]);
    let settings_errors = [
        ("400", "Bad Request: the body is wrong", vec![("keystoreRequired", keystore)]),
        unauthorized.clone(),
        ("404", "Not Found: the project or API proxy does not exist or is not yours", vec![("proxyNotFound", proxy)]),
    ];
    let assignment_errors = [
        (
            "400",
            "Bad Request: the credential or the truststore does not exist",
            vec![("credentialNotFound", credential), ("truststoreNotFound", truststore)],
        ),
        unauthorized,
        ("404", "Not Found: the project does not exist or is not yours", vec![("projectNotFound", project)]),
    ];
    let responses = |ok: Value, errors: [Documented; 3]| {
        let mut responses = json!({"200": ok});
        for (status, description, examples) in errors {
            let examples: serde_json::Map<String, Value> =
                examples.into_iter().map(|(name, value)| (name.to_owned(), json!({"value": value}))).collect();
            responses[status] = json!({"description": description, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/ErrorResponse"}, "examples": examples}}});
        }
        responses
    };
    let [full, keystore_only] = seed_bodies();
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "API gateway management: mTLS settings and truststore assignment",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The two calls mtlslint checks, as the product documents them. Generated by mtlslint from its model.",
        },
        "security": [{"bearerToken": []}],
        "paths": {
            "/apiops/projects/{projectName}/apiProxies/{apiProxyName}/settings/mtls/": {
                "patch": {
                    "operationId": "updateMtlsSettings",
                    "summary": "Update an API proxy's mTLS settings for its backend connections",
                    "description": "Only the fields sent are updated. Enabling mTLS disables the proxy's connection pool.",
                    "parameters": parameters("mtls-settings-path"),
                    "requestBody": {"required": true, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/MtlsSettings"},
                        "examples": {"keystoreAndTruststore": {"value": full}, "keystoreOnly": {"value": keystore_only}},
                    }}},
                    "responses": responses(json!({"description": "The settings were updated", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/MtlsSettingsResponse"}}}}), settings_errors),
                }
            },
            "/apiops/projects/{projectName}/credentials/{username}/truststore/{keystoreName}/": {
                "put": {
                    "operationId": "setCredentialTruststore",
                    "summary": "Assign a truststore to a credential, replacing any other, and deploy the credential",
                    "description": "The call takes no body. The truststore must exist in the project or the admin project; names are case-sensitive.",
                    "parameters": parameters("truststore-assignment"),
                    "responses": responses(json!({"description": "The truststore was assigned; the deployment result follows", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/TruststoreAssignmentResponse"}}}}), assignment_errors),
                }
            },
        },
        "components": {
            "securitySchemes": {"bearerToken": {"type": "http", "scheme": "bearer", "description": "A personal API access token"}},
            "schemas": {
                "MtlsSettings": schema("mtls-settings"),
                "MtlsSettingsResponse": schema("mtls-settings-response"),
                "TruststoreAssignmentResponse": schema("truststore-assignment-response"),
                "ErrorResponse": schema("error-response"),
            },
        },
    })
}

/// [`openapi`] as `schemas/openapi.json` holds it.
pub fn render_openapi() -> String {
    serde_json::to_string_pretty(&openapi()).expect("a document serialises") + "\n"
}

/// The published schema called `name`.
pub fn find(name: &str) -> Option<&'static Published> {
    SCHEMAS.iter().find(|schema| schema.name == name)
}

/// The published schema called `name`, or a message naming the nearest one (or all of them).
pub fn lookup(name: &str) -> Result<&'static Published, String> {
    find(name).ok_or_else(|| {
        let shown = crate::suggest::shown(name);
        if let Some(near) = suggest(name) {
            return format!("no schema is called `{shown}`; did you mean `{near}`?");
        }
        let names: Vec<_> = SCHEMAS.iter().map(|schema| schema.name).collect();
        format!("no schema is called `{shown}`; the schemas are {}", names.join(", "))
    })
}

/// The published schema name nearest to one that names none.
pub fn suggest(name: &str) -> Option<&'static str> {
    crate::suggest::nearest(name, SCHEMAS.iter().map(|schema| schema.name))
}

fn plain<T: JsonSchema>(draft: Draft) -> Value {
    let mut schema = draft.generate::<T>();
    for_editors(&mut schema);
    with_markdown(&mut schema);
    schema
}

/// An editor shows a `oneOf` or `anyOf` branch's description in place of the
/// property's when the key is hovered (a rule's summary gave way to "Not
/// reported."), and a value's twice. So each `oneOf` of documented string
/// constants (what schemars makes of an enum of unit variants) becomes an
/// `enum` with its descriptions, and the value's branch of an `Option`'s
/// `anyOf` (it and `null`) loses its own when the property has one.
fn for_editors(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        if let Value::Array(items) = schema {
            items.iter_mut().for_each(for_editors);
        }
        return;
    };
    if object.contains_key("description")
        && let Some(Value::Array(branches)) = object.get_mut("anyOf")
        && let [Value::Object(branch), other] | [other, Value::Object(branch)] = branches.as_mut_slice()
        && *other == json!({"type": "null"})
    {
        branch.remove("description");
        branch.remove("markdownDescription");
    }
    let constants = object.get("oneOf").and_then(Value::as_array).and_then(|alternatives| {
        let plain = |alternative: &Value| {
            let object = alternative.as_object()?;
            let known = object
                .keys()
                .all(|key| ["const", "description", "markdownDescription", "type"].contains(&key.as_str()));
            let text = |key| object.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
            let constant = object.get("const")?.as_str()?.to_owned();
            known.then(|| (constant, text("description")))
        };
        alternatives.iter().map(plain).collect::<Option<Vec<_>>>()
    });
    if let Some(constants) = constants {
        object.remove("oneOf");
        let (values, descriptions): (Vec<_>, Vec<_>) = constants.into_iter().unzip();
        object.insert("type".into(), "string".into());
        object.insert("enum".into(), values.into());
        object.insert("enumDescriptions".into(), descriptions.clone().into());
        object.insert("markdownEnumDescriptions".into(), descriptions.into());
    }
    object.values_mut().for_each(for_editors);
}

fn with_examples<const N: usize>(mut schema: Value, examples: [Value; N]) -> Value {
    schema["examples"] = Value::Array(examples.into());
    schema
}

/// The truststore assignment's success response in the API documentation.
fn deployed() -> Value {
    json!({
        "success": true,
        "deploymentResult": {
            "success": true,
            "message": "Deployment completed successfully",
            "environmentResults": [
                {"environmentName": "production", "success": true, "message": "Deployed successfully"},
                {"environmentName": "staging", "success": true, "message": "Deployed successfully"}
            ]
        }
    })
}

/// The error responses in the API documentation: the settings call's 400,
/// the assignment's two 400s, both calls' 401, the settings call's 404, the
/// assignment's 404.
fn error_examples() -> [Value; 6] {
    [
        json!({"error": "bad_request", "error_description": KEYSTORE_REQUIRED}),
        json!({"error": "bad_request", "error_description": "Truststore (name: my-truststore) is not found!"}),
        json!({"error": "bad_request", "error_description": "Credential (username: api-user) was not found!"}),
        json!({"error": "unauthorized_client", "error_description": "Invalid token"}),
        json!({"error": "not_found", "error_description": "ApiProxy (name: MyAPI) was not found!"}),
        json!({"error": "not_found", "error_description":
            "Project(MyProject) was not found or user does not have privilege to access it!"}),
    ]
}

/// `mtlslint.json`: the rules' codes and names complete, with their summaries.
fn config(draft: Draft) -> Value {
    let mut schema = plain::<Config>(draft);
    // A default is had by leaving a key out: the reader refuses `null`.
    without_null_anywhere(&mut schema);
    name_the_rules(&mut schema["properties"]["rules"]);
    schema
}

/// Completes the configuration schema's `rules` object from the rule table:
/// the rules' codes and names as its `propertyNames`, and under each code its
/// `additionalProperties` (a level) described by the rule's summary. The wasm
/// package serves the schema without them and completes it with this, which
/// spares the module 25 KB of JSON that repeats one level 43 times.
#[doc(hidden)]
pub fn name_the_rules(rules: &mut Value) {
    let level = rules["additionalProperties"].clone();
    let names: Vec<&str> = crate::rules::all().flat_map(|rule| [rule.code, rule.name]).collect();
    rules["propertyNames"] = json!({"enum": names});
    for rule in crate::rules::all() {
        let mut property = level.clone();
        let mut description = format!("{} `{}`: {}", rule.code, rule.name, rule.summary());
        if let Some(unseen) = rule.gates {
            description = format!("{description} It cannot be off: {unseen} would pass unseen.");
            // Lowered, not off, as the configuration reads it; listed under its
            // name too, which `additionalProperties` (any level) would take otherwise.
            let off = property["enum"].as_array().and_then(|levels| levels.iter().position(|l| l == "off"));
            for key in ["enum", "enumDescriptions", "markdownEnumDescriptions"] {
                if let (Some(levels), Some(off)) = (property[key].as_array_mut(), off) {
                    levels.remove(off);
                }
            }
        }
        property["description"] = description.into();
        property["markdownDescription"] = property["description"].clone();
        if rule.gates.is_some() {
            rules["properties"][rule.name] = property.clone();
        }
        rules["properties"][rule.code] = property;
    }
}

fn inventory(draft: Draft) -> Value {
    let mut schema = plain::<InventoryFile>(draft);
    // A name is a string: the reader does not take `null` for one.
    without_null_anywhere(&mut schema);
    with_examples(
        schema,
        [
            json!({"status": "SUCCESS", "resultList": [{"name": "ks-prod", "projectId": "p-1"}, {"name": "ts-backend"}]}),
            json!(["ks-prod", "ts-backend"]),
        ],
    )
}

/// The two bodies of the API documentation's examples.
fn seed_bodies() -> [Value; 2] {
    [
        json!({
            "enabled": true,
            "keyStoreId": "keystore-id-123",
            "trustStoreId": "truststore-id-456",
            "supportedProtocolList": ["TLS_1_2", "TLS_1_3"],
            "hostnameVerifierType": "STRICT"
        }),
        json!({
            "enabled": true,
            "keyStoreId": "keystore-id-123",
            "supportedProtocolList": ["TLS_1_2"],
            "hostnameVerifierType": "DEFAULT"
        }),
    ]
}

/// The blank characters (`body::is_blank`): Unicode's white space, U+200B
/// and U+FEFF, written out, as every dialect's `\s` differs (Python's takes
/// U+001C to U+001F, JavaScript's leaves out U+0085).
macro_rules! blank {
    () => {
        "\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
    };
}

/// An id that holds a character that is not blank.
const NOT_BLANK_PATTERN: &str = concat!("[^", blank!(), "]");

/// An id that is not blank but begins or ends with a blank character
/// (`body::unpadded`), written as what is refused: `[blank]+$` finds blank
/// last characters in every dialect, where `[^blank]$` would let Python's
/// `$`, which may match before a final newline, accept `"ks-1\n"`.
const PADDED_PATTERN: &str = concat!("^[", blank!(), "]+[^", blank!(), "]|[^", blank!(), "][", blank!(), "]+$");

/// A template's placeholder left for an id (`redact::is_name_placeholder`):
/// `<id>`, `{id}`, `{{id}}`, `${ID}`, `$ID`, `YOUR_ID`, `$env:ID`, `$(command)`.
const PLACEHOLDER_PATTERN: &str = concat!(
    r"^(<[^<>{}]*>|\{[^<>{}]*\}|\{\{[^<>{}]*\}\}|\$\{[^<>{}]*\}|\$[A-Z0-9_]+|YOUR_[A-Z0-9_]+",
    r"|\$(env:)?[A-Za-z_][A-Za-z0-9_]*|\$\([\s\S]*\))$"
);

fn mtls_settings(draft: Draft) -> Value {
    let mut schema = draft.generate::<MtlsSettings>();
    // Strict like the production profile: `null` is no value of any field (rule S006).
    for property in schema["properties"].as_object_mut().into_iter().flat_map(|p| p.values_mut()) {
        without_null(property);
    }
    let properties = &mut schema["properties"];
    properties["enabled"]["default"] = false.into();
    for (field, store) in [("keyStoreId", "keystore"), ("trustStoreId", "truststore")] {
        // Not blank, and no white space around it (rule S007).
        properties[field]["pattern"] = NOT_BLANK_PATTERN.into();
        properties[field]["patternErrorMessage"] =
            format!("write the id of a {store} uploaded to the project; an empty or blank id names no store").into();
        // Its own message, for VS Code, which reads `errorMessage` beside a `not`.
        properties[field]["allOf"] = json!([
            {
                // Of a string: a `pattern` alone passes any other value, which `not` would then refuse.
                "not": {"type": "string", "pattern": PADDED_PATTERN},
                "errorMessage": "remove the white space around the id: no store is named with it",
            },
            {
                "not": {"type": "string", "pattern": PLACEHOLDER_PATTERN},
                "errorMessage": format!("replace the placeholder with the id of a {store} uploaded to the project: \
                                         the server looks it up as written"),
            },
        ]);
    }
    // Any value, as for the linter (rule S001 passes over the key).
    properties["$schema"] = json!({
        "description": "The JSON Schema of this file, for editors; the server ignores it.",
    });
    let [full, keystore_only] = seed_bodies();
    let object = schema.as_object_mut().expect("a struct's schema is an object");
    object.insert("title".into(), "mTLS settings".into());
    object.insert(
        "description".into(),
        "Body of PATCH /apiops/projects/{projectName}/apiProxies/{apiProxyName}/settings/mtls/. Only the fields \
         sent are updated. When `enabled` is true, `keyStoreId` is required. This schema checks the body's shape, \
         with types as strict as mtlslint's production profile: it rejects values the server would convert \
         (\"true\" for true, 123 for \"123\") and explicit nulls. What the settings do (NOOP verification, SSL 3.0, \
         TLS 1.0 and 1.1) is for mtlslint to judge."
            .into(),
    );
    object.insert("if".into(), json!({"properties": {"enabled": {"const": true}}, "required": ["enabled"]}));
    // `required` for every validator; the double negation carries the server's
    // message to editors that show `errorMessage`.
    object.insert(
        "then".into(),
        json!({
            "required": ["keyStoreId"],
            "not": {"not": {"required": ["keyStoreId"]}},
            "errorMessage": KEYSTORE_REQUIRED,
        }),
    );
    // What an editor inserts draws no warning: the documentation's `STRICT` is deprecated (rule H003).
    let mut recommended = full.clone();
    recommended["hostnameVerifierType"] = "DEFAULT".into();
    object.insert("examples".into(), json!([full, keystore_only]));
    object.insert(
        "defaultSnippets".into(),
        json!([
            {"label": "Enable mTLS with a keystore and a truststore", "body": recommended},
            {"label": "Enable mTLS with a keystore only", "body": keystore_only},
            {"label": "Disable mTLS", "body": {"enabled": false}},
        ]),
    );
    with_markdown(&mut schema);
    schema
}

/// Drops `null` from a generated `Option`'s type, enum or alternatives.
fn without_null(schema: &mut Value) {
    if let Some(alternatives) = schema.get_mut("anyOf").and_then(Value::as_array_mut) {
        alternatives.retain(|alternative| alternative.get("type").is_none_or(|t| t != "null"));
        if let [Value::Object(_)] = alternatives.as_slice() {
            let Some(Value::Object(single)) = alternatives.pop() else { unreachable!() };
            let object = schema.as_object_mut().expect("a schema with `anyOf` is an object");
            object.remove("anyOf");
            for (key, value) in single {
                object.entry(key).or_insert(value);
            }
        }
    }
    if let Some(types) = schema.get_mut("type").and_then(Value::as_array_mut) {
        types.retain(|t| t != "null");
        if let [single] = types.as_slice() {
            schema["type"] = single.clone();
        }
    }
    if let Some(values) = schema.get_mut("enum").and_then(Value::as_array_mut) {
        values.retain(|v| !v.is_null());
    }
}

fn without_null_anywhere(schema: &mut Value) {
    without_null(schema);
    match schema {
        Value::Object(object) => object.values_mut().for_each(without_null_anywhere),
        Value::Array(items) => items.iter_mut().for_each(without_null_anywhere),
        _ => {}
    }
}

/// Gives every schema with a `description` the same text as `markdownDescription`
/// (the doc comments are Markdown already), which VS Code renders on hover.
fn with_markdown(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if let Some(description) = object.get("description").cloned() {
                object.entry("markdownDescription").or_insert(description);
            }
            object.values_mut().for_each(with_markdown);
        }
        Value::Array(items) => items.iter_mut().for_each(with_markdown),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_dialects_round_trip() {
        for draft in Draft::ALL {
            assert_eq!(Draft::from_name(draft.name()), Some(draft));
        }
        assert_eq!(Draft::from_name("draft-07"), Some(Draft::Draft07));
        assert_eq!(Draft::from_name("04"), None);
        assert_eq!(suggest("mtls-setting"), Some("mtls-settings"));
    }

    #[test]
    fn body_schema_has_no_null_and_requires_a_keystore_when_enabled() {
        let schema = find("mtls-settings").unwrap().generate(Draft::Draft2020_12);
        let text = schema.to_string();
        assert!(!text.contains("\"null\""), "{text}");
        assert_eq!(schema["then"]["errorMessage"], KEYSTORE_REQUIRED);
        assert_eq!(schema["additionalProperties"], false);
    }
}
