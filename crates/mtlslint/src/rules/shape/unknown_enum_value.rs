use crate::body::{Field, Resolution, resolve_protocol, resolve_verifier};
use crate::diagnostic::{Applicability, Span};
use crate::model::{PROTOCOLS, Protocol, VERIFIERS};
use crate::rules::shape::{for_each_enum_slot, legacy_written, list_items};
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
    /// protocol (`TLSv1.2`), a case slip (`tls_1_2`), white space around a
    /// constant (`"TLS_1_2 "`), another spelling (`TLS 1.2`) or a typo, and
    /// names the constant to write.
    ///
    /// ## Why is this bad?
    /// Jackson matches enum constants exactly and case-sensitively
    /// (`ACCEPT_CASE_INSENSITIVE_ENUMS` is off); anything else is a
    /// `400 Bad Request`. Java's own names (`TLSv1.2`) are what most TLS
    /// documentation shows, so the slip is common.
    ///
    /// ## Example
    /// ```json
    /// {"supportedProtocolList": ["TLSv1.2", "tls_1_3"], "hostnameVerifierType": "default"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"supportedProtocolList": ["TLS_1_2", "TLS_1_3"], "hostnameVerifierType": "DEFAULT"}
    /// ```
    ///
    /// ## Fix safety
    /// Safe for a Java name, a case slip and white space; unsafe for another
    /// spelling. A typo gets a suggestion (never another version) and no fix.
    /// Several protocols in one item are split into items, safely when each
    /// is named as above; the help says to leave out SSL 3.0, TLS 1.0 and
    /// TLS 1.1, which the rejected body never turned on.
    "S004", "unknown-enum-value", standard: ERROR, production: ERROR, fix: Sometimes,
}

/// "write one of `A`, `B`": for the protocols (0) and for the verifiers (1).
static ONE_OF: Memo<2> = Memo::new();
/// Help and fix title for each constant: protocols first, then verifiers.
static WRITE: Memo<{ PROTOCOLS.len() + VERIFIERS.len() }> = Memo::new();
static REPLACE: Memo<{ PROTOCOLS.len() + VERIFIERS.len() }> = Memo::new();

