//! A whole call to either endpoint. The request is written out as an HTTP
//! message (the `.http` file form) with the bearer token masked; every
//! diagnostic's range points into that text.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Span;
use crate::suggest::nearest;

/// A call as a client would send it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// HTTP method, e.g. `PATCH`.
    pub method: String,
    /// Full URL (`https://host/apiops/...`) or just the path.
    pub url: String,
    /// Headers in order, as `(name, value)`.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// The body, if any.
    #[serde(default)]
    pub body: Option<String>,
}

/// What stands in the text for the bearer token.
pub const MASKED_TOKEN: &str = "<token>";

/// The two endpoints.
/// Written `mtls` and `truststore`, as the CLI's `--endpoint` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Endpoint {
    /// `PATCH .../apiProxies/{apiProxyName}/settings/mtls/`
    #[serde(rename = "mtls")]
    MtlsSettings,
    /// `PUT .../credentials/{username}/truststore/{keystoreName}/`
    #[serde(rename = "truststore")]
    TruststoreAssignment,
}

impl Endpoint {
    pub(crate) const ALL: [Endpoint; 2] = [Endpoint::MtlsSettings, Endpoint::TruststoreAssignment];

    /// The name the options write: `mtls` or `truststore` (its serde name; a test holds them alike).
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::MtlsSettings => "mtls",
            Endpoint::TruststoreAssignment => "truststore",
        }
    }

    /// The endpoint of this [`Endpoint::name`].
    pub fn from_name(name: &str) -> Option<Endpoint> {
        Endpoint::ALL.into_iter().find(|endpoint| endpoint.name() == name)
    }

    /// The method the endpoint takes.
    pub fn method(self) -> &'static str {
        match self {
            Endpoint::MtlsSettings => "PATCH",
            Endpoint::TruststoreAssignment => "PUT",
        }
    }

    /// The path template's segments; `{name}` marks a parameter.
    pub fn template(self) -> [&'static str; 7] {
        match self {
            Endpoint::MtlsSettings => {
                ["apiops", "projects", "{projectName}", "apiProxies", "{apiProxyName}", "settings", "mtls"]
            }
            Endpoint::TruststoreAssignment => {
                ["apiops", "projects", "{projectName}", "credentials", "{username}", "truststore", "{keystoreName}"]
            }
        }
    }

    /// The parameter a template segment stands for: `projectName` for `{projectName}`.
    pub fn parameter(segment: &str) -> Option<&str> {
        segment.strip_prefix('{')?.strip_suffix('}')
    }

    /// What a path parameter names: `truststore` for `keystoreName`.
    pub(crate) fn named_by(parameter: &str) -> &'static str {
        match parameter {
            "projectName" => "project",
            "apiProxyName" => "API proxy",
            "username" => "credential",
            // `keystoreName`: the keystore assigned as the credential's truststore.
            _ => "truststore",
        }
    }

    /// The names of the path's parameters, in path order.
    pub fn parameters(self) -> impl Iterator<Item = &'static str> {
        self.template().into_iter().filter_map(Self::parameter)
    }

    /// The path template as documented.
    pub fn path_template(self) -> String {
        format!("/{}/", self.template().join("/"))
    }
}

/// A path segment with its span in the message text.
#[derive(Debug, Clone)]
pub(crate) struct Segment<'a> {
    pub(crate) text: &'a str,
    pub(crate) span: Span,
}

/// A header with its spans; `value` is the real value, the text shows a masked one.
#[derive(Debug, Clone)]
pub(crate) struct Header<'a> {
    pub(crate) name: &'a str,
    pub(crate) value: &'a str,
    pub(crate) value_span: Span,
}

/// A path parameter of the matched endpoint.
#[derive(Debug, Clone)]
pub(crate) struct Parameter<'a> {
    pub(crate) name: &'static str,
    pub(crate) segment: Segment<'a>,
}

impl Parameter<'_> {
    /// The name as the server sees it, percent-decoded; `None` when the encoding is broken.
    pub(crate) fn decoded(&self) -> Option<Cow<'_, str>> {
        percent_decode(self.segment.text)
    }
}

