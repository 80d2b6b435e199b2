//! H: hostname verification.

pub(crate) mod browser_compat_verifier;
pub(crate) mod hostname_verification_disabled;
pub(crate) mod strict_verifier;

use std::borrow::Cow;

use crate::body::{Field, Origin};
use crate::diagnostic::Applicability;
use crate::model::HostnameVerifier;
use crate::rules::{Checker, Rule};

/// Reports the effective verifier when it is `verifier` and in play, with an unsafe fix to `DEFAULT`.
pub(super) fn report_verifier(
    checker: &mut Checker<'_>,
    rule: &'static Rule,
    verifier: HostnameVerifier,
    message: &'static str,
    help: &'static str,
) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    let setting = &effective.verifier;
    if setting.value != verifier || !setting.in_play(effective.enabled.value) {
        return;
    }
    let message: Cow<'static, str> = match setting.origin {
        Origin::Body(_) => Cow::Borrowed(message),
        Origin::Current => Cow::Owned(format!("{message} (current setting, kept by this PATCH)")),
        Origin::Default => Cow::Owned(format!("{message} (the default when `hostnameVerifierType` is absent)")),
    };
    let (span, pointer) = body.anchor(setting);
    checker.report(rule, span, pointer, message).help(help).fix(
        Applicability::Unsafe,
        "Set `hostnameVerifierType` to `DEFAULT`",
        body.set_member(Field::HostnameVerifierType, "\"DEFAULT\""),
    );
}
