use crate::body::Field;
use crate::model::FIELDS;
use crate::redact::{how_to_fill, is_name_placeholder};
use crate::rules::shape::quoted;
use crate::rules::{Checker, Memo, rule};
use crate::syntax::Value;

rule! {
    /// An empty or blank `keyStoreId` or `trustStoreId`, one with white space around it, or a placeholder.
    ///
    /// ## What it does
    /// Reports a store id that is `""` or only white space, one that
    /// begins or ends with white space (`" ks-1"`, `"ks-1\n"`), as a form
    /// field or a template leaves it, and a template's placeholder left
    /// unfilled (`"{{ks}}"`, `"${KS}"`, `"<keystore-id>"`, `"YOUR_KEYSTORE_ID"`) that no given
    /// inventory lists.
    ///
    /// ## Why is this bad?
    /// No store has an empty id. With mTLS enabled the server rejects the
    /// request (`KeyStore ID is required when mTLS is enabled`); an empty
    /// truststore id is at best ignored. It usually means a template
    /// variable was not filled in. The server looks an id up as written:
    /// with white space around it, it names no store but one named with
    /// that white space (when a given inventory lists one so, this rule
    /// stays silent).
    ///
    /// ## Example
    /// ```json
    /// {"enabled": true, "keyStoreId": "  ", "trustStoreId": "ts-1 "}
    /// ```
    ///
    /// ```json
    /// {"enabled": true, "keyStoreId": "{{keystore}}", "trustStoreId": "${TRUSTSTORE_ID}"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "ts-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: only you know the store (the help writes an id without the
    /// white space around it, and says how a placeholder is filled in).
    "S007", "empty-id", standard: ERROR, production: ERROR, fix: None,
}

static EMPTY: Memo<5> = Memo::new();
static BLANK: Memo<5> = Memo::new();
static PADDED: Memo<5> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for (field, member) in body.known() {
        let Value::String(id) = &member.value.value else {
            continue;
        };
        if !matches!(field, Field::KeyStoreId | Field::TrustStoreId) {
            continue;
        }
        let span = body.span(member.value.span);
        let pointer = body.pointer(&member.key);
        let store = if field == Field::KeyStoreId { "keystore" } else { "truststore" };
        if crate::body::is_blank(id) {
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
            checker.report(&RULE, span, pointer, message).help(help);
        } else if let Some(trimmed) = crate::body::unpadded(id)
            && !checker.context.store_inventories().any(|inventory| inventory.lists(id))
        {
            let message = PADDED.get(field as usize, |i| {
                format!("`{}` has white space around it, which the server keeps as part of the id", FIELDS[i])
            });
            // A placeholder with white space around it is still no id: trimmed, it is to be filled in.
            let help = if is_name_placeholder(trimmed) {
                // Filled in as it stands, it would keep the white space: no `how_to_fill` here.
                format!(
                    "replace `{trimmed}` with the id of a {store} uploaded to the project, with no white space around it"
                )
            } else {
                ["write ", &quoted(trimmed)].concat()
            };
            checker.report(&RULE, span, pointer, message).help(help);
        } else if is_name_placeholder(id) && !checker.context.store_inventories().any(|inventory| inventory.lists(id)) {
            // The server looks `{{ks}}` up as written: no store is named so, unless an inventory lists one.
            let message = format!("`{}` is `{id}`, a placeholder, not a {store}'s id", field.key());
            let help = format!("replace `{id}` with the id of a {store} uploaded to the project{}", how_to_fill(id));
            checker.report(&RULE, span, pointer, message).help(help);
        }
    }
}
