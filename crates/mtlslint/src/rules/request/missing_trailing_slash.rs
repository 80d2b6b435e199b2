use crate::diagnostic::{Applicability, Span};
use crate::rules::request::case_slips;
use crate::rules::{Checker, rule};

rule! {
    /// The path does not end with `/`.
    ///
    /// ## What it does
    /// Reports a path to either endpoint without its trailing slash. The
    /// help writes the whole path, with any name R008 corrects in the case
    /// the inventory has.
    ///
    /// ## Why is this bad?
    /// Every endpoint of this API ends with a trailing slash; without it the
    /// path is wrong and the call fails.
    ///
    /// ## Example
    /// ```text
    /// PUT /apiops/projects/MyProject/credentials/api-user/truststore/my-truststore
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// PUT /apiops/projects/MyProject/credentials/api-user/truststore/my-truststore/
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix adds the slash.
    "R003", "missing-trailing-slash", standard: ERROR, production: ERROR, fix: Safe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    if view.endpoint.is_none() || view.path.ends_with('/') {
        return;
    }
    let end = view.path_span.end;
    let last = view.segments.last().map_or(Span::at(end), |s| s.span);
    // The path to write has the names R008 corrects in the inventory's case.
    let slips = case_slips(checker, view);
    let mut path = String::new();
    let mut from = view.path_span.start;
    for segment in &view.segments {
        let slip = slips.iter().find(|(lookup, _)| lookup.parameter.segment.span == segment.span);
        // Only a name the inventory lists in one case is written for the user.
        if let Some((_, [exact])) = slip.map(|(lookup, spellings)| (lookup, spellings.as_slice())) {
            path.push_str(checker.slice(Span::new(from, segment.span.start)));
            path.push_str(&crate::request::encode_name(exact));
            from = segment.span.end;
        }
    }
    path.push_str(checker.slice(Span::new(from, view.path_span.end)));
    checker.report(&RULE, last, "/url", "the path must end with `/`").help(format!("write `{path}/`")).fix(
        Applicability::Safe,
        "Add the trailing slash",
        vec![(Span::at(end), "/".to_owned())],
    );
}
