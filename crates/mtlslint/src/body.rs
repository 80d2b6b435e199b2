//! The E1 body as the rules see it: the parse outcome, the members of the
//! root object, how the server reads each value, and the effective settings
//! (the current settings with the PATCH merged over them).

use std::borrow::Cow;

use crate::context::Context;
use crate::diagnostic::Span;
use crate::model::{FIELD_POINTERS, FIELDS, HostnameVerifier, MtlsSettings, PROTOCOLS, Protocol, VERIFIERS};
use crate::suggest::loose;
use crate::syntax::{Member, Node, Parsed, Value, pointer_token};

/// Why the text was not parsed at all.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Rejected {
    /// Longer than `limit` bytes. Its length is not kept: a reader that stops at
    /// the limit does not know it.
    TooLarge {
        limit: usize,
    },
    NotUtf8 {
        offset: usize,
        utf16: bool,
    },
}

/// `source` as text, and why it cannot be read whole when it cannot: larger
/// than `limit` bytes (no text then), or not UTF-8 (the text is what comes
/// before the first invalid byte, so that offsets still point into `source`).
pub(crate) fn read(source: &[u8], limit: usize) -> (&str, Option<Rejected>) {
    if source.len() > limit {
        return ("", Some(Rejected::TooLarge { limit }));
    }
    match std::str::from_utf8(source) {
        // UTF-16 of ASCII text without its byte order mark (`{\0"\0...`) is valid UTF-8, NULs between.
        Ok(text) if looks_like_utf16(source) => {
            let offset = source.iter().position(|&b| b == 0).unwrap_or(0);
            (&text[..offset], Some(Rejected::NotUtf8 { offset, utf16: true }))
        }
        Ok(text) => (text, None),
        Err(error) => {
            let offset = error.valid_up_to();
            let utf16 = source.starts_with(&[0xFF, 0xFE]) || source.starts_with(&[0xFE, 0xFF]);
            (std::str::from_utf8(&source[..offset]).unwrap_or_default(), Some(Rejected::NotUtf8 { offset, utf16 }))
        }
    }
}

/// Whether `source` starts as UTF-16 of ASCII text does, little- or big-endian:
/// a NUL byte beside each of its first two characters.
fn looks_like_utf16(source: &[u8]) -> bool {
    match source {
        [a, 0, b, 0, ..] | [0, a, 0, b, ..] => *a != 0 && *b != 0,
        _ => false,
    }
}

/// A field of the E1 body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Enabled,
    KeyStoreId,
    TrustStoreId,
    SupportedProtocolList,
    HostnameVerifierType,
}

impl Field {
    pub(crate) const ALL: [Field; 5] = [
        Field::Enabled,
        Field::KeyStoreId,
        Field::TrustStoreId,
        Field::SupportedProtocolList,
        Field::HostnameVerifierType,
    ];

    pub(crate) fn from_key(key: &str) -> Option<Field> {
        // Comparing lengths first rules out almost every other key at once.
        Field::ALL.into_iter().find(|f| f.key().len() == key.len() && f.key() == key)
    }

    pub(crate) fn key(self) -> &'static str {
        FIELDS[self as usize]
    }
}

/// How the server reads a scalar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reading<T> {
    /// Of the documented type.
    Exact(T),
    /// Of another type that the server converts (Jackson's scalar coercion).
    Coerced(T),
    Null,
    /// Rejected by the server.
    Invalid,
}

impl<T> Reading<T> {
    fn value(self) -> Option<T> {
        match self {
            Reading::Exact(v) | Reading::Coerced(v) => Some(v),
            Reading::Null | Reading::Invalid => None,
        }
    }
}

/// Reads `enabled` as Jackson does: `"true"`/`"True"`/`"TRUE"` and integers are coerced.
pub(crate) fn read_bool(node: &Node<'_>) -> Reading<bool> {
    match &node.value {
        Value::Bool(b) => Reading::Exact(*b),
        Value::String(s) => match s.as_ref() {
            "true" | "True" | "TRUE" => Reading::Coerced(true),
            "false" | "False" | "FALSE" => Reading::Coerced(false),
            _ => Reading::Invalid,
        },
        Value::Number(n) if is_integer(n) => Reading::Coerced(n.trim_start_matches('-').bytes().any(|b| b != b'0')),
        Value::Null => Reading::Null,
        _ => Reading::Invalid,
    }
}

