//! Credentials written as free text, hidden before the text is shown.
//!
//! A request's own parts are masked where they are read ([`crate::import::mask_secrets`],
//! [`crate::RequestReport::text`]); this is the net under them, for text
//! mtlslint did not read as a request: a body that is a pasted command or a
//! saved List Credentials response, a comment in a cURL file, a stray
//! command-line argument.

use std::borrow::Cow;

use crate::Diagnostic;
use crate::request::{MASKED_TOKEN, encode_reserved, is_known_scheme, url_secrets};

/// Writes `*` over each of `secrets`, as written and percent-encoded (as a
/// path quotes it), wherever a finding's message, help or fix quotes it.
/// Texts under four bytes are left alone: they would hide words of the
/// messages, not secrets.
pub(crate) fn hide_in<'s>(diagnostics: &mut [Diagnostic], secrets: impl IntoIterator<Item = &'s str>) {
    let secrets: Vec<Cow<'_, str>> = secrets
        .into_iter()
        .filter(|secret| secret.len() >= 4)
        .flat_map(|secret| [Cow::Borrowed(secret), encode_reserved(secret)])
        .collect();
    if secrets.is_empty() {
        return;
    }
    let hide = |text: &mut Cow<'static, str>| {
        for secret in &secrets {
            if text.contains(secret.as_ref()) {
                *text = Cow::Owned(text.replace(secret.as_ref(), &"*".repeat(secret.chars().count())));
            }
        }
    };
    for diagnostic in diagnostics {
        hide(&mut diagnostic.message);
        diagnostic.help.as_mut().map(hide);
        if let Some(fix) = &mut diagnostic.fix {
            hide(&mut fix.message);
            fix.edits.iter_mut().for_each(|edit| hide(&mut edit.content));
        }
    }
}

