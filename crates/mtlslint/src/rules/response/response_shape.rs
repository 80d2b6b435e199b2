use crate::body::Rejected;
use crate::diagnostic::Span;
use crate::request::Endpoint;
use crate::response::{ResponseView, deployment_failed, later_error, later_status, member, succeeded};
use crate::rules::{Checker, rule};
use crate::syntax::{Node, ParseError, Value};

rule! {
    /// The response is none of the documented shapes.
    ///
    /// ## What it does
    /// Checks a response against what the endpoints document: an error is
    /// `{"error": "...", "error_description": "..."}`; the mTLS settings call
    /// answers `{"success": true}`; the truststore assignment adds a
    /// `deploymentResult` with `success`, `message` and one
    /// `environmentResults` item (`environmentName`, `success`, `message`)
    /// per environment (a `message` may be `null`). Members beyond these are allowed. `{"success": false}`
    /// is reported too, unless a `deploymentResult` names what failed (D002
    /// reports that): the call failed, and the server did not say why in its
    /// error shape. So is a second JSON value after the first (two
    /// responses saved in one file), a member of these shapes given twice
    /// (readers differ on which one they keep), and a response that is
    /// not JSON (an HTML error page, a file saved as UTF-16, a response
    /// saved with its headers by `curl -i`) or larger than the size limit. The envelope of later revisions of the documentation,
    /// `{"status": "FAILURE", "resultMessage": "..."}`, is a documented error,
    /// D003's to report as the error shape is (without its message, a failed call);
    /// with `"status": "SUCCESS"` it is taken as success, unless it carries
    /// a `resultList`: that is a saved List Keystores or List Credentials
    /// response, given in place of the call's.
    ///
    /// ## Why is this bad?
    /// A tool that reads the response by its documented shape misreads any
    /// other: it may take a proxy's HTML error page or a gateway timeout for
    /// success. (Source: the endpoints' documentation, "Response".)
    ///
    /// ## Example
    /// ```json
    /// {"success": "yes", "deploymentResult": {"environmentResults": [{"name": "prod"}]}}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"success": true, "deploymentResult": {"success": true, "environmentResults": [{"environmentName": "prod", "success": true}]}}
    /// ```
    ///
    /// ## Fix safety
    /// No fix: the response comes from the server.
    "D001", "response-shape", standard: ERROR, production: ERROR, fix: None,
}

pub(crate) fn check(checker: &mut Checker<'_>) {
    let Some(view) = checker.response else { return };
    let other = "check the status code and the content type: a proxy or gateway may have answered instead";
    let (span, message, help) = match (view.rejected, view.problem()) {
        (Some(Rejected::TooLarge { limit }), _) => (
            Span::at(0),
            format!("the response is larger than the limit of {limit} bytes"),
            "lint the response itself, or raise `limits.maxBytes` (`--max-bytes` on the command line)",
        ),
        (Some(Rejected::NotUtf8 { offset, utf16: true }), _) => {
            (Span::at(offset), "the response is UTF-16, not UTF-8".into(), "save the response as UTF-8")
        }
        (Some(Rejected::NotUtf8 { offset, utf16: false }), _) => {
            (Span::at(offset), "the response is not JSON: it is not valid UTF-8".into(), other)
        }
        // What `curl -i` saves: the status line and the headers before the body.
        (None, Some(ParseError::Syntax(_))) if checker.text.starts_with("HTTP/") => (
            Span::at(0),
            "the response starts with its status line and headers, not its JSON body".into(),
            "save the body alone (curl without `-i`), or delete the lines before it",
        ),
        (None, Some(ParseError::Syntax(p))) => (p.span, format!("the response is not JSON: {}", p.message), other),
        (None, Some(ParseError::TooDeep(p))) => {
            (p.span, format!("the response is nested too deeply to read: {}", p.message), other)
        }
        (None, None) => return shape(checker, view),
    };
    checker.report(&RULE, span, "", message).help(help);
}