/// Reads a store id: numbers and booleans are coerced to their text.
pub(crate) fn read_id<'a>(node: &'a Node<'a>) -> Reading<Cow<'a, str>> {
    match &node.value {
        Value::String(s) => Reading::Exact(Cow::Borrowed(s.as_ref())),
        Value::Number(n) => Reading::Coerced(Cow::Borrowed(n)),
        Value::Bool(b) => Reading::Coerced(Cow::Borrowed(if *b { "true" } else { "false" })),
        Value::Null => Reading::Null,
        _ => Reading::Invalid,
    }
}

/// The pointers of the first protocol list items, in a body and in a request
/// (under `/body`), so that most findings about an item need no formatting.
const PROTOCOL_ITEM_POINTERS: [[&str; 8]; 2] = {
    macro_rules! items {
        ($prefix:literal: $($index:literal)*) => { [$(concat!($prefix, "/supportedProtocolList/", $index)),*] };
    }
    [items!("": 0 1 2 3 4 5 6 7), items!("/body": 0 1 2 3 4 5 6 7)]
};

pub(crate) fn is_integer(number: &str) -> bool {
    !number.contains(['.', 'e', 'E'])
}

/// What an enum-valued string means to the author and to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolution<T> {
    Exact(T),
    /// The Java name, e.g. `TLSv1.2` for `TLS_1_2`.
    JavaName(T),
    /// The constant in the wrong case, e.g. `tls_1_2`.
    CaseSlip(T),
    /// Another unambiguous spelling, e.g. `TLS 1.2`.
    Spelling(T),
    /// Digits only: the server would read an ordinal.
    Ordinal,
    /// Not a constant.
    Unknown,
}

impl<T: Copy> Resolution<T> {
    /// The constant the author evidently meant, when that is clear.
    pub(crate) fn intended(self) -> Option<T> {
        match self {
            Resolution::Exact(v) | Resolution::JavaName(v) | Resolution::CaseSlip(v) | Resolution::Spelling(v) => {
                Some(v)
            }
            Resolution::Ordinal | Resolution::Unknown => None,
        }
    }

    /// The constant a safe fix may write: only for a Java name or a case slip,
    /// whose meaning is certain (S004 and S008 agree on this).
    pub(crate) fn certain(self) -> Option<T> {
        match self {
            Resolution::JavaName(v) | Resolution::CaseSlip(v) => Some(v),
            _ => None,
        }
    }

    /// The same resolution of another value, e.g. of the constant's name.
    pub(crate) fn map<U>(self, f: impl Fn(T) -> U) -> Resolution<U> {
        match self {
            Resolution::Exact(v) => Resolution::Exact(f(v)),
            Resolution::JavaName(v) => Resolution::JavaName(f(v)),
            Resolution::CaseSlip(v) => Resolution::CaseSlip(f(v)),
            Resolution::Spelling(v) => Resolution::Spelling(f(v)),
            Resolution::Ordinal => Resolution::Ordinal,
            Resolution::Unknown => Resolution::Unknown,
        }
    }
}

