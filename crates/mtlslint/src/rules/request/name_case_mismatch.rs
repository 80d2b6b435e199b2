use crate::diagnostic::Applicability;
use crate::rules::request::{case_slips, parameter_pointer};
use crate::rules::{Checker, rule};

rule! {
    /// A name in the path differs only in case from one in the inventory.
    ///
    /// ## What it does
    /// When inventories are given, compares the truststore name (against the
    /// project's and the admin project's keystores) and the credential's
    /// username (against the credentials) and reports a name that matches
    /// only when case is ignored, with the exact name to write.
    ///
    /// ## Why is this bad?
    /// Path parameters are case-sensitive, and so is the truststore name:
    /// `My-Truststore` is not found when `my-truststore` exists, and the call
    /// fails with `Truststore (name: ...) is not found!`.
    ///
    /// ## Example
    /// With a keystore inventory listing `my-truststore`:
    /// ```text
    /// PUT /apiops/projects/MyProject/credentials/api-user/truststore/My-Truststore/
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// PUT /apiops/projects/MyProject/credentials/api-user/truststore/my-truststore/
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix writes the exact name the inventory lists. When it lists
    /// the name in several cases, each is named and none is written.
    "R008", "name-case-mismatch", standard: ERROR, production: ERROR, fix: Safe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    for (lookup, spellings) in case_slips(checker, view) {
        let span = lookup.parameter.segment.span;
        let message = format!(
            "{} `{}` not found; names are case-sensitive and the inventory has {}",
            lookup.what,
            lookup.name,
            crate::rules::listed(&spellings)
        );
        let mut finding = checker.report(&RULE, span, parameter_pointer(lookup.parameter), message);
        let [exact] = spellings[..] else {
            finding.help(crate::rules::WRITE_ONE_AS_LISTED);
            continue;
        };
        // As the path writes it: `Partner#1` is `Partner%231` there.
        let written = crate::request::encode_name(exact);
        finding
            .help(if written == exact {
                format!("write `{exact}`")
            } else {
                // A form's field takes the name as listed; the URL, encoded.
                format!("write `{exact}` (in the URL, `{written}`)")
            })
            .fix(Applicability::Safe, format!("Use `{written}`"), vec![(span, written.into_owned())]);
    }
}
