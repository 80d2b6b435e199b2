use std::borrow::Cow;

use crate::body::{Field, Reading, read_bool, read_id};
use crate::diagnostic::Applicability;
use crate::rules::shape::{describe, quoted};
use crate::rules::{Checker, rule};

rule! {
    /// A value of another type that the server silently converts.
    ///
    /// ## What it does
    /// Reports `enabled` written as a string (`"true"`) or a number (`1`),
    /// and store ids written as numbers or booleans.
    ///
    /// ## Why is this bad?
    /// Jackson coerces scalars by default: `"true"` and `1` become `true`,
    /// `0` becomes `false`, `123` becomes `"123"`. The request works, but
    /// the text says something other than what the proxy gets, a template
    /// that renders `"False"` may not mean what it seems, and a stricter
    /// server revision would reject it.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": "true", "keyStoreId": 123}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "123"}
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix writes the value the server would have used.
    "S003", "coerced-value", standard: WARNING, production: ERROR, fix: Safe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for (field, member) in body.known() {
        let node = &member.value;
        // Booleans have two spellings, so their texts need no formatting.
        let (replacement, help, title): (Cow<'static, str>, Cow<'static, str>, Cow<'static, str>) = match field {
            Field::Enabled => match read_bool(node) {
                Reading::Coerced(true) => ("true".into(), "write true".into(), "Replace with true".into()),
                Reading::Coerced(false) => ("false".into(), "write false".into(), "Replace with false".into()),
                _ => continue,
            },
            Field::KeyStoreId | Field::TrustStoreId => match read_id(node) {
                Reading::Coerced(value) => {
                    let json = quoted(&value);
                    let (help, title) = (["write ", &json].concat(), ["Replace with ", &json].concat());
                    (json.into(), help.into(), title.into())
                }
                _ => continue,
            },
            Field::SupportedProtocolList | Field::HostnameVerifierType => continue,
        };
        let span = body.span(node.span);
        let found = describe(node, checker.slice(span));
        checker
            .report(
                &RULE,
                span,
                body.pointer(&member.key),
                ["`", &member.key, "` is ", &found, "; the server converts it to ", &replacement].concat(),
            )
            .help(help)
            .fix(Applicability::Safe, title, [(span, replacement)]);
    }
}