/// Whether an id is empty or only white space: Unicode's (`char::is_whitespace`)
/// and the invisible U+200B and U+FEFF. Such an id names no store. The
/// published schemas say the same with a pattern that lists these characters
/// (a test holds the two alike over every character).
pub(crate) fn is_blank(id: &str) -> bool {
    id.chars().all(is_blank_char)
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// An id that is not blank without the white space around it, when it has
/// some: a form's field or a template left it, and it names no store.
pub(crate) fn unpadded(id: &str) -> Option<&str> {
    let trimmed = id.trim_matches(is_blank_char);
    (trimmed.len() != id.len() && !trimmed.is_empty()).then_some(trimmed)
}

/// Digits only: what Jackson reads as an enum's ordinal.
pub(crate) fn is_ordinal(text: &str) -> bool {
    let first = text.as_bytes().first().copied().unwrap_or_default();
    // Constants start with a letter: settled without trimming.
    if first.is_ascii_alphabetic() {
        return false;
    }
    let trimmed = text.trim();
    !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn resolve_protocol(text: &str) -> Resolution<Protocol> {
    if let Some(p) = Protocol::from_constant(text) {
        return Resolution::Exact(p);
    }
    // `tlsv1.2` is still the Java name, in the wrong case.
    if let Some(info) = PROTOCOLS.iter().find(|i| i.java_name.eq_ignore_ascii_case(text)) {
        return Resolution::JavaName(info.protocol);
    }
    if let Some(info) = PROTOCOLS.iter().find(|i| i.constant.eq_ignore_ascii_case(text)) {
        return Resolution::CaseSlip(info.protocol);
    }
    if is_ordinal(text) {
        return Resolution::Ordinal;
    }
    // `v` is dropped so that `TLSv1.2`, `TLS 1.2` and `tls_1_2` all read `tls12`.
    let squeeze = |s| loose(s).filter(|&c| c != 'v');
    if let Some(info) =
        PROTOCOLS.iter().find(|i| [i.constant, i.java_name, i.label].iter().any(|s| squeeze(s).eq(squeeze(text))))
    {
        return Resolution::Spelling(info.protocol);
    }
    Resolution::Unknown
}

pub(crate) fn resolve_verifier(text: &str) -> Resolution<HostnameVerifier> {
    if let Some(v) = HostnameVerifier::from_constant(text) {
        return Resolution::Exact(v);
    }
    if let Some(info) = VERIFIERS.iter().find(|i| i.constant.eq_ignore_ascii_case(text)) {
        return Resolution::CaseSlip(info.verifier);
    }
    if is_ordinal(text) {
        return Resolution::Ordinal;
    }
    // Java's class names spell it out: `DefaultHostnameVerifier`.
    if let Some(info) = VERIFIERS.iter().find(|i| {
        loose(text).eq(loose(i.constant)) || loose(text).eq(loose(i.constant).chain("hostnameverifier".chars()))
    }) {
        return Resolution::Spelling(info.verifier);
    }
    Resolution::Unknown
}

/// Whether `node` is of `field`'s documented type, with a value the server
/// takes as written (see [`Body::well_formed`]).
fn as_written(field: Field, node: &Node<'_>) -> bool {
    match (field, &node.value) {
        (Field::Enabled, Value::Bool(_)) => true,
        (Field::KeyStoreId | Field::TrustStoreId, Value::String(id)) => {
            !is_blank(id) && unpadded(id).is_none() && !crate::redact::is_name_placeholder(id)
        }
        (Field::SupportedProtocolList, Value::Array(items)) => {
            let mut listed = 0;
            items.iter().all(|item| match &item.value {
                Value::String(text) => Protocol::from_constant(text).is_some_and(|p| first_listing(&mut listed, p)),
                _ => false,
            })
        }
        (Field::HostnameVerifierType, Value::String(text)) => HostnameVerifier::from_constant(text).is_some(),
        _ => false,
    }
}

/// Whether `protocol` is not yet among those `listed` (a bit set), which it then joins.
fn first_listing(listed: &mut u32, protocol: Protocol) -> bool {
    let bit = 1 << protocol as u32;
    let first = *listed & bit == 0;
    *listed |= bit;
    first
}

/// Where an effective setting comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Origin<'a> {
    Body(&'a Member<'a>),
    Current,
    Default,
}

#[derive(Debug, Clone)]
pub(crate) struct Setting<'a, T> {
    pub(crate) value: T,
    pub(crate) origin: Origin<'a>,
}

impl<T> Setting<'_, T> {
    /// Whether a rule about this setting should speak: the body sets it, or
    /// mTLS ends up enabled with it as it stands.
    pub(crate) fn in_play(&self, enabled: bool) -> bool {
        matches!(self.origin, Origin::Body(_)) || enabled
    }
}

/// A protocol in the effective list, with its node when the body lists it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListedProtocol<'a> {
    pub(crate) protocol: Protocol,
    pub(crate) node: Option<&'a Node<'a>>,
}

/// The settings the proxy ends up with.
#[derive(Debug, Clone)]
pub(crate) struct Effective<'a> {
    pub(crate) enabled: Setting<'a, bool>,
    pub(crate) key_store_id: Option<Setting<'a, Cow<'a, str>>>,
    pub(crate) trust_store_id: Option<Setting<'a, Cow<'a, str>>>,
    /// Each protocol once, where it is first listed.
    pub(crate) protocols: Setting<'a, Vec<ListedProtocol<'a>>>,
    pub(crate) verifier: Setting<'a, HostnameVerifier>,
}

