//! Credentials written as free text, hidden before the text is shown.
//!
//! A request's own parts are masked where they are read ([`crate::import::mask_secrets`],
//! [`crate::RequestReport::text`]); this is the net under them, for text
//! mtlslint did not read as a request: a body that is a pasted command or a
//! saved List Credentials response, a comment in a cURL file, a stray
//! command-line argument.

use std::borrow::Cow;

use crate::import::{CONNECTION_SECRET_OPTIONS, CREDENTIAL_OPTIONS};
use crate::request::{MASKED_TOKEN, encode_reserved, is_known_scheme, url_secrets};
use crate::{Diagnostic, Finding};

/// Writes `*` over each of `secrets`, as written and percent-encoded (as a
/// path quotes it), wherever a finding's message or help quotes it. A fix
/// whose edits would write one is dropped: masked, it would write `*` into
/// the file. Texts under four bytes, JSON literals, numbers and the model's
/// constants are left alone: they would hide words of the messages, not secrets.
pub(crate) fn hide_in<'s>(diagnostics: &mut [&mut dyn Texts], secrets: impl IntoIterator<Item = &'s str>) {
    // A value with white space around it (`" pw "`) is quoted trimmed (S007: write `"pw"`).
    let secrets: Vec<Cow<'_, str>> = secrets
        .into_iter()
        .map(str::trim)
        .filter(|secret| secret.len() >= 4 && !is_plain_value(secret))
        .flat_map(|secret| [Cow::Borrowed(secret), encode_reserved(secret)])
        .collect();
    if secrets.is_empty() {
        return;
    }
    let by_start = Secrets::new(&secrets);
    for diagnostic in diagnostics {
        if diagnostic.fix_writes(&|content| !found(content, &by_start).is_empty()) {
            diagnostic.drop_fix();
        }
        for text in diagnostic.texts_mut().into_iter().flatten() {
            hide(text, &by_start);
        }
    }
}

/// What redaction reads and rewrites in a finding, placed ([`Diagnostic`])
/// or not ([`Finding`]): redaction is written once, for both, through this
/// (one copy of it in the wasm module, not two).
pub(crate) trait Texts {
    /// The byte offsets of the finding's range.
    fn offsets(&self) -> (usize, usize);
    /// Its message, help and fix title.
    fn texts_mut(&mut self) -> [Option<&mut Cow<'static, str>>; 3];
    /// Whether its message, its help or what its fix writes holds `piece`.
    fn quotes(&self, piece: &str) -> bool;
    /// Whether what one of its fix's edits writes is `bad`.
    fn fix_writes(&self, bad: &dyn Fn(&str) -> bool) -> bool;
    /// Drops its fix.
    fn drop_fix(&mut self);
}

/// [`Texts`] for both kinds, whose texts have the same names.
macro_rules! texts {
    ($kind:ty, |$d:ident| $offsets:expr) => {
        impl Texts for $kind {
            fn offsets(&self) -> (usize, usize) {
                let $d = self;
                $offsets
            }
            fn texts_mut(&mut self) -> [Option<&mut Cow<'static, str>>; 3] {
                [Some(&mut self.message), self.help.as_mut(), self.fix.as_mut().map(|fix| &mut fix.message)]
            }
            fn quotes(&self, piece: &str) -> bool {
                self.message.contains(piece)
                    || self.help.as_ref().is_some_and(|help| help.contains(piece))
                    || self.fix_writes(&|content| content.contains(piece))
            }
            fn fix_writes(&self, bad: &dyn Fn(&str) -> bool) -> bool {
                self.fix.as_ref().is_some_and(|fix| fix.edits.iter().any(|edit| bad(&edit.content)))
            }
            fn drop_fix(&mut self) {
                self.fix = None;
            }
        }
    };
}
texts!(Diagnostic, |d| (d.range.start.offset, d.range.end.offset));
texts!(Finding, |d| (d.span.start, d.span.end));

/// `items` as [`Texts`], for [`hide_in`].
pub(crate) fn as_texts<T: Texts>(items: &mut [T]) -> Vec<&mut dyn Texts> {
    items.iter_mut().map(|item| item as &mut dyn Texts).collect()
}

/// Secrets (four bytes or more) filed by their first four bytes, so that a
/// text is read once however many there are: a table with a bucket or
/// more for each secret, indexed by the top bits of a multiplicative hash.
/// A table of its own: a `HashMap` would add about 1.5 KB gzipped to the
/// wasm module.
struct Secrets<'s> {
    table: Vec<Vec<&'s str>>,
    bits: u32,
}

impl<'s> Secrets<'s> {
    fn new<S: AsRef<str>>(secrets: &'s [S]) -> Self {
        let bits = secrets.len().next_power_of_two().trailing_zeros().clamp(1, 16);
        let mut filed = Self { table: vec![Vec::new(); 1 << bits], bits };
        for secret in secrets {
            let secret = secret.as_ref();
            let bucket = filed.bucket(secret.as_bytes());
            filed.table[bucket].push(secret);
        }
        filed
    }

    fn bucket(&self, start: &[u8]) -> usize {
        let word = u32::from_le_bytes([start[0], start[1], start[2], start[3]]);
        (word.wrapping_mul(0x9E37_79B1) >> (32 - self.bits)) as usize
    }

    /// The secrets that may start at the start of `bytes` (four bytes or more).
    fn starting(&self, bytes: &[u8]) -> &[&'s str] {
        &self.table[self.bucket(bytes)]
    }
}

/// Where the secrets stand in `text`.
fn found(text: &str, secrets: &Secrets<'_>) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for at in 0..bytes.len().saturating_sub(3) {
        for secret in secrets.starting(&bytes[at..]) {
            let range = at..at + secret.len();
            if bytes[at..].starts_with(secret.as_bytes()) && found.last() != Some(&range) {
                found.push(range);
            }
        }
    }
    found
}

