//! Form validation: a form's field values become the call they describe,
//! the core lints that call, and each finding goes back to the field it is
//! about, so that a form can show every message beside its input.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use mtlslint::model::FIELDS;
use mtlslint::{Diagnostic, Endpoint, Linter, MASKED_TOKEN, Request, Summary, rules};
use serde::Serialize;
use serde_json::Value;
use tsify::Tsify;

/// What `validateForm` returns.
#[derive(Debug, Serialize, Tsify)]
pub struct FormReport {
    /// Findings by the field they are about. Every field passed in has an
    /// entry, empty when the field is fine, so a form can clear old messages.
    /// A finding about a field left out (no keystore while mTLS is enabled)
    /// is listed under that field, beside the input to fill in. A field
    /// neither passed in nor found at fault has no entry.
    #[tsify(type = "Partial<Record<string, Diagnostic[]>>")]
    pub fields: FindingsByField,
    /// Findings about no single field (the form as a whole).
    pub other: Vec<Diagnostic>,
    /// The body (or, with path names, the whole request) the form describes;
    /// the findings' ranges point into it.
    pub text: String,
    /// How many findings there are of each severity.
    pub summary: Summary,
}

/// Findings by field name, in the names' order, as a `BTreeMap` keeps them:
/// a sorted list, whose code is a fraction of a second `BTreeMap`'s (3 KB
/// of the module beside the one of JSON objects).
#[derive(Debug, Default)]
pub struct FindingsByField(Vec<(String, Vec<Diagnostic>)>);

impl FindingsByField {
    fn find(&self, field: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(name, _)| name.as_str().cmp(field))
    }

    fn contains(&self, field: &str) -> bool {
        self.find(field).is_ok()
    }

    /// The findings of `field`, an empty entry made for it first if it has none.
    fn entry(&mut self, field: String) -> &mut Vec<Diagnostic> {
        let index = self.find(&field).unwrap_or_else(|index| {
            self.0.insert(index, (field, Vec::new()));
            index
        });
        &mut self.0[index].1
    }
}

impl std::ops::Index<&str> for FindingsByField {
    type Output = Vec<Diagnostic>;

    fn index(&self, field: &str) -> &Vec<Diagnostic> {
        &self.0[self.find(field).expect("an entry for the field")].1
    }
}

/// A JSON object, as a `BTreeMap` is written.
impl Serialize for FindingsByField {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(field, findings)| (field, findings)))
    }
}

/// Lints the call `fields` describe. For the mTLS settings form, without
/// path names only the body is linted; with them, the whole PATCH.
pub(crate) fn validate(linter: &Linter, fields: &BTreeMap<String, Value>, endpoint: Endpoint) -> FormReport {
    let paths: Vec<_> = endpoint.parameters().collect();
    let body = body_text(fields.iter().filter(|(key, _)| !paths.contains(&key.as_str())));
    let as_request = endpoint == Endpoint::TruststoreAssignment || paths.iter().any(|p| fields.contains_key(*p));
    let (text, diagnostics) = if as_request {
        // A settings form always sends a body, `{}` when no field is set.
        let body =
            if endpoint == Endpoint::MtlsSettings { Some(body.unwrap_or_else(|| "{}".to_owned())) } else { body };
        let report = linter.lint_request(&request(endpoint, fields, body));
        (report.text, report.diagnostics)
    } else {
        // Credentials typed into a field are hidden as `lint` and `lintRequest`
        // hide them: in the findings, and byte for byte in the text.
        let body = body.unwrap_or_else(|| "{}".to_owned());
        let found = crate::redacted(body.as_bytes(), linter.lint_body(body.as_bytes()));
        (mtlslint::redact(&body).into_owned(), found)
    };
    let summary = Summary::of(&diagnostics);
    let mut report = FormReport { fields: FindingsByField::default(), other: Vec::new(), text, summary };
    // Inserted one by one: collecting would sort them again, with a sort's code (1 KB of the module).
    for key in fields.keys() {
        report.fields.entry(key.clone());
    }
    for diagnostic in diagnostics {
        let field = field_of(&diagnostic.pointer, as_request);
        // A finding about a field left out points at `enabled`, which makes the
        // field needed (or at the body, when the current settings enable mTLS);
        // its rule names the field, or its help asks to add it (M006 on a
        // store kept from the current settings: `add "trustStoreId" ...`),
        // beside whose input it belongs.
        let about_body = diagnostic.pointer.is_empty() || diagnostic.pointer == "/body";
        let asked = || {
            let added = diagnostic.help.as_deref()?.strip_prefix("add \"")?;
            FIELDS.into_iter().find(|field| added.strip_prefix(field).is_some_and(|rest| rest.starts_with('"')))
        };
        let fills = rules::find(diagnostic.code)
            .and_then(|rule| rule.fills)
            .or_else(asked)
            .filter(|_| field.as_deref() == Some("enabled") || about_body);
        // A path name left out (`apiProxyName` is empty) belongs beside its input too.
        let beside =
            fills.map(str::to_owned).or(field.filter(|f| report.fields.contains(f) || paths.contains(&f.as_str())));
        match beside {
            Some(field) => report.fields.entry(field).push(diagnostic),
            None => report.other.push(diagnostic),
        }
    }
    report
}