/// How settings that enable mTLS lack a keystore.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeystoreLack {
    Missing,
    Blank,
    Null,
}

/// The body and everything derived from it.
#[derive(Debug)]
pub(crate) struct Body<'a> {
    /// The body's own text; spans in `parsed` point into it.
    pub(crate) source: &'a str,
    /// Where the body starts in the checker's text.
    pub(crate) offset: usize,
    /// Prefix of every pointer into the body (`/body` inside a request).
    pub(crate) prefix: &'static str,
    pub(crate) rejected: Option<Rejected>,
    pub(crate) parsed: Option<&'a Parsed<'a>>,
    /// The root object's members; empty when the root is not an object.
    pub(crate) members: &'a [Member<'a>],
    /// The field each member stands for, worked out once.
    /// The field of each of the first [`Body::CACHED`] members, worked out once (no allocation for a real body).
    fields: [Option<Field>; Body::CACHED],
    /// The member the server keeps for each field: the last one.
    last: [Option<&'a Member<'a>>; 5],
    /// The root is an object whose every member is a field, given once,
    /// holding a value of its documented type that the server takes as
    /// written: a boolean, a non-blank id without white space around it, distinct protocol constants, a
    /// verifier constant. The rules about the document's shape have nothing
    /// to say about such a body ([`crate::rules::run`] skips them).
    pub(crate) well_formed: bool,
    pub(crate) effective: Option<Effective<'a>>,
}

impl<'a> Body<'a> {
    /// Members whose field is cached; a settings body has five at most.
    const CACHED: usize = 16;

    fn field(&self, index: usize, member: &Member<'_>) -> Option<Field> {
        match self.fields.get(index) {
            Some(&field) => field,
            None => Field::from_key(&member.key),
        }
    }

    pub(crate) fn rejected(rejected: Rejected, offset: usize, prefix: &'static str) -> Self {
        Self {
            source: "",
            offset,
            prefix,
            rejected: Some(rejected),
            parsed: None,
            members: &[],
            fields: [None; Body::CACHED],
            last: [None; 5],
            well_formed: false,
            effective: None,
        }
    }

