use std::borrow::Cow;

use crate::body::{Field, Origin};
use crate::model::keystore_required_text;
use crate::rules::shape::unknown_field;
use crate::rules::{Checker, rule};

rule! {
    /// mTLS ends up enabled with no keystore.
    ///
    /// ## What it does
    /// Judges the settings the PATCH produces (the current settings, when
    /// given, with the body merged over them) and reports when `enabled` is
    /// `true` but no `keyStoreId` is set, or it is blank. A `keyStoreId` or
    /// `enabled` of a type the server rejects (an array, `"yes"`) is S002's
    /// to report; this rule then stays silent. So it does when the body
    /// gives no `keyStoreId` but misspells it (`keystoreId`) and S001 reports
    /// that as an error, with the spelling to write: renaming the key settles both.
    ///
    /// ## Why is this bad?
    /// The keystore holds the client certificate and private key that mTLS
    /// presents to the backend. The server rejects the request with
    /// `400 Bad Request`: "KeyStore ID is required when mTLS is enabled".
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only you know which keystore to use.
    "M001", "keystore-required", standard: ERROR, production: ERROR, fix: None, fills: "keyStoreId",
}

/// The messages for `keyStoreId` missing, blank and null (in the order of
/// [`KeystoreLack`](crate::body::KeystoreLack)): the server's words,
/// then what is wrong, without and with "mTLS is enabled in the current settings".
macro_rules! messages {
    ($($what:literal),*) => {
        [$([
            concat!(keystore_required_text!(), ": `keyStoreId` ", $what),
            concat!(keystore_required_text!(), ": `keyStoreId` ", $what, " (mTLS is enabled in the current settings)"),
        ]),*]
    };
}

const MESSAGES: [[&str; 2]; 3] = messages!("is missing", "is blank", "is null");

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let (Some(lack), Some(effective)) = (body.keystore_lack(), &body.effective) else {
        return;
    };
    let misspelt = unknown_field::stand_in(body, Field::KeyStoreId);
    // S001 (which runs first) has reported the misspelt key as an error, with the spelling to write.
    if misspelt.is_some() && checker.reported_error(&unknown_field::RULE) {
        return;
    }
    let current = matches!(effective.enabled.origin, Origin::Current);
    let message = MESSAGES[lack as usize][usize::from(current)];
    // With mTLS enabled in the current settings, the body's own blank or null `keyStoreId` is what is at fault.
    let (span, pointer) = body.anchor_or(body.last(Field::KeyStoreId).filter(|_| current), &effective.enabled);
    let help = match misspelt {
        Some(member) => Cow::Owned(format!("the key is spelt `keyStoreId`, not `{}`", member.key)),
        // The body's own blank or null `keyStoreId` is set, not added (a second one would be J002).
        None if body.last(Field::KeyStoreId).is_some() => Cow::Borrowed(
            "set \"keyStoreId\" to the id of a keystore uploaded to the project, or set \"enabled\": false",
        ),
        None => Cow::Borrowed(
            "add \"keyStoreId\" with the id of a keystore uploaded to the project, or set \"enabled\": false",
        ),
    };
    checker.report(&RULE, span, pointer, message).help(help);
}