/// Refuses a path name that is not text (or `null`, left out): a number or
/// an object has no one way to be written into the URL, and written as JSON
/// it would be linted as a name nobody typed. Refuses too a field the
/// truststore form does not have (`userName`): its fields are the path's
/// names, and another would make a body the call does not take.
pub(crate) fn fields_fit(fields: &BTreeMap<String, Value>, endpoint: Endpoint) -> Result<(), String> {
    let names: Vec<_> = endpoint.parameters().collect();
    if endpoint == Endpoint::TruststoreAssignment
        && let Some(key) = fields.keys().find(|key| !names.contains(&key.as_str()))
    {
        let meant = names.iter().find(|name| name.eq_ignore_ascii_case(key));
        let meant = meant.map_or(String::new(), |name| format!("; names are case-sensitive: write `{name}`"));
        return Err(format!("fields.{key}: the truststore assignment's fields are `{}`{meant}", names.join("`, `")));
    }
    for name in names {
        let kind = match fields.get(name) {
            Some(Value::Bool(_)) => "a boolean",
            Some(Value::Number(_)) => "a number",
            Some(Value::Array(_)) => "an array",
            Some(Value::Object(_)) => "an object",
            _ => continue,
        };
        return Err(format!(
            "fields.{name}: a path name is a string, not {kind}; write it as text, such as \"my-name\""
        ));
    }
    Ok(())
}

/// The body the fields describe, known fields first in the API's order; `None` when there are none.
fn body_text<'f>(fields: impl Iterator<Item = (&'f String, &'f Value)>) -> Option<String> {
    let fields: Vec<_> = fields.collect();
    if fields.is_empty() {
        return None;
    }
    // Put in order rank by rank rather than sorted: a sort's code would add 1 KB to the module.
    let rank = |key: &str| FIELDS.iter().position(|f| *f == key).unwrap_or(FIELDS.len());
    let members: Vec<_> =
        (0..=FIELDS.len()).flat_map(|r| fields.iter().filter(move |(key, _)| rank(key) == r)).collect();
    let mut text = String::from("{\n");
    for (index, (key, value)) in members.iter().enumerate() {
        let separator = if index + 1 < members.len() { "," } else { "" };
        let (key, value) = (crate::json_text(&Value::from(key.as_str())), crate::json_text(value));
        let _ = writeln!(text, "  {key}: {value}{separator}");
    }
    text.push('}');
    Some(text)
}

/// The call an application would send for these fields, with its token as a placeholder.
fn request(endpoint: Endpoint, fields: &BTreeMap<String, Value>, body: Option<String>) -> Request {
    let mut url = String::new();
    for segment in endpoint.template() {
        url.push('/');
        match Endpoint::parameter(segment) {
            Some(name) => encode_segment(&mut url, fields.get(name)),
            None => url.push_str(segment),
        }
    }
    url.push('/');
    let mut headers = vec![("Authorization".to_owned(), format!("Bearer {MASKED_TOKEN}"))];
    if body.is_some() {
        // The form's client sends its body as JSON.
        headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
    }
    Request { method: endpoint.method().to_owned(), url, headers, body }
}

/// Percent-encodes a name for a path segment, as a form's client would.
fn encode_segment(url: &mut String, value: Option<&Value>) {
    let text = match value {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => crate::json_text(other),
    };
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
}

