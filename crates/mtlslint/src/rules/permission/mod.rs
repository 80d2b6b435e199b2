//! P: the permissions the caller's token needs, when the caller supplies them.

pub(crate) mod missing_deploy_permission;
pub(crate) mod missing_permission;

use crate::diagnostic::Span;
use crate::rules::{Checker, Rule};

/// Reports that the token lacks `resource`+`action`: at the `Authorization`
/// header's value when there is one, else at the request line.
pub(super) fn report_missing(checker: &mut Checker<'_>, rule: &'static Rule, message: String, help: &'static str) {
    let Some(view) = checker.request else { return };
    let span =
        view.header("Authorization").map_or(Span::new(view.method_span.start, view.url_span.end), |h| h.value_span);
    checker.report(rule, span, "/headers/Authorization", message).help(help);
}
