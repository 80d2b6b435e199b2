//! The typed model of both endpoints. Every fact about a protocol or a
//! hostname verifier lives in one table here; parsing, suggestions, the JSON
//! Schema and the front ends all read it.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::json;

/// A constant of the server's `EnumSSLContextProtocolType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    /// TLS 1.3.
    Tls13,
    /// TLS 1.2.
    Tls12,
    /// TLS 1.1, deprecated by RFC 8996.
    Tls11,
    /// TLS 1.0, deprecated by RFC 8996.
    Tls10,
    /// SSL 3.0, prohibited by RFC 7568.
    Ssl30,
}

/// What the table says about one protocol.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ProtocolInfo {
    /// The protocol.
    #[serde(skip)]
    pub protocol: Protocol,
    /// The constant the API takes, e.g. `TLS_1_2`.
    pub constant: &'static str,
    /// The name Java's `SSLContext` uses, e.g. `TLSv1.2`.
    pub java_name: &'static str,
    /// A readable name, e.g. `TLS 1.2`.
    pub label: &'static str,
    /// Order of the versions, oldest first; consecutive versions differ by one.
    pub rank: u8,
    /// Why not to use it, when it is deprecated or prohibited.
    pub deprecation: Option<&'static str>,
}

/// The protocols in the order the API documentation lists them.
pub const PROTOCOLS: [ProtocolInfo; 5] = [
    ProtocolInfo {
        protocol: Protocol::Tls13,
        constant: "TLS_1_3",
        java_name: "TLSv1.3",
        label: "TLS 1.3",
        rank: 4,
        deprecation: None,
    },
    ProtocolInfo {
        protocol: Protocol::Tls12,
        constant: "TLS_1_2",
        java_name: "TLSv1.2",
        label: "TLS 1.2",
        rank: 3,
        deprecation: None,
    },
    ProtocolInfo {
        protocol: Protocol::Tls11,
        constant: "TLS_1_1",
        java_name: "TLSv1.1",
        label: "TLS 1.1",
        rank: 2,
        deprecation: Some(
            "TLS 1.1 is deprecated (RFC 8996) and disabled by default since JDK 16, 11.0.11 and 8u291; use TLS_1_2 or TLS_1_3",
        ),
    },
    ProtocolInfo {
        protocol: Protocol::Tls10,
        constant: "TLS_1_0",
        java_name: "TLSv1",
        label: "TLS 1.0",
        rank: 1,
        deprecation: Some(
            "TLS 1.0 is deprecated (RFC 8996) and disabled by default since JDK 16, 11.0.11 and 8u291; use TLS_1_2 or TLS_1_3",
        ),
    },
    ProtocolInfo {
        protocol: Protocol::Ssl30,
        constant: "SSL_3_0",
        java_name: "SSLv3",
        label: "SSL 3.0",
        rank: 0,
        deprecation: Some(
            "SSL 3.0 must not be used (RFC 7568); the JDK has disabled it since 8u31; use TLS_1_2 or TLS_1_3",
        ),
    },
];

/// A constant of the server's `EnumHostnameVerifierType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostnameVerifier {
    /// No hostname verification.
    Noop,
    /// RFC 2818 / RFC 6125 verification; the recommended choice.
    Default,
    /// HttpClient's deprecated strict verifier.
    Strict,
    /// HttpClient's deprecated browser-compatible verifier.
    BrowserCompat,
}

/// What the table says about one hostname verifier.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct VerifierInfo {
    /// The verifier.
    #[serde(skip)]
    pub verifier: HostnameVerifier,
    /// The constant the API takes.
    pub constant: &'static str,
    /// What it does, in the API documentation's words.
    pub meaning: &'static str,
    /// Why not to use it, when it is deprecated.
    pub deprecation: Option<&'static str>,
}

/// The hostname verifiers in the order the API documentation lists them.
pub const VERIFIERS: [VerifierInfo; 4] = [
    VerifierInfo {
        verifier: HostnameVerifier::Noop,
        constant: "NOOP",
        meaning: "No hostname verification (not recommended for production)",
        deprecation: None,
    },
    VerifierInfo {
        verifier: HostnameVerifier::Default,
        constant: "DEFAULT",
        meaning: "Default hostname verification (RFC 2818, RFC 6125)",
        deprecation: None,
    },
    VerifierInfo {
        verifier: HostnameVerifier::Strict,
        constant: "STRICT",
        meaning: "Strict hostname verification (documented as an exact match; it accepts single-label wildcards)",
        deprecation: Some("deprecated since HttpClient 4.4 and not the exact match it sounds like; use DEFAULT"),
    },
    VerifierInfo {
        verifier: HostnameVerifier::BrowserCompat,
        constant: "BROWSER_COMPAT",
        meaning: "Browser-compatible hostname verification (allows wildcards)",
        deprecation: Some("deprecated since HttpClient 4.4; its wildcard spans several labels; use DEFAULT"),
    },
];

