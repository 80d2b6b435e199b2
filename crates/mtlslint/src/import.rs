//! Requests as people keep them: a cURL command line (as the API
//! documentation shows them) or an `.http` file (the JetBrains HTTP Client's
//! and VS Code REST Client's format). Each becomes a [`Request`] plus a map
//! from the request's parts back to the file, so that findings point at the
//! file's own lines and columns.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Range, Span};
use crate::request::{Request, RequestView};
use crate::suggest::nearest;
use crate::{Linter, RequestReport, syntax};

/// A request read from a file, with where each part stands in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The request.
    pub request: Request,
    /// `--data @FILE` or `< FILE`: the body is that file's text, which the caller reads.
    pub body_file: Option<String>,
    parts: Parts,
}

/// Where the request's parts stand in the source. A span whose text is the
/// part itself maps offset by offset; any other maps to its ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Parts {
    method: Span,
    url: Span,
    headers: Vec<(Span, Span)>,
    body: Option<Span>,
    /// Secrets outside the request itself: a cookie, a proxy's password, a certificate's passphrase, an `.http` file's `@token`.
    secrets: Vec<Span>,
    /// Where each byte of a body written with escapes (`-d "{\"a\": 1}"`) or variables stands in the source.
    body_offsets: Vec<Span>,
    /// Where each byte of a URL written with variables (`{{host}}/apiops/...`) stands in the source.
    url_offsets: Vec<Span>,
    /// How curl made the body no JSON, when it did: what J001 at a `&` or `%` of it, or on
    /// no body at all (`-G` sends the data in the query), should say.
    curl_made: Option<&'static str>,
    /// Secrets filled in from an [`Environment`]: their text is not in the source.
    filled_secrets: Vec<String>,
    /// How a cURL command gives its body, which says what curl sends without a `Content-Type`.
    curl_body: Option<CurlBody>,
    /// The option that made the `Authorization` header curl sends (`-u`, `--oauth2-bearer`), if one did.
    curl_auth: Option<&'static str>,
    /// An `.http` request's script runs with it (`< {% ... %}` or `< script.js` above it, a `> ` handler
    /// after it), which may set any variable.
    scripted: bool,
    /// An `.http` request: the client fills in its own variables (`{{$uuid}}`) as it sends it.
    http: bool,
}

/// How a cURL command gives its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CurlBody {
    /// `-d` and its kin: curl sends `application/x-www-form-urlencoded` unless told otherwise.
    Data,
    /// `-T`: curl sends the file with no `Content-Type`.
    Upload,
    /// Any body, with `-H 'Content-Type:'`, which removes the header curl would send.
    Removed,
}

/// Why a file could not be read as requests; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (line {line})")]
pub struct ImportError {
    /// What is wrong.
    pub message: String,
    /// The 1-based line where it is.
    pub line: usize,
}

fn error(text: &str, at: usize, message: impl Into<String>) -> ImportError {
    ImportError { message: message.into(), line: syntax::position(text, at).line }
}

/// Whether `text` is a cURL command: its first word, past comments and a
/// shell prompt (`$ `), is `curl` (or `curl.exe`, or a path to either).
pub fn looks_like_curl(text: &str) -> bool {
    syntax::without_bom(text)
        .lines()
        .map(str::trim_start)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .is_some_and(|line| line.split_whitespace().find(|w| !is_prefix(w)).is_some_and(is_curl))
}

/// Whether a pasted command may start with this word before `curl`: a shell
/// prompt (`$`, `%`, `>`, `PS>`, `PS C:\>`, `me@box:~$`), a command that runs
/// another (`sudo -E`, `time`, `env`), or a variable set for it (`TOKEN=... curl`).
fn is_prefix(word: &str) -> bool {
    const PREFIXES: [&str; 11] = ["$", "%", ">", "PS", "PS>", "sudo", "time", "env", "command", "exec", "nohup"];
    let assignment = word.split_once('=').is_some_and(|(name, _)| {
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    });
    // A prompt that shows where it is: `C:\Users\me>`, `me@box:~/src$`, `root@box:/#`.
    let located_prompt = word.ends_with(['$', '#', '>', '%']) && word.contains([':', '@']);
    PREFIXES.contains(&word) || located_prompt || assignment || (word.starts_with('-') && word.len() > 1)
}

/// A byte of a shell operator that ends a command: `;`, `|`, `&`, and a redirect's `<`, `>`.
fn is_operator_byte(byte: u8) -> bool {
    matches!(byte, b';' | b'|' | b'&' | b'<' | b'>')
}

/// Whether an unquoted word is a shell operator that ends the command: a
/// pipe (`| jq .`), a list (`&&`, `;`, `&`) or a redirect (`> out.json`, `2>&1`).
fn ends_command(word: &Word) -> bool {
    let operator = word.text.trim_start_matches(|c: char| c.is_ascii_digit());
    word.verbatim().is_some() && operator.starts_with(['|', '&', ';', '>', '<'])
}

/// Whether `text` reads as an `.http` file: its first line that is no
/// comment or variable is a request line, `METHOD URL`.
pub fn looks_like_http(text: &str) -> bool {
    syntax::without_bom(text).lines().find(|line| !is_ignored(line)).is_some_and(|line| {
        let mut words = line.split_whitespace();
        words.next().is_some_and(is_method) && words.next().is_some()
    })
}

/// The methods an `.http` request line may name, in any case (R001 reports the case).
const METHODS: [&str; 9] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT"];

/// Whether `word` is an HTTP method's name, in any case (`PUT`, `patch`).
///
/// ```
/// assert!(mtlslint::import::is_method("put") && !mtlslint::import::is_method("https://gw/x"));
/// ```
pub fn is_method(word: &str) -> bool {
    METHODS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether a line of an `.http` file is a comment (`#` or `//`).
fn is_comment(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with('#') || line.starts_with("//")
}

/// Whether an `.http` line is blank, a comment (`#`, `//`) or a variable (`@name = value`).
fn is_ignored(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with(['#', '@']) || line.starts_with("//")
}

/// `curl`, `curl.exe`, or a path to either.
#[doc(hidden)]
pub fn is_curl(word: &str) -> bool {
    let name = word.rsplit(['/', '\\']).next().unwrap_or(word);
    name == "curl" || name.eq_ignore_ascii_case("curl.exe")
}

/// A shell word, unquoted, with its span; `offsets` holds the source text of
/// each byte of the text (two bytes for an escape such as `\"`).
#[derive(Debug)]
struct Word {
    text: String,
    span: Span,
    offsets: Vec<Span>,
    /// A line ends between the word before and this one, not continued: a shell ends the command there.
    new_line: bool,
}

impl Word {
    /// Where the text stands in the source as it is, when it does.
    fn verbatim(&self) -> Option<Span> {
        verbatim(&self.offsets)
    }
}

/// The source text of bytes whose `offsets` follow each other one byte to
/// one byte (no quote or escape among them); `None` otherwise, or for none.
fn verbatim(offsets: &[Span]) -> Option<Span> {
    let (first, last) = (offsets.first()?, offsets.last()?);
    let one_to_one = last.end - first.start == offsets.len() && offsets.iter().all(|b| b.end - b.start == 1);
    one_to_one.then(|| Span::new(first.start, last.end))
}

/// The length of a line continuation at `at`: `\` and a line end, or
/// PowerShell's `` ` `` or cmd's `^` and a line end (the command is pasted
/// from either as often as from a POSIX shell).
fn continuation(bytes: &[u8], at: usize) -> Option<usize> {
    if !matches!(bytes[at], b'\\' | b'`' | b'^') {
        return None;
    }
    match bytes.get(at + 1..at + 3) {
        Some([b'\r', b'\n']) => Some(3),
        _ => (bytes.get(at + 1) == Some(&b'\n')).then_some(2),
    }
}

/// Splits a command line as a POSIX shell does: quotes, backslashes, and
/// backslash-newline continuations; `#` starts a comment. A word after a
/// line end that no continuation precedes is marked: the command ends before it.
/// A command copied for cmd.exe (a browser's "Copy as cURL (cmd)") is read
/// past its `^` escapes first.
fn words(text: &str) -> Result<Vec<Word>, ImportError> {
    let Some((plain, source)) = without_carets(text) else {
        return shell_words(text);
    };
    let place = |span: Span| match span.end.checked_sub(1) {
        Some(last) if span.end > span.start => Span::new(source[span.start].start, source[last].end),
        _ => Span::at(source.get(span.start).map_or(text.len(), |s| s.start)),
    };
    let mut words = shell_words(&plain)?;
    for word in &mut words {
        word.span = place(word.span);
        word.offsets.iter_mut().for_each(|offset| *offset = place(*offset));
    }
    Ok(words)
}

/// A command written for cmd.exe, with its `^` escapes read: `^"` is `"`,
/// `^{` is `{`, `^%` is `%`; a `^` at a line end before an empty line is a
/// line break in a value (Chromium writes one so), one before more of the
/// command continues the line, as [`continuation`] reads it. With where
/// each byte stands in `text`. `None` for a command that is not cmd's:
/// its URL is not quoted with `^"`.
fn without_carets(text: &str) -> Option<(String, Vec<Span>)> {
    if !text.contains("curl ^\"") && !text.contains("curl.exe ^\"") {
        return None;
    }
    let (mut plain, mut source) = (String::with_capacity(text.len()), Vec::with_capacity(text.len()));
    let mut at = 0;
    while let Some(first) = text[at..].chars().next() {
        // `^`, a line end, and the line break it escapes: that line break.
        let escaped_break = ["\n\n", "\r\n\r\n"].into_iter().find(|b| first == '^' && text[at + 1..].starts_with(b));
        if let Some(pair) = escaped_break {
            let end = at + 1 + pair.len();
            plain.push('\n');
            source.push(Span::new(at, end));
            at = end;
            continue;
        }
        let escaped = first == '^' && text[at + 1..].starts_with(|next| next != '\n' && next != '\r');
        let c_at = if escaped { at + 1 } else { at };
        let c = text[c_at..].chars().next().expect("in bounds");
        let end = c_at + c.len_utf8();
        plain.push(c);
        source.extend((0..c.len_utf8()).map(|_| Span::new(at, end)));
        at = end;
    }
    Some((plain, source))
}

fn shell_words(text: &str) -> Result<Vec<Word>, ImportError> {
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut at = syntax::bom_len(text);
    let mut new_line = false;
    while at < bytes.len() {
        if let Some(length) = continuation(bytes, at) {
            at += length;
            continue;
        }
        // PowerShell's `` ` `` and cmd's `^` before spaces at a line end escape a space, as `\` does.
        if matches!(bytes[at], b'`' | b'^') && spaced_continuation(text, at) {
            return Err(spaced_continuation_error(text, at));
        }
        match bytes[at] {
            b'\n' => (at, new_line) = (at + 1, true),
            b' ' | b'\t' | b'\r' => at += 1,
            b'#' => at = text[at..].find('\n').map_or(bytes.len(), |n| at + n),
            _ => {
                let start = at;
                let (mut word, mut offsets) = (String::new(), Vec::new());
                while at < bytes.len() && !matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
                    match bytes[at] {
                        // Bash's `$'...'`: single quotes in which a backslash escapes (`\'`, `\n`).
                        // Before another character it stays, as bash keeps it (`\d` is sent as written).
                        b'$' if bytes.get(at + 1) == Some(&b'\'') => {
                            // Escapes of a byte or a code point (`\xc3\xa9`, `\351`, `\u00e9`, `\cA`) are not decoded.
                            let mut i = at + 2;
                            while let Some(&b) = bytes.get(i).filter(|&&b| b != b'\'') {
                                let next = bytes.get(i + 1).copied().unwrap_or_default();
                                if b == b'\\' && matches!(next, b'x' | b'u' | b'U' | b'c' | b'0'..=b'7') {
                                    let escape = char::from(next);
                                    return Err(error(
                                        text,
                                        i,
                                        format!("`\\{escape}` in `$'...'` is not read; write the character itself"),
                                    ));
                                }
                                i += if b == b'\\' { 2 } else { 1 };
                            }
                            let ansi = |b| {
                                let c = match b {
                                    b'n' => '\n',
                                    b't' => '\t',
                                    b'r' => '\r',
                                    b'a' => '\x07',
                                    b'b' => '\x08',
                                    b'e' | b'E' => '\x1b',
                                    b'f' => '\x0c',
                                    b'v' => '\x0b',
                                    b'\\' | b'\'' | b'"' | b'?' => char::from(b),
                                    _ => return None,
                                };
                                Some(Some(c))
                            };
                            let unclosed = "a `$'` quote is never closed";
                            at = quoted(text, at, 2, b'\'', unclosed, ansi, &mut word, &mut offsets)? + 1;
                        }
                        b'\'' => {
                            let end = text[at + 1..]
                                .find('\'')
                                .ok_or_else(|| error(text, at, "a single quote is never closed"))?;
                            word.push_str(&text[at + 1..at + 1 + end]);
                            offsets.extend((at + 1..at + 1 + end).map(|i| Span::new(i, i + 1)));
                            at += end + 2;
                        }
                        b'"' => {
                            // A backslash escapes these alone; before a line end, it continues the line.
                            let escape = |b| match b {
                                b'"' | b'\\' | b'$' | b'`' => Some(Some(char::from(b))),
                                b'\n' => Some(None),
                                _ => None,
                            };
                            let unclosed = "a double quote is never closed";
                            at = quoted(text, at, 1, b'"', unclosed, escape, &mut word, &mut offsets)? + 1;
                        }
                        // A backslash-newline continues the line, inside a word too.
                        b'\\' if text[at + 1..].starts_with('\n') || text[at + 1..].starts_with("\r\n") => {
                            at += if bytes[at + 1] == b'\r' { 3 } else { 2 };
                        }
                        b'\\' if spaced_continuation(text, at) => return Err(spaced_continuation_error(text, at)),
                        b'\\' => {
                            if let Some(c) = text[at + 1..].chars().next() {
                                word.push(c);
                                offsets.extend((0..c.len_utf8()).map(|_| Span::new(at, at + 1 + c.len_utf8())));
                                at += 1 + c.len_utf8();
                            } else {
                                at += 1;
                            }
                        }
                        // An unquoted `;`, `|` or `&` ends the word, as in a shell (`-H "..."; echo done`,
                        // `-H "..."&& echo`), and is a word of its own: the operator that ends the command.
                        b';' | b'|' | b'&' => {
                            if word.is_empty() {
                                let end = at + bytes[at..].iter().take_while(|&&b| is_operator_byte(b)).count();
                                word.push_str(&text[at..end]);
                                offsets.extend((at..end).map(|i| Span::new(i, i + 1)));
                                at = end;
                            }
                            break;
                        }
                        // So does a redirect after a quote (`-H "...">out.json`); one that starts a
                        // word is read whole (`2>&1`, `<<'EOF'`), and a prompt's `>` is no redirect
                        // (`C:\Users\me>curl`).
                        b'<' | b'>' if !word.is_empty() => break,
                        _ => {
                            let end = text[at..]
                                .find([' ', '\t', '\n', '\r', '\'', '"', '\\', ';', '|', '&'])
                                .map_or(bytes.len(), |n| at + n);
                            // A `$` right before the quote that ends the run opens a `$'...'` quote (`--data=$'...'`).
                            let ansi = end > at + 1 && bytes[end - 1] == b'$' && bytes.get(end) == Some(&b'\'');
                            let run = if ansi { end - 1 } else { end };
                            word.push_str(&text[at..run]);
                            offsets.extend((at..run).map(|i| Span::new(i, i + 1)));
                            at = run;
                        }
                    }
                }
                words.push(Word { text: word, span: Span::new(start, at), offsets, new_line });
                new_line = false;
            }
        }
    }
    Ok(words)
}