/// Reports where a response read as JSON departs from the documented shapes.
fn shape(checker: &mut Checker<'_>, view: &ResponseView<'_>) {
    let Some(root) = view.root() else { return };
    // A second value (two responses saved in one file) may say the opposite of the first.
    if let Some(trailing) = view.parsed.trailing {
        let message = "text after the end of the response's JSON value: a reader may take the first value alone, \
                       or refuse the whole";
        checker.report(&RULE, trailing, "", message).help("save one response per file, as the server sent it");
    }
    let mut problems = Vec::new();
    repeated(root, "", &ROOT_MEMBERS, &mut problems);
    if let Some(deployment) = member(root, "deploymentResult").map(|m| &m.value) {
        repeated(deployment, "/deploymentResult", &["success", "message", "environmentResults"], &mut problems);
        if let Some(Value::Array(items)) = member(deployment, "environmentResults").map(|m| &m.value.value) {
            for (index, item) in items.iter().enumerate() {
                let at = format!("/deploymentResult/environmentResults/{index}");
                repeated(item, &at, &["environmentName", "success", "message"], &mut problems);
            }
        }
    }
    if !matches!(root.value, Value::Object(_)) {
        problems.push((root, String::new(), format!("the response is {}, not an object", root.value.type_phrase())));
    } else if member(root, "error").is_some() {
        for key in ["error", "error_description"] {
            expect(root, key, "", Kind::String, true, &mut problems);
        }
    } else if let Some(status) = later_status(root) {
        if let Some(list) = member(root, "resultList").filter(|_| succeeded(status)) {
            problems.push((
                &list.value,
                "/resultList".into(),
                "`resultList` makes this a List Keystores or List Credentials response, not a response of the mTLS \
                 settings or truststore assignment call: was the wrong file given?"
                    .into(),
            ));
        } else if !succeeded(status) && later_error(root).is_none() {
            let said = match member(root, "resultMessage").map(|m| &m.value.value) {
                Some(Value::String(text)) => format!(": {text}"),
                _ => String::new(),
            };
            let message = match &status.value.value {
                Value::String(text) => format!(
                    "the call failed (`status` `{text}`, the error envelope of later revisions of the API){said}"
                ),
                _ => format!("the response has `status` but not `success`{said}"),
            };
            problems.push((&status.value, "/status".into(), message));
        }
    } else {
        expect(root, "success", "", Kind::Bool, true, &mut problems);
        let deployment = member(root, "deploymentResult");
        // The success response says `true`; a failure has a documented error
        // shape, or a deployment that names what failed (D002 reports it).
        if let Some(found) = member(root, "success").filter(|m| m.value.value == Value::Bool(false)) {
            let message = match deployment {
                None => {
                    Some("`success` is false: the server says the call failed, but not in its documented error shape")
                }
                Some(found) if !deployment_failed(&found.value) => Some(
                    "`success` is false, though `deploymentResult` reports no failed environment: the server says the call failed",
                ),
                Some(_) => None,
            };
            if let Some(message) = message {
                problems.push((&found.value, "/success".into(), message.into()));
            }
        }
        match (view.endpoint, deployment) {
            (Some(Endpoint::MtlsSettings), Some(found)) if view.named => problems.push((
                &found.value,
                "/deploymentResult".into(),
                "the mTLS settings call answers no `deploymentResult`: is this the truststore assignment's response?"
                    .into(),
            )),
            (Some(Endpoint::TruststoreAssignment), None) if view.named => problems.push((
                root,
                String::new(),
                "no `deploymentResult`: the truststore assignment reports the credential's deployment".into(),
            )),
            _ => {}
        }
        if let Some(found) = deployment {
            deployment_shape(&found.value, &mut problems);
        }
    }
    let documented = match view.endpoint {
        Some(Endpoint::MtlsSettings) => {
            "the mTLS settings call answers `{\"success\": true}`, and an error `{\"error\": \"...\", \"error_description\": \"...\"}`"
        }
        Some(Endpoint::TruststoreAssignment) => {
            "the truststore assignment answers `{\"success\": true, \"deploymentResult\": {\"success\": true, \"message\": \"...\", \
             \"environmentResults\": [{\"environmentName\": \"...\", \"success\": true, \"message\": \"...\"}]}}`, and an error \
             `{\"error\": \"...\", \"error_description\": \"...\"}`"
        }
        None => {
            "a success is `{\"success\": true}` (the truststore assignment adds a `deploymentResult`), and an error \
             `{\"error\": \"...\", \"error_description\": \"...\"}`"
        }
    };
    for (node, pointer, message) in problems {
        checker.report(&RULE, node.span, pointer, message).help(documented);
    }
}

