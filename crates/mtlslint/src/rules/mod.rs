//! The rule catalog. Each rule lives in its own file under a folder per
//! group: its documentation, its metadata and its check, nothing else.
//! Adding a rule means writing that file and adding one line to its
//! registry below (body rules or request rules).

mod hostname;
mod json;
mod mtls;
mod permission;
mod request;
mod response;
pub(crate) mod shape;
mod tls;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::Serialize;

use crate::body::Body;
use crate::context::Context;
use crate::diagnostic::{Applicability, Position, Severity, Span};
use crate::finding::{Edit, Finding, Fix};
use crate::options::{Options, Profile, UnknownRule};
use crate::request::RequestView;
use crate::response::ResponseView;
use crate::syntax::Cursor;

/// Whether a rule's findings come with a fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum FixAvailability {
    /// No fix.
    None,
    /// A safe fix, always.
    Safe,
    /// An unsafe fix, always.
    Unsafe,
    /// A fix for some findings, safe or unsafe as the rule's documentation says.
    Sometimes,
}

/// A rule's metadata and documentation.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `M001`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `keystore-required`.
    pub name: &'static str,
    /// Default severity under [`Profile::Standard`]; `None` is off.
    pub standard: Option<Severity>,
    /// Default severity under [`Profile::Production`]; `None` is off.
    pub production: Option<Severity>,
    /// Whether findings carry a fix.
    pub fix: FixAvailability,
    /// The field a finding asks to fill in when it points at `enabled`
    /// because that field was left out (M001: `keyStoreId`); forms show the
    /// finding beside that field.
    pub fills: Option<&'static str>,
    /// The input the rule reports that no other rule sees (J001: a body
    /// that is not JSON): turned off, it would pass as clean, so the rule
    /// may be lowered but not turned off.
    pub(crate) gates: Option<&'static str>,
    doc: &'static str,
}

impl Rule {
    /// What [`rule!`] leaves as it is: no field to fill, no input gated.
    const BLANK: Rule = Rule {
        code: "",
        name: "",
        standard: None,
        production: None,
        fix: FixAvailability::None,
        fills: None,
        gates: None,
        doc: "",
    };

    /// The default severity under `profile`; `None` is off.
    pub fn severity(&self, profile: Profile) -> Option<Severity> {
        match profile {
            Profile::Standard => self.standard,
            Profile::Production => self.production,
        }
    }

    /// The one-line summary that opens the rule's documentation.
    pub fn summary(&self) -> &'static str {
        self.doc.lines().next().unwrap_or_default().trim()
    }

    /// The rule's documentation in Markdown: what it does, why, an example,
    /// what to write instead, and fix safety.
    pub fn documentation(&self) -> String {
        self.doc.lines().map(|line| line.strip_prefix(' ').unwrap_or(line)).collect::<Vec<_>>().join("\n")
    }
}

/// A rule as lists show it: `mtlslint rules --format json` and the wasm package's `rules()`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct RuleInfo {
    /// Stable code, e.g. `M001`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `keystore-required`.
    pub name: &'static str,
    /// Default severity under the standard profile; `null` is off.
    pub standard: Option<Severity>,
    /// Default severity under the production profile; `null` is off.
    pub production: Option<Severity>,
    /// Whether findings carry a fix.
    pub fix: FixAvailability,
    /// The one-line summary.
    pub summary: &'static str,
    /// The full documentation in Markdown.
    pub documentation: String,
}

impl Rule {
    /// The rule's metadata and documentation as one value.
    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            code: self.code,
            name: self.name,
            standard: self.standard,
            production: self.production,
            fix: self.fix,
            summary: self.summary(),
            documentation: self.documentation(),
        }
    }
}

impl FixAvailability {
    /// As the reference writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "none",
            FixAvailability::Safe => "safe",
            FixAvailability::Unsafe => "unsafe",
            FixAvailability::Sometimes => "sometimes",
        }
    }
}

