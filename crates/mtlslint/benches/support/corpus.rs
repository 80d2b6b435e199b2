//! The benchmark corpus: deterministic, realistic E1 bodies, some with
//! problems. Shared by the native benchmark (`benches/lint.rs`) and the
//! `corpus` example, which writes it out for the npm package's benchmark.

use std::fmt::Write as _;

use mtlslint::model::{PROTOCOLS, VERIFIERS};

/// Bodies in the corpus.
pub(crate) const BODIES: usize = 10_000;
/// Percentage of bodies with one to three problems.
const BAD_PERCENT: usize = 40;
/// One bad body in this many is also invalid JSON (a trailing comma): about 2% overall.
const INVALID_ONE_IN: usize = 20;
const SEED: u64 = 0x6d74_6c73_6c69_6e74; // "mtlslint"

/// What the generator made.
pub(crate) struct Corpus {
    pub(crate) bodies: Vec<Vec<u8>>,
    /// Whether each body had problems injected.
    pub(crate) bad: Vec<bool>,
    /// Bodies that are not valid JSON.
    pub(crate) invalid: usize,
}

impl Corpus {
    pub(crate) fn total_bytes(&self) -> usize {
        self.bodies.iter().map(Vec::len).sum()
    }
}

/// xorshift64: tiny, deterministic, good enough to pick shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("less than a usize")
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Debug, Clone)]
enum Val {
    Bool(bool),
    Str(String),
    Null,
    List(Vec<String>),
}

/// A body as an ordered member list, duplicates allowed.
struct Draft {
    members: Vec<(String, Val)>,
    trailing_comma: bool,
}

impl Draft {
    fn get(&self, key: &str) -> Option<&Val> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn set(&mut self, key: &str, value: Val) {
        match self.members.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => self.members.push((key.to_owned(), value)),
        }
    }

    fn remove(&mut self, key: &str) {
        self.members.retain(|(k, _)| k != key);
    }

    fn protocols_mut(&mut self) -> &mut Vec<String> {
        if !matches!(self.get(LIST), Some(Val::List(_))) {
            self.set(LIST, Val::List(vec![TLS_1_2.into(), TLS_1_3.into()]));
        }
        match self.members.iter_mut().find(|(k, _)| k == LIST) {
            Some((_, Val::List(list))) => list,
            _ => unreachable!("just set"),
        }
    }
}

const ENABLED: &str = "enabled";
const KEY: &str = "keyStoreId";
const TRUST: &str = "trustStoreId";
const LIST: &str = "supportedProtocolList";
const VERIFIER: &str = "hostnameVerifierType";
const TLS_1_3: &str = PROTOCOLS[0].constant;
const TLS_1_2: &str = PROTOCOLS[1].constant;
const TLS_1_1: &str = PROTOCOLS[2].constant;
const TLS_1_0: &str = PROTOCOLS[3].constant;
const SSL_3_0: &str = PROTOCOLS[4].constant;
const NOOP: &str = VERIFIERS[0].constant;
const DEFAULT: &str = VERIFIERS[1].constant;
const STRICT: &str = VERIFIERS[2].constant;

const ENVS: [&str; 6] = ["prod", "prod", "stage", "dev", "qa", "perf"];
const TEAMS: [&str; 5] = ["payments", "orders", "billing", "partner", "ledger"];

fn store_id(rng: &mut Rng, kind: &str) -> String {
    let env = rng.pick(&ENVS);
    let n = rng.below(10_000);
    match rng.below(4) {
        0 => format!("{}-{kind}-{env}-{n:04}", rng.pick(&TEAMS)),
        _ => format!("{kind}-{env}-{n:04}"),
    }
}

fn protocols(rng: &mut Rng) -> Vec<String> {
    let list: &[&str] = match rng.below(10) {
        0..=5 => &[TLS_1_2, TLS_1_3],
        6..=7 => &[TLS_1_3, TLS_1_2],
        8 => &[TLS_1_2],
        _ => &[TLS_1_3],
    };
    list.iter().map(|&p| p.to_owned()).collect()
}