    pub(crate) fn new(
        source: &'a str,
        parsed: &'a Parsed<'a>,
        offset: usize,
        prefix: &'static str,
        context: &'a Context,
    ) -> Self {
        let (object, members) = match parsed.root.as_ref().map(|n| &n.value) {
            Some(Value::Object(members)) => (true, members.as_slice()),
            _ => (false, &[][..]),
        };
        let mut fields = [None; Body::CACHED];
        let mut last: [Option<&Member<'_>>; 5] = [None; 5];
        let mut well_formed = object;
        for (index, member) in members.iter().enumerate() {
            let field = Field::from_key(&member.key);
            if let Some(slot) = fields.get_mut(index) {
                *slot = field;
            }
            match field {
                Some(field) => {
                    let earlier = last[field as usize].replace(member);
                    well_formed &= earlier.is_none() && as_written(field, &member.value);
                }
                None => well_formed = false,
            }
        }
        let mut body = Self {
            source,
            offset,
            prefix,
            rejected: None,
            parsed: Some(parsed),
            members,
            fields,
            last,
            well_formed,
            effective: None,
        };
        if object {
            body.effective = Some(body.merge(context.current.as_ref()));
        }
        body
    }

    pub(crate) fn root(&self) -> Option<&'a Node<'a>> {
        self.parsed.and_then(|p| p.root.as_ref())
    }

    /// The member the server keeps for `field`: the last one.
    pub(crate) fn last(&self, field: Field) -> Option<&'a Member<'a>> {
        self.last[field as usize]
    }

    /// How the settings the body produces enable mTLS without a usable
    /// keystore, if they do: the server's "KeyStore ID is required" (M001).
    pub(crate) fn keystore_lack(&self) -> Option<KeystoreLack> {
        let effective = self.effective.as_ref()?;
        if !effective.enabled.value || self.unread(Field::Enabled) || self.unread(Field::KeyStoreId) {
            return None;
        }
        // `null` reads as not sent (S006 warns that its meaning is undocumented), but is named as written.
        let null = self.last(Field::KeyStoreId).is_some_and(|m| m.value.value == Value::Null);
        match &effective.key_store_id {
            None if null => Some(KeystoreLack::Null),
            None => Some(KeystoreLack::Missing),
            Some(id) if is_blank(&id.value) => Some(KeystoreLack::Blank),
            Some(_) => None,
        }
    }

    /// Whether the settings the body produces name no usable keystore (none,
    /// `null` or blank), as M001 would find once mTLS is enabled.
    pub(crate) fn lacks_keystore(&self) -> bool {
        let Some(effective) = self.effective.as_ref() else { return false };
        !self.unread(Field::KeyStoreId) && effective.key_store_id.as_ref().is_none_or(|id| is_blank(&id.value))
    }

    /// Whether the body sends `field` with a value the server rejects, or
    /// reads as a constant by its position in an undocumented list: what the
    /// proxy ends up with is then unknown. The rules about that setting stay
    /// silent rather than judge the current or default value in its place;
    /// the shape rules say what to write. A protocol list counts when it is
    /// not an array; [`Body::list_unread`] tells whether each item was read.
    /// `null` is read as not sent (S006 says its meaning is undocumented).
    pub(crate) fn unread(&self, field: Field) -> bool {
        if self.well_formed {
            return false;
        }
        let Some(member) = self.last(field) else {
            return false;
        };
        match (field, &member.value.value) {
            (Field::Enabled, _) => matches!(read_bool(&member.value), Reading::Invalid),
            (Field::KeyStoreId | Field::TrustStoreId, _) => matches!(read_id(&member.value), Reading::Invalid),
            (Field::SupportedProtocolList, value) => !matches!(value, Value::Array(_) | Value::Null),
            (Field::HostnameVerifierType, Value::String(text)) => resolve_verifier(text).intended().is_none(),
            (Field::HostnameVerifierType, value) => *value != Value::Null,
        }
    }

    /// Whether the body's protocol list has an item that names no protocol
    /// (rejected, or read by its position), so that rules about the list as
    /// a whole cannot judge it; or is no list at all ([`Body::unread`]).
    pub(crate) fn list_unread(&self) -> bool {
        if self.well_formed {
            return false;
        }
        match self.last(Field::SupportedProtocolList).map(|m| &m.value.value) {
            Some(Value::Array(items)) => items.iter().any(|item| match &item.value {
                Value::String(text) => resolve_protocol(text).intended().is_none(),
                _ => true,
            }),
            _ => self.unread(Field::SupportedProtocolList),
        }
    }

    /// Every member for `field`, duplicates included.
    pub(crate) fn all(&self, field: Field) -> impl Iterator<Item = &'a Member<'a>> + '_ {
        self.known().filter(move |&(f, _)| f == field).map(|(_, member)| member)
    }