/// The request line and headers as the R rules see them.
#[derive(Debug)]
pub(crate) struct RequestView<'a> {
    pub(crate) method: &'a str,
    pub(crate) method_span: Span,
    pub(crate) url_span: Span,
    pub(crate) scheme: Option<&'a str>,
    pub(crate) host: Option<(&'a str, Span)>,
    /// The path (no query or fragment) and its span.
    pub(crate) path: &'a str,
    pub(crate) path_span: Span,
    pub(crate) segments: Vec<Segment<'a>>,
    pub(crate) endpoint: Option<Endpoint>,
    pub(crate) parameters: Vec<Parameter<'a>>,
    pub(crate) headers: Vec<Header<'a>>,
    /// Span of the body in the message text, when there is one.
    pub(crate) body: Option<Span>,
    /// End of the header block, where a missing header would go.
    pub(crate) headers_end: usize,
}

impl<'a> RequestView<'a> {
    /// Writes `request` as an HTTP message and reads it back with spans. The
    /// URL is read from `url`: the request's, masked by [`mask_url`] (which
    /// keeps every span in place), so that no rule can quote its secrets.
    pub(crate) fn new(request: &'a Request, url: &'a str, text: &mut String) -> Self {
        use std::fmt::Write as _;
        text.clear();
        let method_span = Span::new(0, request.method.len());
        let _ = write!(text, "{} ", request.method);
        let url_span = Span::new(text.len(), text.len() + url.len());
        text.push_str(url);
        text.push('\n');
        let mut headers = Vec::with_capacity(request.headers.len());
        for (name, value) in &request.headers {
            let _ = write!(text, "{name}: ");
            let shown = mask_secret(name, value);
            let value_span = Span::new(text.len(), text.len() + shown.len());
            text.push_str(&shown);
            text.push('\n');
            headers.push(Header { name, value, value_span });
        }
        let headers_end = text.len();
        let body = request.body.as_deref().map(|body| {
            text.push('\n');
            let span = Span::new(text.len(), text.len() + body.len());
            text.push_str(body);
            span
        });
        let (scheme, authority) = authority(url);
        let host = authority
            .clone()
            .map(|range| (&url[range.clone()], Span::new(range.start, range.end).shift(url_span.start)));
        let path_at = authority.map_or(0, |range| range.end);
        let mut path_end = url[path_at..].find(['?', '#']).map_or(url.len(), |i| path_at + i);
        // A `?` or `#` written unencoded in a name cuts the path short
        // (`.../truststore/my?ts/`): what follows, up to its last `/`, is
        // read as path, where R004 reports the character. A query's
        // parameters (`?next=/home/`) are no name, and stay the query; nor
        // is a `?` or `#` right after the host (`https://gw#x/apiops/...`).
        if path_end > path_at
            && !url[..path_end].ends_with('/')
            && let Some(slash) = url[path_end..].rfind('/')
            && !url[path_end..path_end + slash].contains(['=', '&'])
        {
            path_end += slash + 1;
        }
        let path = &url[path_at..path_end];
        let path_span = Span::new(path_at, path_end).shift(url_span.start);
        let segments = split_segments(path, path_span.start);
        let (endpoint, parameters) = match_endpoint(&segments);
        Self {
            method: &request.method,
            method_span,
            url_span,
            scheme,
            host,
            path,
            path_span,
            segments,
            endpoint,
            parameters,
            headers,
            body,
            headers_end,
        }
    }

    /// The first header called `name` (any case): what a servlet's
    /// `getHeader` reads when a header is repeated.
    pub(crate) fn header(&self, name: &str) -> Option<&Header<'a>> {
        self.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name))
    }

    pub(crate) fn parameter(&self, name: &str) -> Option<&Parameter<'a>> {
        self.parameters.iter().find(|p| p.name == name)
    }
}

/// Whether a header of this name carries a secret: credentials
/// (`Authorization`), cookies, API keys, tokens. A name padded with spaces or
/// control characters still does.
pub(crate) fn carries_secret(name: &str) -> bool {
    crate::redact::is_request_secret_name(name.trim_matches(|c: char| c.is_whitespace() || c.is_control()))
}

