use crate::body::{Field, Origin};
use crate::diagnostic::Applicability;
use crate::rules::tls::{RECOMMENDED, SET_RECOMMENDED, recommended};
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// mTLS is enabled and the protocol list is empty, which allows every protocol.
    ///
    /// ## What it does
    /// Reports settings that end up with mTLS enabled and an empty (or
    /// absent, hence default `[]`) `supportedProtocolList`. A list given as
    /// something else (a single string, S008) is not absent: its shape rule
    /// reports it, and this rule stays silent.
    ///
    /// ## Why is this bad?
    /// An empty list means all protocols. The gateway runtime enables
    /// `TLSv1`, `TLSv1.1`, `TLSv1.2` and `TLSv1.3` by default, so the
    /// backend connection can be downgraded to deprecated TLS 1.0 or 1.1
    /// (RFC 8996): the JDK's own defaults do not protect you here.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_2", "TLS_1_3"]}
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: it sets `["TLS_1_2", "TLS_1_3"]`, which stops a backend that
    /// speaks only older protocols from connecting.
    "T003", "all-protocols", standard: WARNING, production: ERROR, fix: Unsafe, fills: "supportedProtocolList",
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(effective) = &body.effective else {
        return;
    };
    let protocols = &effective.protocols;
    let empty = match protocols.origin {
        Origin::Body(member) => {
            matches!(&member.value.value, Value::Array(items) if items.is_empty())
        }
        Origin::Current | Origin::Default => protocols.value.is_empty(),
    };
    if !(effective.enabled.value && empty) || body.list_unread() {
        return;
    }
    // A `null` the body sends (S006) stands where the default would apply: it is the value at fault.
    let null = body.sent_null(Field::SupportedProtocolList);
    let message = match (protocols.origin, null) {
        (Origin::Body(_), _) => {
            "`supportedProtocolList` is empty, which allows every protocol, TLS 1.0 and 1.1 included"
        }
        (_, Some(_)) => {
            "`supportedProtocolList` is null: if the server reads it as the default `[]` (its PATCH meaning is \
             undocumented), every protocol is allowed, TLS 1.0 and 1.1 included"
        }
        (Origin::Current, None) => {
            "the current protocol list is empty, which allows every protocol, TLS 1.0 and 1.1 included"
        }
        (Origin::Default, None) => {
            "no `supportedProtocolList`: the default `[]` allows every protocol, TLS 1.0 and 1.1 included"
        }
    };
    let (span, pointer) = body.anchor_or(null, protocols);
    checker.report(&RULE, span, pointer, message).help(concat!("set \"supportedProtocolList\": ", recommended!())).fix(
        Applicability::Unsafe,
        SET_RECOMMENDED,
        body.set_member(Field::SupportedProtocolList, RECOMMENDED),
    );
}
