use crate::rules::{Checker, rule};

rule! {
    /// The request goes over plain `http://` to a host that is not this machine.
    ///
    /// ## What it does
    /// Reports an `http://` URL whose host is not `localhost`, `127.x.x.x`
    /// or `[::1]`.
    ///
    /// ## Why is this bad?
    /// The request carries your bearer token and changes how the proxy
    /// authenticates to its backend. The API's conventions: HTTPS in
    /// production, plain HTTP only for local development.
    ///
    /// ## Example
    /// ```text
    /// PATCH http://gateway.example.com/apiops/projects/MyProject/apiProxies/MyAPI/settings/mtls/
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// PATCH https://gateway.example.com/apiops/projects/MyProject/apiProxies/MyAPI/settings/mtls/
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the server may not listen for HTTPS on the same port.
    "R007", "insecure-scheme", standard: WARNING, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    let (Some(scheme), Some((host, _))) = (view.scheme, view.host) else {
        return;
    };
    if !scheme.eq_ignore_ascii_case("http") || is_loopback(host) {
        return;
    }
    let span = crate::diagnostic::Span::new(view.url_span.start, view.url_span.start + scheme.len());
    checker
        .report(&RULE, span, "/url", "plain HTTP sends the bearer token and the settings unencrypted")
        .help("use `https://`; plain HTTP is for local development only");
}

fn is_loopback(authority: &str) -> bool {
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(rest) = host_port.strip_prefix('[') {
        rest.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    host.eq_ignore_ascii_case("localhost") || host == "::1" || host.starts_with("127.") && host.split('.').count() == 4
}