/// Whether the continuation mark at `at` (`\`, `` ` `` or `^`) is followed
/// by spaces up to the line end: it escapes a space, and the line is not
/// continued, though it looks so.
fn spaced_continuation(text: &str, at: usize) -> bool {
    let rest = &text.as_bytes()[at + 1..];
    let blanks = rest.iter().take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r')).count();
    rest.first().is_some_and(|&b| b == b' ' || b == b'\t') && rest.get(blanks) == Some(&b'\n')
}

fn spaced_continuation_error(text: &str, at: usize) -> ImportError {
    let mark = char::from(text.as_bytes()[at]);
    let mark = if mark == '`' { "`` ` ``".to_owned() } else { format!("`{mark}`") };
    error(
        text,
        at,
        format!(
            "a {mark} followed by spaces escapes a space and does not continue the line: remove the spaces after it"
        ),
    )
}

/// What a word processor or a chat makes of a command pasted through it, which
/// a shell reads otherwise: typographic quotes and dashes, and a body given
/// in the shell's own syntax, which a file cannot hold.
fn pasting_slip(text: &str) -> &'static str {
    if text.contains(['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}']) {
        "; typographic quotes (\u{201c} \u{201d} \u{2018} \u{2019}) are no shell quotes: write \" or '"
    } else if text.contains(['\u{2013}', '\u{2014}']) {
        "; a typographic dash (\u{2013} \u{2014}) starts no option: write `-`"
    } else if text.contains("<<") {
        "; a here-document is not read: save the body in a file and write `-d @FILE`"
    } else {
        ""
    }
}

/// What a word on a line of its own means, when the line before does not continue.
/// An option is named (`-H`); a value is not quoted, since it may hold a secret.
fn ended_before(word: &str) -> String {
    if is_curl(word) {
        return "a second `curl` command: a cURL file holds one call; save each in a file of its own".into();
    }
    let option = word.split('=').next().filter(|option| option.starts_with('-') && option.len() <= 40);
    let what = option.map_or("the rest of the command".to_owned(), |option| format!("`{option}` and what follows"));
    format!(
        "the line before does not end with `\\`, so a shell ends the command there and sends the call without {what}: end each line but the last with `\\` (PowerShell: `` ` ``)"
    )
}

/// Reads the quoted text that opens at `open` (a quote `skip` bytes long)
/// into `word`, up to the byte `close`; `escape` reads the byte after a
/// backslash: `None` when the backslash is itself, `Some(None)` when the
/// pair stands for nothing (a line continued). Returns where `close` stands.
#[allow(clippy::too_many_arguments)]
fn quoted(
    text: &str,
    open: usize,
    skip: usize,
    close: u8,
    unclosed: &str,
    escape: impl Fn(u8) -> Option<Option<char>>,
    word: &mut String,
    offsets: &mut Vec<Span>,
) -> Result<usize, ImportError> {
    let bytes = text.as_bytes();
    let mut at = open + skip;
    loop {
        match bytes.get(at) {
            None => return Err(error(text, open, unclosed)),
            Some(&b) if b == close => return Ok(at),
            Some(b'\\') if let Some(escaped) = bytes.get(at + 1).and_then(|&b| escape(b)) => {
                if let Some(c) = escaped {
                    word.push(c);
                    offsets.push(Span::new(at, at + 2));
                }
                at += 2;
            }
            Some(_) => {
                let c = text[at..].chars().next().expect("in bounds");
                word.push(c);
                offsets.extend((at..at + c.len_utf8()).map(|i| Span::new(i, i + 1)));
                at += c.len_utf8();
            }
        }
    }
}

/// What curl makes of a header option's value (`-H 'Name: value'`).
#[doc(hidden)]
#[derive(Debug, PartialEq, Eq)]
pub enum HeaderArg<'a> {
    /// The header sent: its name, and its value as written (white space around it included).
    /// `Name;` is the header with an empty value.
    Send(&'a str, &'a str),
    /// `Name:` with nothing after it: no such header is sent, not even the one curl makes (`-u`).
    Remove(&'a str),
}

impl HeaderArg<'_> {
    /// Whether the option sends or removes the header `name` (in any case).
    pub fn names(&self, name: &str) -> bool {
        let (Self::Send(given, _) | Self::Remove(given)) = self;
        given.eq_ignore_ascii_case(name)
    }
}

/// Reads a header option's value as curl does. Refused, with what to write:
/// `@FILE` (headers read from a file), no colon, and white space around the
/// name, which curl sends as written and a server refuses (RFC 9112,
/// section 5.1). The messages do not quote the value, which may be a token.
#[doc(hidden)]
pub fn read_header(header: &str) -> Result<HeaderArg<'_>, String> {
    if header.starts_with('@') {
        return Err("`-H @FILE` reads the headers from a file, which mtlslint does not open: \
                    write each header as `-H 'Name: value'`"
            .into());
    }
    // curl sends `Name;` as the header with an empty value.
    let empty = header.trim_end().strip_suffix(';').filter(|name| is_header_name(name.trim()));
    let Some((name, field)) = header.split_once(':').or(empty.map(|name| (name, ""))) else {
        return Err("a header is written `Name: value`".into());
    };
    let trimmed = name.trim();
    if spaced_name(name).is_some() {
        return Err(format!(
            "header `{trimmed}` {SPACED_NAME}: write `{trimmed}:` with the colon right after the name"
        ));
    }
    Ok(if field.trim().is_empty() && empty.is_none() {
        HeaderArg::Remove(trimmed)
    } else {
        HeaderArg::Send(name, field)
    })
}

/// The name a header name with white space around it stands for, when it
/// is one without: a server refuses such a name ([`SPACED_NAME`]), as
/// `fetch` does. Each front end says how to write it in its own terms.
#[doc(hidden)]
pub fn spaced_name(name: &str) -> Option<&str> {
    let trimmed = name.trim();
    (trimmed != name && is_header_name(trimmed)).then_some(trimmed)
}