/// `text` with one `*` for each character of a secret it holds.
fn hide(text: &mut Cow<'static, str>, by_start: &Secrets<'_>) {
    let found = found(text, by_start);
    if found.is_empty() {
        return;
    }
    let hidden = text
        .char_indices()
        .map(|(at, c)| if found.iter().any(|range| range.contains(&at)) { '*' } else { c })
        .collect();
    *text = Cow::Owned(hidden);
}

/// A value no one keeps secret: `true`, `null`, `42`, `DEFAULT`, `TLS_1_2`.
fn is_plain_value(value: &str) -> bool {
    matches!(value, "true" | "false" | "null")
        || value.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        || crate::model::PROTOCOLS.iter().any(|p| p.constant == value)
        || crate::model::VERIFIERS.iter().any(|v| v.constant == value)
}

/// Parts that make a name a secret's wherever they stand in it:
/// `Authorization`, `keyStorePassword`, `passwd`, `x-api-key`, `apiToken`,
/// keytool's `storepass` and `keypass` (`srcstorepass`), ...
const SECRET_PARTS: [&str; 17] = [
    "authorization",
    "storepass",
    "keypass",
    "passw",
    "passphrase",
    "passcode",
    "pwd",
    "secret",
    "token",
    "apikey",
    "api-key",
    "api_key",
    "cookie",
    "credential",
    "privatekey",
    "storefile",
    "jwt",
];

/// Whole words of a name that make it a secret's: `pass`, `db_pw`.
const SECRET_WORDS: [&str; 2] = ["pass", "pw"];

/// Words that make a name a secret's when the word `key` comes right after
/// them: `private_key`, `PRIVATE-KEY`, `privKey`, `signing_key`.
const BEFORE_KEY: [&str; 3] = ["private", "priv", "signing"];

/// More parts that make a header or a URL parameter a secret's (`X-Authkey`,
/// `?passkey=`, `?session_id=`), too common in free text (`"authMode"`) to
/// be read as one there.
const REQUEST_SECRET_PARTS: [&str; 3] = ["auth", "session", "passkey"];

/// More whole words that make a header or a URL parameter a secret's
/// (`?sig=`, `?code=`, `;sid=`, `X-Api-Key`), too common in free text
/// (`"code": 404`) to be read as one there.
const REQUEST_SECRET_WORDS: [&str; 6] = ["bearer", "sig", "signature", "code", "sid", "key"];

/// Last words that make a name a secret's name, not its value: `tokenStore`,
/// `credentialName`, `apiKeyId`, `token_type`.
const NAMING_WORDS: [&str; 11] =
    ["id", "ids", "name", "names", "store", "type", "url", "uri", "user", "username", "count"];

/// Whether a name (a JSON key, a header, a variable) is a secret's:
/// `password`, `keyStoreFile`, `X-Auth-Token`, `auth`, but not `tokenStore`,
/// `authMode` or `bypass`.
pub(crate) fn is_secret_name(name: &str) -> bool {
    names_secret(name, false)
}

/// Whether a header or a URL parameter of this name carries a secret: the
/// names of [`is_secret_name`], and `X-Authkey`, `?sig=`, `?code=`, a
/// session's id (`jsessionid`, `session_id`), a name ending in `key`
/// (`X-Api-Key`, `accesskey`), but not `author`, `keyStoreId` or `design`.
pub(crate) fn is_request_secret_name(name: &str) -> bool {
    names_secret(name, true)
}

fn names_secret(name: &str, request: bool) -> bool {
    // A session's id is its secret, whatever the name ends with.
    if request && contains(name, "session") {
        return true;
    }
    // Most names are answered here, without splitting them into words: the
    // model's own (`keyStoreId`, `enabled`) at once, most others by their letters.
    if !request && (crate::model::FIELDS.contains(&name) || !may_name_a_secret(name.as_bytes())) {
        return false;
    }
    let words = words(name);
    let Some(last) = words.last() else { return false };
    if NAMING_WORDS.iter().any(|naming| last.eq_ignore_ascii_case(naming)) {
        return false;
    }
    let holds_word =
        |list: &[&str]| words.iter().any(|word| list.iter().any(|secret| word.eq_ignore_ascii_case(secret)));
    let key_after = |pair: &[&str]| {
        pair[1].eq_ignore_ascii_case("key") && BEFORE_KEY.iter().any(|w| pair[0].eq_ignore_ascii_case(w))
    };
    let secret = SECRET_PARTS.iter().any(|part| contains(name, part))
        || holds_word(&SECRET_WORDS)
        || words.windows(2).any(key_after)
        || name.eq_ignore_ascii_case("auth");
    secret
        || request
            && (REQUEST_SECRET_PARTS.iter().any(|part| contains(name, part)) && !contains(name, "author")
                || holds_word(&REQUEST_SECRET_WORDS)
                || name.len() > 3 && name.as_bytes()[name.len() - 3..].eq_ignore_ascii_case(b"key"))
}

/// Whether a name holds the start of a secret's part or word, or is `auth`:
/// a first pass over it that answers most names (`keyStoreId`, `enabled`).
/// The parts and words are filed by their first two letters by hand, for
/// speed (a search of the lists at each byte made the npm package's
/// `lint()` 10% slower); a test checks that the filing holds every one of them.
fn may_name_a_secret(name: &[u8]) -> bool {
    name.windows(2).enumerate().any(|(at, pair)| {
        // `| 0x20` lowers a letter; no other byte becomes one.
        let starts: &[&str] = match [pair[0] | 0x20, pair[1] | 0x20] {
            [b'a', b'u' | b'p'] => &["auth", "apikey", "api-key", "api_key"],
            [b'p', b'a' | b'w' | b'r'] => &["pass", "pw", "priv"],
            [b's', b'e' | b't' | b'i'] => &["secret", "storefile", "storepass", "signing"],
            [b'k', b'e'] => &["keypass"],
            [b't', b'o'] => &["token"],
            [b'c', b'o' | b'r'] => &["cookie", "credential"],
            [b'j', b'w'] => &["jwt"],
            _ => return false,
        };
        starts
            .iter()
            .any(|start| name[at..].get(..start.len()).is_some_and(|w| w.eq_ignore_ascii_case(start.as_bytes())))
    })
}

