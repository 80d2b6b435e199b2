use crate::body::{Field, is_ordinal};
use crate::rules::shape::for_each_enum_slot;
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// A number or a digit string where an enum constant belongs.
    ///
    /// ## What it does
    /// Reports numbers such as `0` or `"2"` in `supportedProtocolList` or
    /// `hostnameVerifierType`.
    ///
    /// ## Why is this bad?
    /// Jackson accepts an integer or a digit string as an enum's ordinal
    /// (`FAIL_ON_NUMBERS_FOR_ENUMS` is off), so `0` silently selects
    /// whichever constant the server declares first. That order is not part
    /// of the API's contract, and it may change. A negative number, a
    /// fraction or an exponent (`1.5`, `2e0`) is rejected instead.
    ///
    /// ## Example
    /// ```json
    /// {"supportedProtocolList": [0, 1], "hostnameVerifierType": "1"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_3", "TLS_1_2"], "hostnameVerifierType": "DEFAULT"}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: which constant a number selects is not documented.
    "S005", "ordinal-enum", standard: ERROR, production: ERROR, fix: None,
}

const READ_AS_POSITION: &str = "the server would read it as a position in an undocumented list";

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for_each_enum_slot(body, |slot| {
        let (what, example) = match slot.field {
            Field::HostnameVerifierType => ("hostname verifier", "\"DEFAULT\""),
            _ => ("protocol", "\"TLS_1_2\""),
        };
        // Jackson reads a non-negative integer as a position; it rejects a
        // negative one, a fraction or an exponent.
        let (kind, outcome) = match &slot.node.value {
            Value::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => ("a number", READ_AS_POSITION),
            Value::Number(_) => ("a number", "the server rejects it"),
            Value::String(text) if is_ordinal(text) => ("a digit string", READ_AS_POSITION),
            _ => return,
        };
        let span = body.span(slot.node.span);
        let shown = checker.slice(span).to_owned();
        checker
            .report(
                &RULE,
                span,
                slot.pointer(body),
                format!("`{shown}` is {kind} where a {what} constant belongs; {outcome}"),
            )
            .help(format!("write the constant by name, e.g. {example}"));
    });
}
