use crate::body::{Field, Resolution, resolve_protocol, resolve_verifier};
use crate::diagnostic::{Applicability, Span};
use crate::model::{HostnameVerifier, PROTOCOLS, Protocol, VERIFIERS};
use crate::rules::shape::for_each_enum_slot;
use crate::rules::{Checker, Memo, rule};
use crate::suggest::nearest;
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

/// "write one of `A`, `B`": for the protocols (0) and for the verifiers (1).
static ONE_OF: Memo<2> = Memo::new();

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for_each_enum_slot(body, |slot| {
        let Value::String(text) = &slot.node.value else {
            return;
        };
        let verifier = slot.field == Field::HostnameVerifierType;
        let (what, resolved) = if verifier {
            ("a hostname verifier constant", resolve_verifier(text).map(HostnameVerifier::constant))
        } else {
            ("a protocol constant", resolve_protocol(text).map(Protocol::constant))
        };
        if matches!(resolved, Resolution::Exact(_) | Resolution::Ordinal) {
            return;
        }
        let span = body.span(slot.node.span);
        // Constants need no escapes, so the fix rewrites what is between the quotes.
        let replace = |constant: &'static str| [(Span::new(span.start + 1, span.end - 1), constant)];
        match resolved {
            Resolution::Exact(_) | Resolution::Ordinal => {}
            Resolution::JavaName(constant) => {
                checker
                    .report(
                        &RULE,
                        span,
                        slot.pointer(body),
                        format!("`{text}` is the Java name; the API takes the constant `{constant}`"),
                    )
                    .help(format!("write \"{constant}\""))
                    .fix(Applicability::Safe, format!("Replace with `{constant}`"), replace(constant));
            }
            Resolution::CaseSlip(constant) => {
                checker
                    .report(
                        &RULE,
                        span,
                        slot.pointer(body),
                        format!("`{text}` is not {what}; constants are case-sensitive"),
                    )
                    .help(format!("write \"{constant}\""))
                    .fix(Applicability::Safe, format!("Replace with `{constant}`"), replace(constant));
            }
            Resolution::Spelling(constant) => {
                checker
                    .report(&RULE, span, slot.pointer(body), format!("`{text}` is not {what}"))
                    .help(format!("write \"{constant}\""))
                    .fix(Applicability::Unsafe, format!("Replace with `{constant}`"), replace(constant));
            }
            Resolution::Unknown => {
                // Java names count as near spellings too: `TLSv1.4` is nearest `TLSv1.3`, hence `TLS_1_3`.
                let near = if verifier {
                    nearest(text, VERIFIERS.iter().map(|i| i.constant))
                } else {
                    let names = PROTOCOLS.iter().flat_map(|i| [i.constant, i.java_name]);
                    nearest(text, names)
                        .map(|near| PROTOCOLS.iter().find(|i| i.java_name == near).map_or(near, |i| i.constant))
                };
                let message = match near {
                    Some(constant) => format!("`{text}` is not {what}; did you mean `{constant}`?"),
                    None => format!("`{text}` is not {what}"),
                };
                let help = ONE_OF.get(usize::from(verifier), |table| {
                    let constants: Vec<_> = if table == 1 {
                        VERIFIERS.iter().map(|i| format!("`{}`", i.constant)).collect()
                    } else {
                        PROTOCOLS.iter().map(|i| format!("`{}`", i.constant)).collect()
                    };
                    format!("write one of {}", constants.join(", "))
                });
                checker.report(&RULE, span, slot.pointer(body), message).help(help);
            }
        }
    });
}