/// Whether a header's secret follows an authentication scheme (`Bearer abc`),
/// which stays readable.
pub(crate) fn has_scheme(name: &str) -> bool {
    let name = name.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    name.eq_ignore_ascii_case("authorization") || name.eq_ignore_ascii_case("proxy-authorization")
}

/// Whether a word is an HTTP authentication scheme (IANA's registry, and
/// `Token` / `ApiKey` that some APIs use). Any other first word of an
/// `Authorization` value may be the secret itself, so it is never shown.
pub(crate) fn is_known_scheme(word: &str) -> bool {
    const SCHEMES: [&str; 14] = [
        "bearer",
        "basic",
        "digest",
        "negotiate",
        "ntlm",
        "token",
        "apikey",
        "hoba",
        "mutual",
        "vapid",
        "oauth",
        "scram-sha-1",
        "scram-sha-256",
        "aws4-hmac-sha256",
    ];
    SCHEMES.iter().any(|scheme| word.eq_ignore_ascii_case(scheme))
}

/// Hides a header's secret: `Bearer abc` becomes `Bearer <token>`, a cookie
/// or an API key `<token>`.
fn mask_secret<'v>(name: &str, value: &'v str) -> Cow<'v, str> {
    if !carries_secret(name) || value.trim().is_empty() {
        return Cow::Borrowed(value);
    }
    if !has_scheme(name) {
        return Cow::Borrowed(MASKED_TOKEN);
    }
    match value.trim_start().split_once(' ') {
        Some((scheme, secret)) if is_known_scheme(scheme) && !secret.trim().is_empty() => {
            Cow::Owned(format!("{scheme} {MASKED_TOKEN}"))
        }
        Some((scheme, _)) if is_known_scheme(scheme) => Cow::Owned(format!("{scheme} ")),
        None if value.trim().eq_ignore_ascii_case("bearer") => Cow::Borrowed(value),
        _ => Cow::Borrowed(MASKED_TOKEN),
    }
}

/// Hides the secrets a URL can carry behind as many `*` as they have bytes,
/// so that every span into the URL stays where it was.
pub(crate) fn mask_url(url: &str) -> Cow<'_, str> {
    let secrets = url_secrets(url);
    if secrets.is_empty() {
        return Cow::Borrowed(url);
    }
    // Each character by one as long in UTF-8 and in UTF-16, so that columns still hold.
    Cow::Owned(crate::redact::masked(url, secrets))
}

/// A URL's scheme, and where its authority (`user:password@host:port`)
/// stands: after `scheme:` and the one to three slashes curl takes there,
/// after a scheme-relative `//`, or at the start of a URL written without a
/// scheme whose first segment names a host (`gw.example.com/apiops/...`,
/// which clients such as curl send over plain HTTP). No authority for a path.
fn authority(url: &str) -> (Option<&str>, Option<std::ops::Range<usize>>) {
    let scheme = url.find(':').filter(|&colon| {
        url.as_bytes()[0].is_ascii_alphabetic()
            && url[..colon].bytes().all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
            && url[colon + 1..].starts_with('/')
    });
    let start = match scheme {
        Some(colon) => colon + 1 + (url[colon + 1..].len() - url[colon + 1..].trim_start_matches('/').len()),
        None if url.starts_with("//") => 2,
        None if !url.starts_with('/') => 0,
        None => return (None, None),
    };
    let end = url[start..].find(['/', '?', '#']).map_or(url.len(), |i| start + i);
    let host = &url[start..end];
    let names_host = host.contains(['.', ':', '@']) || host.eq_ignore_ascii_case("localhost");
    if scheme.is_none() && start == 0 && !names_host {
        return (None, None);
    }
    (scheme.map(|colon| &url[..colon]), Some(start..end))
}

/// The host an authority names, without its user information and port
/// (an IPv6 address without its brackets): `gw` for `ops:pw@gw:443`.
pub(crate) fn host_name(authority: &str) -> &str {
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match host_port.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    }
}

