//! A JSON parser that loses nothing a linter needs: every member in source
//! order (duplicates included), each value with its byte span, strings
//! borrowed from the input where they hold no escapes. It never recurses
//! deeper than the configured limit and reports the first syntax error with
//! a message that says what to write instead.

mod lines;

use std::borrow::Cow;

pub(crate) use lines::Cursor;

use crate::diagnostic::Position;

use crate::diagnostic::Span;

/// A parsed JSON value with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Where the value stands in the text.
    pub span: Span,
}

/// A JSON value. Numbers keep their source text.
// A tag as wide as a word puts every payload, `Bool`'s too, at offset 8, so
// that moving a value copies whole words: with a byte-wide tag, the copy of
// `Bool`'s byte at offset 1 waited on earlier stores, about 7% of the lint.
#[derive(Debug, Clone, PartialEq)]
#[repr(u64)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object's members in source order, duplicates included.
    Object(Vec<Member<'a>>),
}

impl Value<'_> {
    /// The JSON type name, as messages use it.
    pub fn type_name(&self) -> &'static str {
        // The phrase's last word: `a string` is a `string`.
        let phrase = self.type_phrase();
        phrase.rsplit(' ').next().unwrap_or(phrase)
    }

    /// The JSON type as a sentence names it: `a string`, `an array`, `null`.
    pub fn type_phrase(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// JSON's white space: what may stand between tokens.
pub(crate) const BLANKS: [char; 4] = [' ', '\t', '\n', '\r'];

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key, unescaped.
    pub key: Cow<'a, str>,
    /// The key's span, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Node<'a>,
}

impl Member<'_> {
    /// From the key's opening quote to the value's end.
    pub fn span(&self) -> Span {
        Span::new(self.key_span.start, self.value.span.end)
    }
}

/// Why parsing stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON at `span` (rule J001).
    Syntax(Problem),
    /// Deeper than the nesting limit (rule J005).
    TooDeep(Problem),
}

/// A located problem with an optional hint on what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub help: Option<String>,
}

/// The outcome of [`parse`].
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    /// The first value, when it parsed.
    pub root: Option<Node<'a>>,
    /// Why parsing stopped early.
    pub error: Option<ParseError>,
    /// Non-blank text after the first value (rule J003).
    pub trailing: Option<Span>,
}

/// Parses `text` as one JSON value, nesting at most `max_depth` arrays and
/// objects, and never more than [`Limits::MAX_DEPTH`](crate::Limits::MAX_DEPTH)
/// (the parser recurses once a level).
///
/// ```
/// let parsed = mtlslint::syntax::parse(r#"{"enabled": true, "enabled": false}"#, 64);
/// let Some(mtlslint::syntax::Value::Object(members)) = parsed.root.map(|n| n.value) else { panic!() };
/// assert_eq!(members.len(), 2);
/// ```
pub fn parse(text: &str, max_depth: usize) -> Parsed<'_> {
    let max_depth = max_depth.min(crate::Limits::MAX_DEPTH);
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: bom_len(text), depth: 0, max_depth };
    parser.skip_blank();
    if parser.pos == parser.bytes.len() {
        let problem = Problem {
            span: Span::at(parser.pos),
            message: "the body is empty".into(),
            help: Some("write a JSON object, e.g. `{\"enabled\": false}`".into()),
        };
        return Parsed { root: None, error: Some(ParseError::Syntax(problem)), trailing: None };
    }
    match parser.value() {
        Ok(root) => {
            parser.skip_blank();
            // JSON's own blanks end the trailing text; any other (a no-break space) is part of it.
            let end = text.trim_end_matches(BLANKS).len();
            let trailing = (parser.pos < parser.bytes.len()).then(|| Span::new(parser.pos, end));
            Parsed { root: Some(root), error: None, trailing }
        }
        Err(error) => Parsed { root: None, error: Some(*error), trailing: None },
    }
}

/// The line, column (Unicode scalar values), UTF-16 column and byte offset
/// of `offset` in `text`; an offset inside a character or past the end moves
/// back to a boundary. Diagnostics carry these already; this is for callers
/// that walk the [`Node`]s themselves.
///
/// ```
/// let text = "{\n  \"é\": true\n}";
/// let root = mtlslint::syntax::parse(text, 64).root.unwrap();
/// let mtlslint::syntax::Value::Object(members) = &root.value else { panic!() };
/// let at = mtlslint::syntax::position(text, members[0].value.span.start);
/// assert_eq!((at.line, at.column, at.utf16_column, at.offset), (2, 8, 8, 10));
/// ```
pub fn position(text: &str, offset: usize) -> Position {
    Cursor::new(text).position(offset)
}