/// A body with no problem: at most info-level findings.
fn clean(rng: &mut Rng) -> Draft {
    let mut members = Vec::new();
    match rng.below(10) {
        // The full settings, mTLS on.
        0..=5 => {
            members.push((ENABLED.into(), Val::Bool(true)));
            members.push((KEY.into(), Val::Str(store_id(rng, "ks"))));
            if rng.percent(85) {
                members.push((TRUST.into(), Val::Str(store_id(rng, "ts"))));
            }
            members.push((LIST.into(), Val::List(protocols(rng))));
            let verifier = if rng.percent(95) { DEFAULT } else { STRICT };
            members.push((VERIFIER.into(), Val::Str(verifier.into())));
        }
        // Turning mTLS off.
        6 => members.push((ENABLED.into(), Val::Bool(false))),
        // Off, but the stores prepared.
        7 => {
            members.push((ENABLED.into(), Val::Bool(false)));
            members.push((KEY.into(), Val::Str(store_id(rng, "ks"))));
            members.push((TRUST.into(), Val::Str(store_id(rng, "ts"))));
        }
        // A partial PATCH of one setting.
        8 => members.push((LIST.into(), Val::List(protocols(rng)))),
        _ => members.push((VERIFIER.into(), Val::Str(DEFAULT.into()))),
    }
    Draft { members, trailing_comma: false }
}

/// Kinds of problem; a bad body has one to three distinct kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Protocol,
    Verifier,
    Keystore,
    EnabledString,
    Null,
    Duplicate,
    MisspeltKey,
}

const KINDS: [Kind; 7] = [
    Kind::Protocol,
    Kind::Verifier,
    Kind::Keystore,
    Kind::EnabledString,
    Kind::Null,
    Kind::Duplicate,
    Kind::MisspeltKey,
];

fn with_problems(rng: &mut Rng) -> Draft {
    let mut draft = Draft {
        members: vec![
            (ENABLED.into(), Val::Bool(rng.percent(90))),
            (KEY.into(), Val::Str(store_id(rng, "ks"))),
            (TRUST.into(), Val::Str(store_id(rng, "ts"))),
            (LIST.into(), Val::List(protocols(rng))),
            (VERIFIER.into(), Val::Str(DEFAULT.into())),
        ],
        trailing_comma: false,
    };
    if rng.percent(20) {
        draft.remove(TRUST);
    }
    let count = 1 + rng.below(3);
    let mut kinds = KINDS.to_vec();
    let mut chosen = Vec::new();
    for _ in 0..count {
        chosen.push(kinds.swap_remove(rng.below(kinds.len())));
    }
    // Key renames last, so that value changes land on the right key.
    chosen.sort_unstable();
    for kind in chosen {
        inject(rng, &mut draft, kind);
    }
    draft.trailing_comma = rng.below(INVALID_ONE_IN) == 0;
    draft
}

