use crate::body::{Field, Resolution, resolve_protocol};
use crate::diagnostic::Applicability;
use crate::rules::shape::{legacy_written, list_items, quoted};
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// A single string where `supportedProtocolList` needs an array.
    ///
    /// ## What it does
    /// Reports `"supportedProtocolList": "TLS_1_2"` and strings that list
    /// protocols separated by commas, semicolons, bars or spaces, such as
    /// `"TLS_1_2,TLS_1_3"`, or hold a JSON array encoded as a string
    /// (`"[\"TLS_1_2\", \"TLS_1_3\"]"`, as a template that quotes its value writes).
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
    /// Safe: the fix wraps the string in an array, splitting it at commas,
    /// semicolons and bars, and at spaces between protocols, without the
    /// brackets and quotes of an array encoded in it, and writes a Java name (`TLSv1.2`) or
    /// a constant in the wrong case as the constant, as S004's safe fix does.
    /// Unsafe when an item is spelt more loosely (`"TLS 1.2, TLS 1.3"`): it
    /// writes the constants the items name (`["TLS_1_2", "TLS_1_3"]`), as
    /// S004's unsafe fix does. When it writes SSL 3.0, TLS 1.0 or TLS 1.1,
    /// which the rejected body never turned on, the help says to leave them
    /// out (T001 and T002 report them once the list is an array). A blank string (or `"[]"`) gets no fix: its evident replacement, `[]`, would allow
    /// every protocol, TLS 1.0 and 1.1 included; nor does a string with an
    /// item that names no protocol.
    "S008", "single-value-not-array", standard: ERROR, production: ERROR, fix: Sometimes,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for (field, member) in body.known() {
        let (Field::SupportedProtocolList, Value::String(text)) = (field, &member.value.value) else {
            continue;
        };
        let items = list_items(text);
        let resolved: Vec<_> = items.iter().map(|item| resolve_protocol(item)).collect();
        let mut array = String::from("[");
        let mut protocols = Vec::new();
        for (item, resolution) in items.iter().zip(&resolved) {
            if array.len() > 1 {
                array.push_str(", ");
            }
            // An item is written as the constant it names, as S004 would have it written.
            match resolution.intended() {
                Some(protocol) => {
                    array.push_str(&quoted(protocol.constant()));
                    protocols.push(protocol);
                }
                None => array.push_str(&quoted(item)),
            }
        }
        array.push(']');
        let span = body.span(member.value.span);
        let message = "`supportedProtocolList` must be an array, found a single string";
        let mut report = checker.report(&RULE, span, body.pointer(&member.key), message);
        if items.is_empty() || resolved.iter().any(|r| r.intended().is_none()) {
            // Most often a template variable left empty; `[]` would mean every protocol. An
            // item that names no protocol is not written back: S004 would report it.
            report.help("write the constants to allow as an array, e.g. `[\"TLS_1_2\", \"TLS_1_3\"]`");
        } else {
            // Safe when each item is a constant, a Java name or a case slip; a looser spelling
            // (`TLS 1.2`) is S004's unsafe fix.
            let safe = resolved.iter().all(|r| matches!(r, Resolution::Exact(_)) || r.certain().is_some());
            // Written out, a legacy protocol the rejected body never turned on would be: said before the fix.
            let legacy = legacy_written(&protocols);
            let applicability = if safe { Applicability::Safe } else { Applicability::Unsafe };
            report.help(["write ", &array, legacy.as_deref().unwrap_or_default()].concat()).fix(
                applicability,
                ["Replace with ", &array].concat(),
                [(span, array)],
            );
        }
    }
}
