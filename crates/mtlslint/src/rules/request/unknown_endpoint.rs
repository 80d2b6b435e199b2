use crate::diagnostic::Span;
use crate::request::{Endpoint, endpoint_with_slash_in_name, endpoint_without_empty_segments, nearest_endpoint};
use crate::rules::{Checker, rule};

rule! {
    /// The path is neither of the two endpoints.
    ///
    /// ## What it does
    /// Matches the URL's path against
    /// `/apiops/projects/{projectName}/apiProxies/{apiProxyName}/settings/mtls/`
    /// and
    /// `/apiops/projects/{projectName}/credentials/{username}/truststore/{keystoreName}/`,
    /// and when neither matches, suggests the nearest with your names in it:
    /// a segment misspelt, left out or added anywhere (`.../MyAPI/mtls/`
    /// lacks `settings`), a gateway's own prefix kept.
    /// A path that names an endpoint once its empty segments are left out
    /// (`.../truststore/ts-1//`, `//apiops/projects/...`) is said to be that.
    /// A URL without a host (`https://:443/...`, or `https:///apiops/...`,
    /// whose host would be `apiops`) is reported too.
    ///
    /// ## Why is this bad?
    /// Path segments are case-sensitive: `apiproxies` is not `apiProxies`.
    /// A wrong path is a `404 Not Found` at best.
    ///
    /// ## Example
    /// ```text
    /// PATCH /apiops/projects/MyProject/apiproxies/MyAPI/settings/mtls/
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// PATCH /apiops/projects/MyProject/apiProxies/MyAPI/settings/mtls/
    /// ```
    ///
    /// ## Fix safety
    /// Safe when only an empty segment (`//`) stands between the path and an
    /// endpoint: the fix leaves it out. Otherwise unsafe: the nearest
    /// endpoint may not be the one you meant. None when the path lacks a
    /// name: only you know it.
    "R002", "unknown-endpoint", standard: ERROR, production: ERROR, fix: Sometimes,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    // No host (`https://:443/...`), or one taken from the path by a slash too many (`https:///apiops/...`).
    if let (Some(scheme), Some((host, _))) = (view.scheme, view.host) {
        let after = &checker.slice(view.url_span)[scheme.len() + 1..];
        let name = crate::request::host_name(host);
        if name.is_empty()
            || after.starts_with("///") && scheme.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("http"))
        {
            let message = match name {
                "" => "the URL names no host".into(),
                _ => ["the URL's host would be `", name, "`: a URL has two slashes before its host"].concat(),
            };
            checker
                .report(&RULE, view.url_span, "/url", message)
                .help("write the gateway's host after `//`, then the path: `https://gateway.example.com/apiops/...`");
            return;
        }
    }
    if view.endpoint.is_some() {
        return;
    }
    // A `?` or `#` right after the host cuts the path off: what follows is not read as it.
    let rest = checker.slice(Span::new(view.path_span.start, view.url_span.end));
    if let Some(c) = rest.chars().next().filter(|c| view.path.is_empty() && matches!(c, '?' | '#')) {
        let what = if c == '?' { "query string" } else { "fragment, which is never sent" };
        checker
            .report(
                &RULE,
                view.url_span,
                "/url",
                format!("the URL has no path: the `{c}` right after the host starts the {what}"),
            )
            .help("write the path right after the host, and a query string, if any, after the path");
        return;
    }
    // Quoted from the request's text, where the URL's secrets are masked
    // (a password stands in the path of a URL behind a stray quote).
    let shown = if view.path.is_empty() { "/" } else { checker.slice(view.path_span) };
    let span = if view.path.is_empty() { view.url_span } else { view.path_span };
    if let Some((endpoint, path)) = endpoint_without_empty_segments(view) {
        checker
            .report(
                &RULE,
                span,
                "/url",
                format!("`{shown}` is not an mTLS endpoint: `//` leaves an empty name between two slashes"),
            )
            .help(format!("write `{path}` ({} {})", endpoint.method(), endpoint.path_template()))
            .fix(crate::diagnostic::Applicability::Safe, "Remove the empty segment", vec![(view.path_span, path)]);
    } else if let Some((endpoint, path, name)) = endpoint_with_slash_in_name(view) {
        checker
            .report(
                &RULE,
                span,
                "/url",
                format!("`{shown}` is not an mTLS endpoint: the `/` in `{name}` splits one name in two"),
            )
            .help(format!(
                "write `{path}` ({} {}): a special character in a name is percent-encoded",
                endpoint.method(),
                endpoint.path_template()
            ))
            .fix(crate::diagnostic::Applicability::Unsafe, "Encode the `/` in the name", vec![(view.path_span, path)]);
    } else if let Some((endpoint, path)) = nearest_endpoint(view) {
        // Case is named only when it is what differs.
        let why = if path.trim_end_matches('/').eq_ignore_ascii_case(view.path.trim_end_matches('/')) {
            "; path segments are case-sensitive"
        } else {
            ""
        };
        let mut report = checker.report(&RULE, span, "/url", format!("`{shown}` is not an mTLS endpoint{why}"));
        report.help(format!("did you mean `{path}` ({} {})?", endpoint.method(), endpoint.path_template()));
        // A name left out is for the author to write: a fix would write its placeholder.
        if !path.contains('{') {
            report.fix(crate::diagnostic::Applicability::Unsafe, format!("Use `{path}`"), vec![(view.path_span, path)]);
        }
    } else {
        // Not joined: `join` on `String`s would add a second copy of std's join to the wasm module.
        let [first, second] = Endpoint::ALL.map(|e| format!("{} {}", e.method(), e.path_template()));
        let templates = format!("{first} or {second}");
        checker
            .report(&RULE, span, "/url", format!("`{shown}` is not an mTLS endpoint"))
            .help(format!("call {templates}"));
    }
}