/// Whether `part` stands in `name`, in any case.
fn contains(name: &str, part: &str) -> bool {
    name.as_bytes().windows(part.len()).any(|w| w.eq_ignore_ascii_case(part.as_bytes()))
}

/// The words of a name: split at anything not a letter or a digit, and
/// between a lowercase letter and a capital (`keyStoreId`, `APIKey`).
fn words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|part| !part.is_empty()) {
        let bytes = part.as_bytes();
        let mut start = 0;
        for i in 1..bytes.len() {
            let upper = bytes[i].is_ascii_uppercase();
            let after_lower = !bytes[i - 1].is_ascii_uppercase();
            let acronym_end = bytes[i - 1].is_ascii_uppercase() && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase);
            if upper && (after_lower || acronym_end) {
                words.push(&part[start..i]);
                start = i;
            }
        }
        words.push(&part[start..]);
    }
    words
}

/// Where the credentials that `text` seems to hold stand (see [`redact`]).
fn secret_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut hidden: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !is_name_byte(bytes[at]) && escaped_name_byte(bytes, at).is_none() {
            at += 1;
            continue;
        }
        let start = at;
        // A JSON key may spell a letter as an escape (`"pass\u0077ord"`): read as the server reads it.
        let mut decoded: Option<String> = None;
        loop {
            let run = at + bytes[at..].iter().take_while(|&&b| is_name_byte(b)).count();
            if let Some(decoded) = &mut decoded {
                decoded.push_str(&text[at..run]);
            }
            at = run;
            let Some(c) = bytes.get(at).and_then(|_| escaped_name_byte(bytes, at)) else { break };
            decoded.get_or_insert_with(|| text[start..at].to_owned()).push(c);
            at += 6;
        }
        let name = &bytes[start..at];
        if name.starts_with(b"eyJ")
            && let Some(end) = token_end(bytes, at)
        {
            // A JSON Web Token stands alone: a token file given as the body, pasted in a field.
            hidden.push(start..end);
            at = end;
        } else if let Some(scheme) = [b"bearer".as_slice(), b"basic"].iter().position(|s| name.eq_ignore_ascii_case(s))
        {
            // The credential after an `Authorization` scheme; `Bearer token missing` and
            // `Basic settings` are prose. `Basic`'s is `user:password` in base64 (`dXNlcjpwdw==`).
            let token = skip_blanks(bytes, at);
            let end = scalar_end(bytes, token);
            let word = &bytes[token..end];
            let prose = PROSE_AFTER_BEARER.iter().any(|prose| word.eq_ignore_ascii_case(prose.as_bytes()));
            let base64 = || {
                word.len() >= 4
                    && word.iter().all(|&b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
                    && !word.iter().all(u8::is_ascii_lowercase)
            };
            let bearer = scheme == 0;
            if token > at && !prose && (bearer || base64()) {
                hidden.push(token..end);
            }
        } else if name[0] == b'-'
            && let Some(option) =
                CREDENTIAL_OPTIONS.iter().chain(&CONNECTION_SECRET_OPTIONS).find(|o| name == o.as_bytes())
        {
            // cURL's `-u user:password`, `--oauth2-bearer TOKEN`, `--pass PHRASE`, ...
            let mut word = skip_blanks(bytes, at);
            if bytes.get(word).is_some_and(|&b| b == b'"' || b == b'\'') {
                word += 1;
            }
            let end = scalar_end(bytes, word);
            let secret_at = match text[word..end].find(':') {
                Some(colon) => word + colon + 1,
                // A user name alone: curl asks for the password.
                None if matches!(*option, "-u" | "--user" | "-U" | "--proxy-user") => end,
                None => word,
            };
            hidden.push(secret_at..end);
        } else if let Some(value) = value_after(bytes, at)
            && !closes_empty(bytes, start, at)
            && !names_a_file_or_option(bytes, start, at)
            && is_secret_name(decoded.as_deref().unwrap_or(&text[start..at]))
        {
            match value {
                Value::Nested(open) => {
                    let (scalars, end) = nested_scalars(bytes, open);
                    hidden.extend(scalars);
                    // Read once: what it holds is hidden already.
                    at = end;
                }
                Value::Scalar(value) => {
                    let value_text = &text[value.clone()];
                    // `Bearer abc`: the scheme stays; the word alone is no secret.
                    let secret_at = match value_text.split_once([' ', '\t']) {
                        Some((scheme, _)) if is_known_scheme(scheme) => skip_blanks(bytes, value.start + scheme.len()),
                        None if is_known_scheme(value_text) => value.end,
                        _ => value.start,
                    };
                    hidden.push(secret_at..value.end);
                }
            }
        }
    }
    // URLs: what `//` starts, up to a blank or a quote; each read once.
    let mut read_to = 0;
    for (slashes, _) in text.match_indices("//") {
        if slashes < read_to {
            continue;
        }
        let end = text[slashes..]
            .find(|c: char| c.is_whitespace() || "\"'<>`\\".contains(c))
            .map_or(text.len(), |i| slashes + i);
        hidden.extend(url_secrets(&text[slashes..end]).into_iter().map(|r| slashes + r.start..slashes + r.end));
        read_to = end;
    }
    // A PEM private key (`-----BEGIN PRIVATE KEY-----`, `RSA`, `EC`, `ENCRYPTED`): its
    // base64, up to `-----END` or the end of the string that holds it.
    for (begin, marker) in text.match_indices("-----BEGIN ") {
        let label = begin + marker.len();
        let Some(close) = text[label..].find("-----").map(|i| label + i) else { continue };
        if text[label..close].ends_with("PRIVATE KEY") {
            let start = close + "-----".len();
            hidden.push(start..text[start..].find(['-', '"', '\'']).map_or(text.len(), |i| start + i));
        }
    }
    hidden.retain(|range| {
        range.start < range.end
            && !is_placeholder(&text[range.clone()])
            && !text[range.clone()].bytes().all(|b| b == b'*' || b.is_ascii_whitespace())
    });
    hidden
}