/// The byte ranges of the secrets a URL carries: the password of
/// `user:password@`, and the values of parameters named like `token`,
/// `api_key` or `password` in the query, the fragment and the path (`;jsessionid=`).
pub(crate) fn url_secrets(url: &str) -> Vec<std::ops::Range<usize>> {
    let mut secrets = Vec::new();
    secrets.extend(userinfo_secret(url));
    let path_start = authority(url).1.map_or(0, |authority| authority.end);
    let query = url.find(['?', '#']).unwrap_or(url.len());
    let mut at = path_start;
    // What follows each `?`, `#`, `&` or `;`; in the path, a value ends at the next `/`.
    for (index, pair) in url[path_start..].split(['?', '#', '&', ';']).enumerate() {
        if index > 0
            && let Some((name, value)) = pair.split_once('=')
        {
            let value = if at < query { value.split('/').next().unwrap_or_default() } else { value };
            // `tok%65n` is `token` to the server.
            let decoded = percent_decode(name).unwrap_or(Cow::Borrowed(name));
            if !value.is_empty() && crate::redact::is_request_secret_name(&decoded) {
                let value_at = at + name.len() + 1;
                secrets.push(value_at..value_at + value.len());
            }
        }
        at += pair.len() + 1;
    }
    secrets
}

/// The password of a URL's `user:password@`, or the whole of `token@`. The
/// authority is also looked for after the first `//` of a URL behind a stray
/// character (`"https://`, `<https://`, `https ://`), and a password may hold
/// a `?` or `#`.
fn userinfo_secret(url: &str) -> Option<std::ops::Range<usize>> {
    let start = match authority(url).1 {
        Some(authority) if authority.start > 0 => Some(authority.start),
        found => url
            .find("//")
            .filter(|&at| !url[..at].contains(['/', '?', '#']))
            .map(|at| at + 2)
            .or(found.map(|authority| authority.start)),
    }?;
    let bound = url[start..].find('/').map_or(url.len(), |i| start + i);
    let at = url[start..bound].rfind('@').map(|i| start + i)?;
    let cut = url[start..at].find(['?', '#']).map(|i| start + i);
    let colon = url[start..cut.unwrap_or(at)].find(':').map(|i| start + i);
    // `https://gw?to=a@b`: the `@` is the query's.
    if cut.is_some() && colon.is_none() {
        return None;
    }
    Some(colon.map_or(start, |colon| colon + 1)..at)
}

fn split_segments(path: &str, at: usize) -> Vec<Segment<'_>> {
    let inner = path.strip_prefix('/').unwrap_or(path);
    let inner_at = at + (path.len() - inner.len());
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    if inner.is_empty() {
        return Vec::new();
    }
    let mut offset = inner_at;
    inner
        .split('/')
        .map(|text| {
            let segment = Segment { text, span: Span::new(offset, offset + text.len()) };
            offset += text.len() + 1;
            segment
        })
        .collect()
}

/// Matches the path's last seven segments against the templates' literals, exactly.
fn match_endpoint<'a>(segments: &[Segment<'a>]) -> (Option<Endpoint>, Vec<Parameter<'a>>) {
    let Some(skip) = segments.len().checked_sub(7) else {
        return (None, Vec::new());
    };
    // A gateway's prefix may stand before the endpoint, but no `//` right before it (`https://gw//apiops/...`).
    if skip > 0 && segments[skip - 1].text.is_empty() {
        return (None, Vec::new());
    }
    let tail = &segments[skip..];
    for endpoint in Endpoint::ALL {
        let template = endpoint.template();
        let literals_match = template.iter().zip(tail).all(|(t, s)| Endpoint::parameter(t).is_some() || *t == s.text);
        if literals_match {
            let parameters = template
                .iter()
                .zip(tail)
                .filter_map(|(t, s)| Endpoint::parameter(t).map(|name| Parameter { name, segment: s.clone() }))
                .collect();
            return (Some(endpoint), parameters);
        }
    }
    (None, Vec::new())
}

