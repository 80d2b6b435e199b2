use crate::body::{Body, Field, Origin, Reading, read_id};
use crate::context::Inventory;
use crate::diagnostic::Applicability;
use crate::model::FIELDS;
use crate::redact::is_name_placeholder;
use crate::rules::shape::quoted;
use crate::rules::{Checker, rule};
use crate::suggest::nearest;
use crate::syntax::Member;

rule! {
    /// A store id that the supplied keystore inventories do not list.
    ///
    /// ## What it does
    /// When keystore inventories are given (saved List Keystores responses
    /// of the project and the admin project, or arrays of names), checks
    /// that `keyStoreId` and `trustStoreId` name a store in one of them (by
    /// its name, or by its `id` where the listing gives both). A
    /// name that differs only in case is reported with the exact name.
    /// With the current settings given, a store the body keeps from them is
    /// checked too once mTLS ends up enabled: it may have been deleted since.
    ///
    /// ## Why is this bad?
    /// Stores must be created or uploaded before use, and names are matched
    /// case-sensitively: `Prod-KS` is not `prod-ks`. The server rejects the
    /// request, or the proxy fails its first backend call.
    ///
    /// ## Example
    /// With an inventory listing `prod-ks`:
    /// ```json
    /// {"enabled": true, "keyStoreId": "Prod-KS"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "prod-ks"}
    /// ```
    ///
    /// ## Fix safety
    /// Safe when the names differ only in case (and the inventory lists one
    /// such spelling); otherwise no fix.
    "M006", "store-not-found", standard: ERROR, production: ERROR, fix: Sometimes,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let context = checker.context;
    let inventories: Vec<_> = context.store_inventories().collect();
    if inventories.is_empty() {
        return;
    }
    // Only the inventories given were searched.
    let searched = context.keystores_searched();
    for field in [Field::KeyStoreId, Field::TrustStoreId] {
        let store = if field == Field::KeyStoreId { "keystore" } else { "truststore" };
        let Some(member) = body.last(field) else {
            kept(checker, body, None, field, store, &inventories, searched);
            continue;
        };
        let id = match read_id(&member.value) {
            // A number or a boolean is judged as the text the server converts it to (S003).
            Reading::Exact(id) | Reading::Coerced(id) => id,
            // `null` reads as not sent (S006 says its meaning is undocumented): the current store stays.
            Reading::Null => {
                kept(checker, body, Some(member), field, store, &inventories, searched);
                continue;
            }
            Reading::Invalid => continue,
        };
        let Some(lack) = missing(&inventories, &id) else {
            continue;
        };
        let span = body.span(member.value.span);
        let pointer = body.pointer(&member.key);
        // A template's `$KS` or `{{ks}}`, even one an inventory lists in another case: S007 has said it is a placeholder.
        if is_name_placeholder(&id) && checker.reported_at(&crate::rules::shape::empty_id::RULE, &pointer) {
            continue;
        }
        if let Missing::Case(spellings) = lack {
            let listed = crate::rules::listed(&spellings);
            let message = format!("{store} `{id}` not found; names are case-sensitive and the inventory has {listed}");
            let mut finding = checker.report(&RULE, span, pointer, message);
            match spellings[..] {
                [exact] => {
                    let fix = vec![(span, quoted(exact))];
                    finding.help(format!("write \"{exact}\"")).fix(
                        Applicability::Safe,
                        format!("Replace with `{exact}`"),
                        fix,
                    );
                }
                _ => {
                    finding.help(crate::rules::WRITE_ONE_AS_LISTED);
                }
            }
        } else {
            let near = nearest(&id, inventories.iter().flat_map(|inv| inv.names()));
            let help = match (near, context.other_inventory()) {
                (Some(name), _) => format!("did you mean `{name}`? Stores must be created or uploaded before use"),
                (None, Some(other)) => format!("{other}; otherwise create or upload the store first"),
                (None, None) => "create or upload the store first, or use the id of one that exists".into(),
            };
            checker.report(&RULE, span, pointer, format!("{store} `{id}` is not in {searched}")).help(help);
        }
    }
}

/// Checks the store the body leaves as the current settings have it, when
/// mTLS ends up enabled with it: the finding sits on the body's `null`
/// (`null_member`), else on `enabled`.
fn kept(
    checker: &mut Checker<'_>,
    body: &Body<'_>,
    null_member: Option<&Member<'_>>,
    field: Field,
    store: &str,
    inventories: &[&Inventory],
    searched: &str,
) {
    let Some(effective) = &body.effective else { return };
    let kept = if field == Field::KeyStoreId { &effective.key_store_id } else { &effective.trust_store_id };
    let Some(id) = kept.as_ref().filter(|id| matches!(id.origin, Origin::Current)).map(|id| &id.value) else {
        return;
    };
    let Some(lack) = missing(inventories, id).filter(|_| effective.enabled.value) else {
        return;
    };
    let key = FIELDS[field as usize];
    // In place of the body's `null`, or beside the fields it sends.
    let verb = if null_member.is_some() { "write" } else { "add" };
    let (message, help) = match lack {
        // Current settings copied from a template: the proxy has no store of that name.
        _ if is_name_placeholder(id) => (
            format!("{store} `{id}`, kept from the current settings, is a placeholder, not a store's id"),
            format!("{verb} \"{key}\" with a store that exists, or give the current settings as the proxy has them"),
        ),
        Missing::Case(spellings) => (
            format!(
                "{store} `{id}`, kept from the current settings, is not found; names are case-sensitive and the inventory has {}",
                crate::rules::listed(&spellings)
            ),
            match spellings[..] {
                [exact] => format!("{verb} \"{key}\": \"{exact}\""),
                _ => format!("{verb} \"{key}\" with the one meant, exactly as listed"),
            },
        ),
        Missing::Absent => (
            format!("{store} `{id}`, kept from the current settings, is not in {searched}"),
            format!("{verb} \"{key}\" with a store that exists, or create or upload `{id}` first"),
        ),
    };
    let (span, pointer) = body.anchor_or(null_member, &effective.enabled);
    checker.report(&RULE, span, pointer, message).help(help);
}

/// How the inventories lack a store id.
enum Missing<'i> {
    /// Listed in another case: the names as listed (several when it is listed in several cases).
    Case(Vec<&'i str>),
    /// Not listed at all.
    Absent,
}

/// How the inventories lack `id`; `None` when it is listed (or blank, or
/// with white space around it, which S007 reports).
fn missing<'i>(inventories: &[&'i Inventory], id: &str) -> Option<Missing<'i>> {
    if crate::body::is_blank(id) || crate::body::unpadded(id).is_some() || inventories.iter().any(|inv| inv.lists(id)) {
        return None;
    }
    let spellings = crate::rules::case_variants(inventories, id);
    Some(if spellings.is_empty() { Missing::Absent } else { Missing::Case(spellings) })
}