/// The length of the byte order mark an editor may save at `text`'s start (0 or 3).
pub(crate) fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 }
}

/// `text` without the byte order mark an editor may save at its start.
pub(crate) fn without_bom(text: &str) -> &str {
    &text[bom_len(text)..]
}

/// Whether `text` opens a `//` or `/* */` comment, which JSON does not have.
pub(crate) fn starts_with_comment(text: &str) -> bool {
    text.starts_with("//") || text.starts_with("/*")
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub fn pointer_token(key: &str) -> Cow<'_, str> {
    if key.contains(['~', '/']) { Cow::Owned(key.replace('~', "~0").replace('/', "~1")) } else { Cow::Borrowed(key) }
}

/// Errors are rare and large, so they travel boxed and keep `Result<Node>`
/// small; the functions that build them box them at once.
type Result<T> = std::result::Result<T, Box<ParseError>>;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    max_depth: usize,
}

#[expect(clippy::unnecessary_box_returns, reason = "parse errors travel boxed")]
impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_blank(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Node<'a>> {
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') if self.eat_word("true") => Value::Bool(true),
            Some(b'f') if self.eat_word("false") => Value::Bool(false),
            Some(b'n') if self.eat_word("null") => Value::Null,
            _ => return Err(self.unexpected("a value")),
        };
        Ok(Node { value, span: Span::new(start, self.pos) })
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        let follows_word = self.bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) && !follows_word {
            self.pos = end;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<()> {
        if self.depth == self.max_depth {
            return Err(Box::new(ParseError::TooDeep(Problem {
                span: Span::new(self.pos, self.pos + 1),
                message: match self.max_depth {
                    1 => "nesting deeper than the limit of 1 array or object".into(),
                    limit => format!("nesting deeper than the limit of {limit} arrays and objects"),
                },
                help: Some(
                    "an mTLS settings body needs two levels; raise `limits.maxDepth` (`--max-depth` on the command line) only for unusual input".into(),
                ),
            })));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
        self.pos += 1;
    }

    fn object(&mut self) -> Result<Value<'a>> {
        self.enter()?;
        // Settings bodies have up to five members; one allocation fits them.
        let mut members = Vec::with_capacity(8);
        self.skip_blank();
        if self.peek() == Some(b'}') {
            self.leave();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_blank();
            let key_start = self.pos;
            let key = match self.peek() {
                Some(b'"') => self.string()?,
                Some(b'}') if !members.is_empty() => return Err(self.trailing_comma()),
                _ => return Err(self.unexpected("a key in double quotes")),
            };
            let key_span = Span::new(key_start, self.pos);
            self.skip_blank();
            if self.peek() != Some(b':') {
                return Err(self.unexpected_after("`:`", &key));
            }
            self.pos += 1;
            self.skip_blank();
            let value = self.value()?;
            members.push(Member { key, key_span, value });
            self.skip_blank();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.leave();
                    return Ok(Value::Object(members));
                }
                _ => {
                    let key = members.last().map(|m| m.key.to_string()).unwrap_or_default();
                    return Err(self.unexpected_after("`,` or `}`", &key));
                }
            }
        }
    }

    fn array(&mut self) -> Result<Value<'a>> {
        self.enter()?;
        let mut items = Vec::new();
        self.skip_blank();
        if self.peek() == Some(b']') {
            self.leave();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_blank();
            if self.peek() == Some(b']') && !items.is_empty() {
                return Err(self.trailing_comma());
            }
            items.push(self.value()?);
            self.skip_blank();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.leave();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected("`,` or `]` after an array item")),
            }
        }
    }

    fn trailing_comma(&self) -> Box<ParseError> {
        let comma = self.text[..self.pos].trim_end().len() - 1;
        syntax(
            Span::new(comma, comma + 1),
            "trailing comma: JSON allows no comma before a closing bracket",
            Some("remove the comma"),
        )
    }

    fn string(&mut self) -> Result<Cow<'a, str>> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        self.pos = start + plain_len(&self.bytes[start..]);
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                Ok(Cow::Borrowed(&self.text[start..self.pos - 1]))
            }
            Some(b'\\') => self.escaped_string(open, start).map(Cow::Owned),
            Some(b) => Err(self.control_character(b)),
            None => Err(unterminated(open)),
        }
    }

    fn escaped_string(&mut self, open: usize, start: usize) -> Result<String> {
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            let run = self.pos;
            self.pos += plain_len(&self.bytes[self.pos..]);
            out.push_str(&self.text[run..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(b) => return Err(self.control_character(b)),
                None => return Err(unterminated(open)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let at = self.pos;
        self.pos += 1;
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4(at)?;
                let c = if (0xD800..0xDC00).contains(&unit) && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u") {
                    let low_at = self.pos;
                    self.pos += 2;
                    let low = self.hex4(low_at)?;
                    if (0xDC00..0xE000).contains(&low) {
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        self.pos = low_at;
                        None
                    }
                } else {
                    char::from_u32(unit)
                };
                // A lone surrogate is valid JSON but no Unicode scalar value.
                out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            _ => {
                let end = self.char_end(self.pos);
                return Err(syntax(
                    Span::new(at, end),
                    format!("invalid escape `{}` in a string", &self.text[at..end]),
                    Some("JSON escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\"),
                ));
            }
        };
        out.push(simple);
        self.pos += 1;
        Ok(())
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            let end = self.char_end(self.pos.min(self.bytes.len()));
            return Err(syntax(
                Span::new(escape_at, end),
                "`\\u` must be followed by four hex digits",
                Some("write e.g. `\\u00e9`"),
            ));
        };
        self.pos += 4;
        Ok(digits.iter().fold(0, |acc, d| acc * 16 + char::from(*d).to_digit(16).unwrap_or(0)))
    }

    fn control_character(&self, byte: u8) -> Box<ParseError> {
        let (what, instead) = match byte {
            b'\n' => ("a line break", "`\\n`"),
            b'\r' => ("a carriage return", "`\\r`"),
            b'\t' => ("a tab", "`\\t`"),
            _ => ("a control character", "a `\\u00XX` escape"),
        };
        syntax(
            Span::new(self.pos, self.pos + 1),
            format!("{what} inside a string; JSON strings must be on one line"),
            Some(format!("close the string with `\"`, or write {instead}")),
        )
    }

    fn number(&mut self) -> Result<&'a str> {
        let start = self.pos;
        let invalid = |p: &Self, help: &str| {
            let end = p.bytes[p.pos..]
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+')))
                .map_or(p.bytes.len(), |n| p.pos + n);
            syntax(Span::new(start, end), format!("invalid number `{}`", &p.text[start..end]), Some(help))
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(invalid(
                        self,
                        "JSON numbers have no leading zeros; for an identifier, write a string in double quotes",
                    ));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(invalid(self, "a JSON number starts with a digit or `-`")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(invalid(self, "write at least one digit after the decimal point"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(invalid(self, "write the exponent's digits after `e`"));
            }
            self.digits();
        }
        if self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(invalid(self, "for an identifier, write a string in double quotes"));
        }
        Ok(&self.text[start..self.pos])
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn char_end(&self, at: usize) -> usize {
        self.text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
    }

    fn unexpected_after(&self, expected: &str, key: &str) -> Box<ParseError> {
        self.unexpected(&format!("{expected} after `\"{key}\"`"))
    }

    /// Explains the text at the current position, which is not what `expected` says.
    fn unexpected(&self, expected: &str) -> Box<ParseError> {
        let rest = &self.text[self.pos..];
        let Some(c) = rest.chars().next() else {
            let (message, help) = match innermost_open(self.bytes) {
                Some(at) => {
                    let closer = if self.bytes[at] == b'{' { '}' } else { ']' };
                    (format!("the input ends where {expected} should follow"), format!("add the missing `{closer}`"))
                }
                None => (format!("the input ends where {expected} should follow"), "complete the JSON value".into()),
            };
            return syntax(Span::at(self.pos), message, Some(help));
        };
        // A bare word as ids and constants are spelt (`ks-prod-1`, `TLSv1.2`), at most 64 characters of it.
        let word: &str = {
            let in_word = |c: &char| c.is_alphanumeric() || matches!(c, '_' | '$' | '-' | '.');
            &rest[..rest.chars().take_while(in_word).take(64).map(char::len_utf8).sum()]
        };
        let span = Span::new(self.pos, self.pos + word.len().max(c.len_utf8()));
        let (message, help): (String, String) = match c {
            '/' if starts_with_comment(rest) => {
                ("comments are not allowed in JSON".into(), "remove the comment".into())
            }
            // The whole body in single quotes: the shell's, copied with the command.
            '\'' if self.depth == 0
                && rest.trim_end().ends_with('\'')
                && rest[1..].trim_start().starts_with(['{', '[']) =>
            {
                (
                    "single quotes are not JSON".into(),
                    "remove the single quotes around the body: they are the shell's quoting, not part of the JSON"
                        .into(),
                )
            }
            '\'' => ("single quotes are not JSON".into(), "use double quotes: `\"...\"`".into()),
            '.' if word[1..].starts_with(|c: char| c.is_ascii_digit()) => (
                format!("`{word}` is not a JSON number: it needs a digit before the point"),
                format!("write `0{word}`"),
            ),
            // Pasted from a web page or a word processor: a no-break or zero-width space, a BOM.
            c if c.is_whitespace() || c.is_control() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}') => (
                format!("expected {expected}, found U+{:04X}, which JSON does not read as white space", u32::from(c)),
                "JSON takes only spaces, tabs and line breaks between tokens: delete it, or type a space in its place"
                    .into(),
            ),
            '}' | ']' if expected.starts_with("a value") => {
                (format!("expected {expected}, found `{c}`"), "write a value, or remove the comma before it".into())
            }
            _ if !word.is_empty() => {
                let lower = word.to_ascii_lowercase();
                let literal = match lower.as_str() {
                    "true" => Some("true"),
                    "false" => Some("false"),
                    "null" | "none" | "nil" | "undefined" => Some("null"),
                    _ => None,
                };
                // Where a value belongs, a near spelling of a literal (`tru`, `flase`) is that
                // literal, and so are YAML's and INI's booleans (`yes`, `off`).
                let near = match lower.as_str() {
                    _ if literal.is_some() || !expected.starts_with("a value") => None,
                    "yes" | "on" => Some("true"),
                    "no" | "off" => Some("false"),
                    _ => crate::suggest::nearest(word, ["true", "false", "null"]),
                };
                match (literal, near) {
                    (Some(instead), _) => {
                        (format!("`{word}` is not a JSON literal"), format!("write `{instead}` in lowercase"))
                    }
                    (None, Some(instead)) => (
                        format!("`{word}` is not a JSON literal; did you mean `{instead}`?"),
                        format!("write `{instead}`, or `\"{word}\"` for a string"),
                    ),
                    // A shell's or a template's variable (`-d "{\"enabled\": $ON}"`): quotes would change its type.
                    (None, None) if word.starts_with('$') => (
                        format!("expected {expected}, found `{word}`"),
                        [
                            "write the value in its place: a shell or a template fills in `",
                            word,
                            "`, which mtlslint does not run",
                        ]
                        .concat(),
                    ),
                    (None, None) => (
                        format!("expected {expected}, found `{word}`"),
                        format!("strings and keys need double quotes: `\"{word}\"`"),
                    ),
                }
            }
            _ => (
                format!("expected {expected}, found `{c}`"),
                match expected {
                    e if e.starts_with("`:`") => "write `:` between a key and its value".into(),
                    e if e.starts_with("`,`") => "separate items with a comma".into(),
                    e if e.starts_with("a key") => "write the key in double quotes, such as `\"keyStoreId\"`".into(),
                    _ => "write a JSON value: an object, array, string, number, `true`, `false` or `null`".into(),
                },
            ),
        };
        syntax(span, message, Some(help))
    }
}