/// What is wrong with a name [`spaced_name`] finds, after it in backquotes.
#[doc(hidden)]
pub const SPACED_NAME: &str = "has white space around its name, which a server refuses (RFC 9112, section 5.1)";

/// cURL's options that give the credentials of the call: `-u user:password`
/// and `--oauth2-bearer TOKEN` send an `Authorization` header.
pub(crate) const CREDENTIAL_OPTIONS: [&str; 3] = ["-u", "--user", "--oauth2-bearer"];

/// The `Authorization` header curl sends for `--oauth2-bearer TOKEN` (a
/// bearer token) or `-u`/`--user USER:PASSWORD` (basic authentication, which
/// mtlslint reads as written: R005 judges the scheme, not the encoding).
/// A header given with `-H` replaces it.
///
/// ```
/// let (name, value) = mtlslint::import::credentials_header("--oauth2-bearer", "T");
/// assert_eq!((name.as_str(), value.as_str()), ("Authorization", "Bearer T"));
/// ```
pub fn credentials_header(option: &str, credentials: &str) -> (String, String) {
    let scheme = if option == "--oauth2-bearer" { "Bearer" } else { "Basic" };
    ("Authorization".into(), format!("{scheme} {credentials}"))
}

/// cURL's options whose value is a secret of the connection: cookies, a
/// proxy's user and password, a certificate's passphrase.
pub(crate) const CONNECTION_SECRET_OPTIONS: [&str; 9] = [
    "-b",
    "--cookie",
    "-U",
    "--proxy-user",
    "--pass",
    "--proxy-pass",
    "--tlspassword",
    "--proxy-tlspassword",
    "--proxy-header",
];

/// curl's long options that take a value and do not change the request
/// mtlslint judges. Those whose value is a secret are read (and hidden) in
/// [`parse_curl`] itself.
const VALUE_OPTIONS: [&str; 73] = [
    "--url-query",
    "--output",
    "--output-dir",
    "--user-agent",
    "--referer",
    "--max-time",
    "--connect-timeout",
    "--write-out",
    "--cookie-jar",
    "--cacert",
    "--capath",
    "--cert-type",
    "--key",
    "--key-type",
    "--proxy-cacert",
    "--proxy-capath",
    "--proxy-key",
    "--proxy-cert-type",
    "--proxy-key-type",
    "--retry",
    "--retry-delay",
    "--retry-max-time",
    "--range",
    "--continue-at",
    "--dump-header",
    "--config",
    "--resolve",
    "--connect-to",
    "--interface",
    "--limit-rate",
    "--max-filesize",
    "--max-redirs",
    "--ciphers",
    "--tls13-ciphers",
    "--tls-max",
    "--pinnedpubkey",
    "--crlfile",
    "--noproxy",
    "--unix-socket",
    "--abstract-unix-socket",
    "--trace",
    "--trace-ascii",
    "--trace-config",
    "--stderr",
    "--netrc-file",
    "--aws-sigv4",
    "--expect100-timeout",
    "--keepalive-time",
    "--variable",
    "--doh-url",
    "--dns-servers",
    "--dns-interface",
    "--local-port",
    "--speed-limit",
    "--speed-time",
    "--time-cond",
    "--proto",
    "--proto-redir",
    "--proto-default",
    "--hsts",
    "--alt-svc",
    "--etag-save",
    "--etag-compare",
    "--curves",
    "--engine",
    "--login-options",
    "--sasl-authzid",
    "--service-name",
    "--delegation",
    "--happy-eyeballs-timeout-ms",
    "--parallel-max",
    "--rate",
    "--create-file-mode",
];

/// curl's short options that take a value: in a cluster such as `-sSX PUT`
/// the value follows the cluster, in `-XPUT` or `-uadmin:pw` it is attached.
const SHORT_VALUE_OPTIONS: &[u8] = b"XHdubcoxAemwFETUrCDKPQtYyz";

/// The long options read or skipped here, and curl's common switches: a
/// misspelt option is held against them.
const KNOWN_OPTIONS: [&str; 96] = [
    "--request-target",
    "--head",
    "--silent",
    "--show-error",
    "--insecure",
    "--location",
    "--location-trusted",
    "--verbose",
    "--include",
    "--compressed",
    "--fail",
    "--fail-with-body",
    "--fail-early",
    "--request",
    "--header",
    "--data",
    "--data-raw",
    "--data-binary",
    "--data-ascii",
    "--data-urlencode",
    "--json",
    "--url",
    "--get",
    "--user",
    "--oauth2-bearer",
    "--cookie",
    "--proxy",
    "--preproxy",
    "--proxy-user",
    "--proxy-header",
    "--proxy-pass",
    "--proxytunnel",
    "--proxy-basic",
    "--proxy-digest",
    "--proxy-ntlm",
    "--proxy-negotiate",
    "--proxy-anyauth",
    "--proxy-insecure",
    "--socks4",
    "--socks4a",
    "--socks5",
    "--socks5-hostname",
    "--cert",
    "--proxy-cert",
    "--pass",
    "--tlspassword",
    "--proxy-tlspassword",
    "--form",
    "--form-string",
    "--upload-file",
    "--basic",
    "--digest",
    "--ntlm",
    "--negotiate",
    "--anyauth",
    "--http1.0",
    "--http1.1",
    "--http2",
    "--http2-prior-knowledge",
    "--http3",
    "--http3-only",
    "--tlsv1",
    "--tlsv1.0",
    "--tlsv1.1",
    "--tlsv1.2",
    "--tlsv1.3",
    "--sslv3",
    "--ssl",
    "--ssl-reqd",
    "--ssl-no-revoke",
    "--cert-status",
    "--ca-native",
    "--ipv4",
    "--ipv6",
    "--globoff",
    "--no-buffer",
    "--no-keepalive",
    "--no-sessionid",
    "--no-progress-meter",
    "--path-as-is",
    "--raw",
    "--remote-name",
    "--remote-name-all",
    "--remote-header-name",
    "--remote-time",
    "--create-dirs",
    "--progress-bar",
    "--trace-time",
    "--disable",
    "--post301",
    "--post302",
    "--post303",
    "--retry-connrefused",
    "--retry-all-errors",
    "--netrc",
    "--netrc-optional",
];

