use crate::body::{Field, Origin};
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

/// The messages for each field, by what keeps mTLS disabled: the body, the current settings, the default.
static MESSAGE: Memo<{ 3 * FIELDS.len() }> = Memo::new();

fn message(index: usize) -> String {
    let field = FIELDS[index % FIELDS.len()];
    match index / FIELDS.len() {
        0 => format!("this body disables mTLS, so `{field}` has no effect until it is enabled"),
        1 => format!("mTLS stays disabled (the current settings), so `{field}` has no effect until it is enabled"),
        // Without the current settings, the proxy is taken to have the defaults: it may have mTLS on.
        _ => format!(
            "`{field}` has no effect while mTLS is disabled, and this body does not enable it (off by default; give the current settings if it is on already)"
        ),
    }
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    if effective.enabled.value || body.unread(Field::Enabled) {
        return;
    }
    let row = match effective.enabled.origin {
        Origin::Body(_) => 0,
        // Current settings that do not set `enabled` leave it off: they are still what keeps it so.
        Origin::Current => 1,
        Origin::Default if checker.context.current.is_some() => 1,
        Origin::Default => 2,
    };
    // Enabling without a keystore would draw the server's "KeyStore ID is required" (M001).
    let keystore = effective.key_store_id.as_ref().is_some_and(|id| !crate::body::is_blank(&id.value));
    // A blank or null `keyStoreId` of the body's own is set, not added (a second one would be J002).
    let written = body.last(Field::KeyStoreId).is_some();
    // The keystore's own finding needs no other keystore: a blank id is S007's to report.
    let help = |field: Field| match (row == 0, keystore || field == Field::KeyStoreId, written) {
        (true, true, _) => "set \"enabled\": true to use it now, or leave it out",
        (false, true, _) => "add \"enabled\": true to use it now, or leave it out",
        (true, false, false) => "set \"enabled\": true and add a \"keyStoreId\" to use it now, or leave it out",
        (false, false, false) => "add \"enabled\": true and a \"keyStoreId\" to use it now, or leave it out",
        (true, false, true) => {
            "set \"enabled\": true and a keystore's id in \"keyStoreId\" to use it now, or leave it out"
        }
        (false, false, true) => {
            "add \"enabled\": true and set a keystore's id in \"keyStoreId\" to use it now, or leave it out"
        }
    };
    // The member the server keeps for each field; a repeat is J002's to report.
    for (field, member) in Field::ALL.into_iter().filter_map(|field| Some((field, body.last(field)?))) {
        // A value the server rejects (`"keyStoreId": {}`) is its shape rule's to report, alone.
        if field != Field::Enabled && member.value.value != Value::Null && !body.unread(field) {
            checker
                .report(
                    &RULE,
                    body.span(member.key_span),
                    body.pointer(&member.key),
                    MESSAGE.get(row * FIELDS.len() + field as usize, message),
                )
                .help(help(field));
        }
    }
}