/// How many bytes `bytes` starts with that a string holds as they are: all
/// but `"`, `\` and control characters. Eight bytes are tested at once, as
/// one word: a byte is flagged when it equals `"` or `\` (the byte XOR the
/// character is zero) or is below 0x20, by the subtraction that borrows
/// from a byte's top bit only at such a byte. A borrow can flag bytes after
/// the first flagged one, never before, so the lowest flag is exact.
fn plain_len(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const TOPS: u64 = ONES << 7;
    let below = |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word;
    let mut chunks = bytes.chunks_exact(8);
    for (index, chunk) in chunks.by_ref().enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let flags = (below(quote, 1) | below(backslash, 1) | below(word, 0x20)) & TOPS;
        if flags != 0 {
            return index * 8 + flags.trailing_zeros() as usize / 8;
        }
    }
    let rest = chunks.remainder();
    bytes.len() - rest.len() + rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len())
}

/// The offset of the innermost bracket left open in `text`, found only
/// when the input ends early, so that parsing keeps no stack of its own.
fn innermost_open(text: &[u8]) -> Option<usize> {
    let (mut open, mut in_string, mut escaped) = (Vec::new(), false, false);
    for (at, &byte) in text.iter().enumerate() {
        match (in_string, byte) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (_, b'"') => in_string = !in_string,
            (false, b'{' | b'[') => open.push(at),
            (false, b'}' | b']') => _ = open.pop(),
            _ => {}
        }
    }
    open.pop()
}