/// Reads everything about an enum from its table: lookups, serde, JSON Schema.
macro_rules! constant_table {
    ($ty:ident, $table:ident, $info:ident, $field:ident, $schema_name:literal, $describe:expr) => {
        impl $ty {
            /// Every constant, in the documentation's order.
            pub fn all() -> impl Iterator<Item = $ty> {
                $table.iter().map(|info| info.$field)
            }

            /// This constant's row of the table.
            pub fn info(self) -> &'static $info {
                &$table[self as usize]
            }

            /// The API constant, e.g. `TLS_1_2` or `DEFAULT`.
            pub fn constant(self) -> &'static str {
                self.info().constant
            }

            /// The value whose API constant is exactly `constant` (constants are case-sensitive).
            pub fn from_constant(constant: &str) -> Option<Self> {
                $table.iter().find(|info| info.constant == constant).map(|info| info.$field)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.constant())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = Cow::<str>::deserialize(deserializer)?;
                $ty::from_constant(&text).ok_or_else(|| {
                    let expected: Vec<_> = $table.iter().map(|info| info.constant).collect();
                    serde::de::Error::custom(format!("unknown constant; expected one of {}", expected.join(", ")))
                })
            }
        }

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $schema_name.into()
            }

            /// An enum of the constants with their descriptions, plus one `const`
            /// schema each, so that editors mark the deprecated ones. The `const`
            /// schemas carry no description: an editor would show a constant's
            /// in place of the field's when hovering the key, and twice on the value.
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let describe = $describe;
                let constants: Vec<_> = $table.iter().map(|info| info.constant).collect();
                // Each constant's own words, then its deprecation as a sentence, marked in Markdown.
                let (plain, markdown): (Vec<String>, Vec<String>) = $table
                    .iter()
                    .map(|info| {
                        let (plain, markdown): (String, String) = describe(info);
                        let why = sentence(info.deprecation);
                        let mark = if info.deprecation.is_some() { "**Deprecated.** " } else { "" };
                        (format!("{plain}.{why}"), format!("{mark}{markdown}.{why}"))
                    })
                    .unzip();
                let each: Vec<_> = $table
                    .iter()
                    .map(|info| {
                        let mut schema = json!({"const": info.constant});
                        if let Some(why) = info.deprecation {
                            schema["deprecated"] = true.into();
                            schema["deprecationMessage"] = format!("{}: {why}", info.constant).into();
                        }
                        schema
                    })
                    .collect();
                json_schema!({
                    "type": "string",
                    "enum": constants,
                    "enumDescriptions": plain,
                    "markdownEnumDescriptions": markdown,
                    "anyOf": each,
                })
            }
        }
    };
}

/// A deprecation as a sentence: `Deprecated since ...` or `TLS 1.0 is deprecated ...`.
fn sentence(why: Option<&str>) -> String {
    let Some(why) = why else { return String::new() };
    let mut chars = why.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase().to_string()).unwrap_or_default();
    format!(" {first}{}.", chars.as_str())
}

constant_table!(Protocol, PROTOCOLS, ProtocolInfo, protocol, "Protocol", |info: &ProtocolInfo| (
    format!("{}, Java name \"{}\"", info.label, info.java_name),
    format!("{}, Java name `{}`", info.label, info.java_name),
));
constant_table!(HostnameVerifier, VERIFIERS, VerifierInfo, verifier, "HostnameVerifier", |info: &VerifierInfo| (
    info.meaning.to_owned(),
    info.meaning.to_owned(),
));

/// The server's 400 message when mTLS ends up enabled without a keystore,
/// word for word; a macro so that messages can be built on it with `concat!`.
macro_rules! keystore_required_text {
    () => {
        "KeyStore ID is required when mTLS is enabled"
    };
}
pub(crate) use keystore_required_text;

/// The server's 400 message when mTLS ends up enabled without a keystore, word for word.
pub const KEYSTORE_REQUIRED: &str = keystore_required_text!();

/// Body of `PATCH /apiops/projects/{projectName}/apiProxies/{apiProxyName}/settings/mtls/`.
/// Every field is optional: only the fields sent are updated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MtlsSettings {
    /// Enable or disable mTLS for the proxy's backend connections. Default: `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Id of the keystore with the client certificate and private key. Required when `enabled` is `true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_store_id: Option<String>,
    /// Id of the truststore with the certificates that validate the backend's server certificate. Optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_store_id: Option<String>,
    /// Protocols the backend connection may negotiate. Default `[]`: every protocol, TLS 1.0 and 1.1 included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supported_protocol_list: Option<Vec<Protocol>>,
    /// How the backend's host name is checked against its certificate. Default: `NOOP`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname_verifier_type: Option<HostnameVerifier>,
}

