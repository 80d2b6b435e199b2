use crate::diagnostic::Span;
use crate::rules::{Checker, rule};

rule! {
    /// The request goes over plain `http://` to a host that is not this machine.
    ///
    /// ## What it does
    /// Reports an `http://` URL whose host is not a loopback one (`localhost`
    /// or a name under it, `127.x.x.x`, `[::1]`, `[::ffff:127.0.0.1]`), a URL that names a host but no scheme, which curl
    /// sends over plain HTTP, `http//` or `https//` without its colon, and a
    /// scheme that is not HTTP (`htps://`, `ftp://`), which curl refuses or
    /// sends over another protocol.
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
    // `htps://`, `ftp://`: curl refuses the call or speaks another protocol, whatever the host.
    if let Some(scheme) = view.scheme.filter(|s| !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https")) {
        let span = Span::new(view.url_span.start, view.url_span.start + scheme.len());
        let message = ["`", scheme, "://` is not HTTPS: curl refuses it or sends the call over another protocol"];
        checker.report(&RULE, span, "/url", message.concat()).help("write `https://`");
        return;
    }
    // `https//gw/...`: without its colon, curl reads `https` as the host and the rest as the path.
    let head = view.path.as_bytes()[..view.path.len().min(7)].to_ascii_lowercase();
    if let (None, None, Some(word)) = (
        view.scheme,
        view.host,
        ["https", "http"].into_iter().find(|w| head.starts_with(&[w.as_bytes(), b"//"].concat())),
    ) {
        let span = Span::new(view.path_span.start, view.path_span.start + word.len());
        let written = &view.path[..word.len()];
        let message =
            ["`", written, "//` lacks its colon: curl reads `", written, "` as the host and sends plain HTTP"];
        checker.report(&RULE, span, "/url", message.concat()).help("write `https://`");
        return;
    }
    let Some((host, host_span)) = view.host else { return };
    if is_loopback(host) {
        return;
    }
    // The truststore call sends no settings: only the token is at stake.
    let settings = view.endpoint != Some(crate::request::Endpoint::TruststoreAssignment);
    match view.scheme {
        Some(scheme) if scheme.eq_ignore_ascii_case("http") => {
            let message = if settings {
                "plain HTTP sends the bearer token and the settings unencrypted"
            } else {
                "plain HTTP sends the bearer token unencrypted"
            };
            let span = Span::new(view.url_span.start, view.url_span.start + scheme.len());
            checker
                .report(&RULE, span, "/url", message)
                .help("use `https://`; plain HTTP is for local development only");
        }
        Some(_) => {}
        None => {
            checker
                .report(
                    &RULE,
                    host_span,
                    "/url",
                    if settings {
                        "no scheme, so curl sends it over plain HTTP: the token and the settings go unencrypted"
                    } else {
                        "no scheme, so curl sends it over plain HTTP: the token goes unencrypted"
                    },
                )
                .help("write `https://` before the host");
        }
    }
}

fn is_loopback(authority: &str) -> bool {
    let host = crate::request::host_name(authority);
    // Only an IPv6 address holds a `:` once the port is gone.
    if host.contains(':') {
        return is_ipv6_loopback(host);
    }
    // `localhost` and the names under it (RFC 6761), with or without the root's dot.
    let name = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost") || is_ipv4_loopback(host)
}

/// `127.x.x.x`, four decimal numbers (a name such as `127.gw.example.com` is not one).
fn is_ipv4_loopback(host: &str) -> bool {
    let mut labels = host.split('.');
    labels.next() == Some("127")
        && labels.clone().count() == 3
        && labels
            .all(|l| (1..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_digit()) && l.parse::<u8>().is_ok())
}

/// `::1`, however many of its zeros are written out, and an IPv4 loopback
/// address mapped into IPv6 (`::ffff:127.0.0.1`). Written out here: std's
/// address parser would add 800 bytes gzipped to the wasm module.
fn is_ipv6_loopback(ip: &str) -> bool {
    let Some((head, last)) = ip.rsplit_once(':') else { return false };
    // Groups of zeros: `count` of them, or fewer with `::`.
    let zeros = |groups: &str, count: usize| {
        groups.bytes().all(|b| b == b'0' || b == b':') && (ip.contains("::") || groups.split(':').count() == count)
    };
    let mapped = head.len() >= 5 && head[head.len() - 5..].eq_ignore_ascii_case(":ffff");
    if mapped {
        return is_ipv4_loopback(last) && zeros(&head[..head.len() - 5], 5);
    }
    !last.is_empty() && last.trim_start_matches('0') == "1" && zeros(head, 7)
}

#[cfg(test)]
mod tests {
    #[test]
    fn loopback_hosts_are_told_from_others() {
        for host in [
            "localhost:8080",
            "LocalHost.",
            "gw.localhost",
            "127.0.0.1",
            "127.1.2.3:80",
            "[::1]:8080",
            "[0:0:0:0:0:0:0:1]",
            "[::ffff:127.0.0.1]",
            "[0:0:0:0:0:FFFF:127.0.0.1]:80",
        ] {
            assert!(super::is_loopback(host), "{host}");
        }
        for host in [
            "gw.example.com",
            "localhost.example.com",
            "127.gw.example.com",
            "128.0.0.1",
            "[::2]",
            "[1::1]",
            "[::ffff:10.0.0.1]",
            "[1::ffff:127.0.0.1]",
            "[0:0:ffff:127.0.0.1]",
        ] {
            assert!(!super::is_loopback(host), "{host}");
        }
    }
}