/// Hides in findings on `text` the credentials that [`redact`] hides in it,
/// wherever a message, a help or a fix quotes them (`found \`s3cret\``).
/// Front ends that show findings call it with the text the findings are on.
///
/// ```
/// let text = r#"{"enabled": true, "password": s3cret-pw}"#;
/// let mut diagnostics = mtlslint::locate(text, mtlslint::lint(text));
/// assert!(diagnostics.iter().any(|d| d.message.contains("s3cret-pw")));
/// mtlslint::redact_diagnostics(text, &mut diagnostics);
/// assert!(diagnostics.iter().all(|d| !format!("{d:?}").contains("s3cret")));
/// ```
pub fn redact_diagnostics(text: &str, diagnostics: &mut [Diagnostic]) {
    redact_in(text, &mut as_texts(diagnostics));
}

/// [`redact_diagnostics`] for findings not yet placed ([`Finding`]).
///
/// ```
/// let text = r#"{"enabled": true, "password": s3cret-pw}"#;
/// let mut findings = mtlslint::lint(text);
/// assert!(findings.iter().any(|d| d.message.contains("s3cret-pw")));
/// mtlslint::redact_findings(text, &mut findings);
/// assert!(findings.iter().all(|d| !format!("{d:?}").contains("s3cret")));
/// ```
pub fn redact_findings(text: &str, findings: &mut [Finding]) {
    redact_in(text, &mut as_texts(findings));
}

fn redact_in(text: &str, diagnostics: &mut [&mut dyn Texts]) {
    if diagnostics.is_empty() {
        return;
    }
    let ranges = secret_ranges(text);
    // The ranges come in runs ordered by start (the names', then the URLs'):
    // each run is searched on its own.
    let runs: Vec<&[std::ops::Range<usize>]> = ranges.chunk_by(|before, after| before.start <= after.start).collect();
    // A finding may quote what it points at cut short (`found \`eyJhbGci…\``):
    // the longest start of a secret under its range that it quotes is a secret too.
    let mut quoted = Vec::new();
    for diagnostic in diagnostics.iter() {
        let (start, end) = diagnostic.offsets();
        let end = end.max(start + 1);
        for run in &runs {
            let first = run.partition_point(|range| range.start <= start).saturating_sub(1);
            let under = run[first..].iter().take_while(|range| range.start < end).filter(|range| range.end > start);
            quoted.extend(under.filter_map(|range| {
                quoted_start(&**diagnostic, text.get(range.start.max(start)..range.end.min(end))?)
            }));
        }
    }
    hide_in(diagnostics, ranges.iter().map(|range| &text[range.clone()]).chain(quoted));
}

/// The longest start of `piece`, of four bytes or more and at most 256, that
/// the finding's message, help or fix quotes.
fn quoted_start<'p>(diagnostic: &dyn Texts, piece: &'p str) -> Option<&'p str> {
    let mut end = piece.len().min(256);
    while end >= 4 {
        if let Some(start) = piece.get(..end)
            && diagnostic.quotes(start)
        {
            return Some(start);
        }
        end -= 1;
    }
    None
}

/// `text` with the credentials it seems to hold masked, each character by
/// one of the same length (`*` for ASCII), so that every offset,
/// column and UTF-16 column in it stays where it was: the value of a
/// name that carries a secret (`Authorization: Bearer abc`, `"password": "pw"`,
/// `token=abc`; an authentication scheme stays readable), the word after
/// `Bearer`, and the secrets of URLs (`https://user:pw@host`, `?access_token=`).
///
/// ```
/// let text = r#"curl -H 'Authorization: Bearer abc' https://u:pw@gw/x {"password": "s3"}"#;
/// assert_eq!(
///     mtlslint::redact(text),
///     r#"curl -H 'Authorization: Bearer ***' https://u:**@gw/x {"password": "**"}"#,
/// );
/// assert_eq!(mtlslint::redact(r#"{"keyStoreId": "ks-1"}"#), r#"{"keyStoreId": "ks-1"}"#);
/// ```
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut hidden = secret_ranges(text);
    if hidden.is_empty() {
        return Cow::Borrowed(text);
    }
    // Each secret wherever else the text quotes it as a word of its own: a server's
    // message (`password is wrong: s3cret-pw`). Shorter ones would hide words (`mtls`).
    // Each is searched through the whole text: a text of many secrets (a saved List
    // Keystores response) is not searched for them, each stands where its key says.
    let mut secrets: Vec<&str> = Vec::new();
    for secret in hidden.iter().map(|range| &text[range.clone()]) {
        if (8..=256).contains(&secret.len()) && !is_plain_value(secret) && !secrets.contains(&secret) {
            secrets.push(secret);
        }
        if secrets.len() > MAX_SEARCHED {
            secrets.clear();
            break;
        }
    }
    let word = |at: usize, end: usize| {
        let apart = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '-');
        apart(text[..at].chars().next_back()) && apart(text[end..].chars().next())
    };
    let mut quoted = Vec::new();
    for secret in secrets {
        let found = text.match_indices(secret).map(|(at, _)| at..at + secret.len());
        quoted.extend(found.filter(|range| word(range.start, range.end)));
    }
    hidden.extend(quoted);
    Cow::Owned(masked(text, hidden))
}

