use crate::body::Field;
use crate::model::FIELDS;
use crate::rules::{Checker, Memo, rule};
use crate::syntax::Value;

rule! {
    /// Store, protocol or verifier settings sent while mTLS ends up disabled.
    ///
    /// ## What it does
    /// Reports `keyStoreId`, `trustStoreId`, `supportedProtocolList` and
    /// `hostnameVerifierType` in a body after which mTLS is disabled.
    ///
    /// ## Why is this bad?
    /// The settings are stored but have no effect on the backend connection
    /// until mTLS is enabled. Often the author meant to enable it too, and
    /// forgot `"enabled": true` (the default is `false`).
    ///
    /// ## Example
    /// ```json
    /// {"keyStoreId": "ks-1", "hostnameVerifierType": "DEFAULT"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "DEFAULT"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "M002", "ignored-while-disabled", standard: INFO, production: INFO, fix: None,
}

static MESSAGE: Memo<5> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    if effective.enabled.value || body.unread(Field::Enabled) {
        return;
    }
    // The member the server keeps for each field; a repeat is J002's to report.
    for (field, member) in Field::ALL.into_iter().filter_map(|field| Some((field, body.last(field)?))) {
        if field != Field::Enabled && member.value.value != Value::Null {
            checker
                .report(
                    &RULE,
                    body.span(member.key_span),
                    body.pointer(&member.key),
                    MESSAGE.get(field as usize, |i| {
                        format!("mTLS stays disabled, so `{}` has no effect until it is enabled", FIELDS[i])
                    }),
                )
                .help("add \"enabled\": true to use it now, or leave it out");
        }
    }
}