/// Parts that make a name a secret's wherever they stand in it:
/// `Authorization`, `keyStorePassword`, `passwd`, `x-api-key`, `apiToken`, ...
const SECRET_PARTS: [&str; 15] = [
    "authorization",
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

/// Whole words of a name that make it a secret's: `pass`, `db_pw`, `X-Auth`.
const SECRET_WORDS: [&str; 3] = ["pass", "pw", "auth"];

/// More whole words that make a header or a URL parameter a secret's
/// (`?sig=`, `?code=`, `;jsessionid=`, `X-Api-Key`), too common in free text
/// (`"code": 404`) to be read as one there.
const REQUEST_SECRET_WORDS: [&str; 8] =
    ["bearer", "sig", "signature", "code", "session", "sessionid", "jsessionid", "sid"];

/// Last words that make a name a secret's name, not its value: `tokenStore`,
/// `credentialName`, `apiKeyId`, `token_type`.
const NAMING_WORDS: [&str; 12] =
    ["id", "ids", "name", "names", "store", "type", "url", "uri", "user", "username", "count", "list"];

/// Whether a name (a JSON key, a header, a variable) is a secret's:
/// `password`, `keyStoreFile`, `X-Auth-Token`, but not `tokenStore` or `bypass`.
pub(crate) fn is_secret_name(name: &str) -> bool {
    names_secret(name, &[])
}

/// Whether a header or a URL parameter of this name carries a secret: the
/// names of [`is_secret_name`], and `sig`, `code`, `jsessionid`, `X-Api-Key`.
pub(crate) fn is_request_secret_name(name: &str) -> bool {
    names_secret(name, &REQUEST_SECRET_WORDS)
}

fn names_secret(name: &str, more_words: &[&str]) -> bool {
    let words = words(name);
    let Some(last) = words.last() else { return false };
    if NAMING_WORDS.iter().any(|naming| last.eq_ignore_ascii_case(naming)) {
        return false;
    }
    let bytes = name.as_bytes();
    SECRET_PARTS.iter().any(|part| bytes.windows(part.len()).any(|w| w.eq_ignore_ascii_case(part.as_bytes())))
        || words
            .iter()
            .any(|word| SECRET_WORDS.iter().chain(more_words).any(|secret| word.eq_ignore_ascii_case(secret)))
        || (!more_words.is_empty() && last.eq_ignore_ascii_case("key"))
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
        if !is_name_byte(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && is_name_byte(bytes[at]) {
            at += 1;
        }
        let name = &bytes[start..at];
        if name.eq_ignore_ascii_case(b"bearer") {
            let token = skip_blanks(bytes, at);
            let end = scalar_end(bytes, token);
            // `Bearer token missing` is prose, not a credential.
            if token > at && !PROSE_AFTER_BEARER.iter().any(|word| text[token..end].eq_ignore_ascii_case(word)) {
                hidden.push(token..end);
            }
        } else if CURL_CREDENTIAL_OPTIONS.iter().any(|option| name == option.as_bytes()) {
            // cURL's `-u user:password` (`--user`, `--proxy-user`) and `--oauth2-bearer TOKEN`.
            let mut word = skip_blanks(bytes, at);
            if bytes.get(word).is_some_and(|&b| b == b'"' || b == b'\'') {
                word += 1;
            }
            let end = scalar_end(bytes, word);
            let secret_at = match text[word..end].find(':') {
                Some(colon) => word + colon + 1,
                None if name.ends_with(b"bearer") => word,
                None => end,
            };
            hidden.push(secret_at..end);
        } else if let Some(value) = value_after(bytes, at)
            && is_secret_name(&text[start..at])
        {
            match value {
                Value::Nested(open) => hidden.extend(nested_strings(bytes, open)),
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
    // URLs: what `//` starts, up to a blank or a quote.
    for (slashes, _) in text.match_indices("//") {
        let end = text[slashes..]
            .find(|c: char| c.is_whitespace() || "\"'<>`\\".contains(c))
            .map_or(text.len(), |i| slashes + i);
        hidden.extend(url_secrets(&text[slashes..end]).into_iter().map(|r| slashes + r.start..slashes + r.end));
    }
    hidden.retain(|range| {
        range.start < range.end
            && &text[range.clone()] != MASKED_TOKEN
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
/// let mut diagnostics = mtlslint::lint(text);
/// assert!(diagnostics.iter().any(|d| d.message.contains("s3cret-pw")));
/// mtlslint::redact_diagnostics(text, &mut diagnostics);
/// assert!(diagnostics.iter().all(|d| !d.message.contains("s3cret")));
/// ```
pub fn redact_diagnostics(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    hide_in(diagnostics, secret_ranges(text).into_iter().map(|range| &text[range]));
}

/// `text` with the credentials it seems to hold replaced by `*`, byte for
/// byte, so that every offset into it stays where it was: the value of a
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
    let hidden = secret_ranges(text);
    if hidden.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    for range in hidden {
        for (i, c) in text[range.clone()].char_indices() {
            if !c.is_whitespace() {
                let from = range.start + i;
                out[from..from + c.len_utf8()].fill(b'*');
            }
        }
    }
    // Whole characters were replaced by ASCII, so the bytes stay UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_default())
}

/// cURL's options whose value holds a credential.
const CURL_CREDENTIAL_OPTIONS: [&str; 5] = ["-u", "--user", "-U", "--proxy-user", "--oauth2-bearer"];

/// Words after `Bearer` that make it prose (`a Bearer token is required`), not a credential.
const PROSE_AFTER_BEARER: [&str; 6] = ["token", "tokens", "auth", "authentication", "scheme", "header"];

fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|&b| b == b' ' || b == b'\t') {
        at += 1;
    }
    at
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
        at += 1;
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

/// The string values inside the object or array that opens at `open`
/// (`"passwords": ["a", "b"]`, `"credentials": {"user": "u", "pw": "p"}`);
/// keys stay readable.
fn nested_strings(bytes: &[u8], open: usize) -> Vec<std::ops::Range<usize>> {
    let (mut strings, mut depth, mut at) = (Vec::new(), 0_usize, open);
    while at < bytes.len() {
        match bytes[at] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            b'"' => {
                let end = string_end(bytes, at + 1, b'"');
                if bytes.get(skip_whitespace(bytes, end + 1)) != Some(&b':') {
                    strings.push(at + 1..end);
                }
                at = end;
            }
            _ => {}
        }
        at += 1;
    }
    strings
}

fn skip_whitespace(bytes: &[u8], at: usize) -> usize {
    at + bytes.get(at..).unwrap_or_default().iter().take_while(|b| b.is_ascii_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn hides_credentials_wherever_they_are_written() {
        for (text, hidden) in [
            ("time curl -H 'Authorization: Bearer T0k' x", "time curl -H 'Authorization: Bearer ***' x"),
            ("  # -H \"authorization: token abc\" \\\n", "  # -H \"authorization: token ***\" \\\n"),
            ("Authorization: s3cret\nX: 1", "Authorization: ******\nX: 1"),
            ("Authorization:Bearer", "Authorization:Bearer"),
            ("Authorization: Bearer <token>", "Authorization: Bearer <token>"),
            ("bearer\tabc.def-ghi, x", "bearer\t***********, x"),
            (
                r#"{"password":"p\"w", "keyStoreFile": "MIIé", "n": 1}"#,
                r#"{"password":"****", "keyStoreFile": "*****", "n": 1}"#,
            ),
            (r#"{"apiToken": 12345}"#, r#"{"apiToken": *****}"#),
            ("x?access_token=abc&y=1", "x?access_token=***&y=1"),
            ("PATCH \"https://ops:pw@gw/a\"", "PATCH \"https://ops:**@gw/a\""),
            ("see https://gw/a?api_key=k1 now", "see https://gw/a?api_key=** now"),
            // A value on the line after its name, and strings in an array or object under it.
            ("{\"password\":\n  \"pw1\"}", "{\"password\":\n  \"***\"}"),
            (
                r#"{"passwords": ["a", "b"], "credentials": {"user": "u", "n": 1}}"#,
                r#"{"passwords": ["*", "*"], "credentials": {"user": "*", "n": 1}}"#,
            ),
            (r#"{"pass": "p1", "db_pw": "p2", "X-Auth": "p3"}"#, r#"{"pass": "**", "db_pw": "**", "X-Auth": "**"}"#),
            ("curl -u ops:pw1 --oauth2-bearer t0k x", "curl -u ops:*** --oauth2-bearer *** x"),
        ] {
            assert_eq!(redact(text), hidden, "{text}");
        }
    }

    #[test]
    fn names_a_secret_by_its_words() {
        for name in ["password", "keyStorePassword", "X-Auth-Token", "pass", "APIKey", "jsessionid"] {
            assert!(super::is_request_secret_name(name), "{name}");
        }
        for name in ["bypass", "design", "keyStoreId", "tokenStore", "Keep-Alive", "author"] {
            assert!(!super::is_request_secret_name(name), "{name}");
        }
        assert!(super::is_request_secret_name("x-api-key") && super::is_request_secret_name("sig"));
        assert!(!super::is_secret_name("sig") && !super::is_secret_name("errorCode"));
    }

    #[test]
    fn leaves_settings_and_plain_words_alone() {
        for text in [
            r#"{"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "ts", "hostnameVerifierType": "NOOP"}"#,
            r#"{"resultList": [{"name": "ks-1"}], "secrets": [1]}"#,
            r#"{"bypassVerification": true, "compass": "N"}"#,
            r#"{"tokenStore": "ts-1", "credentialName": "api-user", "token_type": "bearer", "errorCode": "E1"}"#,
            "a Bearer token is required",
            "https://gw/a?bypass=1&design=2&encode=3&keyStoreId=ks",
            "curl -u ops https://gw/a",
            "the token is required",
            "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/",
            "",
        ] {
            assert!(matches!(redact(text), std::borrow::Cow::Borrowed(_)), "{text}");
        }
    }
}
