//! H: hostname verification.

pub(crate) mod browser_compat_verifier;
pub(crate) mod hostname_verification_disabled;
pub(crate) mod strict_verifier;

use crate::body::{Field, Origin};
use crate::diagnostic::Applicability;
use crate::model::HostnameVerifier;
use crate::rules::{Checker, Rule};

/// A finding's message for each place the verifier comes from.
#[derive(Clone, Copy)]
pub(super) struct Messages {
    pub(super) body: &'static str,
    pub(super) current: &'static str,
    pub(super) default: &'static str,
    /// As the default, where the body sends `null` (S006): its meaning is undocumented.
    pub(super) null: &'static str,
}

/// The [`Messages`] of one text: as sent, as kept from the current settings,
/// and as the default. Only NOOP is the default, so only its rule words that apart.
macro_rules! messages {
    ($text:literal) => {
        $crate::rules::hostname::messages!($text, default: $text, null: $text)
    };
    ($text:literal, default: $default:expr, null: $null:expr) => {
        $crate::rules::hostname::Messages {
            body: $text,
            current: concat!($text, " (current setting, kept by this PATCH)"),
            default: $default,
            null: $null,
        }
    };
}
pub(super) use messages;

/// Reports the effective verifier when it is `verifier` and in play, with an unsafe fix to `DEFAULT`.
pub(super) fn report_verifier(
    checker: &mut Checker<'_>,
    rule: &'static Rule,
    verifier: HostnameVerifier,
    messages: Messages,
    help: &'static str,
) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    let setting = &effective.verifier;
    if setting.value != verifier
        || !setting.in_play(effective.enabled.value)
        || body.unread(Field::HostnameVerifierType)
    {
        return;
    }
    // A `null` the body sends (S006) stands where the kept or default verifier applies: it is the value at fault.
    let null = body.sent_null(Field::HostnameVerifierType);
    let message = match (setting.origin, null) {
        (Origin::Body(_), _) => messages.body,
        (Origin::Current, _) => messages.current,
        (Origin::Default, Some(_)) => messages.null,
        (Origin::Default, None) => messages.default,
    };
    let (span, pointer) = body.anchor_or(null, setting);
    checker.report(rule, span, pointer, message).help(help).fix(
        Applicability::Unsafe,
        "Set `hostnameVerifierType` to `DEFAULT`",
        body.set_member(Field::HostnameVerifierType, "\"DEFAULT\""),
    );
}