/// The members of the documented shapes' top level, each given once.
const ROOT_MEMBERS: [&str; 6] =
    ["success", "error", "error_description", "status", "resultMessage", "deploymentResult"];

/// Reports each of `keys` that `object` gives more than once, at its last:
/// readers differ on which one they keep (mtlslint, Jackson and
/// `JSON.parse` keep the last).
fn repeated<'a>(object: &'a Node<'a>, at: &str, keys: &[&str], problems: &mut Problems<'a>) {
    let Value::Object(members) = &object.value else { return };
    for key in keys {
        let mut given = members.iter().filter(|m| m.key == *key);
        let count = given.clone().count();
        if let (true, Some(last)) = (count > 1, given.next_back()) {
            let times = if count == 2 { "twice".to_owned() } else { format!("{count} times") };
            let pointer = format!("{at}/{key}");
            let message = format!(
                "`{}` is given {times}; readers differ on which one they keep (mtlslint reads the last)",
                &pointer[1..]
            );
            problems.push((&last.value, pointer, message));
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    String,
    /// A string, or `null` (a Java server writes a message it has not set so).
    Message,
    Bool,
    Object,
    Array,
}

impl Kind {
    fn matches(self, value: &Value<'_>) -> bool {
        matches!(
            (self, value),
            (Kind::String | Kind::Message, Value::String(_))
                | (Kind::Message, Value::Null)
                | (Kind::Bool, Value::Bool(_))
                | (Kind::Object, Value::Object(_))
                | (Kind::Array, Value::Array(_))
        )
    }

    fn name(self) -> &'static str {
        match self {
            Kind::String => "a string",
            Kind::Message => "a string or null",
            Kind::Bool => "a boolean",
            Kind::Object => "an object",
            Kind::Array => "an array",
        }
    }
}

type Problems<'a> = Vec<(&'a Node<'a>, String, String)>;

/// Checks `object.key`: present when `required`, and of `kind` when present.
fn expect<'a>(object: &'a Node<'a>, key: &str, at: &str, kind: Kind, required: bool, problems: &mut Problems<'a>) {
    match member(object, key) {
        Some(found) if !kind.matches(&found.value.value) => {
            let pointer = format!("{at}/{key}");
            let (expected, actual) = (kind.name(), found.value.value.type_phrase());
            let message = format!("`{}` must be {expected}, found {actual}", &pointer[1..]);
            problems.push((&found.value, pointer, message));
        }
        None if required => {
            let place = if at.is_empty() { String::new() } else { format!(" in `{}`", &at[1..]) };
            problems.push((object, at.to_owned(), format!("`{key}` is missing{place}")));
        }
        _ => {}
    }
}

fn deployment_shape<'a>(deployment: &'a Node<'a>, problems: &mut Problems<'a>) {
    let at = "/deploymentResult";
    if !Kind::Object.matches(&deployment.value) {
        let found = deployment.value.type_phrase();
        problems.push((deployment, at.into(), format!("`deploymentResult` must be an object, found {found}")));
        return;
    }
    expect(deployment, "success", at, Kind::Bool, true, problems);
    expect(deployment, "message", at, Kind::Message, false, problems);
    expect(deployment, "environmentResults", at, Kind::Array, false, problems);
    let Some(Value::Array(items)) = member(deployment, "environmentResults").map(|m| &m.value.value) else { return };
    for (index, item) in items.iter().enumerate() {
        let here = format!("{at}/environmentResults/{index}");
        if !Kind::Object.matches(&item.value) {
            let found = item.value.type_phrase();
            problems.push((item, here.clone(), format!("an environment result must be an object, found {found}")));
            continue;
        }
        expect(item, "environmentName", &here, Kind::String, true, problems);
        expect(item, "success", &here, Kind::Bool, true, problems);
        expect(item, "message", &here, Kind::Message, false, problems);
    }
}