impl Rule {
    /// The default severity under `profile` as the reference and `mtlslint rules` write it: `off` when off.
    pub fn severity_name(&self, profile: Profile) -> &'static str {
        self.severity(profile).map_or("off", Severity::as_str)
    }

    /// The rule's anchor in `docs/rules.md`, e.g. `m001-keystore-required`.
    pub fn anchor(&self) -> String {
        format!("{}-{}", self.code, self.name).to_ascii_lowercase()
    }

    /// The rule as `mtlslint explain` prints it and `docs/rules.md` holds it:
    /// a heading, its default severities and fix, then its documentation, with
    /// its headings moved under the rule's.
    pub fn explanation(&self) -> String {
        let body = self.documentation().replace("\n## ", "\n### ");
        let (summary, rest) = body.split_once('\n').unwrap_or((&body, ""));
        format!(
            "## {} `{}`\n\n{summary}\n\nDefault severity: {} (standard profile), {} (production profile). Fix: {}.\n{rest}\n",
            self.code,
            self.name,
            self.severity_name(Profile::Standard),
            self.severity_name(Profile::Production),
            self.fix.as_str(),
        )
    }
}

/// The rule reference, `docs/rules.md`: every rule's explanation, in catalog order.
pub fn reference() -> String {
    let mut text = String::from(
        "# Rule reference\n\nGenerated from each rule's doc comment by `cargo xtask docs`; a test fails when this file \
         is stale. `mtlslint explain CODE` prints one rule, `mtlslint rules` lists them all.\n\n",
    );
    text.push_str("| code | name | standard | production | fix | summary |\n|---|---|---|---|---|---|\n");
    for rule in all() {
        let _ = writeln!(
            text,
            "| [{code}](#{anchor}) | `{}` | {} | {} | {} | {} |",
            rule.name,
            rule.severity_name(Profile::Standard),
            rule.severity_name(Profile::Production),
            rule.fix.as_str(),
            rule.summary().replace('|', "\\|"),
            code = rule.code,
            anchor = rule.anchor(),
        );
    }
    for rule in all() {
        text.push('\n');
        text.push_str(&rule.explanation());
    }
    text
}

const ERROR: Option<Severity> = Some(Severity::Error);
const WARNING: Option<Severity> = Some(Severity::Warning);
const INFO: Option<Severity> = Some(Severity::Info);

/// Declares a rule's metadata and keeps its doc comment as its documentation.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])* $code:literal, $name:literal,
        standard: $standard:ident, production: $production:ident, fix: $fix:ident
        $(, $optional:ident: $value:literal)* $(,)?
    ) => {
        $(#[doc = $doc])*
        pub(crate) static RULE: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            name: $name,
            standard: $crate::rules::$standard,
            production: $crate::rules::$production,
            fix: $crate::rules::FixAvailability::$fix,
            doc: concat!($($doc, "\n"),*),
            // `fills` and `gates`, where given.
            $($optional: Some($value),)*
            ..$crate::rules::Rule::BLANK
        };
    };
}
use rule;

