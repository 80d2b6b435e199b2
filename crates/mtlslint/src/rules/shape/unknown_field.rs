use crate::body::{Body, Field};
use crate::diagnostic::Applicability;
use crate::diagnostic::Span;
use crate::model::{FIELDS, keystore_required_text};
use crate::rules::{Checker, Memo, rule};
use crate::suggest::nearest_in;
use crate::syntax::{Member, Value};

rule! {
    /// A key the endpoint does not define.
    ///
    /// ## What it does
    /// Reports every key that is not one of `enabled`, `keyStoreId`,
    /// `trustStoreId`, `supportedProtocolList` and `hostnameVerifierType`,
    /// and suggests the intended one: the same name in another case, a near
    /// spelling, or the field that a name from another revision of the API
    /// (`keyStoreName`, `trustStoreName`) stands for. A `$schema` key, which
    /// editors use to find the JSON Schema, is allowed. A `resultList` says
    /// the file is a saved List Keystores or List Credentials response, to be
    /// given as an inventory instead.
    ///
    /// ## Why is this bad?
    /// Property names are case-sensitive, and Spring's object mapper turns
    /// `FAIL_ON_UNKNOWN_PROPERTIES` off: a misspelt key such as `keystoreId`
    /// is dropped without a word, the call returns 200, and the setting you
    /// meant to change stays as it was. Where the dropped key is the
    /// keystore of settings that enable mTLS, as in the example, the server
    /// then refuses the body ("KeyStore ID is required when mTLS is
    /// enabled"): the message says so, and M001 leaves the finding to this rule.
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
    /// offered as unsafe for a near spelling or another revision's name. No
    /// rename is offered when the body already gives that field, or when
    /// another key here stands for it too: the key would repeat, and the
    /// server would take the renamed value.
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

static RENAME: Memo<{ FIELDS.len() }> = Memo::new();
static CALLED: Memo<{ FIELDS.len() }> = Memo::new();
static CASE: Memo<{ FIELDS.len() }> = Memo::new();
static NEAR: Memo<{ FIELDS.len() }> = Memo::new();
static GIVEN: Memo<{ FIELDS.len() }> = Memo::new();
static RIVAL: Memo<{ FIELDS.len() }> = Memo::new();

/// What an unknown key may stand for: another name of a field (or of a later
/// revision's setting), else the field it is nearest.
fn reading(key: &str) -> (Option<Meaning>, Option<Field>) {
    let other = OTHER_NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(key)).map(|&(_, meaning)| meaning);
    let near = if other.is_none() { nearest_in(key, &FIELDS).and_then(Field::from_key) } else { None };
    match other {
        Some(Meaning::Field(field)) => (other, Some(field)),
        _ => (other, near),
    }
}

