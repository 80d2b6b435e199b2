use crate::rules::{Checker, rule};

rule! {
    /// The HTTP method is not the one the endpoint takes.
    ///
    /// ## What it does
    /// Checks that the mTLS settings endpoint is called with `PATCH` and the
    /// truststore assignment with `PUT`, in capitals.
    ///
    /// ## Why is this bad?
    /// Any other method is not routed to the endpoint: the server answers
    /// with an error and nothing is changed. HTTP methods are case-sensitive
    /// (RFC 9110), so `patch` is not `PATCH`.
    ///
    /// ## Example
    /// ```text
    /// PUT /apiops/projects/MyProject/apiProxies/MyAPI/settings/mtls/
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// PATCH /apiops/projects/MyProject/apiProxies/MyAPI/settings/mtls/
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix writes the method the endpoint takes.
    "R001", "wrong-method", standard: ERROR, production: ERROR, fix: Safe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    let Some(endpoint) = view.endpoint else {
        return;
    };
    let expected = endpoint.method();
    if view.method == expected {
        return;
    }
    let message = if view.method.eq_ignore_ascii_case(expected) {
        format!("methods are case-sensitive: `{}` is not `{expected}`", view.method)
    } else if view.method.is_empty() {
        format!("no HTTP method; this endpoint takes `{expected}`")
    } else {
        format!("`{}` is not the method of this endpoint, which takes `{expected}`", view.method)
    };
    checker.report(&RULE, view.method_span, "/method", message).help(format!("send the request with {expected}")).fix(
        crate::diagnostic::Applicability::Safe,
        format!("Use `{expected}`"),
        vec![(view.method_span, expected.to_owned())],
    );
}