type Check = fn(&mut Checker<'_>);

/// Declares the rules that judge a body, in catalog order: `BODY_RULES`, each
/// with its check, and `check_body`, which calls the enabled ones in that
/// order. It calls each check by name, not through the table: calls through
/// a table of checks made the lint about 3% slower (the processor guesses
/// their targets less well).
macro_rules! body_rules {
    ($($group:ident::$rule:ident),* $(,)?) => {
        /// The rules that judge a body, with their checks, in catalog order.
        static BODY_RULES: &[(&Rule, Check)] = &[$((&$group::$rule::RULE, $group::$rule::check)),*];

        /// Runs the body rules at the severities given, one for each of [`BODY_RULES`] (`None`: off).
        fn check_body(checker: &mut Checker<'_>, severities: &[Option<Severity>]) {
            let mut severities = severities.iter();
            $(
                if let Some(&Some(severity)) = severities.next() {
                    checker.severity = severity;
                    $group::$rule::check(checker);
                }
            )*
        }
    };
}

body_rules![
    json::invalid_json,
    json::duplicate_key,
    json::trailing_content,
    json::not_an_object,
    json::input_limit,
    shape::unknown_field,
    shape::wrong_type,
    shape::coerced_value,
    shape::unknown_enum_value,
    shape::ordinal_enum,
    shape::null_value,
    shape::empty_id,
    shape::single_value_not_array,
    mtls::keystore_required,
    mtls::ignored_while_disabled,
    mtls::connection_pool_disabled,
    mtls::no_truststore,
    mtls::same_store_for_key_and_trust,
    mtls::store_not_found,
    tls::ssl3_enabled,
    tls::legacy_tls,
    tls::all_protocols,
    tls::duplicate_protocol,
    tls::no_tls_1_2,
    tls::protocol_gap,
    hostname::hostname_verification_disabled,
    hostname::browser_compat_verifier,
    hostname::strict_verifier,
];

/// The body rules that judge only the document's shape. Each has nothing to
/// report on a well-formed body ([`Body::well_formed`]), so none runs on one:
/// that spares most bodies ten checks. A test holds each rule to it.
static SHAPE_RULES: [&Rule; 10] = [
    &json::duplicate_key::RULE,
    &shape::unknown_field::RULE,
    &shape::wrong_type::RULE,
    &shape::coerced_value::RULE,
    &shape::unknown_enum_value::RULE,
    &shape::ordinal_enum::RULE,
    &shape::null_value::RULE,
    &shape::empty_id::RULE,
    &shape::single_value_not_array::RULE,
    &tls::duplicate_protocol::RULE,
];

/// The rules that judge a request's method, URL and headers, in catalog order.
static REQUEST_RULES: &[(&Rule, Check)] = &[
    (&request::wrong_method::RULE, request::wrong_method::check),
    (&request::unknown_endpoint::RULE, request::unknown_endpoint::check),
    (&request::missing_trailing_slash::RULE, request::missing_trailing_slash::check),
    (&request::invalid_path_name::RULE, request::invalid_path_name::check),
    (&request::missing_authorization::RULE, request::missing_authorization::check),
    (&request::wrong_content_type::RULE, request::wrong_content_type::check),
    (&request::insecure_scheme::RULE, request::insecure_scheme::check),
    (&request::name_case_mismatch::RULE, request::name_case_mismatch::check),
    (&request::name_not_found::RULE, request::name_not_found::check),
    (&request::unexpected_body::RULE, request::unexpected_body::check),
    (&permission::missing_permission::RULE, permission::missing_permission::check),
    (&permission::missing_deploy_permission::RULE, permission::missing_deploy_permission::check),
];

/// The rules that judge a response of either endpoint, in catalog order.
static RESPONSE_RULES: &[(&Rule, Check)] = &[
    (&response::response_shape::RULE, response::response_shape::check),
    (&response::deployment_failed::RULE, response::deployment_failed::check),
    (&response::server_error::RULE, response::server_error::check),
];

/// Whether the rule with this code judges a body (J, S, M, T, H), not a request or a response.
pub(crate) fn judges_body(code: &str) -> bool {
    BODY_RULES.iter().any(|(rule, _)| rule.code == code)
}

/// Every rule, in catalog order.
pub fn all() -> impl Iterator<Item = &'static Rule> + Clone {
    BODY_RULES.iter().chain(REQUEST_RULES).chain(RESPONSE_RULES).map(|(rule, _)| *rule)
}

/// The rule with this code (any case) or name.
pub fn find(selector: &str) -> Option<&'static Rule> {
    all().find(|rule| rule.code.eq_ignore_ascii_case(selector) || rule.name.eq_ignore_ascii_case(selector))
}

/// The rule with this code or name, or an error naming the nearest one.
pub fn lookup(selector: &str) -> Result<&'static Rule, UnknownRule> {
    find(selector).ok_or_else(|| UnknownRule { selector: selector.to_owned(), suggestion: suggest(selector) })
}

/// The rules' codes, group by group: `J001-J005, S001-S008, ...`.
pub fn code_ranges() -> String {
    let mut ranges: Vec<(&str, &str)> = Vec::new();
    for code in all().map(|rule| rule.code) {
        match ranges.last_mut() {
            Some((first, last)) if first.as_bytes()[0] == code.as_bytes()[0] => *last = code,
            _ => ranges.push((code, code)),
        }
    }
    // Written out, not joined: `join` on `String`s is a second copy of std's join (1 KB of the wasm module).
    let mut text = String::new();
    for &(first, last) in &ranges {
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.extend([first, "-", last]);
    }
    text
}

/// The names the inventories list for `name` when case is ignored, each once.
pub(crate) fn case_variants<'i>(inventories: &[&'i crate::Inventory], name: &str) -> Vec<&'i str> {
    let mut spellings: Vec<&str> = Vec::new();
    for spelling in inventories.iter().flat_map(|inventory| inventory.case_variants(name)) {
        if !spellings.contains(&spelling) {
            spellings.push(spelling);
        }
    }
    spellings
}

