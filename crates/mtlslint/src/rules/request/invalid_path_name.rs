use crate::redact::{how_to_fill, is_name_placeholder};
use crate::request::{RESERVED, encode_reserved, is_dot_segment, percent_decode};
use crate::rules::request::parameter_pointer;
use crate::rules::{Checker, rule};

rule! {
    /// A name in the path is empty, contains a space or an unencoded reserved character, or is badly percent-encoded.
    ///
    /// ## What it does
    /// Checks the project, proxy, credential and truststore names in the
    /// path: none may be empty, blank (`%20`), begin or end with white space
    /// (`MyProject%20`), be a dot segment (`.`, `..`) or an
    /// unreplaced placeholder (`{username}`, `<project>`, `$PROJECT`, `YOUR_USERNAME`; in an
    /// `.http` file, the client's own `{{$uuid}}` is filled in as it sends the call, and is
    /// none), contain a raw space, `&`, `=`, `;` or another
    /// reserved character, hold a control character (raw or encoded, as
    /// `%00`), or hold a `%` not followed by two hex digits or encoding
    /// invalid UTF-8. `+` and `,` are allowed in a path, and reach the
    /// server as written.
    ///
    /// ## Why is this bad?
    /// Names must not contain spaces, and special characters (space, `/`,
    /// `?`, `#`, `&`, `=`) must be URL-encoded: otherwise the server reads a
    /// different path or a different name. curl, browsers and servers resolve
    /// a `..` segment away together with the segment before it, so the call
    /// goes to a path that is neither endpoint.
    ///
    /// ## Example
    /// ```text
    /// PUT /apiops/projects/My Project/credentials/{username}/truststore/ts%2/
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// PUT /apiops/projects/My%20Project/credentials/api-user/truststore/ts%252/
    /// ```
    ///
    /// ## Fix safety
    /// No fix.
    "R004", "invalid-path-name", standard: ERROR, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.request else { return };
    for parameter in &view.parameters {
        let text = parameter.segment.text;
        let name = parameter.name;
        let problem = if text.is_empty() {
            Some((format!("`{name}` is empty"), write_the_name(name)))
        } else if is_name_placeholder(text) {
            let a = if name.starts_with('a') { "an" } else { "a" }; // of the four, only `apiProxyName` takes `an`
            Some((
                format!("`{text}` is a placeholder, not {a} {name}"),
                format!("replace `{text}` with the real {name}{}", how_to_fill(text)),
            ))
        } else if let Some(c) = text.chars().find(|c| RESERVED.contains(c) || c.is_control()) {
            let shown = match c {
                ' ' => "a space".to_owned(),
                c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
                c => format!("`{c}`"),
            };
            let why = match c {
                '?' => ": unencoded, it starts the query string and cuts the name short",
                '#' => ": unencoded, it starts the fragment, which is never sent",
                ';' => ": unencoded, Java servers cut the name at it",
                _ => "",
            };
            let encoded = encode_reserved(text);
            Some((
                format!("`{name}` contains {shown}, which must be percent-encoded{why}"),
                format!("write `{encoded}`"),
            ))
        } else {
            match percent_decode(text) {
                None => Some((
                    format!("`{name}` has a broken percent-encoding"),
                    "each `%` must be followed by two hex digits of valid UTF-8; write a literal `%` as `%25`"
                        .to_owned(),
                )),
                Some(decoded) if is_dot_segment(&decoded) => Some((
                    format!(
                        "`{name}` is `{text}`, a dot segment: URL resolution removes it{}, so the call goes to another path",
                        if decoded == ".." { " and the segment before it" } else { "" }
                    ),
                    write_the_name(name),
                )),
                Some(decoded) if let Some(c) = decoded.trim().chars().find(|c| c.is_control()) => Some((
                    format!("`{name}` decodes to the control character U+{:04X}, which no name holds", u32::from(c)),
                    write_the_name(name),
                )),
                Some(decoded) if crate::body::is_blank(&decoded) => {
                    Some((format!("`{name}` is blank: only white space"), write_the_name(name)))
                }
                // Typed into a form's field, or pasted with its surroundings: the server looks the
                // name up with its white space, and finds nothing.
                Some(decoded) if decoded.trim() != decoded => Some((
                    format!("`{name}` begins or ends with white space: names must not contain spaces"),
                    "remove the white space around the name".to_owned(),
                )),
                Some(_) => None,
            }
        };
        if let Some((message, help)) = problem {
            checker.report(&RULE, parameter.segment.span, parameter_pointer(parameter), message).help(help);
        }
    }
}

/// The help for a name left out: worded for a form's field as well as for a URL's segment.
fn write_the_name(parameter: &str) -> String {
    let what = crate::request::Endpoint::named_by(parameter);
    ["write the ", what, if parameter == "username" { "'s username" } else { "'s name" }].concat()
}