/// The field a pointer is about: in a request, the first name under the
/// body or the path; in a body, the first name.
fn field_of(pointer: &str, in_request: bool) -> Option<String> {
    let rest =
        if in_request { pointer.strip_prefix("/body").or_else(|| pointer.strip_prefix("/path"))? } else { pointer };
    let name = rest.strip_prefix('/')?.split('/').next()?;
    Some(name.replace("~1", "/").replace("~0", "~"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(json: &str) -> BTreeMap<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn each_finding_goes_to_its_field() {
        let report =
            validate(&Linter::default(), &fields(r#"{"enabled": true, "keyStoreId": ""}"#), Endpoint::MtlsSettings);
        assert_eq!(report.text, "{\n  \"enabled\": true,\n  \"keyStoreId\": \"\"\n}");
        let codes = |field: &str| report.fields[field].iter().map(|d| d.code).collect::<Vec<_>>();
        assert!(codes("keyStoreId").contains(&"S007"), "{report:?}");
        // An empty id counts as none: mTLS is on without a keystore.
        assert!(codes("keyStoreId").contains(&"M001"), "{report:?}");
        assert_eq!(codes("enabled"), ["M003"], "{report:?}");
        assert!(report.other.is_empty(), "{report:?}");
        assert_eq!(report.summary.errors, 2);
    }

    #[test]
    fn findings_about_a_left_out_field_sit_beside_it() {
        let report = validate(&Linter::default(), &fields(r#"{"enabled": true}"#), Endpoint::MtlsSettings);
        let codes = |field: &str| report.fields[field].iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes("keyStoreId"), ["M001"]);
        assert_eq!(codes("trustStoreId"), ["M004"]);
        assert_eq!(codes("supportedProtocolList"), ["T003"]);
        assert_eq!(codes("hostnameVerifierType"), ["H001"]);
        assert_eq!(codes("enabled"), ["M003"]);
        let present = validate(
            &Linter::default(),
            &fields(r#"{"enabled": true, "keyStoreId": "ks", "hostnameVerifierType": "NOOP"}"#),
            Endpoint::MtlsSettings,
        );
        assert_eq!(present.fields["hostnameVerifierType"][0].code, "H001");
        // mTLS enabled by the current settings: the findings point at the body, and still sit beside their field.
        let current = mtlslint::context::current_settings_from_json(r#"{"enabled": true, "keyStoreId": "ks"}"#);
        let context = mtlslint::Context { current: Some(current.unwrap()), ..Default::default() };
        let linter = Linter::new(mtlslint::Options::default(), context);
        let report = validate(&linter, &fields(r#"{"supportedProtocolList": ["TLS_1_2"]}"#), Endpoint::MtlsSettings);
        assert_eq!(report.fields["trustStoreId"].iter().map(|d| d.code).collect::<Vec<_>>(), ["M004"]);
        assert_eq!(report.fields["hostnameVerifierType"].iter().map(|d| d.code).collect::<Vec<_>>(), ["H001"]);
        assert!(report.other.iter().all(|d| d.code == "M003"), "{:?}", report.other);
    }

    #[test]
    fn a_clean_field_has_an_empty_entry() {
        let report = validate(
            &Linter::default(),
            &fields(r#"{"enabled": true, "keyStoreId": "ks", "hostnameVerifierType": "DEFAULT"}"#),
            Endpoint::MtlsSettings,
        );
        assert_eq!(report.fields["hostnameVerifierType"], []);
        assert_eq!(report.fields["keyStoreId"], []);
    }

    #[test]
    fn path_names_make_a_request_and_get_their_findings() {
        let report = validate(
            &Linter::default(),
            &fields(r#"{"projectName": "P", "apiProxyName": "", "enabled": false}"#),
            Endpoint::MtlsSettings,
        );
        assert!(report.text.starts_with("PATCH /apiops/projects/P/apiProxies//settings/mtls/"), "{}", report.text);
        assert_eq!(report.fields["apiProxyName"][0].code, "R004");
        assert!(report.fields["projectName"].is_empty() && report.other.is_empty(), "{report:?}");
        assert!(!report.text.contains("Bearer x"));
        // A path name left out gets its entry, as a body field left out does.
        let report = validate(&Linter::default(), &fields(r#"{"projectName": "P"}"#), Endpoint::MtlsSettings);
        assert_eq!(report.fields["apiProxyName"][0].code, "R004", "{report:?}");
        assert!(report.other.is_empty(), "{report:?}");
    }

    #[test]
    fn truststore_form_names_are_encoded_and_checked_against_inventories() {
        let context = mtlslint::Context {
            keystores: Some(mtlslint::Inventory::new(["My TS"])),
            credentials: Some(mtlslint::Inventory::new(["api-user"])),
            ..mtlslint::Context::default()
        };
        let linter = Linter::new(mtlslint::Options::default(), context);
        let report = validate(
            &linter,
            &fields(r#"{"projectName": "P", "username": "api-user", "keystoreName": "my ts"}"#),
            Endpoint::TruststoreAssignment,
        );
        assert!(report.text.starts_with("PUT /apiops/projects/P/credentials/api-user/truststore/my%20ts/"));
        let found = &report.fields["keystoreName"];
        assert_eq!(found[0].code, "R008", "{report:?}");
        assert!(found[0].message.contains("My TS"), "{report:?}");
    }

    #[test]
    fn credentials_typed_into_a_form_are_hidden_with_or_without_path_names() {
        for form in [
            r#"{"enabled": "Bearer s3cretTOKEN", "password": "hunter2pass"}"#,
            r#"{"projectName": "P", "apiProxyName": "A", "enabled": "Bearer s3cretTOKEN", "password": "hunter2pass"}"#,
        ] {
            let report = validate(&Linter::default(), &fields(form), Endpoint::MtlsSettings);
            let shown = serde_json::to_string(&report).unwrap();
            assert!(!shown.contains("s3cretTOKEN") && !shown.contains("hunter2pass"), "{shown}");
            let found = &report.fields["enabled"][0];
            assert_eq!(found.code, "S002", "{report:?}");
            assert!(found.message.contains("\"Bearer ***********\""), "{}", found.message);
            // The ranges still point at the same bytes of the text shown.
            let (start, end) = (found.range.start.offset, found.range.end.offset);
            assert_eq!(&report.text[start..end], "\"Bearer ***********\"");
        }
    }

    #[test]
    fn unknown_keys_stay_in_the_body_and_are_reported_by_their_key() {
        let report = validate(&Linter::default(), &fields(r#"{"keystoreId": "ks"}"#), Endpoint::MtlsSettings);
        assert_eq!(report.fields["keystoreId"][0].code, "S001");
    }

    #[test]
    fn a_form_with_only_path_names_reports_only_about_them() {
        let report = validate(
            &Linter::default(),
            &fields(r#"{"projectName": "P", "apiProxyName": "A"}"#),
            Endpoint::MtlsSettings,
        );
        assert!(report.text.ends_with("\n\n{}"), "{}", report.text);
        assert_eq!(report.summary, mtlslint::Summary::default(), "{report:?}");
    }

    #[test]
    fn path_names_that_are_not_text_and_fields_a_form_lacks_are_refused() {
        let refused = |json: &str, endpoint| fields_fit(&fields(json), endpoint).unwrap_err();
        assert_eq!(
            refused(r#"{"projectName": 42, "enabled": false}"#, Endpoint::MtlsSettings),
            r#"fields.projectName: a path name is a string, not a number; write it as text, such as "my-name""#
        );
        assert!(
            refused(r#"{"projectName": "P", "apiProxyName": {"id": 1}}"#, Endpoint::MtlsSettings).contains("an object")
        );
        assert!(refused(r#"{"username": false}"#, Endpoint::TruststoreAssignment).starts_with("fields.username: "));
        assert_eq!(
            refused(r#"{"projectName": "P", "userName": "u"}"#, Endpoint::TruststoreAssignment),
            "fields.userName: the truststore assignment's fields are `projectName`, `username`, `keystoreName`; \
             names are case-sensitive: write `username`"
        );
        assert!(refused(r#"{"enabled": true}"#, Endpoint::TruststoreAssignment).ends_with("`keystoreName`"));
        // Text, `null` and a name left out are read as before; a body field of another type is the linter's to report.
        let accepted = r#"{"projectName": "P", "apiProxyName": null, "enabled": 1}"#;
        assert_eq!(fields_fit(&fields(accepted), Endpoint::MtlsSettings), Ok(()));
        // `username` is no path name of the settings call: it stays in the body.
        assert_eq!(fields_fit(&fields(r#"{"username": 7}"#), Endpoint::MtlsSettings), Ok(()));
    }

    #[test]
    fn pointers_map_to_fields() {
        assert_eq!(field_of("/supportedProtocolList/1", false).as_deref(), Some("supportedProtocolList"));
        assert_eq!(field_of("/headers", false).as_deref(), Some("headers"));
        assert_eq!(field_of("/body/a~1b", true).as_deref(), Some("a/b"));
        assert_eq!(field_of("/path/username", true).as_deref(), Some("username"));
        assert_eq!(field_of("/headers/Authorization", true), None);
        assert_eq!(field_of("/method", true), None);
        assert_eq!(field_of("", false), None);
    }
}