/// The key that stands for `field` (`keystoreId` or `keyStoreName` for
/// `keyStoreId`, `HostnameVerifierType`) in a body that does not give `field`
/// itself: the server drops it (settings that enable mTLS then have no
/// keystore), and this rule's fix renames it.
pub(crate) fn stand_in<'b>(body: &'b Body<'_>, field: Field) -> Option<&'b Member<'b>> {
    if body.last(field).is_some() {
        return None;
    }
    body.unknown().find(|member| reading(&member.key).1 == Some(field))
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    // Two keys that both stand for one field cannot both be renamed to it.
    let mut claims = [0_u8; FIELDS.len()];
    for member in body.unknown() {
        if let (_, Some(field)) = reading(&member.key) {
            claims[field as usize] = claims[field as usize].saturating_add(1);
        }
    }
    for member in body.unknown() {
        let key = member.key.as_ref();
        if key == "$schema" {
            continue;
        }
        let (other, meant) = reading(key);
        // Dropped, a stand-in for a `keyStoreId` the body does not give leaves settings that
        // enable mTLS without a keystore: the server refuses the body (M001 leaves that to this rule).
        let refused = meant == Some(Field::KeyStoreId)
            && body.last(Field::KeyStoreId).is_none()
            && body.keystore_lack().is_some();
        let consequence = if refused {
            concat!("; the server drops it, then refuses the body: ", keystore_required_text!())
        } else {
            "; the server most likely drops it without an error"
        };
        let message = ["unknown field `", key, "`", consequence].concat();
        let pointer = body.pointer(key);
        let span = body.span(member.key_span);
        // Field names need no escapes, so the fix rewrites what is between the quotes.
        let rename = |field: &'static str| [(Span::new(span.start + 1, span.end - 1), field)];
        // Texts that name a field are formatted once per field.
        let title = |field: Field| RENAME.get(field as usize, |i| format!("Rename to `{}`", FIELDS[i]));
        let near = if other.is_none() { meant } else { None };
        // Renamed, the key would repeat one the body gives, and the server would take it instead.
        if let Some(field) = meant.filter(|&field| body.last(field).is_some()) {
            let help = GIVEN.get(field as usize, |i| format!("`{}` is already given; remove this key", FIELDS[i]));
            checker.report(&RULE, span, pointer, message).help(help);
            continue;
        }
        if let Some(field) = meant.filter(|&field| claims[field as usize] > 1) {
            let help = RIVAL.get(field as usize, |i| {
                format!("another key here also stands for `{}`: keep one of them, spelt `{}`", FIELDS[i], FIELDS[i])
            });
            checker.report(&RULE, span, pointer, message).help(help);
            continue;
        }
        // A saved List Keystores or List Credentials response, linted as a body.
        if key == "resultList" {
            checker.report(&RULE, span, pointer, message).help(
                "`resultList` is what List Keystores and List Credentials return: this is a saved response, \
                 not a settings body; give it as a keystore or credential inventory instead",
            );
            continue;
        }
        match other {
            Some(Meaning::LaterRevision) => {
                checker.report(&RULE, span, pointer, message).help(format!(
                    "`{key}` belongs to a later revision of the API, not to this endpoint's contract; remove it"
                ));
            }
            Some(Meaning::Field(field)) => {
                let help = CALLED.get(field as usize, |i| format!("this endpoint calls it `{}`", FIELDS[i]));
                checker.report(&RULE, span, pointer, message).help(help).fix(
                    Applicability::Unsafe,
                    title(field),
                    rename(field.key()),
                );
            }
            None => match near {
                // `"Enabled": true` renamed enables mTLS: without a keystore, the server then refuses the body.
                Some(Field::Enabled)
                    if key.eq_ignore_ascii_case("enabled")
                        && member.value.value == Value::Bool(true)
                        && body.last(Field::Enabled).is_none()
                        && body.lacks_keystore()
                        // A misspelt `"KeyStoreId"` beside it is renamed by its own finding.
                        && stand_in(body, Field::KeyStoreId).is_none() =>
                {
                    // A blank `keyStoreId` is there to be set; a missing one, to be added.
                    let help = match body.last(Field::KeyStoreId) {
                        Some(_) => {
                            "names are case-sensitive: write `enabled`, and set \"keyStoreId\" to a \
                                    keystore's id: the server requires one once mTLS is enabled"
                        }
                        None => {
                            "names are case-sensitive: write `enabled`, and add \"keyStoreId\": the server \
                                 requires it once mTLS is enabled"
                        }
                    };
                    checker.report(&RULE, span, pointer, message).help(help).fix(
                        Applicability::Safe,
                        title(Field::Enabled),
                        rename(Field::Enabled.key()),
                    );
                }
                Some(field) if field.key().eq_ignore_ascii_case(key) => {
                    let help = CASE.get(field as usize, |i| format!("names are case-sensitive: write `{}`", FIELDS[i]));
                    checker.report(&RULE, span, pointer, message).help(help).fix(
                        Applicability::Safe,
                        title(field),
                        rename(field.key()),
                    );
                }
                Some(field) => {
                    let help = NEAR.get(field as usize, |i| format!("did you mean `{}`?", FIELDS[i]));
                    checker.report(&RULE, span, pointer, message).help(help).fix(
                        Applicability::Unsafe,
                        title(field),
                        rename(field.key()),
                    );
                }
                None => {
                    static HELP: Memo<1> = Memo::new();
                    let help = HELP.get(0, |_| format!("the fields are `{}`; remove this one", FIELDS.join("`, `")));
                    checker.report(&RULE, span, pointer, message).help(help);
                }
            },
        }
    }
}