/// The help of a name an inventory lists in several cases (R008, M006).
pub(crate) const WRITE_ONE_AS_LISTED: &str = "write the one meant, exactly as listed";

/// Names as a message lists them: `` `a` ``, `` `a` and `b` ``, `` `a`, `b` and `c` ``.
pub(crate) fn listed(names: &[&str]) -> String {
    let mut text = String::new();
    for (index, name) in names.iter().enumerate() {
        text.push_str(match index {
            0 => "`",
            _ if index + 1 == names.len() => " and `",
            _ => ", `",
        });
        text.push_str(name);
        text.push('`');
    }
    text
}

/// The rule code or name nearest to a selector that names none.
pub fn suggest(selector: &str) -> Option<&'static str> {
    crate::suggest::nearest(selector, all().flat_map(|rule| [rule.code, rule.name]))
}

/// The severity each rule reports at, worked out once per linter: for each
/// body rule (and again with the shape rules off, for well-formed bodies),
/// and the enabled request and response rules with their checks.
#[derive(Debug, Clone)]
pub(crate) struct Active {
    /// The severity of each body rule, in the order of [`BODY_RULES`].
    body: Vec<Option<Severity>>,
    /// The same, with the shape rules off: for well-formed bodies.
    well_formed: Vec<Option<Severity>>,
    request: Vec<(Check, Severity)>,
    response: Vec<(Check, Severity)>,
}

impl Active {
    pub(crate) fn new(options: &Options) -> Self {
        let enabled = |rules: &[(&Rule, Check)]| -> Vec<(Check, Severity)> {
            rules.iter().filter_map(|&(rule, check)| options.severity(rule).map(|severity| (check, severity))).collect()
        };
        let is_shape = |rule: &Rule| SHAPE_RULES.iter().any(|shape| shape.code == rule.code);
        Self {
            body: BODY_RULES.iter().map(|(rule, _)| options.severity(rule)).collect(),
            well_formed: BODY_RULES
                .iter()
                .map(|(rule, _)| options.severity(rule).filter(|_| !is_shape(rule)))
                .collect(),
            request: enabled(REQUEST_RULES),
            response: enabled(RESPONSE_RULES),
        }
    }
}

/// Texts that vary only by one of `N` values (a field, a protocol), formatted
/// once per process, so that reporting them allocates nothing.
pub(crate) struct Memo<const N: usize>(OnceLock<[String; N]>);

impl<const N: usize> Memo<N> {
    pub(crate) const fn new() -> Self {
        Self(OnceLock::new())
    }

    /// The text for value `index`; `text` writes each one the first time any is asked for.
    /// It is a plain function, not a closure, so that every memo shares one copy of this code.
    pub(crate) fn get(&'static self, index: usize, text: fn(usize) -> String) -> &'static str {
        &self.0.get_or_init(|| std::array::from_fn(text))[index]
    }
}

/// Runs the active rules that apply to what the checker holds and returns the findings in text order.
pub(crate) fn run(mut checker: Checker<'_>, active: &Active) -> Vec<Finding> {
    if let Some(body) = checker.body {
        check_body(&mut checker, if body.well_formed { &active.well_formed } else { &active.body });
    }
    let request = if checker.request.is_some() { active.request.as_slice() } else { &[] };
    let response = if checker.response.is_some() { active.response.as_slice() } else { &[] };
    for &(check, severity) in request.iter().chain(response) {
        checker.severity = severity;
        check(&mut checker);
    }
    checker.finish()
}

/// What a rule's check sees, and where it reports.
pub(crate) struct Checker<'a> {
    pub(crate) context: &'a Context,
    /// The severity of the rule being checked.
    severity: Severity,
    /// The body, when there is one to judge.
    pub(crate) body: Option<&'a Body<'a>>,
    /// The request line and headers, when a whole request is linted.
    pub(crate) request: Option<&'a RequestView<'a>>,
    /// The response, when one is linted.
    pub(crate) response: Option<&'a ResponseView<'a>>,
    text: &'a str,
    /// Findings so far.
    found: Vec<Finding>,
}

/// A finding just reported, to add help and a fix to.
pub(crate) struct Report<'c>(&'c mut Finding);