/// The endpoint an unmatched path names once its empty segments (`t//`,
/// `/apiops//projects`) are left out, with the path so written.
pub(crate) fn endpoint_without_empty_segments(view: &RequestView<'_>) -> Option<(Endpoint, String)> {
    let filled: Vec<Segment<'_>> = view.segments.iter().filter(|s| !s.text.is_empty()).cloned().collect();
    if filled.len() == view.segments.len() {
        return None;
    }
    let endpoint = match_endpoint(&filled).0?;
    let texts: Vec<&str> = filled.iter().map(|s| s.text).collect();
    Some((endpoint, format!("/{}/", texts.join("/"))))
}

/// The endpoint an unmatched path names once a `/` inside one of its names
/// (`apiProxies/Pay/ments/settings`) is percent-encoded: the endpoint, the
/// path so written, and the name as written.
pub(crate) fn endpoint_with_slash_in_name(view: &RequestView<'_>) -> Option<(Endpoint, String, String)> {
    let texts: Vec<&str> = view.segments.iter().map(|s| s.text).collect();
    let (prefix, tail) = texts.split_at(texts.len().checked_sub(8)?);
    for endpoint in Endpoint::ALL {
        let template = endpoint.template();
        for (at, literal) in template.iter().enumerate() {
            let literals = |template: &[&str], texts: &[&str]| {
                template.iter().zip(texts).all(|(t, s)| Endpoint::parameter(t).is_some() || t == s)
            };
            if Endpoint::parameter(literal).is_none()
                || !literals(&template[..at], &tail[..at])
                || !literals(&template[at + 1..], &tail[at + 2..])
            {
                continue;
            }
            let name = [tail[at], "/", tail[at + 1]].concat();
            let encoded = [tail[at], "%2F", tail[at + 1]].concat();
            let written: Vec<&str> = prefix
                .iter()
                .chain(&tail[..at])
                .copied()
                .chain([encoded.as_str()])
                .chain(tail[at + 2..].iter().copied())
                .collect();
            return Some((endpoint, format!("/{}/", written.join("/")), name));
        }
    }
    None
}

/// The nearest endpoint to an unmatched path, with the path rewritten to it.
pub(crate) fn nearest_endpoint(view: &RequestView<'_>) -> Option<(Endpoint, String)> {
    let segments: Vec<&str> = view.segments.iter().map(|s| s.text).collect();
    let mut best: Option<(usize, Endpoint, String)> = None;
    for endpoint in Endpoint::ALL {
        let template = endpoint.template();
        // A near path has at most two segments too many (each costs a gap):
        // those before the template's length and two more are a prefix.
        let (prefix, rest) = segments.split_at(segments.len().saturating_sub(template.len() + 2));
        let (cost, path) = align(rest, &template);
        let path = if prefix.is_empty() { path } else { ["/", &prefix.join("/"), &path].concat() };
        if cost <= 6 && best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
            best = Some((cost, endpoint, path));
        }
    }
    best.map(|(_, endpoint, path)| (endpoint, path))
}

/// What a segment left out of the path, or one too many, costs.
const GAP: usize = 3;

/// One step of an alignment of a path's segments with an endpoint's template.
#[derive(Clone, Copy)]
enum Step {
    /// A segment before the template starts: a gateway's own prefix, kept and free.
    Prefix,
    /// A segment in the template's place (a name, or a literal as near as it is).
    Pair,
    /// A segment the template has no place for.
    Extra,
    /// A template segment the path leaves out.
    Missing,
}

