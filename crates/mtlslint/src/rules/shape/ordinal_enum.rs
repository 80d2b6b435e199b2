use crate::body::{Field, is_ordinal};
use crate::model::{PROTOCOLS, VERIFIERS};
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
    /// fraction or an exponent (`1.5`, `2e0`), and a position past the last
    /// documented constant (`4` for a verifier, `5` for a protocol), is
    /// rejected instead.
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
        let (what, example, constants) = match slot.field {
            Field::HostnameVerifierType => ("hostname verifier", "\"DEFAULT\"", VERIFIERS.len()),
            _ => ("protocol", "\"TLS_1_2\"", PROTOCOLS.len()),
        };
        // Jackson reads a non-negative integer as a position; it rejects a
        // negative one, a fraction, an exponent, and a position past the last constant.
        let past_the_last = |digits: &str| {
            // Fewer than ten constants: one digit at most is a position.
            let position = digits.trim_start_matches('0').as_bytes();
            position.len() > 1 || position.first().is_some_and(|&digit| usize::from(digit - b'0') >= constants)
        };
        let (kind, past) = match &slot.node.value {
            Value::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => ("a number", Some(past_the_last(text))),
            Value::Number(_) => ("a number", None),
            Value::String(text) if is_ordinal(text) => ("a digit string", Some(past_the_last(text.trim()))),
            _ => return,
        };
        let outcome = match past {
            Some(false) => READ_AS_POSITION.to_owned(),
            Some(true) => format!("the server rejects it: there are only {constants} {what} constants"),
            None => "the server rejects it".to_owned(),
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
