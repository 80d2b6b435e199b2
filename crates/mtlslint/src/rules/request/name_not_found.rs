use crate::rules::request::{lookups, parameter_pointer};
use crate::rules::{Checker, rule};
use crate::suggest::nearest;

rule! {
    /// The truststore or credential in the path is in none of the inventories.
    ///
    /// ## What it does
    /// When inventories are given, reports a truststore name absent from the
    /// project's and the admin project's keystores, or a username absent
    /// from the credentials (a case-only difference is `name-case-mismatch`).
    ///
    /// ## Why is this bad?
    /// The truststore must exist in the project or in the admin project, and
    /// the credential must exist; otherwise the server answers
    /// `400 Bad Request` (`Truststore (name: ...) is not found!`,
    /// `Credential (username: ...) was not found!`).
    ///
    /// ## Example
    /// With a keystore inventory listing `my-truststore`:
    /// ```text
    /// PUT /apiops/projects/MyProject/credentials/api-user/truststore/my-trustsore/
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// PUT /apiops/projects/MyProject/credentials/api-user/truststore/my-truststore/
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "R009", "name-not-found", standard: ERROR, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    for lookup in lookups(checker, view) {
        let found = lookup
            .inventories
            .iter()
            .any(|inv| inv.contains(&lookup.name) || inv.case_variants(&lookup.name).next().is_some());
        if found {
            continue;
        }
        let (searched, first) = if lookup.what == "truststore" {
            (checker.context.keystores_searched(), "upload the truststore to the project or the admin project first")
        } else {
            ("the project's credentials", "create the credential first")
        };
        let other = checker.context.other_inventory().filter(|_| lookup.what == "truststore");
        let help = match (nearest(&lookup.name, lookup.inventories.iter().flat_map(|inv| inv.names())), other) {
            (Some(name), _) => format!("did you mean `{name}`?"),
            (None, Some(other)) => format!("{other}; otherwise upload it first"),
            (None, None) => first.to_owned(),
        };
        checker
            .report(
                &RULE,
                lookup.parameter.segment.span,
                parameter_pointer(lookup.parameter),
                format!("{} `{}` is not in {searched}", lookup.what, lookup.name),
            )
            .help(help);
    }
}
