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
    let mut path = view.path.to_owned();
    let mut slips: Vec<_> =
        case_slips(checker, view).into_iter().map(|(l, exact)| (l.parameter.segment.span, exact)).collect();
    // From the last, so that a name of another length leaves the earlier spans in place
    // (picked one at a time: two names at most, and no sort's code in the wasm module).
    while let Some(last) = (0..slips.len()).max_by_key(|&i| slips[i].0.start) {
        let (span, exact) = slips.swap_remove(last);
        path.replace_range(span.start - view.path_span.start..span.end - view.path_span.start, exact);
    }
    checker.report(&RULE, last, "/url", "the path must end with `/`").help(format!("write `{path}/`")).fix(
        Applicability::Safe,
        "Add the trailing slash",
        vec![(Span::at(end), "/".to_owned())],
    );
}