/// The most secrets [`redact`] looks for beyond where they stand.
const MAX_SEARCHED: usize = 64;

/// `text` with the characters in `ranges` (but white space) masked by [`mask`].
pub(crate) fn masked(text: &str, ranges: impl IntoIterator<Item = std::ops::Range<usize>>) -> String {
    let mut out = text.as_bytes().to_vec();
    for range in ranges {
        for (i, c) in text[range.clone()].char_indices() {
            if !c.is_whitespace() {
                let from = range.start + i;
                mask(c).encode_utf8(&mut out[from..from + c.len_utf8()]);
            }
        }
    }
    // Whole characters were replaced by whole characters, so the bytes stay UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// What [`redact`] writes over a character of a secret: `*`, or for a
/// character outside ASCII one as long in UTF-8 and in UTF-16 (`é` becomes
/// `·`, `密` becomes `∗`, `😀` becomes `🞯`), so that the findings' columns
/// still point at the same characters.
fn mask(c: char) -> char {
    match c.len_utf8() {
        1 => '*',
        2 => '\u{b7}',
        3 => '\u{2217}',
        _ => '\u{1f7af}',
    }
}

/// Words after `Bearer` that make it prose (`a Bearer token is required`), not a credential.
const PROSE_AFTER_BEARER: [&str; 6] = ["token", "tokens", "auth", "authentication", "scheme", "header"];

/// The end of a JSON Web Token whose header, base64url `{"...` (`eyJ...`),
/// ends at `at`: a `.`, the payload, a `.` and the signature (empty when unsigned).
fn token_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    for _ in 0..2 {
        if bytes.get(at) != Some(&b'.') {
            return None;
        }
        at += 1;
        at += bytes[at..].iter().take_while(|&&b| is_name_byte(b)).count();
    }
    Some(at)
}

fn is_name_byte(byte: u8) -> bool {
    NAME_BYTES[usize::from(byte)]
}

/// The bytes of a name: ASCII digits and letters, `_` and `-` (a table: asked of every byte).
static NAME_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < table.len() {
        table[byte] = matches!(byte, 0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a | 0x5f | 0x2d);
        byte += 1;
    }
    table
};

/// The name byte a JSON escape at `at` spells (`\u0077` is `w`), if it spells one.
fn escaped_name_byte(bytes: &[u8], at: usize) -> Option<char> {
    // Asked of every byte between names: most are no backslash.
    if bytes[at] != b'\\' {
        return None;
    }
    let hex = bytes.get(at..at + 6).filter(|escape| escape[1] == b'u')?;
    let code = u8::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()?;
    is_name_byte(code).then_some(char::from(code))
}

/// Past spaces and tabs, and the escaped white space of a JSON string
/// (`"password:\tabc"` in a server's message).
fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match bytes.get(at..at + 2) {
            Some([b' ' | b'\t', _]) => at += 1,
            Some([b'\\', b't' | b'n' | b'r']) => at += 2,
            _ if bytes.get(at).is_some_and(|&b| b == b' ' || b == b'\t') => at += 1,
            _ => return at,
        }
    }
}

/// Where a value written without quotes ends: at a blank, a quote, a line end or a separator.
fn scalar_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|&b| !b.is_ascii_whitespace() && !b"\"'`\\,;&<>)]}".contains(&b)) {
        at += 1;
    }
    at
}

/// What follows a secret's name.
enum Value {
    /// Where a string or a scalar stands.
    Scalar(std::ops::Range<usize>),
    /// Where an object or an array opens.
    Nested(usize),
}

/// The value that follows a name at `at`: after its closing quote, a `:` or
/// `=`, and blanks; in quotes up to the closing one (also on the next line,
/// as a formatter may put it), else up to the line's end or a quote, a comma
/// or a `&` (a header in a shell word, a JSON number), and after `=` also up
/// to a blank (a query parameter). `None` for no value.
fn value_after(bytes: &[u8], at: usize) -> Option<Value> {
    let mut at = at;
    if bytes.get(at).is_some_and(|&b| b == b'"' || b == b'\'') {
        // A quoted key: its `:` may stand on the next line.
        at = skip_whitespace(bytes, at + 1);
    }
    at = skip_blanks(bytes, at);
    let separator = *bytes.get(at).filter(|&&b| b == b':' || b == b'=')?;
    at = skip_blanks(bytes, at + 1);
    if bytes.get(at).is_some_and(|&b| b == b'\r' || b == b'\n') {
        at += bytes[at..].iter().take_while(|b| b.is_ascii_whitespace()).count();
        if !bytes.get(at).is_some_and(|&b| b == b'"' || b == b'\'' || b == b'{' || b == b'[') {
            return None;
        }
    }
    if bytes[at..].starts_with(b"{{") {
        // A template's variable (`{{token}}`), not an object.
        let line = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| at + i);
        let close = bytes[at..line].windows(2).position(|w| w == b"}}").map_or(line, |i| at + i + 2);
        return Some(Value::Scalar(at..close));
    }
    match *bytes.get(at)? {
        quote @ (b'"' | b'\'') => Some(Value::Scalar(at + 1..string_end(bytes, at + 1, quote))),
        b'{' | b'[' => Some(Value::Nested(at)),
        b'\r' | b'\n' => None,
        _ => {
            let ends = |b: u8| b"\r\n\"'`\\,;&}]".contains(&b) || (separator == b'=' && b.is_ascii_whitespace());
            let mut end = at;
            while bytes.get(end).is_some_and(|&b| !ends(b)) {
                end += 1;
            }
            while end > at && bytes[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            Some(Value::Scalar(at..end))
        }
    }
}