/// How far `segments` are from `template` (segments left out or too many,
/// literals misspelt; any segment names a parameter), and the path
/// rewritten to the template with the path's own names.
fn align(segments: &[&str], template: &[&str]) -> (usize, String) {
    // Costs are kept times eight, plus one for each segment a name takes:
    // between alignments as near, the one whose literals take more segments
    // wins (`.../truststore/` lacks its name, not its `truststore`).
    let pair = |segment: &str, literal: &str| match () {
        () if Endpoint::parameter(literal).is_some() => 1,
        () if segment == literal => 0,
        () if nearest(segment, [literal]).is_some() => {
            8 * strsim::levenshtein(&segment.to_ascii_lowercase(), &literal.to_ascii_lowercase()).max(1)
        }
        // A literal cut short (`api` for `apiops`) is nearer than a gateway's prefix and a segment left out.
        () if (3..literal.len()).contains(&segment.len())
            && literal.get(..segment.len()).is_some_and(|start| start.eq_ignore_ascii_case(segment)) =>
        {
            16
        }
        () => 80,
    };
    let width = template.len() + 1;
    // `best[i * width + j]`: the cost and the last step of aligning `segments[..i]` with `template[..j]`.
    let mut best = vec![(0, Step::Prefix); (segments.len() + 1) * width];
    for (j, first) in best[..width].iter_mut().enumerate().skip(1) {
        *first = (j * 8 * GAP, Step::Missing);
    }
    for i in 1..=segments.len() {
        for j in 1..width {
            let at = i * width + j;
            let steps = [
                (best[at - width - 1].0 + pair(segments[i - 1], template[j - 1]), Step::Pair),
                (best[at - width].0 + 8 * GAP, Step::Extra),
                (best[at - 1].0 + 8 * GAP, Step::Missing),
            ];
            best[at] = steps.into_iter().min_by_key(|&(cost, _)| cost).expect("three steps");
        }
    }
    let mut rewritten = Vec::new();
    let (mut i, mut j) = (segments.len(), template.len());
    while i > 0 || j > 0 {
        match best[i * width + j].1 {
            Step::Prefix => {
                i -= 1;
                rewritten.push(Cow::Borrowed(segments[i]));
            }
            Step::Pair => {
                (i, j) = (i - 1, j - 1);
                let name = Endpoint::parameter(template[j]).is_some();
                rewritten.push(if name { encode_reserved(segments[i]) } else { Cow::Borrowed(template[j]) });
            }
            Step::Extra => i -= 1,
            Step::Missing => {
                j -= 1;
                rewritten.push(Cow::Borrowed(template[j]));
            }
        }
    }
    let mut path = String::from("/");
    for segment in rewritten.iter().rev() {
        path.push_str(segment);
        path.push('/');
    }
    (best[best.len() - 1].0 / 8, path)
}

/// Characters a name in the path must not hold unencoded (rule R004): those
/// the API's conventions name, `;` (Java servers cut a path segment at it)
/// and those a URL may not hold at all (RFC 3986), which servers refuse.
/// `+` and `,` are allowed in a path and reach the server as written.
pub(crate) const RESERVED: &[char] = &[' ', '?', '#', '&', '=', ';', '"', '<', '>', '\\', '^', '`', '|', '{', '}'];

/// `text` with its reserved characters percent-encoded, as a path name is written.
pub(crate) fn encode_reserved(text: &str) -> Cow<'_, str> {
    percent_encode(text, &[])
}

/// A name (as an inventory lists it) written into the path: its reserved
/// characters, `/` and `%` percent-encoded (`Partner#1` is `Partner%231`).
pub(crate) fn encode_name(name: &str) -> Cow<'_, str> {
    percent_encode(name, &['/', '%'])
}

/// `text` with the reserved characters, control characters and `also` percent-encoded.
fn percent_encode<'t>(text: &'t str, also: &[char]) -> Cow<'t, str> {
    let encode = |c: char| RESERVED.contains(&c) || c.is_control() || also.contains(&c);
    if !text.contains(encode) {
        return Cow::Borrowed(text);
    }
    let mut encoded = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if encode(c) {
            for b in c.encode_utf8(&mut [0; 4]).bytes() {
                let hex = |nibble: u8| char::from(b"0123456789ABCDEF"[usize::from(nibble)]);
                encoded.extend(['%', hex(b >> 4), hex(b & 0xF)]);
            }
        } else {
            encoded.push(c);
        }
    }
    Cow::Owned(encoded)
}

/// Whether a decoded path segment is `.` or `..`, which URL resolution removes
/// (`..` with the segment before it) before the request is sent.
pub(crate) fn is_dot_segment(decoded: &str) -> bool {
    matches!(decoded, "." | "..")
}