fn inject(rng: &mut Rng, draft: &mut Draft, kind: Kind) {
    match kind {
        Kind::Protocol => match rng.below(5) {
            0 => {
                let list = draft.protocols_mut();
                for p in list.iter_mut() {
                    *p = p.replace("TLS_1_", "TLSv1.");
                }
            }
            1 => {
                let list = draft.protocols_mut();
                list[0] = list[0].to_ascii_lowercase();
            }
            2 => draft.protocols_mut().push(SSL_3_0.into()),
            3 => {
                let legacy = if rng.percent(70) { TLS_1_0 } else { TLS_1_1 };
                draft.protocols_mut().insert(0, legacy.into());
            }
            _ => draft.set(LIST, Val::Str(TLS_1_2.into())),
        },
        Kind::Verifier => {
            let value = match rng.below(3) {
                0 => DEFAULT.to_ascii_lowercase(),
                1 => {
                    // NOOP is a finding only while mTLS is on.
                    draft.set(ENABLED, Val::Bool(true));
                    NOOP.into()
                }
                _ => (*rng.pick(&["ALLOW_ALL", "DEFALT", "LAX", "WILDCARD"])).into(),
            };
            draft.set(VERIFIER, Val::Str(value));
        }
        Kind::Keystore => {
            if rng.percent(50) {
                draft.set(ENABLED, Val::Bool(true));
                draft.remove(KEY);
            } else {
                draft.set(KEY, Val::Str(String::new()));
            }
        }
        Kind::EnabledString => {
            let value = *rng.pick(&["true", "true", "True", "false"]);
            draft.set(ENABLED, Val::Str(value.into()));
        }
        Kind::Null => draft.set(TRUST, Val::Null),
        Kind::Duplicate => {
            if draft.get(KEY).is_none() || rng.percent(50) {
                let value = draft.get(ENABLED).cloned().unwrap_or(Val::Bool(true));
                draft.members.push((ENABLED.into(), value));
            } else {
                let value = Val::Str(store_id(rng, "ks"));
                draft.members.push((KEY.into(), value));
            }
        }
        Kind::MisspeltKey => {
            let (right, wrong) = *rng.pick(&[
                (KEY, "keystoreId"),
                (KEY, "keystoreId"),
                (KEY, "keyStoreID"),
                (KEY, "key_store_id"),
                (TRUST, "truststoreId"),
                (LIST, "supportedProtocols"),
                (VERIFIER, "hostNameVerifierType"),
            ]);
            if draft.get(right).is_none() {
                let value = match right {
                    KEY => Val::Str(store_id(rng, "ks")),
                    TRUST => Val::Str(store_id(rng, "ts")),
                    LIST => Val::List(protocols(rng)),
                    _ => Val::Str(DEFAULT.into()),
                };
                draft.set(right, value);
            }
            if let Some((key, _)) = draft.members.iter_mut().find(|(k, _)| k == right) {
                wrong.clone_into(key);
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Style {
    /// `{"a":1,"b":2}`
    Compact,
    /// `{"a": 1, "b": 2}`
    Spaced,
    /// Two-space indent, arrays one item a line (`JSON.stringify(v, null, 2)`).
    Pretty2,
    /// Four-space indent, arrays on one line, CRLF line ends.
    Pretty4Crlf,
}

fn value(out: &mut String, value: &Val, style: Style) {
    match value {
        Val::Bool(b) => write!(out, "{b}").expect("write to a String"),
        Val::Null => out.push_str("null"),
        Val::Str(s) => write!(out, "\"{s}\"").expect("write to a String"),
        Val::List(items) => match style {
            Style::Pretty2 if !items.is_empty() => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    let comma = if i + 1 < items.len() { "," } else { "" };
                    write!(out, "\n    \"{item}\"{comma}").expect("write to a String");
                }
                out.push_str("\n  ]");
            }
            _ => {
                let sep = if matches!(style, Style::Compact) { "," } else { ", " };
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    write!(out, "\"{item}\"").expect("write to a String");
                }
                out.push(']');
            }
        },
    }
}

fn render(draft: &Draft, style: Style) -> String {
    let (open, sep, colon, close) = match style {
        Style::Compact => ("{", ",", ":", "}"),
        Style::Spaced => ("{", ", ", ": ", "}"),
        Style::Pretty2 => ("{\n  ", ",\n  ", ": ", "\n}\n"),
        Style::Pretty4Crlf => ("{\r\n    ", ",\r\n    ", ": ", "\r\n}\r\n"),
    };
    let mut out = String::from(open);
    for (i, (key, val)) in draft.members.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        write!(out, "\"{key}\"{colon}").expect("write to a String");
        value(&mut out, val, style);
    }
    if draft.trailing_comma {
        out.push(',');
    }
    out.push_str(close);
    out
}

/// The corpus, the same on every run.
pub(crate) fn generate() -> Corpus {
    let mut rng = Rng(SEED);
    let mut bodies = Vec::with_capacity(BODIES);
    let mut bad = Vec::with_capacity(BODIES);
    let mut invalid = 0;
    for _ in 0..BODIES {
        let is_bad = rng.percent(BAD_PERCENT);
        let draft = if is_bad { with_problems(&mut rng) } else { clean(&mut rng) };
        let style = match rng.below(10) {
            0..=3 => Style::Pretty2,
            4 => Style::Pretty4Crlf,
            5..=7 => Style::Compact,
            _ => Style::Spaced,
        };
        invalid += usize::from(draft.trailing_comma);
        bodies.push(render(&draft, style).into_bytes());
        bad.push(is_bad);
    }
    Corpus { bodies, bad, invalid }
}