/// Reads a cURL command: `-X`/`--request`, `-H`/`--header`, `-d`/`--data`/
/// `--data-raw`/`--data-binary` (with `@FILE`; several are joined as curl
/// joins them), `--json`, `-u`/`--user` and `--oauth2-bearer` (the
/// `Authorization` header they send), `--url` or the URL. A misspelt long
/// option, and a second URL, are errors. Secrets that other options carry
/// (cookies, a proxy's password, a certificate's passphrase) are noted, so
/// that [`mask_secrets`] hides them too.
///
/// ```
/// let text = "curl -X PUT \\\n  \"https://gw.example.com/apiops/projects/P/credentials/u/truststore/ts/\" \\\n  -H 'Authorization: Bearer T'";
/// let imported = mtlslint::import::parse_curl(text).unwrap();
/// assert_eq!(imported.request.method, "PUT");
/// assert_eq!(imported.request.headers, [("Authorization".to_owned(), "Bearer T".to_owned())]);
/// ```
pub fn parse_curl(text: &str) -> Result<Imported, ImportError> {
    let words = words(text)?;
    let prompt = words.iter().take_while(|w| is_prefix(&w.text)).count();
    let Some(first) = words.get(prompt).filter(|w| is_curl(&w.text)) else {
        return Err(error(text, 0, "this is no cURL command: it should start with `curl`"));
    };
    let mut request = Request { method: String::new(), url: String::new(), headers: Vec::new(), body: None };
    let mut parts = Parts { method: Span::at(first.span.start), ..Parts::default() };
    let (mut body_file, mut forced_get, mut json, mut upload, mut head) = (None, false, false, false, false);
    // The headers curl makes of `--json` and `-u`, by index.
    let mut made = Vec::new();
    // The names of `-H 'Name:'`, which curl reads as "send no such header".
    let mut removed: Vec<String> = Vec::new();
    // An option mtlslint does not know may take a value: the word after it is not taken for the URL.
    let mut after_unknown = false;
    let mut rest = words.iter().skip(prompt + 1).peekable();
    while let Some(word) = rest.next() {
        if word.new_line {
            return Err(error(text, word.span.start, ended_before(&word.text)));
        }
        if ends_command(word) {
            // What follows is another command (`| jq .`) or where the output goes: not the call.
            break;
        }
        let (option, attached, get) = split_option(word);
        // `--expand-data` is `--data` with curl's `{{variables}}` filled in, and so for every option (curl 8.3).
        // Messages name the option as written.
        let (written, expand) = (option.clone(), if option.starts_with("--expand-") { "--expand-" } else { "" });
        let option = option.strip_prefix("--expand-").map_or(option.clone(), |base| format!("--{base}"));
        forced_get |= get;
        let mut value = || -> Result<Argument, ImportError> {
            match attached.clone() {
                Some(value) => Ok(value),
                None => rest
                    .next()
                    .map(|w| (w.text.clone(), w.span, w.verbatim(), w.offsets.clone()))
                    .ok_or_else(|| error(text, word.span.start, format!("`{written}` needs a value after it"))),
            }
        };
        let was_after_unknown = std::mem::take(&mut after_unknown);
        // curl takes no `--request=PUT`: it stops at an unknown option. The value may be a secret: not quoted.
        if attached.is_some()
            && word.text.starts_with("--")
            && (KNOWN_OPTIONS.contains(&option.as_str()) || VALUE_OPTIONS.contains(&option.as_str()))
        {
            return Err(error(
                text,
                word.span.start,
                format!(
                    "curl takes no `=` between a long option and its value: it reads the word as an unknown \
                     option and stops; write `{written}`, a space, then the value"
                ),
            ));
        }
        match option.as_str() {
            "-X" | "--request" => {
                let (method, span, verbatim, _) = value()?;
                request.method = method;
                parts.method = verbatim.unwrap_or(span);
            }
            "-H" | "--header" => {
                let (header, span, verbatim, _) = value()?;
                let (name, field) = match read_header(&header).map_err(|message| error(text, span.start, message))? {
                    HeaderArg::Remove(name) => {
                        removed.push(name.to_owned());
                        continue;
                    }
                    HeaderArg::Send(name, field) => (name, field),
                };
                let (name_span, value_span) = match verbatim {
                    Some(v) => {
                        let value_at = v.start + name.len() + 1 + (field.len() - field.trim_start_matches(OWS).len());
                        (Span::new(v.start, v.start + name.len()), Span::new(value_at, v.end))
                    }
                    None => (span, span),
                };
                request.headers.push((name.trim().to_owned(), header_value(field).to_owned()));
                parts.headers.push((name_span, value_span));
            }
            "-F" | "--form" | "--form-string" => {
                return Err(error(
                    text,
                    word.span.start,
                    format!(
                        "`{option}` sends a multipart form; the settings call takes a JSON body: \
                         write `-d '{{...}}'` with `-H 'Content-Type: application/json'`"
                    ),
                ));
            }
            "-T" | "--upload-file" => {
                let (file, span, verbatim, _) = value()?;
                if request.body.is_some() {
                    return Err(error(text, word.span.start, "`-T` and a data option both give a body: write one"));
                }
                // curl uploads with PUT unless told otherwise.
                upload = true;
                parts.curl_body = Some(CurlBody::Upload);
                body_file = Some(file);
                request.body = Some(String::new());
                parts.body = Some(verbatim.unwrap_or(span));
            }
            "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-ascii" | "--data-urlencode" | "--json" => {
                let (data, span, verbatim, offsets) = value()?;
                // What curl sends for `--data-urlencode`: the content percent-encoded.
                let (data, offsets) = if option == "--data-urlencode" {
                    if data.split_once('=').map_or(&data[..], |(name, _)| name).contains('@') {
                        return Err(error(
                            text,
                            word.span.start,
                            "`--data-urlencode` with a file sends it percent-encoded, which is no JSON body: write `-d @FILE`",
                        ));
                    }
                    parts.curl_made = Some(
                        "`--data-urlencode` sends the body percent-encoded, which is no JSON: write `-d` or `--data-raw`",
                    );
                    (url_encoded(&data), Vec::new())
                } else {
                    (data, offsets)
                };
                let span = verbatim.unwrap_or(span);
                if option != "--json" {
                    parts.curl_body = Some(CurlBody::Data);
                }
                let file = data.strip_prefix('@').filter(|_| option != "--data-raw" && option != "--data-urlencode");
                if request.body.is_some() && (body_file.is_some() || file.is_some()) {
                    return Err(error(
                        text,
                        word.span.start,
                        "a second data option beside a body file: curl joins them into one body; \
                         write the whole body in the file",
                    ));
                }
                match (&mut request.body, file) {
                    (None, Some(path)) => {
                        body_file = Some(path.to_owned());
                        request.body = Some(String::new());
                        parts.body = Some(span);
                    }
                    (None, None) => {
                        request.body = Some(data);
                        parts.body = Some(span);
                        parts.body_offsets = offsets;
                    }
                    // curl joins `-d` pieces with `&` and `--json` pieces as they are: what the server gets.
                    (Some(body), _) => {
                        let placed = !parts.body_offsets.is_empty() && offsets.len() == data.len();
                        if option != "--json" {
                            parts.curl_made = Some(
                                "curl joins several `-d` with `&`, which is no JSON: write the whole body in one `-d`",
                            );
                            body.push('&');
                            // The `&` curl adds stands where the next piece starts.
                            parts.body_offsets.push(Span::at(span.start));
                        }
                        body.push_str(&data);
                        parts.body = parts.body.map(|first| Span::new(first.start, span.end));
                        if placed {
                            parts.body_offsets.extend(offsets);
                        } else {
                            parts.body_offsets.clear();
                        }
                    }
                }
                if option == "--json" && !std::mem::replace(&mut json, true) {
                    made.push(request.headers.len());
                    request.headers.push(("Content-Type".into(), "application/json".into()));
                    parts.headers.push((word.span, word.span));
                }
            }
            // Credentials given by option are the Authorization header curl sends.
            credentials if CREDENTIAL_OPTIONS.contains(&credentials) => {
                let (credentials, span, verbatim, _) = value()?;
                let made_by = CREDENTIAL_OPTIONS.into_iter().find(|&known| known == option);
                let span = verbatim.unwrap_or(span);
                // curl sends one header: `--oauth2-bearer`'s, in whatever order, else the last `-u`'s.
                if parts.curl_auth != Some("--oauth2-bearer") || option == "--oauth2-bearer" {
                    let header = credentials_header(&option, &credentials);
                    let earlier = made.iter().copied().find(|&i| request.headers[i].0 == "Authorization");
                    if let Some(index) = earlier.filter(|_| parts.curl_auth.is_some()) {
                        (request.headers[index], parts.headers[index]) = (header, (span, span));
                    } else {
                        made.push(request.headers.len());
                        request.headers.push(header);
                        parts.headers.push((span, span));
                    }
                    parts.curl_auth = made_by;
                }
                // Hidden also when an `Authorization` header given by hand replaces it.
                parts.secrets.push(span);
            }
            "--url" if !request.url.is_empty() => {
                return Err(error(text, word.span.start, "a second URL: write one call, with one URL"));
            }
            "--url" => {
                let (url, span, verbatim, offsets) = value()?;
                request.url = url;
                parts.url = verbatim.unwrap_or(span);
                // Written with quotes or escapes: each byte is placed on its own.
                parts.url_offsets = if verbatim.is_some() { Vec::new() } else { offsets };
            }
            "--request-target" => {
                return Err(error(
                    text,
                    word.span.start,
                    "`--request-target` sends another path than the URL's, and mtlslint judges the URL: \
                     write the path in the URL and leave the option out",
                ));
            }
            "-G" | "--get" => forced_get = true,
            "-I" | "--head" => head = true,
            // Secrets of the connection: hidden whole, or the part that is one.
            secret if CONNECTION_SECRET_OPTIONS.contains(&secret) => {
                let (_, span, verbatim, _) = value()?;
                parts.secrets.push(verbatim.unwrap_or(span));
            }
            "-x" | "--proxy" | "--preproxy" | "--socks4" | "--socks4a" | "--socks5" | "--socks5-hostname" => {
                let (proxy, span, verbatim, _) = value()?;
                let secrets = crate::request::url_secrets(&proxy);
                match verbatim {
                    Some(v) => {
                        parts
                            .secrets
                            .extend(secrets.into_iter().map(|r| Span::new(v.start + r.start, v.start + r.end)));
                    }
                    None if !secrets.is_empty() => parts.secrets.push(span),
                    None => {}
                }
            }
            // `FILE:passphrase`; a drive letter's colon (`C:\`) is part of the file.
            "-E" | "--cert" | "--proxy-cert" => {
                let (cert, span, verbatim, _) = value()?;
                let drive = if cert.as_bytes().get(1) == Some(&b':')
                    && cert.as_bytes().get(2).is_some_and(|b| matches!(b, b'\\' | b'/'))
                {
                    2
                } else {
                    0
                };
                if let Some(colon) = cert[drive..].find(':').map(|i| drive + i) {
                    parts.secrets.push(verbatim.map_or(span, |v| Span::new(v.start + colon + 1, v.end)));
                }
            }
            // Values mtlslint does not read are hidden too: any of them may carry a secret (`--variable`).
            _ if VALUE_OPTIONS.contains(&option.as_str()) || is_short_value_option(&option) => {
                let (_, span, verbatim, _) = value()?;
                parts.secrets.push(verbatim.unwrap_or(span));
            }
            // A misspelt option would take its value for the URL, and a header's secret with it.
            _ if !KNOWN_OPTIONS.contains(&option.as_str())
                && option.starts_with("--")
                && nearest(&option, KNOWN_OPTIONS.into_iter().chain(VALUE_OPTIONS)).is_some() =>
            {
                let known = nearest(&option, KNOWN_OPTIONS.into_iter().chain(VALUE_OPTIONS)).unwrap_or_default();
                let known = known
                    .strip_prefix("--")
                    .filter(|_| !expand.is_empty())
                    .map_or(known.to_owned(), |k| [expand, k].concat());
                // Quoted only when it reads as an option's name: `--user:admin:pw` holds a password.
                let quoted = if is_option_name(&written) { format!(" `{written}`") } else { String::new() };
                return Err(error(
                    text,
                    word.span.start,
                    format!("unknown curl option{quoted}: did you mean `{known}`?"),
                ));
            }
            _ if option.starts_with("--") => {
                after_unknown = !KNOWN_OPTIONS.contains(&option.as_str());
                // `--user:admin:pw` is no option's name: it may hold a value, so it is hidden.
                if !is_option_name(&option) {
                    parts.secrets.push(word.span);
                }
                // `--token=abc`: the value of an option mtlslint does not know may be a secret.
                if let Some((_, span, verbatim, _)) = &attached {
                    parts.secrets.push(verbatim.unwrap_or(*span));
                }
            }
            // Short switches (`-sSk`): curl's short options that take a value are all known.
            _ if word.text.starts_with('-') && word.text.len() > 1 => {}
            // The value of an option mtlslint does not know, unless it is the URL; hidden, as it may be a secret.
            _ if was_after_unknown && (!request.url.is_empty() || !looks_like_url(&word.text)) => {
                parts.secrets.push(word.span);
            }
            // Quoted by position only: a word out of place may be a header's secret.
            _ if !request.url.is_empty() => {
                return Err(error(
                    text,
                    word.span.start,
                    [
                        "a second URL, or a value without its option: write one call, each value after its option",
                        pasting_slip(text),
                    ]
                    .concat(),
                ));
            }
            _ => {
                request.url.clone_from(&word.text);
                parts.url = word.verbatim().unwrap_or(word.span);
                parts.url_offsets = if word.verbatim().is_some() { Vec::new() } else { word.offsets.clone() };
            }
        }
    }
    if request.url.is_empty() {
        return Err(error(text, first.span.start, "the command names no URL"));
    }
    // To a URL that ends in `/`, curl uploads under the file's own name: `.../truststore/ts/body.json`.
    if let (true, Some(file)) = (upload, &body_file)
        && request.url.split(['?', '#']).next().is_some_and(|path| path.ends_with('/'))
    {
        let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
        return Err(error(
            text,
            parts.url.start,
            format!(
                "`-T` sends the file to the URL with its name added (`.../{name}`), which is no endpoint: \
                 the truststore call takes no body (write `-X PUT` without `-T`), the settings call takes \
                 `-X PATCH -d @{file}`"
            ),
        ));
    }
    // A header given with `-H` replaces the one curl would make, wherever it stands; `-H 'Name:'` removes it.
    for &index in made.iter().rev() {
        let name = &request.headers[index].0;
        let given =
            request.headers.iter().enumerate().any(|(i, (n, _))| !made.contains(&i) && n.eq_ignore_ascii_case(name));
        if given || removed.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            if name.eq_ignore_ascii_case("Authorization") {
                parts.curl_auth = None;
            }
            request.headers.remove(index);
            parts.headers.remove(index);
        }
    }
    if request.body.is_some() && removed.iter().any(|name| name.eq_ignore_ascii_case("content-type")) {
        parts.curl_body = Some(CurlBody::Removed);
    }
    if request.method.is_empty() {
        // curl's own default: HEAD for `-I`, PUT for an upload, POST when there is data.
        request.method = match (head, upload, request.body.is_some() && !forced_get) {
            (true, ..) => "HEAD",
            (_, true, _) => "PUT",
            (_, false, true) => "POST",
            (_, false, false) => "GET",
        }
        .into();
    }
    if forced_get && !upload {
        // `-G` puts the data in the URL's query, whatever the method: no body is sent.
        if request.body.take().is_some() {
            parts.curl_made = Some("`-G` sends the data in the URL's query, not as the body: remove `-G`");
        }
        parts.curl_body = None;
        body_file = None;
    }
    Ok(Imported { request, body_file, parts })
}

