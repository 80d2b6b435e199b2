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

/// Words that make a name a secret's: `Authorization`, `password`, `keyStoreFile`, `api_key`, ...
const SECRET_NAMES: [&str; 14] = [
    "authorization",
    "password",
    "passwd",
    "passphrase",
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
];

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
            if token > at {
                hidden.push(token..scalar_end(bytes, token));
            }
        } else if SECRET_NAMES
            .iter()
            .any(|secret| name.windows(secret.len()).any(|w| w.eq_ignore_ascii_case(secret.as_bytes())))
            && let Some(value) = value_after(bytes, at)
        {
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
    // URLs: what `//` starts, up to a blank or a quote.
    for (slashes, _) in text.match_indices("//") {
        let end = text[slashes..]
            .find(|c: char| c.is_whitespace() || "\"'<>`\\".contains(c))
            .map_or(text.len(), |i| slashes + i);
        hidden.extend(url_secrets(&text[slashes..end]).into_iter().map(|r| slashes + r.start..slashes + r.end));
    }
    hidden.retain(|range| range.start < range.end && &text[range.clone()] != MASKED_TOKEN);
    if hidden.iter().all(|range| text[range.clone()].bytes().all(|b| b == b'*' || b.is_ascii_whitespace())) {
        return Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
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

/// The value that follows a name at `at`: after its closing quote, a `:` or
/// `=`, and blanks; in quotes up to the closing one, else up to the line's
/// end or a quote, a comma or a `&` (a header in a shell word, a JSON
/// number), and after `=` also up to a blank (a query parameter). `None` for
/// an object, an array or no value.
fn value_after(bytes: &[u8], at: usize) -> Option<std::ops::Range<usize>> {
    let mut at = at;
    if bytes.get(at).is_some_and(|&b| b == b'"' || b == b'\'') {
        at += 1;
    }
    at = skip_blanks(bytes, at);
    let separator = *bytes.get(at).filter(|&&b| b == b':' || b == b'=')?;
    at = skip_blanks(bytes, at + 1);
    match *bytes.get(at)? {
        quote @ (b'"' | b'\'') => {
            let start = at + 1;
            let mut end = start;
            while end < bytes.len() && bytes[end] != quote && bytes[end] != b'\n' {
                end += if bytes[end] == b'\\' && quote == b'"' { 2 } else { 1 };
            }
            Some(start..end.min(bytes.len()))
        }
        b'{' | b'[' | b'\r' | b'\n' => None,
        _ => {
            let ends = |b: u8| b"\r\n\"'`\\,;&}]".contains(&b) || (separator == b'=' && b.is_ascii_whitespace());
            let mut end = at;
            while bytes.get(end).is_some_and(|&b| !ends(b)) {
                end += 1;
            }
            while end > at && bytes[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            Some(at..end)
        }
    }
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
        ] {
            assert_eq!(redact(text), hidden, "{text}");
        }
    }

    #[test]
    fn leaves_settings_and_plain_words_alone() {
        for text in [
            r#"{"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "ts", "hostnameVerifierType": "NOOP"}"#,
            r#"{"resultList": [{"name": "ks-1"}], "secrets": [1]}"#,
            r#"{"bypassVerification": true, "compass": "N"}"#,
            "the token is required",
            "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/",
            "",
        ] {
            assert!(matches!(redact(text), std::borrow::Cow::Borrowed(_)), "{text}");
        }
    }
}