/// The constant at `index` of the protocols followed by the verifiers.
fn constant(index: usize) -> &'static str {
    PROTOCOLS.get(index).map_or_else(|| VERIFIERS[index - PROTOCOLS.len()].constant, |info| info.constant)
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(body) = checker.body else { return };
    for_each_enum_slot(body, |slot| {
        let Value::String(text) = &slot.node.value else {
            return;
        };
        let verifier = slot.field == Field::HostnameVerifierType;
        // White space around a value is a slip as certain as a case slip: the server does not trim.
        let trimmed = text.trim();
        // Each resolution carries the constant's index among the protocols followed by the verifiers.
        let (what, resolved) = if verifier {
            let resolved = resolve_verifier(trimmed).map(|v| PROTOCOLS.len() + v as usize);
            (" is not a hostname verifier constant", resolved)
        } else {
            (" is not a protocol constant", resolve_protocol(trimmed).map(|p| p as usize))
        };
        let span = body.span(slot.node.span);
        // Constants need no escapes, so the fix rewrites what is between the quotes.
        let mut report = |applicability, index: usize, message: String| {
            let help = WRITE.get(index, |i| format!("write \"{}\"", constant(i)));
            let title = REPLACE.get(index, |i| format!("Replace with `{}`", constant(i)));
            let edit = [(Span::new(span.start + 1, span.end - 1), constant(index))];
            checker.report(&RULE, span, slot.pointer(body), message).help(help).fix(applicability, title, edit);
        };
        let applicability = if resolved.certain().is_some() { Applicability::Safe } else { Applicability::Unsafe };
        match resolved {
            Resolution::Exact(index) if trimmed.len() < text.len() => {
                let message = ["`", text, "` has white space around the constant `", constant(index), "`"];
                report(Applicability::Safe, index, message.concat());
            }
            Resolution::Exact(_) | Resolution::Ordinal => {}
            Resolution::JavaName(index) => {
                let java = match (PROTOCOLS.iter().any(|p| p.java_name == trimmed), trimmed.len() < text.len()) {
                    (true, false) => "` is the Java name",
                    (true, true) => "` is the Java name, with white space around it",
                    (false, false) => "` is a Java name in the wrong case",
                    (false, true) => "` is a Java name in the wrong case, with white space around it",
                };
                let message = ["`", text, java, "; the API takes the constant `", constant(index), "`"];
                report(applicability, index, message.concat());
            }
            Resolution::CaseSlip(index) => {
                let message = ["`", text, "`", what, "; constants are case-sensitive"];
                report(applicability, index, message.concat());
            }
            Resolution::Spelling(index) => report(applicability, index, ["`", text, "`", what].concat()),
            // `"TLS_1_2, TLS_1_3"`: several protocols in one item, each to be an item of its own.
            Resolution::Unknown if let Some((list, certain)) = split_protocols(text).filter(|_| !verifier) => {
                let constants: Vec<&str> = list.iter().map(|p| p.constant()).collect();
                let items = ["\"", &constants.join("\", \""), "\""].concat();
                let message = ["`", text, "` holds ", &list.len().to_string(), " protocols in one string"];
                // Written out, a legacy protocol the rejected body never turned on would be: said before the fix.
                let legacy = legacy_written(&list);
                checker
                    .report(&RULE, span, slot.pointer(body), message.concat())
                    .help(
                        ["write each as an item of its own: ", &items, legacy.as_deref().unwrap_or_default()].concat(),
                    )
                    .fix(
                        if certain { Applicability::Safe } else { Applicability::Unsafe },
                        ["Replace with ", &items].concat(),
                        [(span, items)],
                    );
            }
            Resolution::Unknown => {
                // Java names count as near spellings too: `TLSv1.22` is nearest `TLSv1.2`, hence `TLS_1_2`.
                let near = if verifier {
                    nearest(text, VERIFIERS.iter().map(|i| i.constant))
                } else {
                    let names = PROTOCOLS.iter().flat_map(|i| [i.constant, i.java_name]);
                    // Another version is no slip of the keyboard: `SSLv2` is not `SSL_3_0`, `TLS_2_0` not `TLS_1_0`.
                    nearest(text, names)
                        .filter(|near| digits(near) == digits(text))
                        .map(|near| PROTOCOLS.iter().find(|i| i.java_name == near).map_or(near, |i| i.constant))
                };
                let message = match near {
                    Some(constant) => ["`", text, "`", what, "; did you mean `", constant, "`?"].concat(),
                    None if text.is_empty() => ["an empty string", what].concat(),
                    None => ["`", text, "`", what].concat(),
                };
                let help = ONE_OF.get(usize::from(verifier), |table| {
                    let constants: Vec<_> = if table == 1 {
                        VERIFIERS.iter().map(|i| i.constant).collect()
                    } else {
                        PROTOCOLS.iter().map(|i| i.constant).collect()
                    };
                    format!("write one of `{}`", constants.join("`, `"))
                });
                checker.report(&RULE, span, slot.pointer(body), message).help(help);
            }
        }
    });
}

/// The constants of the protocols a string names ([`list_items`]), when it
/// names two or more and nothing else, and whether each is certain.
fn split_protocols(text: &str) -> Option<(Vec<Protocol>, bool)> {
    let items = list_items(text);
    if items.len() < 2 {
        return None;
    }
    let mut certain = true;
    let list = items
        .into_iter()
        .map(|piece| {
            let resolved = resolve_protocol(piece);
            certain &= matches!(resolved, Resolution::Exact(_)) || resolved.certain().is_some();
            resolved.intended()
        })
        .collect::<Option<Vec<_>>>()?;
    Some((list, certain))
}

/// The digits `text` holds, as a set: a protocol's version. A letter typed
/// for the digit it looks like (`TLS_1_O`) counts as that digit.
fn digits(text: &str) -> u16 {
    crate::suggest::lookalike(text).filter_map(|c| c.to_digit(10)).fold(0, |set, digit| set | 1 << digit)
}