/// `text` percent-encoded as curl's `--data-urlencode` writes it (`name=` kept).
fn url_encoded(text: &str) -> String {
    let (name, content) = match text.split_once('=') {
        Some((name, content)) if !name.is_empty() => (format!("{name}="), content),
        Some((_, content)) => (String::new(), content),
        None => (String::new(), text),
    };
    let mut out = name;
    for byte in content.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// An option's value as [`Word`] holds it: text, span, verbatim span, offsets.
type Argument = (String, Span, Option<Span>, Vec<Span>);

/// `-o`, `-A` and the other short options that take a value.
fn is_short_value_option(option: &str) -> bool {
    matches!(option.as_bytes(), [b'-', letter] if SHORT_VALUE_OPTIONS.contains(letter))
}

/// Whether `option` reads as a long option's name: `--` and letters, digits, `-` and `.`.
fn is_option_name(option: &str) -> bool {
    option.len() > 2 && option[2..].bytes().all(|b| b.is_ascii_alphanumeric() || b"-.".contains(&b))
}

/// Whether a word reads as a URL rather than an option's value.
fn looks_like_url(word: &str) -> bool {
    word.contains("://") || word.starts_with('/') || word.contains("/apiops/")
}

/// The option a word names, and the value attached to it with its span and,
/// when it stands verbatim in the source, that span: `-XPUT` is `-X PUT`,
/// `-sSX` is `-X` (the switches before it change nothing here), and
/// `--request=PUT` is `--request` with `PUT` attached (which curl refuses).
fn split_option(word: &Word) -> (String, Option<Argument>, bool) {
    let text = word.text.as_str();
    let attached = |value: &str| {
        let offsets = &word.offsets[word.offsets.len() - value.len()..];
        Some((value.to_owned(), word.span, verbatim(offsets), offsets.to_vec()))
    };
    if let Some((name, value)) = text.split_once('=').filter(|(name, _)| name.starts_with("--")) {
        return (name.to_owned(), attached(value), false);
    }
    if text.starts_with("--") || !text.starts_with('-') || text.len() < 2 {
        return (text.to_owned(), None, false);
    }
    let cluster = &text.as_bytes()[1..];
    let value_at = cluster.iter().position(|b| SHORT_VALUE_OPTIONS.contains(b));
    // `-G` among the switches (`-Gd 'a=b'`) still makes it a GET.
    let get = cluster[..value_at.unwrap_or(cluster.len())].contains(&b'G');
    match value_at {
        Some(i) => {
            let option = format!("-{}", char::from(cluster[i]));
            let value = &text[2 + i..];
            (option, if value.is_empty() { None } else { attached(value) }, get)
        }
        None => (text.to_owned(), None, get),
    }
}

/// Reads an `.http` file: requests separated by `###` lines, each a request
/// line (`METHOD URL [HTTP/1.1]`), headers, a blank line and the body.
/// Comment lines (`#`, `//`) and variable lines (`@name = value`) are skipped;
/// the variables are filled in. [`parse_http_file_in`] fills in an
/// environment's variables too.
pub fn parse_http_file(text: &str) -> Result<Vec<Imported>, ImportError> {
    parse_http_file_in(text, &Environment::default())
}

/// Reads an `.http` file as [`parse_http_file`] does, filling in the
/// variables of `environment` (`{{host}}`) as the HTTP Client does when the
/// environment is chosen: before the file's own, which may use them.
///
/// ```
/// use mtlslint::import::{Environment, parse_http_file_in};
/// let env = Environment::read("dev", Some(r#"{"dev": {"project": "P1"}}"#), None).unwrap();
/// let text = "PUT https://gw/apiops/projects/{{project}}/credentials/u/truststore/ts/\n";
/// let requests = parse_http_file_in(text, &env).unwrap();
/// assert_eq!(requests[0].request.url, "https://gw/apiops/projects/P1/credentials/u/truststore/ts/");
/// ```
pub fn parse_http_file_in(text: &str, environment: &Environment) -> Result<Vec<Imported>, ImportError> {
    let mut requests = Vec::new();
    // A byte order mark is no part of the first line.
    let mut block_start = syntax::bom_len(text);
    let mut offsets: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    offsets.insert(0, block_start);
    let mut blocks = Vec::new();
    for &start in &offsets {
        if text[start..].starts_with("###") {
            blocks.push((block_start, start));
            block_start = text[start..].find('\n').map_or(text.len(), |n| start + n + 1);
        }
    }
    blocks.push((block_start, text.len()));
    let (variables, secrets) = variables(text, environment);
    for (start, end) in blocks {
        if let Some(mut imported) = http_request(text, start, end)? {
            imported.substitute(&variables);
            imported.parts.secrets.extend(&secrets);
            imported.parts.filled_secrets.clone_from(&environment.secrets);
            requests.push(imported);
        }
    }
    if requests.is_empty() {
        return Err(error(
            text,
            text.len(),
            "the file holds no request; write one as `METHOD URL`, headers, a blank line and the body",
        ));
    }
    Ok(requests)
}

/// The variables: the environment's, then the file's own (`@name = value`
/// lines, each filled in with those before it), as `{{name}}` and the value;
/// and where the values of the file's variables named like a secret
/// (`@token = ...`) stand, to be hidden. An environment's variable wins over
/// the file's of the same name, as in the HTTP Client.
fn variables(text: &str, environment: &Environment) -> (Vec<(String, String)>, Vec<Span>) {
    let (mut variables, mut secrets) = (environment.variables.clone(), Vec::new());
    let mut at = syntax::bom_len(text);
    for line in text[at..].split_inclusive('\n') {
        if let Some((name, rest)) = line.trim_start().strip_prefix('@').and_then(|v| v.split_once('=')) {
            let value_at = at + line.len() - rest.len() + (rest.len() - rest.trim_start().len());
            let mut value = rest.trim().to_owned();
            if crate::request::carries_secret(name) {
                secrets.push(Span::new(value_at, value_at + value.len()));
            } else {
                // A URL or a query a request fills in (`@q = token=abc`): its secret parameters.
                let as_query = crate::request::url_secrets(&["?", &value].concat());
                let in_query = as_query.into_iter().map(|secret| secret.start - 1..secret.end - 1);
                for secret in crate::request::url_secrets(&value).into_iter().chain(in_query) {
                    secrets.push(Span::new(value_at + secret.start, value_at + secret.end));
                }
            }
            fill(&mut value, &variables);
            let name = format!("{{{{{}}}}}", name.trim());
            if !environment.sets(&name) {
                variables.push((name, value));
            }
        }
        at += line.len();
    }
    (variables, secrets)
}

/// The variables of one environment of the JetBrains HTTP Client, read from
/// `http-client.env.json` and `http-client.private.env.json`
/// (`{"dev": {"host": "gw.example.com"}, "prod": {...}}`), to fill into an
/// `.http` file ([`parse_http_file_in`]). The values of the private file,
/// and those named like a secret, are hidden wherever a finding would quote them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// `{{name}}` and its value.
    variables: Vec<(String, String)>,
    secrets: Vec<String>,
}

impl Environment {
    /// The environment files, public and private, as the HTTP Client names them.
    pub const FILES: [&str; 2] = ["http-client.env.json", "http-client.private.env.json"];

    /// Whether the environment sets `placeholder` (`{{name}}`, or `{{ name }}`
    /// as the HTTP Client reads it too), which then wins over a variable of the file's own.
    pub fn sets(&self, placeholder: &str) -> bool {
        variable_at(placeholder, &self.variables).is_some_and(|(length, _)| length == placeholder.len())
    }

    /// The environment `name` of the files' texts, either of which may be
    /// missing. As in the HTTP Client, an environment's variable wins over one
    /// of `$shared`, and the public file's over the private file's. Values
    /// are strings, numbers or booleans; an object or an array (the private
    /// file's `SSLConfiguration`) is no variable. The error says what to write instead.
    pub fn read(name: &str, public: Option<&str>, private: Option<&str>) -> Result<Self, String> {
        const FILES: [&str; 2] = Environment::FILES;
        let mut files = Vec::new();
        for (file, text) in FILES.into_iter().zip([public, private]) {
            let Some(text) = text else { continue };
            let json = syntax::without_bom(text);
            let value: serde_json::Value =
                serde_json::from_str(json).map_err(|e| format!("{file}: {}", crate::config::not_json(json, &e)))?;
            let serde_json::Value::Object(environments) = value else {
                return Err(format!(
                    "{file}: not a JSON object of environments; write {{\"dev\": {{\"host\": \"...\"}}}}"
                ));
            };
            files.push((file, environments));
        }
        if files.is_empty() {
            return Err(format!("no {} or {} to read environment `{name}` from", FILES[0], FILES[1]));
        }
        let declared = || files.iter().flat_map(|(_, envs)| envs.keys()).filter(|key| *key != "$shared");
        if !declared().any(|key| key == name) {
            let mut names: Vec<&str> = declared().map(String::as_str).collect();
            names.sort_unstable();
            names.dedup();
            let meant =
                nearest(name, names.iter().copied()).map(|m| format!("; did you mean `{m}`?")).unwrap_or_default();
            let listed = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            let holds =
                if names.is_empty() { "none is defined".to_owned() } else { format!("the environments are {listed}") };
            return Err(format!(
                "no environment `{name}` in {}; {holds}{meant}",
                files.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(" or ")
            ));
        }
        let mut environment = Self::default();
        for scope in [name, "$shared"] {
            for (file, environments) in &files {
                let Some(variables) = environments.get(scope) else { continue };
                let serde_json::Value::Object(variables) = variables else {
                    return Err(format!(
                        "{file}: `{scope}` is not an object of variables; write {{\"host\": \"...\"}}"
                    ));
                };
                for (variable, value) in variables {
                    let value = match value {
                        serde_json::Value::String(text) => text.clone(),
                        serde_json::Value::Number(_) | serde_json::Value::Bool(_) => value.to_string(),
                        _ => continue,
                    };
                    let secret = *file == FILES[1] || crate::request::carries_secret(variable);
                    let variable = format!("{{{{{variable}}}}}");
                    if environment.sets(&variable) {
                        continue;
                    }
                    if secret {
                        environment.secrets.push(value.clone());
                    }
                    environment.variables.push((variable, value));
                }
            }
        }
        Ok(environment)
    }
}