/// Percent-decodes a path segment; `None` for a broken escape or invalid UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains('%') {
        return Some(Cow::Borrowed(text));
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let value = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(value);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_names_are_their_serde_names() {
        for endpoint in Endpoint::ALL {
            assert_eq!(serde_json::to_value(endpoint).unwrap(), endpoint.name());
            assert_eq!(Endpoint::from_name(endpoint.name()), Some(endpoint));
        }
    }

    fn view(url: &str) -> (RequestView<'static>, String) {
        let request = Box::leak(Box::new(Request { method: "PUT".into(), url: url.into(), ..Request::default() }));
        let mut text = String::new();
        let view = RequestView::new(request, &request.url, &mut text);
        (view, text)
    }

    #[test]
    fn url_secrets_are_masked_wherever_the_url_carries_them() {
        for (url, masked) in [
            ("https://u:pw@h/p?api_key=abc", "https://u:**@h/p?api_key=***"),
            ("https://h/p?x=1&token=abc#frag", "https://h/p?x=1&token=***#frag"),
            ("https://h/p#access_token=abc&state=s", "https://h/p#access_token=***&state=s"),
            ("https://h/p?jwt=eyJ.x.y", "https://h/p?jwt=*******"),
            ("u:pw@h/p", "u:**@h/p"),
            ("//u:pw@h/p", "//u:**@h/p"),
            ("https:///u:pw@h/p", "https:///u:**@h/p"),
            ("https:/u:pw@h/p", "https:/u:**@h/p"),
            ("https://tok@h/p", "https://***@h/p"),
            ("https://h/p?a=1;token=abc&tok%65n=def", "https://h/p?a=1;token=***&tok%65n=***"),
            ("h:8080/p?x=1", "h:8080/p?x=1"),
            ("", ""),
            ("/p?token=", "/p?token="),
            // Behind a stray character, and a password holding `?`.
            ("\"https://u:pw@h/p", "\"https://u:**@h/p"),
            ("<https://u:pw@h/p", "<https://u:**@h/p"),
            ("https ://u:pw@h/p", "https ://u:**@h/p"),
            ("https://u:p?w@h/p", "https://u:***@h/p"),
            ("https://h?to=a@b", "https://h?to=a@b"),
            ("https://h/p?bearer=abc&pass=def", "https://h/p?bearer=***&pass=***"),
            ("https://h/p;jsessionid=abc/q;x=1?y=2", "https://h/p;jsessionid=***/q;x=1?y=2"),
            // A character outside ASCII by one as long in UTF-8 and in UTF-16: columns after it hold.
            ("https://u:pä😀@h/p", "https://u:*·🞯@h/p"),
        ] {
            assert_eq!(mask_url(url), masked, "{url}");
        }
    }

    #[test]
    fn matches_both_endpoints_and_names_parameters() {
        let (e2, text) = view("https://h/apiops/projects/P/credentials/api-user/truststore/my%20ts/?x=1");
        assert_eq!(e2.endpoint, Some(Endpoint::TruststoreAssignment));
        let keystore = e2.parameter("keystoreName").unwrap();
        assert_eq!(keystore.decoded().unwrap(), "my ts");
        assert_eq!(&text[keystore.segment.span.start..keystore.segment.span.end], "my%20ts");
        assert_eq!(e2.host.unwrap().0, "h");
        let (e1, _) = view("/gateway/apiops/projects/P/apiProxies/A/settings/mtls");
        assert_eq!(e1.endpoint, Some(Endpoint::MtlsSettings));
    }

    #[test]
    fn a_query_or_fragment_right_after_the_host_holds_no_path() {
        // Nothing after `#` is sent: the call goes to `/`, whatever follows.
        let (fragment, _) = view("https://gw.example.com#x/apiops/projects/P/apiProxies/A/settings/mtls/");
        assert_eq!((fragment.path, fragment.endpoint), ("", None));
        let (query, _) = view("https://gw.example.com?x/apiops/projects/P/apiProxies/A/settings/mtls/");
        assert_eq!((query.path, query.endpoint), ("", None));
        // In a name, an unencoded `#` still cuts it short, and the rest is read as path for R004.
        let (name, _) = view("https://gw/apiops/projects/P/credentials/u/truststore/my#ts/");
        assert_eq!(name.endpoint, Some(Endpoint::TruststoreAssignment));
    }

    #[test]
    fn suggests_the_nearest_endpoint() {
        let (near, _) = view("/apiops/projects/P/apiproxies/A/settings/mtls/");
        assert_eq!(near.endpoint, None);
        assert_eq!(nearest_endpoint(&near).unwrap().1, "/apiops/projects/P/apiProxies/A/settings/mtls/");
        let (far, _) = view("/v1/users/");
        assert!(nearest_endpoint(&far).is_none());
        // A segment left out or added anywhere, a gateway's prefix kept.
        for (path, nearest) in [
            ("/apiops/projects/P/apiProxies/A/mtls/", "/apiops/projects/P/apiProxies/A/settings/mtls/"),
            (
                "/gw/apiops/projects/P/apiProxies/A/settings/mtls/x/",
                "/gw/apiops/projects/P/apiProxies/A/settings/mtls/",
            ),
            ("/apiops/P/credentials/u/truststore/ts/", "/apiops/projects/P/credentials/u/truststore/ts/"),
            (
                "/apiops/projects/P/credentials/u/truststore/",
                "/apiops/projects/P/credentials/u/truststore/{keystoreName}/",
            ),
        ] {
            let (unmatched, _) = view(path);
            assert_eq!(nearest_endpoint(&unmatched).unwrap().1, nearest, "{path}");
        }
        // A long prefix is kept as it is, and only the path's end is aligned.
        let long = format!("{}/apiops/projects/P/apiProxies/A/mtls/", "/x".repeat(50_000));
        let (unmatched, _) = view(&long);
        let suggested = nearest_endpoint(&unmatched).unwrap().1;
        assert_eq!(suggested, long.replace("/A/mtls/", "/A/settings/mtls/"));
    }

    #[test]
    fn masks_tokens() {
        assert_eq!(mask_secret("Authorization", "Bearer s3cret"), "Bearer <token>");
        assert_eq!(mask_secret("authorization", "s3cret"), "<token>");
        assert_eq!(mask_secret(" Authorization\0", "Bearer s3cret"), "Bearer <token>");
        assert_eq!(mask_secret("Cookie", "a=1; session=s3cret"), "<token>");
        assert_eq!(mask_secret("X-Api-Key", "s3cret"), "<token>");
        assert_eq!(mask_secret("Accept", "s3cret"), "s3cret");
        assert_eq!(percent_decode("a%2"), None);
    }

    #[test]
    fn masks_secrets_in_urls_without_moving_spans() {
        let url = "https://ops:pä55@gw.example.com/apiops/projects/P/credentials/u/truststore/ts/?api_key=k3y&deploy=true&X-Token=t0k#top";
        let masked = mask_url(url);
        assert_eq!(
            masked,
            "https://ops:*·**@gw.example.com/apiops/projects/P/credentials/u/truststore/ts/?api_key=***&deploy=true&X-Token=***#top"
        );
        assert_eq!(masked.len(), url.len());
        // A user name alone may be a token (`https://TOKEN@host`): it is hidden too.
        assert_eq!(mask_url("https://ops@gw/?q=1&token="), "https://***@gw/?q=1&token=");
        let request = Request { method: "PUT".into(), url: url.into(), headers: Vec::new(), body: None };
        let mut text = String::new();
        let view = RequestView::new(&request, &masked, &mut text);
        assert!(!text.contains("pä55") && !text.contains("k3y") && !text.contains("t0k"));
        assert_eq!(view.endpoint, Some(Endpoint::TruststoreAssignment));
        let keystore = view.parameter("keystoreName").unwrap();
        assert_eq!(&text[keystore.segment.span.start..keystore.segment.span.end], "ts");
    }
}