macro_rules! fields {
    ($($key:literal),*) => {
        /// The fields of [`MtlsSettings`] as the API spells them.
        pub const FIELDS: [&str; 5] = [$($key),*];
        /// The fields' JSON pointers in a body, and in a request (under `/body`).
        pub(crate) const FIELD_POINTERS: [[&str; 5]; 2] = [[$(concat!("/", $key)),*], [$(concat!("/body/", $key)),*]];
    };
}
fields!("enabled", "keyStoreId", "trustStoreId", "supportedProtocolList", "hostnameVerifierType");

/// Path parameters of `PATCH /apiops/projects/{projectName}/apiProxies/{apiProxyName}/settings/mtls/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "mTLS settings call: path parameters")]
pub struct MtlsSettingsPath {
    /// Project name (case-sensitive).
    #[schemars(length(min = 1))]
    pub project_name: String,
    /// API proxy name (case-sensitive).
    #[schemars(length(min = 1))]
    pub api_proxy_name: String,
}

/// Path parameters of `PUT /apiops/projects/{projectName}/credentials/{username}/truststore/{keystoreName}/`.
/// The call takes no body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "Truststore assignment call: path parameters")]
pub struct TruststoreAssignment {
    /// Project name (case-sensitive).
    #[schemars(length(min = 1))]
    pub project_name: String,
    /// Username of the credential; it must exist.
    #[schemars(length(min = 1))]
    pub username: String,
    /// Name of the truststore (keystore) to assign; it must exist in the project or the admin project. Case-sensitive.
    #[schemars(length(min = 1))]
    pub keystore_name: String,
}

/// Success response of the PATCH mTLS settings call (200 OK).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "mTLS settings call: success response")]
pub struct MtlsSettingsResponse {
    /// `true`: the settings were updated (a failure answers with an error response).
    #[schemars(extend("const" = true))]
    pub success: bool,
}

/// Success response of the PUT truststore assignment call (200 OK): the
/// assignment, then the credential's automatic deployment to every environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "Truststore assignment call: success response")]
pub struct TruststoreAssignmentResponse {
    /// Whether the truststore was assigned; `false` only beside a deployment that failed.
    pub success: bool,
    /// How the credential's deployment went, environment by environment.
    pub deployment_result: DeploymentResult,
}

/// The outcome of deploying to every environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentResult {
    /// Whether every environment deployed; `false` when one failed.
    pub success: bool,
    /// A summary, e.g. "Deployment completed successfully".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// One result per environment.
    #[serde(default)]
    pub environment_results: Vec<EnvironmentResult>,
}

/// The outcome of deploying to one environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentResult {
    /// The environment, e.g. `production`.
    pub environment_name: String,
    /// Whether it deployed there.
    pub success: bool,
    /// What happened there, e.g. "Deployed successfully".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Error response of both calls (400 Bad Request, 401 Unauthorized, 404 Not Found).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Error response of both calls")]
pub struct ErrorResponse {
    /// The error code: `bad_request`, `unauthorized_client` or `not_found`.
    pub error: String,
    /// What went wrong, e.g. "KeyStore ID is required when mTLS is enabled".
    pub error_description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_follow_enum_order() {
        assert!(Protocol::all().enumerate().all(|(i, p)| p as usize == i));
        assert!(HostnameVerifier::all().enumerate().all(|(i, v)| v as usize == i));
        assert_eq!(Protocol::Tls10.info().java_name, "TLSv1");
    }

    #[test]
    fn field_names_are_the_schema_properties() {
        let schema = schemars::schema_for!(MtlsSettings);
        let properties: std::collections::BTreeSet<&str> =
            schema.get("properties").and_then(|p| p.as_object()).unwrap().keys().map(String::as_str).collect();
        assert_eq!(properties, FIELDS.into_iter().collect());
    }

    #[test]
    fn settings_round_trip_through_serde() {
        let text = r#"{"enabled":true,"keyStoreId":"k","supportedProtocolList":["TLS_1_2","TLS_1_3"],"hostnameVerifierType":"STRICT"}"#;
        let settings: MtlsSettings = serde_json::from_str(text).unwrap();
        assert_eq!(settings.supported_protocol_list, Some(vec![Protocol::Tls12, Protocol::Tls13]));
        assert_eq!(serde_json::to_string(&settings).unwrap(), text);
        assert!(serde_json::from_str::<MtlsSettings>(r#"{"keystoreId":"k"}"#).is_err());
        assert!(serde_json::from_str::<MtlsSettings>(r#"{"supportedProtocolList":["TLSv1.2"]}"#).is_err());
    }
}