/// `text`, which stands at `span` of the file, with each `{{name}}` of
/// `variables` (`{{ name }}` too, as the HTTP clients read it) written as its
/// value, and where each byte of it stands in the file (a value's bytes at
/// its `{{name}}`); `None` when it names none. `source` says where each byte
/// of `text` stands in the file.
fn filled(text: &str, source: impl Fn(usize) -> Span, variables: &[(String, String)]) -> Option<(String, Vec<Span>)> {
    if variables.is_empty() || !text.contains("{{") {
        return None;
    }
    let (mut filled, mut offsets, mut at, mut any) = (String::new(), Vec::new(), 0, false);
    while let Some(c) = text[at..].chars().next() {
        let variable = variable_at(&text[at..], variables);
        if let Some((length, value)) = variable.filter(|(_, value)| filled.len() + value.len() <= MAX_FILLED) {
            filled.push_str(value);
            let name_span = Span::new(source(at).start, source(at + length - 1).end);
            offsets.extend(std::iter::repeat_n(name_span, value.len()));
            at += length;
            any = true;
        } else {
            filled.push(c);
            offsets.extend((at..at + c.len_utf8()).map(&source));
            at += c.len_utf8();
        }
    }
    any.then_some((filled, offsets))
}

/// The value of the variable used at the start of `text` (`{{name}}`, or
/// `{{ name }}` with white space inside the braces), and how long the use is.
fn variable_at<'v>(text: &str, variables: &'v [(String, String)]) -> Option<(usize, &'v str)> {
    let rest = text.strip_prefix("{{")?;
    // A name is short: the search for its end stays near (`{{{{...` must not search the rest each time).
    let close = rest.as_bytes()[..rest.len().min(258)].windows(2).position(|pair| pair == b"}}")?;
    let inner = rest[..close].trim();
    let (_, value) = variables.iter().find(|(name, _)| name.get(2..name.len() - 2) == Some(inner))?;
    Some((close + 4, value))
}

/// `text` with its variables filled in ([`filled`]).
fn fill(text: &mut String, variables: &[(String, String)]) {
    if let Some((done, _)) = filled(text, Span::at, variables) {
        *text = done;
    }
}

/// Where each byte of a part stands in the file: by `offsets` when the part
/// was put together (a URL joined from several lines), else from `span` on.
fn bytes_of(span: Span, offsets: &[Span]) -> impl Fn(usize) -> Span + '_ {
    move |i| offsets.get(i).copied().unwrap_or(Span::new(span.start + i, span.start + i + 1))
}

/// The longest text a variable may make: variables that hold each other
/// twice over would otherwise double it with every one (`@a = {{b}}{{b}}`).
const MAX_FILLED: usize = 1 << 20;

impl Imported {
    /// Writes each `{{name}}` of `variables` in the URL, the headers' values
    /// and the body as its value; the body's findings then point at the
    /// `{{name}}` a value came from.
    fn substitute(&mut self, variables: &[(String, String)]) {
        let request = &mut self.request;
        request.headers.iter_mut().for_each(|(_, field)| fill(field, variables));
        if let Some((url, offsets)) = filled(&request.url, bytes_of(self.parts.url, &self.parts.url_offsets), variables)
        {
            request.url = url;
            self.parts.url_offsets = offsets;
        }
        let (Some(body), Some(span)) = (&request.body, self.parts.body) else { return };
        if self.body_file.is_some() {
            return;
        }
        if let Some((body, offsets)) = filled(body, bytes_of(span, &self.parts.body_offsets), variables) {
            request.body = Some(body);
            self.parts.body_offsets = offsets;
        }
    }
}

fn http_request(text: &str, start: usize, end: usize) -> Result<Option<Imported>, ImportError> {
    let mut lines = Vec::new();
    let mut at = start;
    while at < end {
        let line_end = text[at..end].find('\n').map_or(end, |n| at + n);
        let content_end = if text[at..line_end].ends_with('\r') { line_end - 1 } else { line_end };
        lines.push(Span::new(at, content_end));
        at = line_end + 1;
    }
    // A pre-request script (`< {% ... %}`, or `< script.js`) may stand above the request line.
    let (mut first, mut scripted) = (0, false);
    while let Some(line) = lines.get(first).map(|l| text[l.start..l.end].trim()) {
        if let Some(script) = line.strip_prefix("< {%") {
            scripted = true;
            let closes = |l: &Span| text[l.start..l.end].contains("%}");
            first += if script.contains("%}") {
                1
            } else {
                lines[first + 1..].iter().position(closes).map_or(lines.len(), |n| n + 2)
            };
        } else if is_ignored(line) || line.starts_with("< ") {
            scripted |= line.starts_with("< ");
            first += 1;
        } else {
            break;
        }
    }
    if first >= lines.len() {
        return Ok(None);
    }
    let line = lines[first];
    let request_line = &text[line.start..line.end];
    let mut fields = request_line.split_whitespace();
    // A method in lower case is still the method (which R001 then reports: methods are case-sensitive).
    let (method, url) = match (fields.next(), fields.next()) {
        (Some(method), Some(url)) if is_method(method) => (method, url),
        // A line of a URL alone is a GET.
        (Some(url), None) if url.starts_with('/') || url.starts_with("{{") || url.contains("://") => ("GET", url),
        (Some(_), _) => {
            let body = if request_line.trim_start().starts_with(['{', '[']) {
                "; a body alone belongs in a .json file"
            } else {
                ""
            };
            return Err(error(
                text,
                line.start,
                format!("a request begins with `METHOD URL`, such as `PATCH https://gw.example.com/apiops/...`{body}"),
            ));
        }
        (None, _) => return Ok(None),
    };
    let from = request_line.find(url).unwrap_or_default();
    let url = without_version(&request_line[from..]);
    let find = |part: &str| {
        let offset = request_line.find(part).map_or(0, |i| line.start + i);
        Span::new(offset, offset + part.len())
    };
    let response_script = |l: &Span| ["> ", ">\t"].iter().any(|mark| text[l.start..l.end].starts_with(mark));
    scripted |= lines[first + 1..].iter().any(response_script);
    let mut parts = Parts { method: find(method), url: find(url), scripted, http: true, ..Parts::default() };
    if method == "GET" && !request_line.trim_start().starts_with("GET") {
        parts.method = Span::at(line.start);
    }
    let mut request = Request { method: method.into(), url: url.into(), headers: Vec::new(), body: None };
    let mut index = first + 1;
    // The HTTP Client's URL split over indented lines (`    ?id=1`): the
    // pieces join as written, and each byte keeps its place in the file.
    while let Some(&line) = lines.get(index) {
        let written = &text[line.start..line.end];
        let piece = without_version(written.trim_start());
        // A piece is indented and one word; `Name: value` is a header, even indented.
        if !written.starts_with([' ', '\t'])
            || piece.is_empty()
            || piece.contains(char::is_whitespace)
            || is_header_line(piece)
        {
            break;
        }
        if parts.url_offsets.is_empty() {
            parts.url_offsets = (0..request.url.len()).map(bytes_of(parts.url, &[])).collect();
        }
        let at = line.start + (written.len() - written.trim_start().len());
        parts.url_offsets.extend((0..piece.len()).map(bytes_of(Span::at(at), &[])));
        request.url.push_str(piece);
        parts.url.end = at + piece.len();
        index += 1;
    }
    // A response handler (`> {% ... %}`, `>` and a space or a tab), a response reference
    // (`<> saved.json`) or a redirect of the response (`>> saved.json`, `>>! saved.json`) ends the body.
    let ends_body = |line: &Span| {
        let line = &text[line.start..line.end];
        [">>!", ">>", "<>", ">"]
            .iter()
            .any(|mark| line.strip_prefix(mark).is_some_and(|rest| rest.starts_with([' ', '\t'])))
    };
    // A handler right after the headers: the request has no body.
    let mut handled = false;
    while let Some(&line) = lines.get(index) {
        let header = &text[line.start..line.end];
        if header.trim().is_empty() {
            break;
        }
        if ends_body(&line) {
            handled = true;
            break;
        }
        index += 1;
        if is_ignored(header) {
            continue;
        }
        // A header's name is a token: `{"enabled": true}` is a body that lacks its blank line.
        let Some((name, value)) = header.split_once(':').filter(|(name, _)| is_header_name(name.trim())) else {
            return Err(error(text, line.start, "a header is written `Name: value`; put a blank line before the body"));
        };
        let value_at = line.start + name.len() + 1 + (value.len() - value.trim_start().len());
        // A value goes on over indented lines, joined by a space (the HTTP Client's grammar).
        let mut joined = value.trim().to_owned();
        let mut value_end = line.end;
        while let Some(&next) = lines.get(index) {
            let more = &text[next.start..next.end];
            // Headers written indented stay headers.
            if !more.starts_with([' ', '\t']) || more.trim().is_empty() || is_header_line(more) {
                break;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(more.trim());
            value_end = next.end;
            index += 1;
        }
        request.headers.push((name.trim().into(), joined));
        parts.headers.push((Span::new(line.start, line.start + name.len()), Span::new(value_at, value_end)));
    }
    let body_lines: Vec<Span> = if handled {
        Vec::new()
    } else {
        lines.iter().skip(index + 1).take_while(|l| !ends_body(l)).copied().collect()
    };
    let mut body_file = None;
    if let (Some(first), Some(last)) =
        (body_lines.first(), body_lines.iter().rev().find(|l| !text[l.start..l.end].trim().is_empty()))
    {
        let span = Span::new(first.start, last.end);
        let body = &text[span.start..span.end];
        // `<@ FILE` is the JetBrains client's form that fills the file's variables in (mtlslint reads it as written).
        if let Some(path) = body.trim().strip_prefix("< ").or_else(|| body.trim().strip_prefix("<@")) {
            body_file = Some(path.trim().to_owned());
            request.body = Some(String::new());
        } else if body_lines.iter().any(|l| is_comment(&text[l.start..l.end])) {
            // Comment lines are the clients' own, not sent: the body is the others, each byte where it stands.
            let (mut kept, mut offsets) = (String::new(), Vec::new());
            let within = body_lines.iter().take_while(|l| l.start <= span.end).enumerate();
            for (i, line) in within.filter(|(_, l)| !is_comment(&text[l.start..l.end])) {
                let end = body_lines.get(i + 1).map_or(line.end, |next| next.start).min(span.end).max(line.start);
                kept.push_str(&text[line.start..end]);
                offsets.extend((line.start..end).map(|at| Span::new(at, at + 1)));
            }
            request.body = Some(kept);
            parts.body_offsets = offsets;
        } else {
            request.body = Some(body.to_owned());
        }
        parts.body = Some(span);
    }
    Ok(Some(Imported { request, body_file, parts }))
}

/// A request line's text from its URL on, without the HTTP version that may
/// end it: a space typed into the URL is part of it (R004 says to encode it), not its end.
fn without_version(rest: &str) -> &str {
    let rest = rest.trim_end();
    match rest.rsplit_once(char::is_whitespace) {
        Some((before, version)) if version.starts_with("HTTP/") => before.trim_end(),
        _ => rest,
    }
}

/// Whether a line of an `.http` file reads `Name: value` (indented or not).
fn is_header_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(name, _)| is_header_name(name.trim()))
}

