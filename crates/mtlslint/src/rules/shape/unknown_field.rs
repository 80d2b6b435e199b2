use crate::body::Field;
use crate::diagnostic::Applicability;
use crate::diagnostic::Span;
use crate::model::FIELDS;
use crate::rules::{Checker, Memo, rule};
use crate::suggest::nearest;

rule! {
    /// A key the endpoint does not define.
    ///
    /// ## What it does
    /// Reports every key that is not one of `enabled`, `keyStoreId`,
    /// `trustStoreId`, `supportedProtocolList` and `hostnameVerifierType`,
    /// and suggests the intended one: the same name in another case, a near
    /// spelling, or the field that a name from another revision of the API
    /// (`keyStoreName`, `trustStoreName`) stands for. A `$schema` key, which
    /// editors use to find the JSON Schema, is allowed.
    ///
    /// ## Why is this bad?
    /// Property names are case-sensitive, and Spring's object mapper turns
    /// `FAIL_ON_UNKNOWN_PROPERTIES` off: a misspelt key such as `keystoreId`
    /// is dropped without a word, the call returns 200, and the setting you
    /// meant to change stays as it was.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keystoreId": "ks-1"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// Renaming is safe when the key differs from a field only in case, and
    /// offered as unsafe for a near spelling or another revision's name.
    "S001", "unknown-field", standard: ERROR, production: ERROR, fix: Sometimes,
}

/// Names that other revisions or neighbouring APIs use, and what they mean here.
const OTHER_NAMES: &[(&str, Meaning)] = &[
    ("keyStoreName", Meaning::Field(Field::KeyStoreId)),
    ("trustStoreName", Meaning::Field(Field::TrustStoreId)),
    ("keyStore", Meaning::Field(Field::KeyStoreId)),
    ("trustStore", Meaning::Field(Field::TrustStoreId)),
    ("protocols", Meaning::Field(Field::SupportedProtocolList)),
    ("supportedProtocols", Meaning::Field(Field::SupportedProtocolList)),
    ("protocolList", Meaning::Field(Field::SupportedProtocolList)),
    ("hostnameVerifier", Meaning::Field(Field::HostnameVerifierType)),
    ("hostnameVerification", Meaning::Field(Field::HostnameVerifierType)),
    ("mtlsEnabled", Meaning::Field(Field::Enabled)),
    ("enable", Meaning::Field(Field::Enabled)),
    ("disableSslValidation", Meaning::LaterRevision),
    ("deploy", Meaning::LaterRevision),
    ("deployTargetEnvironmentNameList", Meaning::LaterRevision),
];

#[derive(Clone, Copy)]
enum Meaning {
    Field(Field),
    LaterRevision,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for member in body.unknown() {
        let key = member.key.as_ref();
        if key == "$schema" {
            continue;
        }
        let message = format!("unknown field `{key}`; the server silently drops it");
        let pointer = body.pointer(key);
        let span = body.span(member.key_span);
        let other = OTHER_NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(key)).map(|&(_, meaning)| meaning);
        // Field names need no escapes, so the fix rewrites what is between the quotes.
        let rename = |field: &'static str| [(Span::new(span.start + 1, span.end - 1), field)];
        match other {
            Some(Meaning::LaterRevision) => {
                checker.report(&RULE, span, pointer, message).help(format!(
                    "`{key}` belongs to a later revision of the API, not to this endpoint's contract; remove it"
                ));
            }
            Some(Meaning::Field(field)) => {
                let field = field.key();
                checker.report(&RULE, span, pointer, message).help(format!("this endpoint calls it `{field}`")).fix(
                    Applicability::Unsafe,
                    format!("Rename to `{field}`"),
                    rename(field),
                );
            }
            None => match nearest(key, FIELDS) {
                Some(field) if field.eq_ignore_ascii_case(key) => {
                    checker
                        .report(&RULE, span, pointer, message)
                        .help(format!("names are case-sensitive: write `{field}`"))
                        .fix(Applicability::Safe, format!("Rename to `{field}`"), rename(field));
                }
                Some(field) => {
                    checker.report(&RULE, span, pointer, message).help(format!("did you mean `{field}`?")).fix(
                        Applicability::Unsafe,
                        format!("Rename to `{field}`"),
                        rename(field),
                    );
                }
                None => {
                    static HELP: Memo<1> = Memo::new();
                    let help = HELP.get(0, |_| {
                        format!("the fields are {}; remove this one", FIELDS.map(|f| format!("`{f}`")).join(", "))
                    });
                    checker.report(&RULE, span, pointer, message).help(help);
                }
            },
        }
    }
}
