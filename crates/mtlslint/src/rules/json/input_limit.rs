use crate::body::Rejected;
use crate::diagnostic::Span;
use crate::rules::{Checker, rule};
use crate::syntax::ParseError;

rule! {
    /// The input is larger or nested deeper than the configured limits.
    ///
    /// ## What it does
    /// Stops at the size limit (1 MiB by default: no more of an input is
    /// read or parsed) or at the depth limit (64 by default), and reports
    /// that the input goes past it.
    ///
    /// ## Why is this bad?
    /// An mTLS settings body is a few hundred bytes with two levels of
    /// nesting. Anything far larger is not the file you meant, and limits
    /// keep the linter safe on hostile input in a browser or a pipeline.
    ///
    /// ## Example
    /// ```json
    /// [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
    /// ```
    ///
    /// ## Use instead
    /// Lint the settings body itself; raise the limits only for unusual input.
    ///
    /// ## Fix safety
    /// No fix.
    "J005", "input-limit", standard: ERROR, production: ERROR, fix: None,
    gates: "an input over the size limit",
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    match (body.rejected, body.parsed.and_then(|p| p.error.as_ref())) {
        (Some(Rejected::TooLarge { limit }), _) => {
            let message = format!("the input is larger than the limit of {limit} bytes");
            checker.report(&RULE, body.span(Span::at(0)), body.root_pointer(), message).help(
                "lint the mTLS settings body itself, or raise `limits.maxBytes` (`--max-bytes` on the command line)",
            );
        }
        (_, Some(ParseError::TooDeep(problem))) => {
            let mut diagnostic =
                checker.report(&RULE, body.span(problem.span), body.root_pointer(), problem.message.clone());
            if let Some(help) = &problem.help {
                diagnostic.help(help.clone());
            }
        }
        _ => {}
    }
}