/// Whether `name` can be a header's name: an HTTP token (RFC 9110).
///
/// ```
/// assert!(mtlslint::import::is_header_name("Content-Type"));
/// assert!(!mtlslint::import::is_header_name("{\"enabled\""));
/// ```
pub fn is_header_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A header's value as a server reads it: without the spaces and tabs
/// around it (RFC 9110, section 5.5), nor the line end that closes it, but
/// with any other white space, such as a no-break space copied from a web
/// page, which is part of the value.
///
/// ```
/// assert_eq!(mtlslint::import::header_value(" Bearer abc\u{a0}\t"), "Bearer abc\u{a0}");
/// ```
pub fn header_value(field: &str) -> &str {
    field.trim_matches(OWS)
}

/// What [`header_value`] drops around a value: spaces, tabs and the line end.
const OWS: [char; 4] = [' ', '\t', '\r', '\n'];

impl Linter {
    /// Lints an imported request; ranges point into `source`, the file it came from.
    /// Fixes are dropped: their edits belong to the request, not to the file.
    /// A secret the file hides ([`mask_secrets`]) is hidden in the messages
    /// too, wherever it stands in the request (`{{token}}` used in a path).
    pub fn lint_imported(&self, source: &str, imported: &Imported) -> Vec<Diagnostic> {
        in_source(source, imported, self.lint_request(&imported.request))
    }

    /// Lints an imported request as [`Linter::lint_imported`] does, but when
    /// its body was read from a file ([`Imported::body_file`]) gives the
    /// body's findings apart, pointing into the body's text
    /// ([`RequestReport::take_body_findings`]): `(in source, in the body file)`.
    pub fn lint_imported_apart(&self, source: &str, imported: &Imported) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let mut report = self.lint_request(&imported.request);
        let mut in_body = match (&imported.body_file, &imported.request.body) {
            (Some(_), Some(body)) => report.take_body_findings(body),
            _ => Vec::new(),
        };
        crate::redact::hide_in(&mut crate::redact::as_texts(&mut in_body), imported.secrets(source));
        (in_source(source, imported, report), in_body)
    }
}

/// The findings of `imported`'s report, with ranges into `source`, the file it came from.
fn in_source(source: &str, imported: &Imported, report: RequestReport) -> Vec<Diagnostic> {
    let map = imported.map();
    // A path name an `.http` file leaves to the client (`{{$random.alphabetic(5)}}`) is
    // filled in as the call is sent: no placeholder left in it.
    let RequestReport { text, diagnostics, .. } = report;
    let filled_when_sent = |diagnostic: &Diagnostic| {
        let (start, end) = (diagnostic.range.start.offset, diagnostic.range.end.offset);
        imported.parts.http
            && diagnostic.code == "R004"
            && text.get(start..end).and_then(variable_name).is_some_and(is_clients_own)
    };
    let mut diagnostics = diagnostics
        .into_iter()
        .filter(|diagnostic| !filled_when_sent(diagnostic))
        .map(|mut diagnostic| {
            let at = text.as_bytes().get(diagnostic.range.start.offset);
            if let Some(note) = imported.parts.curl_made.filter(|_| diagnostic.code == "J001")
                && (matches!(at, Some(b'&' | b'%')) || imported.request.body.is_none())
            {
                diagnostic.help = Some(note.into());
            }
            if let (Some(option), "R005") = (imported.parts.curl_auth, diagnostic.code) {
                // The header is curl's own: the option that made it is what to change.
                diagnostic.help = Some(credentials_help(option).into());
            }
            if diagnostic.code == "R006"
                && !imported.request.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            {
                sent_by_curl(&mut diagnostic, imported.parts.curl_body);
            }
            let (start, end) = (map(diagnostic.range.start.offset, false), map(diagnostic.range.end.offset, true));
            diagnostic.range =
                Range { start: syntax::position(source, start), end: syntax::position(source, end.max(start)) };
            diagnostic.fix = None;
            diagnostic
        })
        .collect::<Vec<_>>();
    crate::redact::hide_in(&mut crate::redact::as_texts(&mut diagnostics), imported.secrets(source));
    diagnostics
}

/// The name of the `.http` variable that `text` is, whole (`{{ name }}` read
/// as the HTTP Client reads it).
pub(crate) fn variable_name(text: &str) -> Option<&str> {
    text.strip_prefix("{{")?.strip_suffix("}}").map(str::trim)
}

/// Whether a variable's name is one of the HTTP clients' own (`$uuid`,
/// `$random.alphabetic(5)`, `$processEnv USER`), which no `@` line defines:
/// they fill it in as they send the call.
pub(crate) fn is_clients_own(name: &str) -> bool {
    name.starts_with('$')
}

/// The first `{{variable}}` the `.http` file's `requests` use that their own
/// `@name` lines leave unset (`{{ name }}` read as the HTTP Client reads it):
/// not one the client sets as it runs (`{{$uuid}}`, a named request's
/// `{{login.response.body.token}}`), and none when a script runs with any
/// request, which may set any variable (`client.global.set`).
pub fn unset_variable(requests: &[Imported]) -> Option<String> {
    if requests.iter().any(|imported| imported.parts.scripted) {
        return None;
    }
    requests.iter().find_map(|imported| {
        let request = &imported.request;
        let parts = [&request.url[..], request.body.as_deref().unwrap_or_default()];
        let headers = request.headers.iter().flat_map(|(name, value)| [&name[..], &value[..]]);
        parts.into_iter().chain(headers).find_map(|part| {
            part.match_indices("{{").find_map(|(at, _)| {
                // A `{{` never closed, or around more than one word, is no variable.
                let (name, _) = part[at + 2..].split_once("}}")?;
                let name = name.trim();
                let variable = !name.is_empty() && !name.contains(char::is_whitespace) && !name.contains(['{', '}']);
                (variable && !is_clients_own(name) && !name.contains('.')).then(|| name.to_owned())
            })
        })
    })
}

/// R005's help when curl's `option` (`-u`, `--user`, `--oauth2-bearer`) made
/// the `Authorization` header: the option is what to change.
#[doc(hidden)]
pub fn credentials_help(option: &str) -> &'static str {
    match option {
        "--oauth2-bearer" => "give `--oauth2-bearer` your personal API access token",
        "--user" => "write `-H 'Authorization: Bearer <your personal API access token>'` in place of `--user`",
        _ => "write `-H 'Authorization: Bearer <your personal API access token>'` in place of `-u`",
    }
}

/// R006 without a `Content-Type`, said of a cURL command in curl's terms: what
/// curl sends instead, and the option that sends the header.
fn sent_by_curl(diagnostic: &mut Diagnostic, body: Option<CurlBody>) {
    match body {
        Some(CurlBody::Data) => {
            diagnostic.message = "no `Content-Type` header, so curl sends the body as \
                                  `application/x-www-form-urlencoded`; this endpoint takes `application/json`"
                .into();
            diagnostic.help = Some("add `-H 'Content-Type: application/json'`, or send the body with `--json`".into());
        }
        Some(CurlBody::Upload) => diagnostic.help = Some("add `-H 'Content-Type: application/json'`".into()),
        Some(CurlBody::Removed) => {
            diagnostic.message = "`-H 'Content-Type:'` removes the header, so curl sends the body without one; \
                                  this endpoint takes `application/json`"
                .into();
            diagnostic.help = Some("write `-H 'Content-Type: application/json'` in its place".into());
        }
        None => {}
    }
}