    /// The members that are fields of the body, with their field.
    pub(crate) fn known(&self) -> impl Iterator<Item = (Field, &'a Member<'a>)> + '_ {
        self.members.iter().enumerate().filter_map(|(index, member)| self.field(index, member).map(|f| (f, member)))
    }

    /// The members that are no field of the body.
    pub(crate) fn unknown(&self) -> impl Iterator<Item = &'a Member<'a>> + '_ {
        self.members
            .iter()
            .enumerate()
            .filter(|&(index, member)| self.field(index, member).is_none())
            .map(|(_, member)| member)
    }

    /// The pointer of a top-level member, prefixed for the body's place.
    pub(crate) fn pointer(&self, key: &str) -> Cow<'static, str> {
        match Field::from_key(key) {
            Some(field) => Cow::Borrowed(FIELD_POINTERS[usize::from(!self.prefix.is_empty())][field as usize]),
            None => Cow::Owned([self.prefix, "/", &pointer_token(key)].concat()),
        }
    }

    /// The pointer of item `index` of a top-level array member.
    pub(crate) fn item_pointer(&self, key: &str, index: usize) -> Cow<'static, str> {
        match PROTOCOL_ITEM_POINTERS[usize::from(!self.prefix.is_empty())].get(index) {
            Some(pointer) if key == Field::SupportedProtocolList.key() => Cow::Borrowed(pointer),
            _ => Cow::Owned(format!("{}/{}/{index}", self.prefix, pointer_token(key))),
        }
    }

    /// The pointer of the body itself.
    pub(crate) fn root_pointer(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.prefix)
    }

    /// A body span moved into the checker's text.
    pub(crate) fn span(&self, span: Span) -> Span {
        span.shift(self.offset)
    }

    /// Where a finding about `member`'s value points: the value, by the member's pointer.
    pub(crate) fn at(&self, member: &Member<'_>) -> (Span, Cow<'static, str>) {
        (self.span(member.value.span), self.pointer(&member.key))
    }

    /// The member that sends `field` as `null` (rule S006), if the body's last one does.
    pub(crate) fn sent_null(&self, field: Field) -> Option<&'a Member<'a>> {
        self.last(field).filter(|member| member.value.value == Value::Null)
    }

    /// Where a finding about an effective setting points when a member the
    /// body sends is at fault in its place (its `null`, a blank id): that
    /// member's value, else [`Body::anchor`].
    pub(crate) fn anchor_or<T>(
        &self,
        member: Option<&Member<'_>>,
        setting: &Setting<'a, T>,
    ) -> (Span, Cow<'static, str>) {
        member.map_or_else(|| self.anchor(setting), |member| self.at(member))
    }

    /// Where a finding about an effective setting points: the setting's
    /// member when the body sends it, else the `enabled` member, else the
    /// body's opening brace.
    pub(crate) fn anchor<T>(&self, setting: &Setting<'a, T>) -> (Span, Cow<'static, str>) {
        let member = match setting.origin {
            Origin::Body(member) => Some(member),
            Origin::Current | Origin::Default => self.last(Field::Enabled),
        };
        if let Some(member) = member {
            self.at(member)
        } else {
            let start = self.root().map_or(0, |n| n.span.start);
            (self.span(Span::new(start, start + 1)), self.root_pointer())
        }
    }

    /// The edit that makes `field` hold `json`: its last value replaced, or a member added at the end.
    pub(crate) fn set_member(&self, field: Field, json: &'static str) -> Option<(Span, Cow<'static, str>)> {
        if let Some(member) = self.last(field) {
            return Some((self.span(member.value.span), Cow::Borrowed(json)));
        }
        // A key that stands for the field (`HostnameVerifierType`) is renamed by S001's fix:
        // a member added beside it would be a repeated key, and override what it holds.
        if crate::rules::shape::unknown_field::stand_in(self, field).is_some() {
            return None;
        }
        let key = field.key();
        match (self.members.last(), self.root()) {
            (Some(last), _) => {
                // One member a line stays one a line: the new member takes the last one's indentation.
                let before = &self.source[..last.key_span.start];
                let gap = &before[before.trim_end_matches(crate::syntax::BLANKS).len()..];
                let gap = if gap.contains('\n') { gap } else { " " };
                Some((self.span(Span::at(last.value.span.end)), format!(",{gap}\"{key}\": {json}").into()))
            }
            (None, Some(root)) => Some((self.span(root.span), format!("{{\"{key}\": {json}}}").into())),
            (None, None) => None,
        }
    }

    fn merge(&self, current: Option<&'a MtlsSettings>) -> Effective<'a> {
        let enabled = match self.last(Field::Enabled).map(|m| (m, read_bool(&m.value))) {
            Some((member, Reading::Exact(value) | Reading::Coerced(value))) => {
                Setting { value, origin: Origin::Body(member) }
            }
            // A value the server rejects (S002): whether the author means mTLS on is unknown, so the
            // settings kept as they stand are not judged as if it were (`Setting::in_play`).
            Some((member, Reading::Invalid)) => Setting { value: false, origin: Origin::Body(member) },
            _ => match current.and_then(|c| c.enabled) {
                Some(value) => Setting { value, origin: Origin::Current },
                None => Setting { value: false, origin: Origin::Default },
            },
        };
        let id = |field: Field, current: Option<&'a String>| match self
            .last(field)
            .and_then(|m| read_id(&m.value).value().map(|v| (m, v)))
        {
            Some((member, value)) => Some(Setting { value, origin: Origin::Body(member) }),
            None => current.map(|value| Setting { value: Cow::Borrowed(value.as_str()), origin: Origin::Current }),
        };
        let mut protocols = match self.last(Field::SupportedProtocolList) {
            Some(member @ Member { value: Node { value: Value::Array(items), .. }, .. }) => Setting {
                value: items
                    .iter()
                    .filter_map(|node| match &node.value {
                        Value::String(text) => resolve_protocol(text)
                            .intended()
                            .map(|protocol| ListedProtocol { protocol, node: Some(node) }),
                        _ => None,
                    })
                    .collect(),
                origin: Origin::Body(member),
            },
            _ => match current.and_then(|c| c.supported_protocol_list.as_ref()) {
                Some(list) => Setting {
                    value: list.iter().map(|&protocol| ListedProtocol { protocol, node: None }).collect(),
                    origin: Origin::Current,
                },
                None => Setting { value: Vec::new(), origin: Origin::Default },
            },
        };
        // The server enables a set: a repeat adds nothing (T004 reports it), so each protocol counts once, where first listed.
        let mut listed = 0;
        protocols.value.retain(|item| first_listing(&mut listed, item.protocol));
        let verifier = match self.last(Field::HostnameVerifierType).and_then(|m| match &m.value.value {
            Value::String(text) => resolve_verifier(text).intended().map(|v| (m, v)),
            _ => None,
        }) {
            Some((member, value)) => Setting { value, origin: Origin::Body(member) },
            None => match current.and_then(|c| c.hostname_verifier_type) {
                Some(value) => Setting { value, origin: Origin::Current },
                None => Setting { value: HostnameVerifier::Noop, origin: Origin::Default },
            },
        };
        Effective {
            enabled,
            key_store_id: id(Field::KeyStoreId, current.and_then(|c| c.key_store_id.as_ref())),
            trust_store_id: id(Field::TrustStoreId, current.and_then(|c| c.trust_store_id.as_ref())),
            protocols,
            verifier,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_pointers_match_their_format() {
        for (table, prefix) in PROTOCOL_ITEM_POINTERS.iter().zip(["", "/body"]) {
            for (index, pointer) in table.iter().enumerate() {
                assert_eq!(*pointer, format!("{prefix}/{}/{index}", Field::SupportedProtocolList.key()));
            }
        }
    }

    #[test]
    fn resolves_every_spelling_of_a_protocol() {
        assert_eq!(resolve_protocol("TLS_1_2"), Resolution::Exact(Protocol::Tls12));
        assert_eq!(resolve_protocol("TLSv1"), Resolution::JavaName(Protocol::Tls10));
        assert_eq!(resolve_protocol("tls_1_3"), Resolution::CaseSlip(Protocol::Tls13));
        assert_eq!(resolve_protocol("TLS 1.2"), Resolution::Spelling(Protocol::Tls12));
        assert_eq!(resolve_protocol("tlsv1.1"), Resolution::JavaName(Protocol::Tls11));
        assert_eq!(resolve_protocol("SSL3"), Resolution::Spelling(Protocol::Ssl30));
        assert_eq!(resolve_protocol("1"), Resolution::Ordinal);
        assert_eq!(resolve_protocol("TLS_1_4"), Resolution::Unknown);
    }

    #[test]
    fn resolves_verifier_spellings() {
        assert_eq!(resolve_verifier("strict"), Resolution::CaseSlip(HostnameVerifier::Strict));
        assert_eq!(resolve_verifier("browser-compat"), Resolution::Spelling(HostnameVerifier::BrowserCompat));
        assert_eq!(resolve_verifier("DefaultHostnameVerifier"), Resolution::Spelling(HostnameVerifier::Default));
        assert_eq!(resolve_verifier("DEFALT"), Resolution::Unknown);
    }

    #[test]
    fn reads_values_as_jackson_does() {
        fn node(text: &str) -> Node<'_> {
            crate::syntax::parse(text, 4).root.unwrap()
        }
        assert_eq!(read_bool(&node("\"True\"")), Reading::Coerced(true));
        assert_eq!(read_bool(&node("0")), Reading::Coerced(false));
        assert_eq!(read_bool(&node("\"yes\"")), Reading::Invalid);
        assert_eq!(read_bool(&node("1.0")), Reading::Invalid);
        assert_eq!(read_id(&node("42")), Reading::Coerced(Cow::Borrowed("42")));
    }
}