#[expect(clippy::unnecessary_box_returns, reason = "parse errors travel boxed")]
fn unterminated(open: usize) -> Box<ParseError> {
    syntax(Span::new(open, open + 1), "this string is never closed", Some("add the closing `\"`"))
}

#[expect(clippy::unnecessary_box_returns, reason = "parse errors travel boxed")]
fn syntax(span: Span, message: impl Into<String>, help: Option<impl Into<String>>) -> Box<ParseError> {
    Box::new(ParseError::Syntax(Problem { span, message: message.into(), help: help.map(Into::into) }))
}

/// The last member called `key` of an object node, the one a reader keeps.
pub(crate) fn member<'n>(node: &'n Node<'n>, key: &str) -> Option<&'n Member<'n>> {
    match &node.value {
        Value::Object(members) => members.iter().rev().find(|m| m.key == key),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> Problem {
        match parse(text, 64).error {
            Some(ParseError::Syntax(p) | ParseError::TooDeep(p)) => p,
            None => panic!("{text} parsed"),
        }
    }

    #[test]
    fn keeps_duplicates_spans_and_borrowed_strings() {
        let text = r#" {"a": "x", "a": "y\n"} "#;
        let parsed = parse(text, 64);
        let root = parsed.root.unwrap();
        assert_eq!(root.span, Span::new(1, 23));
        let Value::Object(members) = root.value else { panic!() };
        assert_eq!(members.len(), 2);
        assert!(matches!(members[0].value.value, Value::String(Cow::Borrowed("x"))));
        assert_eq!(members[1].value.value, Value::String(Cow::Owned("y\n".into())));
        assert_eq!(&text[members[1].key_span.start..members[1].key_span.end], "\"a\"");
        assert_eq!(parsed.trailing, None);
    }

    #[test]
    fn surrogate_pairs_decode_and_lone_ones_are_replaced() {
        let Some(Node { value: Value::String(s), .. }) = parse(r#""\ud83d\ude00 \ud800""#, 4).root else { panic!() };
        assert_eq!(s, "😀 \u{fffd}");
    }

    #[test]
    fn trailing_content_is_reported_not_fatal() {
        let parsed = parse("{} {}\n", 64);
        assert!(parsed.root.is_some());
        assert_eq!(parsed.trailing, Some(Span::new(3, 5)));
    }

    #[test]
    fn errors_say_what_to_write_instead() {
        assert!(error(r#"{"a": 1,}"#).message.starts_with("trailing comma"));
        assert_eq!(error(r#"{"a": True}"#).help.unwrap(), "write `true` in lowercase");
        assert!(error("{'a': 1}").message.contains("single quotes"));
        assert_eq!(error("{\"a\": 1 // c\n}").message, "comments are not allowed in JSON");
        assert_eq!(error("{\"a\": 1 \"b\": 2}").message, "expected `,` or `}` after `\"a\"`, found `\"`");
        assert!(error("{a: 1}").help.unwrap().contains("\"a\""));
        assert!(error("{\"a\": \"x\ny\"}").message.contains("line break"));
        assert_eq!(error("{\"a\": [1, 2").help.unwrap(), "add the missing `]`");
        assert_eq!(error(r#"{"a": "[\"{", "b": {"c": [1]"#).help.unwrap(), "add the missing `}`");
        assert!(error("  ").message.contains("empty"));
        assert!(error("01").message.contains("invalid number `01`"));
        assert!(error(r#""\x""#).message.contains("invalid escape"));
    }

    #[test]
    fn plain_runs_end_at_the_first_quote_backslash_or_control_character() {
        let reference = |bytes: &[u8]| bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        for stop in [b'"', b'\\', b'\n', 0, 0x1f] {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 24];
                bytes.extend_from_slice("é😀 ~\u{7f}".as_bytes());
                bytes[at] = stop;
                // A second stop after the first must not hide it.
                bytes[at + 3] = b'"';
                assert_eq!(Some(plain_len(&bytes)), reference(&bytes), "{stop} at {at}");
            }
        }
        let plain = "a plain string with é, 😀, ~ and \u{7f} but no stop".as_bytes();
        assert_eq!(plain_len(plain), plain.len());
        assert_eq!(plain_len(&[0x21, 0x20, 0x80, 0xff, 0x5b, 0x5d]), 6);
    }

    #[test]
    fn depth_is_limited_without_recursion_overflow() {
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(&deep, 64).error, Some(ParseError::TooDeep(_))));
        assert!(parse(&format!("{}{}", "[".repeat(64), "]".repeat(64)), 64).error.is_none());
        let message = |limit| match parse("[[[]]]", limit).error {
            Some(ParseError::TooDeep(problem)) => problem.message,
            other => panic!("{other:?}"),
        };
        assert_eq!(message(1), "nesting deeper than the limit of 1 array or object");
        assert_eq!(message(2), "nesting deeper than the limit of 2 arrays and objects");
    }
}
