use crate::body::{Field, Resolution, resolve_protocol, resolve_verifier};
use crate::diagnostic::Applicability;
use crate::model::{HostnameVerifier, PROTOCOLS, Protocol, VERIFIERS};
use crate::rules::shape::{enum_slots, quoted};
use crate::rules::{Checker, rule};
use crate::syntax::Value;

rule! {
    /// A string that is not a protocol or hostname verifier constant.
    ///
    /// ## What it does
    /// Checks each item of `supportedProtocolList` against `TLS_1_3`,
    /// `TLS_1_2`, `TLS_1_1`, `TLS_1_0` and `SSL_3_0`, and
    /// `hostnameVerifierType` against `NOOP`, `DEFAULT`, `STRICT` and
    /// `BROWSER_COMPAT`. It says when the value is the Java name of a
    /// protocol (`TLSv1.2`), a case slip (`tls_1_2`), another spelling
    /// (`TLS 1.2`) or a typo, and names the constant to write.
    ///
    /// ## Why is this bad?
    /// Jackson matches enum constants exactly and case-sensitively
    /// (`ACCEPT_CASE_INSENSITIVE_ENUMS` is off); anything else is a
    /// `400 Bad Request`. Java's own names (`TLSv1.2`) are what most TLS
    /// documentation shows, so the slip is common.
    ///
    /// ## Example
    /// ```json
    /// {"supportedProtocolList": ["TLSv1.2", "tls_1_3"], "hostnameVerifierType": "strict"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_2", "TLS_1_3"], "hostnameVerifierType": "STRICT"}
    /// ```
    ///
    /// ## Fix safety
    /// Safe for a Java name and a case slip; unsafe for another spelling.
    /// A typo gets a suggestion and no fix.
    "S004", "unknown-enum-value", standard: ERROR, production: ERROR, fix: Sometimes,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for slot in enum_slots(body) {
        let Value::String(text) = &slot.node.value else {
            continue;
        };
        let (what, resolved, valid): (_, _, Vec<_>) = if slot.field == Field::HostnameVerifierType {
            (
                "a hostname verifier constant",
                map(resolve_verifier(text), HostnameVerifier::constant),
                VERIFIERS.iter().map(|i| i.constant).collect(),
            )
        } else {
            (
                "a protocol constant",
                map(resolve_protocol(text), Protocol::constant),
                PROTOCOLS.iter().map(|i| i.constant).collect(),
            )
        };
        let span = body.span(slot.node.span);
        let replace = |constant: &str| vec![(span, quoted(constant))];
        let listed = valid.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        match resolved {
            Resolution::Exact(_) | Resolution::Ordinal => {}
            Resolution::JavaName(constant) => {
                checker
                    .report(
                        &RULE,
                        span,
                        slot.pointer,
                        format!("`{text}` is the Java name; the API takes the constant `{constant}`"),
                    )
                    .help(format!("write \"{constant}\""))
                    .fix(Applicability::Safe, format!("Replace with `{constant}`"), replace(constant));
            }
            Resolution::CaseSlip(constant) => {
                checker
                    .report(&RULE, span, slot.pointer, format!("`{text}` is not {what}; constants are case-sensitive"))
                    .help(format!("write \"{constant}\""))
                    .fix(Applicability::Safe, format!("Replace with `{constant}`"), replace(constant));
            }
            Resolution::Spelling(constant) => {
                checker
                    .report(&RULE, span, slot.pointer, format!("`{text}` is not {what}"))
                    .help(format!("write \"{constant}\""))
                    .fix(Applicability::Unsafe, format!("Replace with `{constant}`"), replace(constant));
            }
            Resolution::Unknown(Some(constant)) => {
                checker
                    .report(&RULE, span, slot.pointer, format!("`{text}` is not {what}; did you mean `{constant}`?"))
                    .help(format!("write one of {listed}"));
            }
            Resolution::Unknown(None) => {
                checker
                    .report(&RULE, span, slot.pointer, format!("`{text}` is not {what}"))
                    .help(format!("write one of {listed}"));
            }
        }
    }
}

fn map<T>(resolution: Resolution<T>, constant: impl Fn(T) -> &'static str) -> Resolution<&'static str> {
    match resolution {
        Resolution::Exact(v) => Resolution::Exact(constant(v)),
        Resolution::JavaName(v) => Resolution::JavaName(constant(v)),
        Resolution::CaseSlip(v) => Resolution::CaseSlip(constant(v)),
        Resolution::Spelling(v) => Resolution::Spelling(constant(v)),
        Resolution::Ordinal => Resolution::Ordinal,
        Resolution::Unknown(v) => Resolution::Unknown(v.map(constant)),
    }
}
