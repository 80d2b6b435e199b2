use crate::body::Field;
use crate::model::FIELDS;
use crate::rules::{Checker, Memo, rule};
use crate::syntax::Value;

rule! {
    /// An empty or blank `keyStoreId` or `trustStoreId`.
    ///
    /// ## What it does
    /// Reports a store id that is `""` or only white space.
    ///
    /// ## Why is this bad?
    /// No store has an empty id. With mTLS enabled the server rejects the
    /// request (`KeyStore ID is required when mTLS is enabled`); an empty
    /// truststore id is at best ignored. It usually means a template
    /// variable was not filled in.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "  "}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "S007", "empty-id", standard: ERROR, production: ERROR, fix: None,
}

static EMPTY: Memo<5> = Memo::new();
static BLANK: Memo<5> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for (field, member) in body.known() {
        let Value::String(id) = &member.value.value else {
            continue;
        };
        if matches!(field, Field::KeyStoreId | Field::TrustStoreId) && crate::body::is_blank(id) {
            let message = if id.is_empty() {
                EMPTY.get(field as usize, |i| format!("`{}` is empty", FIELDS[i]))
            } else {
                BLANK.get(field as usize, |i| format!("`{}` is blank", FIELDS[i]))
            };
            let help = if field == Field::KeyStoreId {
                "write the id of a keystore uploaded to the project, or leave the field out"
            } else {
                "write the id of a truststore uploaded to the project, or leave the field out"
            };
            checker.report(&RULE, body.span(member.value.span), body.pointer(&member.key), message).help(help);
        }
    }
}
