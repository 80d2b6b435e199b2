use crate::rules::{Checker, rule};

rule! {
    /// The request goes over plain `http://` to a host that is not this machine.
    ///
    /// ## What it does
    /// Reports an `http://` URL whose host is not `localhost`, `127.x.x.x`
    /// or `[::1]`, and a URL that names a host but no scheme, which curl
    /// sends over plain HTTP.
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
    let Some((host, host_span)) = view.host else { return };
    if is_loopback(host) {
        return;
    }
    match view.scheme {
        Some(scheme) if scheme.eq_ignore_ascii_case("http") => {
            let span = crate::diagnostic::Span::new(view.url_span.start, view.url_span.start + scheme.len());
            checker
                .report(&RULE, span, "/url", "plain HTTP sends the bearer token and the settings unencrypted")
                .help("use `https://`; plain HTTP is for local development only");
        }
        Some(_) => {}
        None => {
            checker
                .report(
                    &RULE,
                    host_span,
                    "/url",
                    "no scheme, so curl sends it over plain HTTP: the token and the settings go unencrypted",
                )
                .help("write `https://` before the host");
        }
    }
}

fn is_loopback(authority: &str) -> bool {
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(rest) = host_port.strip_prefix('[') {
        return is_ipv6_loopback(rest.split(']').next().unwrap_or_default());
    }
    let host = host_port.split(':').next().unwrap_or_default();
    host.eq_ignore_ascii_case("localhost") || is_ipv4_loopback(host)
}

/// `127.x.x.x`, four decimal numbers (a name such as `127.gw.example.com` is not one).
fn is_ipv4_loopback(host: &str) -> bool {
    let mut labels = host.split('.');
    labels.next() == Some("127")
        && labels.clone().count() == 3
        && labels
            .all(|l| (1..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_digit()) && l.parse::<u8>().is_ok())
}

/// `::1`, however many of its zeros are written out.
fn is_ipv6_loopback(ip: &str) -> bool {
    let Some((head, last)) = ip.rsplit_once(':') else { return false };
    !last.is_empty()
        && last.trim_start_matches('0') == "1"
        && head.bytes().all(|b| b == b'0' || b == b':')
        && (ip.contains("::") || head.split(':').count() == 7)
}
