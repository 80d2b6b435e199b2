use crate::body::Field;
use crate::diagnostic::Applicability;
use crate::rules::shape::quoted;
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// A single string where `supportedProtocolList` needs an array.
    ///
    /// ## What it does
    /// Reports `"supportedProtocolList": "TLS_1_2"` and comma-separated
    /// strings such as `"TLS_1_2,TLS_1_3"`.
    ///
    /// ## Why is this bad?
    /// Jackson does not wrap a single value in an array
    /// (`ACCEPT_SINGLE_VALUE_AS_ARRAY` is off); the server answers
    /// `400 Bad Request`.
    ///
    /// ## Example
    /// ```json
    /// {"supportedProtocolList": "TLS_1_2,TLS_1_3"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_2", "TLS_1_3"]}
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the fix wraps the string in an array, splitting it at commas.
    "S008", "single-value-not-array", standard: ERROR, production: ERROR, fix: Safe,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for (field, member) in body.known() {
        let (Field::SupportedProtocolList, Value::String(text)) = (field, &member.value.value) else {
            continue;
        };
        let mut array = String::from("[");
        for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if array.len() > 1 {
                array.push_str(", ");
            }
            array.push_str(&quoted(item));
        }
        array.push(']');
        let span = body.span(member.value.span);
        checker
            .report(
                &RULE,
                span,
                body.pointer(&member.key),
                "`supportedProtocolList` must be an array, found a single string",
            )
            .help(["write ", &array].concat())
            .fix(Applicability::Safe, ["Replace with ", &array].concat(), [(span, array)]);
    }
}
