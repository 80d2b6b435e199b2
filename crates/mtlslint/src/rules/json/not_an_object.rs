use crate::rules::{Checker, rule};

rule! {
    /// The body is valid JSON but not an object.
    ///
    /// ## What it does
    /// Reports a body that is an array, a string, a number, `true`, `false`
    /// or `null`.
    ///
    /// ## Why is this bad?
    /// The endpoint takes one JSON object with the mTLS settings fields; the
    /// server rejects anything else with `400 Bad Request`.
    ///
    /// ## Example
    /// ```json
    /// [{"enabled": true, "keyStoreId": "ks-1"}]
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"enabled": true, "keyStoreId": "ks-1"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "J004", "not-an-object", standard: ERROR, production: ERROR, fix: None,
    gates: "a body that is not an object",
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    let Some(root) = body.root() else { return };
    if body.effective.is_none() {
        let message = ["the body is ", root.value.type_phrase(), ", not an object"].concat();
        checker
            .report(&RULE, body.span(root.span), body.root_pointer(), message)
            .help("write one object, e.g. `{\"enabled\": true, \"keyStoreId\": \"...\"}`");
    }
}