/// Where a string that starts at `at` ends: at its closing quote, or at the line's end.
fn string_end(bytes: &[u8], at: usize, quote: u8) -> usize {
    let mut end = at;
    while end < bytes.len() && bytes[end] != quote && bytes[end] != b'\n' {
        end += if bytes[end] == b'\\' && quote == b'"' { 2 } else { 1 };
    }
    end.min(bytes.len())
}

/// The values inside the object or array that opens at `open`
/// (`"passwords": ["a", "b"]`, `"credentials": {"user": "u", "pw": "p"}`),
/// strings and bare words but not `true`, `false` or `null`; keys stay
/// readable. Also where the object or array ends (the text's end if it is
/// not closed).
fn nested_scalars(bytes: &[u8], open: usize) -> (Vec<std::ops::Range<usize>>, usize) {
    let (mut scalars, mut depth, mut at) = (Vec::new(), 0_usize, open);
    while at < bytes.len() {
        match bytes[at] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return (scalars, at + 1);
                }
            }
            quote @ (b'"' | b'\'') => {
                let end = string_end(bytes, at + 1, quote);
                if bytes.get(skip_whitespace(bytes, end + 1)) != Some(&b':') {
                    scalars.push(at + 1..end);
                }
                at = end;
            }
            b if !b.is_ascii_whitespace() && !b",:".contains(&b) => {
                let end = scalar_end(bytes, at).max(at + 1);
                if !matches!(&bytes[at..end], b"true" | b"false" | b"null") {
                    scalars.push(at..end);
                }
                at = end - 1;
            }
            _ => {}
        }
        at += 1;
    }
    (scalars, bytes.len())
}

/// Whether a value stands for one without being one, as documentation,
/// templates and shells write them: `<token>`, `<your personal API access
/// token>`, `{username}`, `{{token}}`, `$TOKEN`, `${TOKEN}`. (A secret may
/// start with `$` and a lowercase letter: `$ecret` is hidden, not taken for one.)
pub(crate) fn is_placeholder(value: &str) -> bool {
    let inner = |open: &str, close: &str| {
        value.strip_prefix(open).and_then(|v| v.strip_suffix(close)).is_some_and(|v| !v.contains(['<', '>', '{', '}']))
    };
    value == MASKED_TOKEN
        || inner("<", ">")
        || inner("{", "}")
        || inner("{{", "}}")
        || inner("${", "}")
        || [value.strip_prefix('$'), value.strip_prefix("YOUR_")].into_iter().flatten().any(|name| {
            // `$KS`, and the documentation's own style: `Bearer YOUR_TOKEN`, `YOUR_KEYSTORE_ID`.
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        })
}

/// Whether a name in a path stands for one, as [`is_placeholder`] reads it
/// or as a shell writes a variable of any case (`$ts`, PowerShell's
/// `$env:TS`) or a command's output (`$(cat ts.txt)`).
pub(crate) fn is_name_placeholder(value: &str) -> bool {
    let variable = value.strip_prefix("$env:").or_else(|| value.strip_prefix('$')).is_some_and(|name| {
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    });
    is_placeholder(value) || variable || (value.starts_with("$(") && value.ends_with(')'))
}

/// How a placeholder gets its value before mtlslint can judge it: a shell
/// fills `$NAME` in (not inside single quotes), an HTTP client `{{name}}`;
/// mtlslint reads the text as written. Empty for other placeholders.
pub(crate) fn how_to_fill(placeholder: &str) -> String {
    if placeholder.starts_with('$') {
        ": mtlslint reads the text as written, not as a shell expands it (which it does not in single quotes)".into()
    } else if let Some(name) = crate::import::variable_name(placeholder) {
        match name {
            // `{{$processEnv KS}}`, `{{$uuid}}`: the HTTP clients' own, which no `@` line defines.
            name if name.is_empty() || crate::import::is_clients_own(name) => String::new(),
            name => format!(", or define `{name}` (`@{name} = ...` in an .http file)"),
        }
    } else {
        String::new()
    }
}

/// Whether the name at `start..end` is a header's in quotes that close right
/// after its `:` (`-H 'Authorization:'`, which removes the header): it has no
/// value, and what follows the quote (`-H 'Content-Type: ...'`) is none.
fn closes_empty(bytes: &[u8], start: usize, end: usize) -> bool {
    let quote = start.checked_sub(1).map(|before| bytes[before]).filter(|&b| b == b'"' || b == b'\'');
    quote.is_some_and(|quote| bytes.get(end) == Some(&b':') && bytes.get(skip_blanks(bytes, end + 1)) == Some(&quote))
}

/// Whether the name at `start..end` is a file's (`/etc/tokens: not found`),
/// a command-line option's (`--credentials: cannot read x.json`) or the
/// configuration's inventory (`inventories.credentials: cannot read ...`),
/// as an error message writes them, not a secret's.
fn names_a_file_or_option(bytes: &[u8], start: usize, end: usize) -> bool {
    let after_path = start > 0 && matches!(bytes[start - 1], b'/' | b'\\');
    let option = bytes[start..end].starts_with(b"--") && bytes.get(end) == Some(&b':');
    after_path || option || bytes[..start].ends_with(b"inventories.")
}