/// `source` with the secrets of every request's headers (`Authorization`'s
/// credentials, cookies, API keys) and of its URL (a password, a `token` parameter) replaced by
/// `*`, byte for byte, so that excerpts of the file can be shown without
/// them and every offset stays where it was.
pub fn mask_secrets(source: &str, requests: &[Imported]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for imported in requests {
        let url = imported.parts.url;
        // Written as sent, or with `{{variables}}`, its secrets are hidden in place
        // (masking keeps the length): a variable's name shows no secret, and a
        // secret it brings stands where the variable is defined, hidden there when
        // its name says so. Written with quotes or escapes inside, the URL is hidden whole.
        if let Some(text) = source.get(url.start..url.end) {
            let sent = crate::request::url_secrets(&imported.request.url);
            if text.contains('\n') && imported.parts.url_offsets.len() == imported.request.url.len() {
                // Joined from indented lines: each secret is hidden where its bytes stand.
                // One from a variable stands where the variable is defined, hidden there.
                let written = |span: &&Span| span.end - span.start == 1;
                for range in sent {
                    let spans = imported.parts.url_offsets.get(range).unwrap_or_default();
                    spans.iter().filter(written).for_each(|&span| bytes[span.start] = b'*');
                }
            } else if text == imported.request.url || !text.contains(['"', '\'', '\\']) {
                bytes[url.start..url.end].copy_from_slice(crate::request::mask_url(text).as_bytes());
            } else if !sent.is_empty() {
                hide(&mut bytes, source, url);
            }
        }
        let headers = imported.request.headers.iter().zip(&imported.parts.headers);
        for ((name, value), (_, span)) in headers {
            if !crate::request::carries_secret(name) {
                continue;
            }
            let Some(text) = source.get(span.start..span.end) else { continue };
            // An authentication scheme stays readable; what follows it is the
            // secret. A value that does not stand verbatim in the file is hidden whole.
            let scheme = crate::request::has_scheme(name)
                && text == value
                && text.split(' ').next().is_some_and(crate::request::is_known_scheme);
            let secret_at = if scheme { text.find(' ').map_or(0, |i| i + 1) } else { 0 };
            hide(&mut bytes, source, Span::new(span.start + secret_at, span.end));
        }
        for &span in &imported.parts.secrets {
            hide(&mut bytes, source, span);
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| {
        source.chars().map(|c| if c.is_ascii() { c.to_string() } else { "*".repeat(c.len_utf8()) }).collect()
    })
}

/// `source` with the URL, header values and body of each of `requests`
/// hidden whole, as [`mask_secrets`] hides a secret: for requests that are
/// not linted because a secret may stand where none belongs (a token split
/// off its header and left where the URL or the body goes).
pub fn hide_requests(source: &str, requests: &[Imported]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for parts in requests.iter().map(|imported| &imported.parts) {
        let values = parts.headers.iter().map(|&(_, value)| value);
        for span in values.chain([parts.url]).chain(parts.body).chain(parts.secrets.iter().copied()) {
            hide(&mut bytes, source, span);
        }
    }
    // `hide` writes over whole characters, so the text stays UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Writes `*` over every byte of the characters in `span` but blanks, so that offsets stay put.
fn hide(bytes: &mut [u8], source: &str, span: Span) {
    let Some(text) = source.get(span.start..span.end) else { return };
    for (at, c) in text.char_indices() {
        if !c.is_whitespace() {
            bytes[span.start + at..span.start + at + c.len_utf8()].fill(b'*');
        }
    }
}

impl Imported {
    /// The secrets the request holds beyond its headers and URL: in `source` and filled in from an environment.
    fn secrets<'s>(&'s self, source: &'s str) -> impl Iterator<Item = &'s str> {
        let written = self.parts.secrets.iter().filter_map(|span| source.get(span.start..span.end));
        written.chain(self.parts.filled_secrets.iter().map(String::as_str))
    }

    /// Maps offsets in the request's text (as [`Linter::lint_request`] writes it) to offsets in the source.
    /// `end` says the offset ends a range: it then follows the byte before it.
    fn map(&self) -> impl Fn(usize, bool) -> usize + use<> {
        // The request's own view knows where it writes each part.
        let mut text = String::new();
        let view = RequestView::new(&self.request, &self.request.url, &mut text);
        let mut pairs = vec![(view.method_span, self.parts.method), (view.url_span, self.parts.url)];
        for (header, &(name_span, value_span)) in view.headers.iter().zip(&self.parts.headers) {
            // `Name: value`: the name ends two bytes before the value starts.
            let name_end = header.value_span.start - 2;
            pairs.push((Span::new(name_end - header.name.len(), name_end), name_span));
            pairs.push((header.value_span, value_span));
        }
        if let (Some(body), Some(span)) = (view.body, self.parts.body) {
            pairs.push((body, span));
        }
        // A body written with escapes or variables, and a URL written with variables, map byte by byte.
        let body_start = view.body.map_or(usize::MAX, |body| body.start);
        let bytewise = [
            (body_start, usize::MAX, self.parts.body_offsets.clone()),
            (view.url_span.start, view.url_span.end, self.parts.url_offsets.clone()),
        ];
        move |offset, end| {
            for (start, part_end, offsets) in &bytewise {
                if let Some(i) = offset.checked_sub(*start).filter(|_| offset <= *part_end)
                    && let Some(last) = offsets.last()
                {
                    // A start is where its byte's text starts (an escape's backslash), an end where the byte before it ends.
                    let byte = if end { i.checked_sub(1).and_then(|i| offsets.get(i)).map(|b| b.end) } else { None };
                    return byte.or_else(|| offsets.get(i).map(|b| b.start)).unwrap_or(last.end);
                }
            }
            // The part that holds the offset, else the nearest part before it.
            let part = pairs.iter().rev().find(|(r, _)| r.start <= offset).or(pairs.first());
            let Some(&(rendered, source)) = part else { return 0 };
            if offset > rendered.end {
                return source.end;
            }
            if rendered.end - rendered.start == source.end - source.start {
                source.start + (offset - rendered.start)
            } else if offset == rendered.end {
                source.end
            } else {
                source.start
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_keep_quotes_continuations_and_spans() {
        let text = "curl -X PATCH \\\n  \"https://h/a b\" -H 'X: \"q\"' -d \"{\\\"a\\\": 1}\" # done";
        let split = words(text).unwrap();
        let texts: Vec<_> = split.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["curl", "-X", "PATCH", "https://h/a b", "-H", "X: \"q\"", "-d", "{\"a\": 1}"]);
        let header = split[5].verbatim().unwrap();
        assert_eq!(&text[header.start..header.end], "X: \"q\"");
        assert!(split[7].verbatim().is_none(), "escapes break the one-to-one map");
        assert_eq!(words("curl 'open").unwrap_err().message, "a single quote is never closed");
        let spaced = words("curl https://h/a \\  \r\n  -H 'X: 1'").unwrap_err();
        assert!(spaced.message.contains("followed by spaces"), "{}", spaced.message);
        // So do PowerShell's and cmd's marks, which would otherwise be told to end the line with one.
        for (text, mark) in
            [("curl https://h/a `  \n  -H 'X: 1'", "`` ` ``"), ("curl https://h/a ^ \t\r\n -H 'X: 1'", "`^`")]
        {
            let message = words(text).unwrap_err().message;
            assert_eq!(
                message,
                format!(
                    "a {mark} followed by spaces escapes a space and does not continue the line: remove the spaces after it"
                )
            );
        }
        // An escaped space inside a line is a space.
        assert_eq!(words("curl a\\ b").unwrap()[1].text, "a b");
    }

    #[test]
    fn headers_curl_removes_or_sends_empty_are_read_as_curl_sends_them() {
        let headers = |options: &str| parse_curl(&format!("curl https://gw/a {options}")).unwrap().request.headers;
        let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
        // `Name:` sends nothing (and removes curl's own), `Name;` the header with no value.
        assert_eq!(headers("-H 'Authorization: Bearer x' -H 'Authorization:'"), [pair("Authorization", "Bearer x")]);
        assert_eq!(headers("-H 'Content-Type:' --json '{}'"), []);
        assert_eq!(headers("-H 'X-Trace;'"), [pair("X-Trace", "")]);
        assert_eq!(headers("-H 'X-Trace; '"), [pair("X-Trace", "")]);
        assert_eq!(
            headers("--expand-header 'Authorization: Bearer {{TOKEN}}'"),
            [pair("Authorization", "Bearer {{TOKEN}}")]
        );
    }

    #[test]
    fn expand_options_are_the_options_they_expand() {
        let body = |options: &str| parse_curl(&format!("curl https://gw/a {options}")).unwrap().request.body;
        for option in ["--expand-data", "--expand-data-raw", "--expand-data-binary", "--expand-json"] {
            assert_eq!(
                body(&format!("{option} '{{\"enabled\": {{{{on}}}}}}'")).as_deref(),
                Some("{\"enabled\": {{on}}}")
            );
        }
        let imported = parse_curl("curl --expand-json '{}' --expand-url https://gw/{{path}}").unwrap();
        assert_eq!((imported.request.url.as_str(), imported.request.headers.len()), ("https://gw/{{path}}", 1));
    }

    #[test]
    fn what_curl_sends_otherwise_than_read_is_refused() {
        let refused = |options: &str| parse_curl(&format!("curl https://gw/a {options}")).unwrap_err().message;
        // The path sent is not the URL's.
        assert!(refused("--request-target /other").starts_with("`--request-target` sends another path"));
        // A server refuses the header line as curl sends it.
        for header in ["'Authorization : Bearer T'", "' Authorization: Bearer T'"] {
            let message = refused(&format!("-H {header}"));
            assert!(message.starts_with("header `Authorization` has white space around its name"), "{message}");
            assert!(!message.contains("Bearer T"), "{message}");
        }
    }

    #[test]
    fn a_command_copied_for_cmd_reads_past_its_carets() {
        // Chromium's "Copy as cURL (cmd)".
        let text = "curl ^\"https://gw/apiops/projects/P/apiProxies/A/settings/mtls/^\" ^\n  -X ^\"PATCH^\" ^\n  \
                    -H ^\"content-type: application/json^\" ^\n  --data-raw ^\"^{^\\^\"enabled^\\^\":true^}^\"";
        let imported = parse_curl(text).unwrap();
        assert_eq!(imported.request.method, "PATCH");
        assert_eq!(imported.request.url, "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/");
        assert_eq!(imported.request.headers, [("content-type".to_owned(), "application/json".to_owned())]);
        assert_eq!(imported.request.body.as_deref(), Some("{\"enabled\":true}"));
        // A line break in a value is `^`, a line end and an empty line.
        let broken = "curl ^\"https://gw/a^\" ^\n  --data-raw ^\"^{^\n\n^}^\"";
        assert_eq!(parse_curl(broken).unwrap().request.body.as_deref(), Some("{\n}"));
        // Findings point at the command as written: `true` at its place on the last line.
        let at = text.find("true").unwrap();
        assert_eq!(imported.parts.body_offsets[11], Span::new(at, at + 1));
    }

    #[test]
    fn a_header_given_replaces_the_one_curl_makes() {
        let url = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
        let headers = |command: &str| parse_curl(&format!("curl -X PATCH {url} {command}")).unwrap().request.headers;
        let pair = |name: &str, value: &str| (name.to_owned(), value.to_owned());
        // Before or after `--json` and `-u`, as curl does.
        let given = headers("-H 'Content-Type: text/plain' --json '{}' -H 'Authorization: Bearer t' -u a:b");
        assert_eq!(given, [pair("Content-Type", "text/plain"), pair("Authorization", "Bearer t")]);
        let made = headers("--json '{}' -u a:b");
        assert_eq!(made, [pair("Content-Type", "application/json"), pair("Authorization", "Basic a:b")]);
        // Repeated by hand, both are sent; the server reads the first.
        let command = format!(
            "curl -X PATCH {url} -H 'Content-Type: text/plain' -H 'Content-Type: application/json' -H 'Authorization: Bearer t' -d '{{}}'"
        );
        let found = crate::Linter::default().lint_imported(&command, &parse_curl(&command).unwrap());
        assert!(found.iter().any(|d| d.code == "R006" && d.message.contains("text/plain")), "{found:?}");
    }

    #[test]
    fn an_http_file_that_holds_no_request_is_refused_and_says_what_to_write() {
        let refused = |text: &str| parse_http_file(text).unwrap_err().to_string();
        assert_eq!(
            refused("hello world\n"),
            "a request begins with `METHOD URL`, such as `PATCH https://gw.example.com/apiops/...` (line 1)"
        );
        assert!(refused("# saved\n{\"enabled\": true}\n").ends_with("; a body alone belongs in a .json file (line 2)"));
        assert!(refused("").starts_with("the file holds no request; write one as `METHOD URL`"));
        assert!(refused("# only a comment\n\n").starts_with("the file holds no request"));
        // A URL alone is a GET; a method in the wrong case is still read (R001 reports it).
        for (text, method) in
            [("https://gw/apiops/\n", "GET"), ("{{host}}/apiops/\n", "GET"), ("patch /x/ \n", "patch")]
        {
            assert_eq!(parse_http_file(text).unwrap()[0].request.method, method, "{text}");
        }
    }

    #[test]
    fn http_files_hold_several_requests() {
        let text = "# ours\n@host = gw\nPATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/ HTTP/1.1\nAuthorization: Bearer t\nContent-Type: application/json\n\n{\"enabled\": false}\n\n### second\nPUT https://gw/apiops/projects/P/credentials/u/truststore/ts/\nAuthorization: Bearer t\n";
        let requests = parse_http_file(text).unwrap();
        assert_eq!(requests.len(), 2);
        assert_eq!(requests[0].request.body.as_deref(), Some("{\"enabled\": false}"));
        assert_eq!(requests[1].request.method, "PUT");
        assert_eq!(requests[1].request.body, None);
        // A body read from a file, as written or with its variables filled in (`<@`).
        for (mark, file) in [("< ./body.json", "./body.json"), ("<@ ./tmpl.json", "./tmpl.json")] {
            let text = format!("PATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\n\n{mark}\n");
            assert_eq!(parse_http_file(&text).unwrap()[0].body_file.as_deref(), Some(file), "{mark}");
        }
    }
}
