use crate::model::FIELDS;
use crate::rules::{Checker, Memo, rule};
use crate::syntax::Value;

rule! {
    /// A field set to `null`.
    ///
    /// ## What it does
    /// Reports `null` as the value of any mTLS settings field.
    ///
    /// ## Why is this bad?
    /// The endpoint updates only the fields it is sent, and what an explicit
    /// `null` does is not documented: it may clear the setting, reset it to
    /// its default, or be ignored. mtlslint judges the rest of the body as if
    /// the field were absent.
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "trustStoreId": null}
    /// ```
    ///
    /// ## Use instead
    /// Leave the field out to keep its current value:
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: whether you meant to clear the setting is not clear.
    "S006", "null-value", standard: WARNING, production: ERROR, fix: None,
}

static MESSAGE: Memo<5> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for (field, member) in body.known() {
        if member.value.value == Value::Null {
            checker
                .report(
                    &RULE,
                    body.span(member.value.span),
                    body.pointer(&member.key),
                    MESSAGE.get(field as usize, |i| {
                        format!("`{}` is null; what null means to this PATCH is not documented", FIELDS[i])
                    }),
                )
                .help("leave the field out to keep its current value, or write a value");
        }
    }
}