fn skip_whitespace(bytes: &[u8], at: usize) -> usize {
    at + bytes.get(at..).unwrap_or_default().iter().take_while(|b| b.is_ascii_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn a_secret_with_white_space_around_it_is_hidden_where_quoted_trimmed() {
        let text = r#"{"enabled": true, "keyStoreId": " ks-pw-secret ", "password": " ks-pw-secret "}"#;
        let mut findings = crate::lint(text);
        assert!(findings.iter().any(|f| f.help.as_deref().is_some_and(|help| help.contains("\"ks-pw-secret\""))));
        super::redact_findings(text, &mut findings);
        assert!(findings.iter().all(|f| !format!("{f:?}").contains("ks-pw-secret")), "{findings:?}");
    }

    #[test]
    fn hides_credentials_wherever_they_are_written() {
        for (text, hidden) in [
            ("time curl -H 'Authorization: Bearer T0k' x", "time curl -H 'Authorization: Bearer ***' x"),
            ("  # -H \"authorization: token abc\" \\\n", "  # -H \"authorization: token ***\" \\\n"),
            ("Authorization: s3cret\nX: 1", "Authorization: ******\nX: 1"),
            ("Authorization:Bearer", "Authorization:Bearer"),
            ("Authorization: Bearer <token>", "Authorization: Bearer <token>"),
            (
                "Authorization: Bearer <your token>\ntoken={{token}} ${TOKEN} $TOKEN",
                "Authorization: Bearer <your token>\ntoken={{token}} ${TOKEN} $TOKEN",
            ),
            ("bearer\tabc.def-ghi, x", "bearer\t***********, x"),
            (
                r#"{"pass\u0077ord": "hunter2", "\u0074oken": "t0k"}"#,
                r#"{"pass\u0077ord": "*******", "\u0074oken": "***"}"#,
            ),
            (r#"{"storepass": "changeit", "srckeypass": "kp"}"#, r#"{"storepass": "********", "srckeypass": "**"}"#),
            (
                r#"{"keyStoreId": "-----BEGIN RSA PRIVATE KEY-----\nMIIEvQ\n-----END RSA PRIVATE KEY-----"}"#,
                r#"{"keyStoreId": "-----BEGIN RSA PRIVATE KEY-----**********-----END RSA PRIVATE KEY-----"}"#,
            ),
            (
                "-----BEGIN CERTIFICATE-----MIIC-----END CERTIFICATE-----",
                "-----BEGIN CERTIFICATE-----MIIC-----END CERTIFICATE-----",
            ),
            (
                r#"{"hostnameVerifierType": "Basic YWRtaW46aHVudGVyMg=="}"#,
                r#"{"hostnameVerifierType": "Basic ********************"}"#,
            ),
            (
                "Basic auth, basic settings, Basic Ok, Basic Authentication",
                "Basic auth, basic settings, Basic Ok, Basic Authentication",
            ),
            (
                r#"{"password":"p\"w", "keyStoreFile": "MIIé", "n": 1}"#,
                r#"{"password":"****", "keyStoreFile": "***·", "n": 1}"#,
            ),
            (r#"{"apiToken": 12345}"#, r#"{"apiToken": *****}"#),
            ("x?access_token=abc&y=1", "x?access_token=***&y=1"),
            ("PATCH \"https://ops:pw@gw/a\"", "PATCH \"https://ops:**@gw/a\""),
            ("see https://gw/a?api_key=k1 now", "see https://gw/a?api_key=** now"),
            (r#"{"a": "password:\tpw1", "b": "Bearer\nt0k"}"#, r#"{"a": "password:\t***", "b": "Bearer\n***"}"#),
            // A value on the line after its name, and strings in an array or object under it.
            ("{\"password\":\n  \"pw1\"}", "{\"password\":\n  \"***\"}"),
            (
                r#"{"passwords": ["a", "b"], "credentials": {"user": "u", "n": 1}}"#,
                r#"{"passwords": ["*", "*"], "credentials": {"user": "*", "n": *}}"#,
            ),
            (r#"{"pass": "p1", "db_pw": "p2", "auth": "p3"}"#, r#"{"pass": "**", "db_pw": "**", "auth": "**"}"#),
            (r#"{"private_key": "k1", "PRIVATE-KEY": "k2"}"#, r#"{"private_key": "**", "PRIVATE-KEY": "**"}"#),
            // Bare words under a secret's array, read once even when it is not closed.
            (r#"{"tokens": [abc, true, 'de'], "n": 1}"#, r#"{"tokens": [***, true, '**'], "n": 1}"#),
            (r#"{"pw": ["a", {"pw": ["b""#, r#"{"pw": ["*", {"pw": ["*""#),
            // A key whose `:` stands on the next line.
            ("{\"password\"\n  : \"pw\"}", "{\"password\"\n  : \"**\"}"),
            ("curl -u ops:pw1 --oauth2-bearer t0k x", "curl -u ops:*** --oauth2-bearer *** x"),
            // A JSON Web Token, wherever it stands, signed or not.
            ("eyJhbGciOi.eyJzdWIi.c2ln\n", "************************\n"),
            (r#"{"trustStoreId": "eyJ0eXAi.eyJ9."}"#, r#"{"trustStoreId": "**************"}"#),
        ] {
            assert_eq!(redact(text), hidden, "{text}");
        }
    }

    #[test]
    fn a_mask_keeps_every_column_where_it_was() {
        let text = "{\"password\": \"pä密😀s\", \"trustStoreId\": 1}";
        let hidden = redact(text);
        assert_eq!(hidden, "{\"password\": \"*·∗🞯*\", \"trustStoreId\": 1}");
        // Same bytes, characters and UTF-16 units before every character after the mask.
        let counts = |text: &str| (text.len(), text.chars().count(), text.encode_utf16().count());
        assert_eq!(counts(&hidden), counts(text));
        let after = text.find("trustStoreId").unwrap();
        assert_eq!(counts(&hidden[..after]), counts(&text[..after]));
    }

    #[test]
    fn the_first_pass_lets_every_secret_word_through() {
        for part in super::SECRET_PARTS.iter().chain(&super::SECRET_WORDS).chain(&super::BEFORE_KEY).chain(&["auth"]) {
            assert!(super::may_name_a_secret(part.as_bytes()), "{part}");
            assert!(super::may_name_a_secret(format!("x_{}", part.to_uppercase()).as_bytes()), "{part}");
        }
    }

    #[test]
    fn names_a_secret_by_its_words() {
        for name in ["password", "keyStorePassword", "X-Auth-Token", "pass", "APIKey", "jsessionid"] {
            assert!(super::is_request_secret_name(name), "{name}");
        }
        for name in ["session_id", "X-Authkey", "passkey", "accesskey", "Authentication", "tokenList"] {
            assert!(super::is_request_secret_name(name), "{name}");
        }
        for name in ["private_key", "PRIVATE-KEY", "privKey", "privateKey", "signing_key", "jwt_private_key"] {
            assert!(super::is_secret_name(name), "{name}");
        }
        for name in ["private", "keyName", "privateKeyId", "signingAlgorithm", "primaryKey"] {
            assert!(!super::is_secret_name(name), "{name}");
        }
        for name in ["bypass", "design", "keyStoreId", "tokenStore", "Keep-Alive", "author", "encode"] {
            assert!(!super::is_request_secret_name(name), "{name}");
        }
        assert!(super::is_request_secret_name("x-api-key") && super::is_request_secret_name("sig"));
        assert!(!super::is_secret_name("sig") && !super::is_secret_name("errorCode"));
    }

    #[test]
    fn a_placeholder_says_how_it_gets_its_value() {
        use super::how_to_fill;
        assert!(how_to_fill("$KS").starts_with(": mtlslint reads the text as written, not as a shell expands it"));
        assert_eq!(how_to_fill("{{ ks }}"), ", or define `ks` (`@ks = ...` in an .http file)");
        // The HTTP clients' built-ins are no variable an `@` line defines; an empty one names nothing.
        assert_eq!(how_to_fill("{{$processEnv KS}}"), "");
        assert_eq!(how_to_fill("{{}}"), "");
        assert_eq!(how_to_fill("<ks>"), "");
    }

    #[test]
    fn a_name_placeholder_is_a_shell_variable_of_any_case_but_a_secret_is_still_hidden() {
        use super::{is_name_placeholder, is_placeholder};
        for name in ["$ts", "$TS", "${ts}", "$env:TS", "$(cat ts.txt)", "{{ts}}", "<truststore>", "YOUR_TRUSTSTORE_ID"]
        {
            assert!(is_name_placeholder(name), "{name}");
        }
        for name in ["ts", "$", "$1a", "a$ts", "$ts-1", "$(cat", "YOUR_", "YOUR_ts", "ts-YOUR_TS"] {
            assert!(!is_name_placeholder(name), "{name}");
        }
        // A password may start with `$` and a lowercase letter: redacting does not take it for a placeholder.
        assert!(!is_placeholder("$ecret"));
        assert_eq!(redact(r#""password": "$ecret""#), r#""password": "******""#);
    }

    #[test]
    fn a_header_removed_by_an_empty_value_hides_nothing_after_it() {
        let command = "curl --oauth2-bearer tok -H 'Authorization:' -H 'Content-Type: application/json'";
        assert_eq!(redact(command), command.replace("tok", "***"));
        // A value after the `:` is still hidden.
        assert_eq!(redact("-H 'Authorization: abc123'"), "-H 'Authorization: ******'");
    }

    #[test]
    fn a_secret_is_hidden_wherever_else_the_text_quotes_it() {
        let text = "{\"resultMessage\": \"password is wrong: changeit\",\n \"password\": \"changeit\"}";
        let hidden = redact(text);
        assert!(!hidden.contains("changeit"), "{hidden}");
        assert_eq!(hidden.len(), text.len());
        // Short and plain values, and a secret inside a longer word, are not hidden
        // elsewhere: they would hide words, keys and paths, not secrets.
        assert_eq!(redact(r#"{"password": "mtls", "url": "/mtls/"}"#), r#"{"password": "****", "url": "/mtls/"}"#);
        assert_eq!(
            redact(r#"{"token": "enabled1", "enabled12": true}"#),
            r#"{"token": "********", "enabled12": true}"#
        );
        // Linear: a long secret repeated in a long text.
        let long = format!("{{\"password\": \"{}\", \"note\": \"{}\"}}", "a".repeat(20_000), "a".repeat(900_000));
        assert_eq!(redact(&long).len(), long.len());
    }

    #[test]
    fn leaves_settings_and_plain_words_alone() {
        for text in [
            r#"{"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "ts", "hostnameVerifierType": "NOOP"}"#,
            r#"{"resultList": [{"name": "ks-1"}], "secretCount": 1, "authMode": "mtls"}"#,
            "mtlslint: error: --credentials: cannot read /etc/tokens: not found",
            "mtlslint: error: the configuration's inventories.credentials: cannot read missing/creds.json",
            r#"{"bypassVerification": true, "compass": "N"}"#,
            r#"{"tokenStore": "ts-1", "credentialName": "api-user", "token_type": "bearer", "errorCode": "E1"}"#,
            "a Bearer token is required",
            "https://gw/a?bypass=1&design=2&encode=3&keyStoreId=ks",
            "curl -u ops https://gw/a",
            "the token is required",
            // Names that begin like a token's header but are none.
            "eyJump.txt eyJ-ks eyJ.x",
            "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/",
            "",
        ] {
            assert!(matches!(redact(text), std::borrow::Cow::Borrowed(_)), "{text}");
        }
    }
}