impl Report<'_> {
    /// Says what to write instead.
    pub(crate) fn help(&mut self, help: impl Into<Cow<'static, str>>) -> &mut Self {
        self.0.help = Some(help.into());
        self
    }

    /// Attaches a fix made of edits: `(span in the checker's text, new text)`.
    /// Without edits there is nothing to apply, and no fix is attached
    /// (H001's `DEFAULT` waits while S001 renames a key that stands for the field).
    pub(crate) fn fix(
        &mut self,
        applicability: Applicability,
        message: impl Into<Cow<'static, str>>,
        edits: impl IntoIterator<Item = (Span, impl Into<Cow<'static, str>>)>,
    ) -> &mut Self {
        let edits = edits.into_iter().map(|(span, content)| Edit { span, content: content.into() }).collect::<Vec<_>>();
        if !edits.is_empty() {
            self.0.fix = Some(Fix { applicability, message: message.into(), edits });
        }
        self
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn new(context: &'a Context, text: &'a str) -> Self {
        Self { context, severity: Severity::Error, body: None, request: None, response: None, text, found: Vec::new() }
    }

    /// Reports `rule` at `span` of the whole text, with a pointer as given.
    pub(crate) fn report(
        &mut self,
        rule: &'static Rule,
        span: Span,
        pointer: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Report<'_> {
        if self.found.capacity() == 0 {
            self.found.reserve(4);
        }
        self.found.push(Finding {
            code: rule.code,
            name: rule.name,
            severity: self.severity,
            message: message.into(),
            pointer: pointer.into(),
            span,
            help: None,
            fix: None,
        });
        Report(self.found.last_mut().expect("just pushed"))
    }

    /// Whether `rule` has reported a finding at `pointer` so far (rules run in registry order).
    pub(crate) fn reported_at(&self, rule: &Rule, pointer: &str) -> bool {
        self.found.iter().any(|d| d.code == rule.code && d.pointer == pointer)
    }

    /// Whether `rule` has reported an error so far (rules run in registry order).
    pub(crate) fn reported_error(&self, rule: &Rule) -> bool {
        self.found.iter().any(|d| d.code == rule.code && d.severity == Severity::Error)
    }

    /// The positions of `offsets` in the checker's text, in any order, found
    /// in one pass over it; sorted by offset, for lookups with `partition_point`.
    /// The offsets are put in order as bits of a set as long as the text, not
    /// sorted: a sort of offsets would add 2 KB (gzipped) to the wasm module.
    pub(crate) fn positions(&self, offsets: impl IntoIterator<Item = usize>) -> Vec<Position> {
        let mut marked = vec![0_u64; self.text.len() / 64 + 1];
        for offset in offsets.into_iter().filter(|&offset| offset <= self.text.len()) {
            marked[offset / 64] |= 1 << (offset % 64);
        }
        let mut cursor = Cursor::new(self.text);
        let mut positions = Vec::new();
        for (index, &word) in marked.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                positions.push(cursor.position(index * 64 + bits.trailing_zeros() as usize));
                bits &= bits - 1;
            }
        }
        positions
    }

    /// The checker's text at `span`.
    pub(crate) fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or_default()
    }

    /// The findings in text order; at one place, the most severe first.
    fn finish(mut self) -> Vec<Finding> {
        let order = |a: &Finding, b: &Finding| {
            let place = a.span.start.cmp(&b.span.start);
            place.then(b.severity.cmp(&a.severity)).then(a.code.cmp(b.code))
        };
        if !self.found.is_sorted_by(|a, b| order(a, b).is_le()) {
            self.found.sort_by(order);
        }
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bodies made of the fields (and a few other keys) with values that are
    /// mostly as documented and sometimes near misses, keys now and then
    /// repeated: thousands of them, the same on every run.
    fn bodies() -> impl Iterator<Item = String> {
        const GOOD: [&[&str]; 5] = [
            &["true", "false"],
            &[r#""ks-1""#, r#""ks prod""#],
            &[r#""ts-1""#, r#""é""#],
            &[r#"["TLS_1_2", "TLS_1_3"]"#, "[]", r#"["TLS_1_0", "SSL_3_0", "TLS_1_1"]"#],
            &[r#""DEFAULT""#, r#""NOOP""#, r#""STRICT""#, r#""BROWSER_COMPAT""#],
        ];
        const NEAR: [&[&str]; 5] = [
            &[r#""true""#, "1", "null", r#""yes""#, "[true]"],
            &[r#""""#, r#""  ""#, "42", "true", "null", r#"{"id": "ks"}"#],
            &[r#""\t""#, "0", "null", r#"["ts"]"#],
            &[r#"["TLS_1_2", "TLS_1_2"]"#, r#"["TLSv1.2"]"#, r#""TLS_1_2""#, r#"["tls_1_3"]"#, "[1]", "[null]", "null"],
            &[r#""default""#, r#""2""#, "2", "null", r#""NONE""#, "[]"],
        ];
        const OTHER: [&str; 3] = [r#""keystoreId": "ks-1""#, r#""$schema": "s.json""#, r#""x": {"a": 1, "a": 2}"#];
        let mut state = 0x5eed_u64;
        let mut next = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % below as u64).expect("below a usize")
        };
        (0..4_000).map(move |_| {
            let mut members = Vec::new();
            for (index, key) in crate::model::FIELDS.iter().enumerate() {
                for _ in 0..[0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2][next(12)] {
                    let values = if next(16) == 0 { NEAR[index] } else { GOOD[index] };
                    members.push(format!("\"{key}\": {}", values[next(values.len())]));
                }
            }
            if next(8) == 0 {
                members.push(OTHER[next(OTHER.len())].to_owned());
            }
            format!("{{{}}}", members.join(", "))
        })
    }

    #[test]
    fn shape_rules_find_nothing_in_a_well_formed_body() {
        let shape: Vec<_> =
            BODY_RULES.iter().filter(|(rule, _)| SHAPE_RULES.iter().any(|s| s.code == rule.code)).collect();
        assert_eq!(shape.len(), SHAPE_RULES.len(), "every shape rule is a body rule");
        let context = Context::default();
        let (mut well_formed, mut other) = (0, 0);
        for text in bodies() {
            let parsed = crate::syntax::parse(&text, 64);
            let body = Body::new(&text, &parsed, 0, "", &context);
            if !body.well_formed {
                other += 1;
                continue;
            }
            well_formed += 1;
            let mut checker = Checker::new(&context, &text);
            checker.body = Some(&body);
            for (rule, check) in &shape {
                check(&mut checker);
                assert!(checker.found.is_empty(), "{} on {text}: {:?}", rule.code, checker.found);
            }
        }
        // Both kinds are well represented, so the test is not vacuous.
        assert!(well_formed > 1_000 && other > 1_000, "{well_formed} well formed, {other} not");
    }

    #[test]
    fn a_misspelt_keystore_is_one_error_and_m001_speaks_when_s001_does_not() {
        let body = br#"{"enabled": true, "keystoreId": "ks-1"}"#;
        let errors = |options: Options| -> Vec<(&str, String)> {
            let found = crate::Linter::new(options, Context::default()).lint_body(body);
            found
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| (d.code, d.help.unwrap().into()))
                .collect()
        };
        assert_eq!(errors(Options::default()), [("S001", "names are case-sensitive: write `keyStoreId`".to_owned())]);
        let mut options = Options::default();
        options.set_severity("S001", Some(Severity::Warning)).unwrap();
        assert_eq!(errors(options), [("M001", "the key is spelt `keyStoreId`, not `keystoreId`".to_owned())]);
        // Beside a blank `keyStoreId`, the blank one is the cause: M001 says so, S001 only that the key is dropped.
        let body = br#"{"enabled": true, "keyStoreId": "", "keystoreId": "ks-1"}"#;
        let found = crate::Linter::default().lint_body(body);
        let codes: Vec<_> = found.iter().filter(|d| d.severity == Severity::Error).map(|d| d.code).collect();
        assert_eq!(codes, ["M001", "S007", "S001"]);
        assert!(found.iter().any(|d| d.code == "S001" && d.message.ends_with("drops it without an error")));
    }

    #[test]
    fn codes_and_names_are_unique_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.code) && seen.insert(rule.name), "{} repeats", rule.code);
            let doc = rule.documentation();
            for section in ["## Why", "## Example", "## Use instead", "## Fix"] {
                assert!(doc.contains(section), "{} lacks {section}", rule.code);
            }
            assert!(!rule.summary().is_empty());
        }
    }
}
