//! Requests as people keep them, cURL commands and `.http` files, lint like
//! the requests they make, with findings at the file's own lines.

use std::path::Path;

use mtlslint::import::{Environment, hide_requests, mask_secrets, parse_curl, parse_http_file, parse_http_file_in};
use mtlslint::{Linter, Severity};

fn example(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/requests").join(name)).unwrap()
}

#[test]
fn the_documentation_curl_examples_lint_clean_as_they_stand() {
    let linter = Linter::default();
    for name in ["enable-mtls.curl", "enable-mtls-keystore-only.curl", "set-truststore.curl"] {
        let text = example(name);
        let diagnostics = linter.lint_imported(&text, &parse_curl(&text).unwrap());
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn a_broken_body_is_reported_at_its_line_in_the_curl_text() {
    let text = example("bad-body.curl");
    let diagnostics = Linter::default().lint_imported(&text, &parse_curl(&text).unwrap());
    let at = |code: &str| {
        let d = diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("no {code}: {diagnostics:?}"));
        (d.range.start.line, d.range.start.column, &text[d.range.start.offset..d.range.end.offset])
    };
    assert_eq!(at("S001"), (8, 5, "\"keystoreId\""));
    assert_eq!(at("S004"), (9, 31, "\"TLSv1.2\""));
    assert_eq!(at("M003").0, 7);
    assert!(diagnostics.iter().all(|d| d.fix.is_none()), "fixes would edit the request, not the file");
}

#[test]
fn http_files_lint_each_request_at_its_own_lines() {
    let text = example("proxies.http");
    let linter = Linter::default();
    let requests = parse_http_file(&text).unwrap();
    assert_eq!(requests.len(), 2);
    let diagnostics: Vec<_> = requests.iter().flat_map(|r| linter.lint_imported(&text, r)).collect();
    assert!(diagnostics.iter().all(|d| d.severity != Severity::Error), "{diagnostics:?}");
    let broken = text.replace("truststore/ts-payments-backend-ca/\n", "truststore/ts-payments-backend-ca\n");
    let requests = parse_http_file(&broken).unwrap();
    let diagnostics: Vec<_> = requests.iter().flat_map(|r| linter.lint_imported(&broken, r)).collect();
    let slash = diagnostics.iter().find(|d| d.code == "R003").expect("the missing slash");
    let line = broken.lines().nth(slash.range.start.line - 1).unwrap();
    assert!(line.starts_with("PUT ") && line.ends_with("ts-payments-backend-ca"), "{line}");
}

#[test]
fn tokens_are_masked_in_the_text_shown() {
    let text = "curl -X PUT 'https://gw/apiops/projects/P/credentials/u/truststore/ts/' -H 'Authorization: Bearer s3cr3t' \
        -H 'Cookie: a=1; session=s3cr3t' -H 'X-Api-Key: s3cr3t'";
    let imported = parse_curl(text).unwrap();
    let masked = mask_secrets(text, std::slice::from_ref(&imported));
    assert_eq!(masked.len(), text.len());
    assert!(!masked.contains("s3cr3t") && masked.contains("Authorization: Bearer ******"), "{masked}");
    assert!(masked.contains("Cookie: **** ********") && masked.contains("X-Api-Key: ******"), "{masked}");
    let shown = Linter::default().lint_request(&imported.request).text;
    assert!(!shown.contains("s3cr3t") && shown.contains("Cookie: <token>"), "{shown}");
    let diagnostics = Linter::default().lint_imported(text, &imported);
    assert!(
        diagnostics
            .iter()
            .all(|d| !d.message.contains("s3cr3t") && !d.help.as_deref().unwrap_or("").contains("s3cr3t"))
    );
}

#[test]
fn an_environment_sets_a_variable_written_with_or_without_blanks_in_its_braces() {
    let environment = Environment::read("dev", Some(r#"{"dev": {"ts": "truststore-1"}}"#), None).unwrap();
    assert!(environment.sets("{{ts}}") && environment.sets("{{ ts }}") && environment.sets("{{\tts }}"));
    assert!(!environment.sets("{{other}}") && !environment.sets("{{ts}}/") && !environment.sets("ts"));
}

#[test]
fn a_request_not_linted_is_hidden_whole_and_the_others_are_not() {
    let text = "PUT https://gw/apiops/projects/P/credentials/u/truststore/ts/\nAuthorization: Bearer\n\nsplit/0ff==\n\
                ###\nPATCH https://gw/apiops/projects/P/apiProxies/p/settings/mtls/\n\n{\"enabled\": true}\n";
    let requests = parse_http_file(text).unwrap();
    let hidden = hide_requests(text, &requests[..1]);
    assert_eq!(hidden.len(), text.len());
    assert!(!hidden.contains("split/0ff") && !hidden.contains("https://gw/apiops/projects/P/credentials"), "{hidden}");
    assert!(hidden.contains("PUT ") && hidden.contains("Authorization: ******"), "{hidden}");
    assert!(hidden.contains("PATCH https://gw/apiops/projects/P/apiProxies/p/settings/mtls/\n\n{\"enabled\": true}"));
}

#[test]
fn curl_reads_the_options_people_write() {
    let imported =
        parse_curl("curl --request PATCH --url https://gw/x -H'Content-Type: application/json' --data-raw '@{}' -sS")
            .unwrap();
    assert_eq!(imported.request.method, "PATCH");
    assert_eq!(imported.request.url, "https://gw/x");
    assert_eq!(imported.request.body.as_deref(), Some("@{}"), "--data-raw takes @ literally");
    let file = parse_curl("curl https://gw/x -d @body.json").unwrap();
    assert_eq!((file.request.method.as_str(), file.body_file.as_deref()), ("POST", Some("body.json")));
    assert!(parse_curl("wget https://gw/x").unwrap_err().message.contains("start with `curl`"));
    assert!(parse_curl("curl -X").unwrap_err().message.contains("`-X` needs a value"));
    // curl stops at `--request=PUT`; the value, which may be a secret, is not quoted.
    let attached = parse_curl("curl --header='Authorization: Bearer s3cret' https://gw/x").unwrap_err();
    assert_eq!(
        attached.message,
        "curl takes no `=` between a long option and its value: it reads the word as an unknown option and stops; \
         write `--header`, a space, then the value"
    );
    // Redacted, the advice stays whole: nothing of it follows `bearer` as a token would.
    let bearer = parse_curl("curl --oauth2-bearer=s3cret https://gw/x").unwrap_err().message;
    assert_eq!(mtlslint::redact(&bearer), bearer.as_str());
}

#[test]
fn credentials_given_by_option_are_read_and_masked() {
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts/";
    for (option, shown) in [
        ("-u 'admin:s3cr3t'", "Authorization: Basic <token>"),
        ("--oauth2-bearer s3cr3t", "Authorization: Bearer <token>"),
    ] {
        let text = format!("curl -X PUT '{url}' {option}");
        let imported = parse_curl(&text).unwrap();
        let report = Linter::default().lint_request(&imported.request);
        // The endpoints take a bearer token: Basic credentials are a finding, not a missing header.
        let r005: Vec<_> = report.diagnostics.iter().filter(|d| d.code == "R005").map(|d| d.message.as_ref()).collect();
        let expected: &[&str] = if shown.contains("Basic") {
            &["the `Authorization` header uses the `Basic` scheme; both endpoints take `Bearer`"]
        } else {
            &[]
        };
        assert_eq!(r005, expected);
        assert!(report.text.contains(shown) && !report.text.contains("s3cr3t"), "{}", report.text);
        let masked = mask_secrets(&text, std::slice::from_ref(&imported));
        assert!(!masked.contains("s3cr3t"), "{masked}");
    }
}

#[test]
fn a_line_that_does_not_continue_ends_the_command() {
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts/";
    let missing =
        parse_curl(&format!("curl -X PUT '{url}' \\\n -H 'Authorization: Bearer T'\n -d @body.json")).unwrap_err();
    assert!(missing.message.contains("sends the call without `-d` and what follows"), "{missing}");
    assert_eq!(missing.line, 3);
    // A second command is named for what it is.
    let two = parse_curl(&format!("curl -X PUT '{url}'\n\n# next\ncurl -X PUT '{url}'\n")).unwrap_err();
    assert_eq!(
        (two.message.as_str(), two.line),
        ("a second `curl` command: a cURL file holds one call; save each in a file of its own", 4)
    );
    // Continued by `\` (CRLF too), by PowerShell's backtick or by cmd's caret, it is one command.
    for end in [" \\\n", " \\\r\n", " `\n", " `\r\n", " ^\n"] {
        let text = format!("curl -X PUT '{url}'{end} -H 'Authorization: Bearer T'{end} --data-raw ''\n");
        let imported = parse_curl(&text).unwrap_or_else(|e| panic!("{end:?}: {e}"));
        assert_eq!(imported.request.headers.len(), 1, "{end:?}");
    }
}

#[test]
fn head_and_get_switches_are_read_as_curl_sends_them() {
    let url = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
    assert_eq!(parse_curl(&format!("curl -I {url}")).unwrap().request.method, "HEAD");
    assert_eq!(parse_curl(&format!("curl --head {url}")).unwrap().request.method, "HEAD");
    // `-G` sends the data in the URL's query, with the method `-X` names: no body.
    let get = parse_curl(&format!("curl -G -X PATCH {url} -d '{{\"enabled\": true}}'")).unwrap();
    assert_eq!((get.request.method.as_str(), get.request.body), ("PATCH", None));
    let get = parse_curl(&format!("curl -G {url} -d @body.json")).unwrap();
    assert_eq!((get.request.method.as_str(), get.request.body, get.body_file), ("GET", None, None));
}

#[test]
fn bash_ansi_c_quotes_are_read() {
    let url = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
    let text = format!(r#"curl -X PATCH {url} -d $'{{"enabled": false,\n "keyStoreId": "it\'s"}}' --data-raw $'x'"#);
    let imported = parse_curl(&text).unwrap();
    assert_eq!(imported.request.body.as_deref(), Some("{\"enabled\": false,\n \"keyStoreId\": \"it's\"}&x"));
    assert_eq!(parse_curl("curl $'open").unwrap_err().message, "a `$'` quote is never closed");
    // Bash keeps the backslash of an escape it does not know: the server gets `\d`, which JSON refuses.
    let body = |quoted: &str| parse_curl(&format!("curl -X PATCH {url} -d $'{quoted}'")).unwrap().request.body.unwrap();
    assert_eq!(body(r#"{"keyStoreId": "a\d"}"#), r#"{"keyStoreId": "a\d"}"#);
    // Escapes of a byte or a code point are refused, not misread.
    for escape in [r"\xc3\xa9", r"\351", r"\u00e9", r"\U000000e9", r"\cA"] {
        let refused = parse_curl(&format!("curl -X PATCH {url} -d $'caf{escape}'")).unwrap_err();
        assert!(refused.message.ends_with("in `$'...'` is not read; write the character itself"), "{refused}");
    }
    assert_eq!(body(r#"\a\b\e\E\f\v\\\"\?"#), "\x07\x08\x1b\x1b\x0c\x0b\\\"?");
}

#[test]
fn a_command_pasted_through_a_word_processor_is_told_what_changed() {
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts/";
    let quotes = parse_curl(&format!("curl -X PUT \u{201c}{url}\u{201d} -H \u{201c}Authorization: Bearer T\u{201d}"))
        .unwrap_err();
    assert!(
        quotes
            .message
            .ends_with("; typographic quotes (\u{201c} \u{201d} \u{2018} \u{2019}) are no shell quotes: write \" or '"),
        "{quotes}"
    );
    let dash = parse_curl(&format!("curl \u{2013}X PUT {url}")).unwrap_err();
    assert!(dash.message.ends_with("; a typographic dash (\u{2013} \u{2014}) starts no option: write `-`"), "{dash}");
    let heredoc = parse_curl(&format!("curl -X PATCH {url} -d @- <<'JSON'\n{{}}\nJSON")).unwrap_err();
    assert!(heredoc.message.contains("a here-document is not read"), "{heredoc}");
}

#[test]
fn a_misspelt_option_or_a_stray_value_is_refused_without_quoting_it() {
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts/";
    let typo = parse_curl(&format!("curl -X PUT '{url}' --hedaer 'Authorization: Bearer s3cr3t'")).unwrap_err();
    assert_eq!(typo.message, "unknown curl option `--hedaer`: did you mean `--header`?");
    let stray = parse_curl(&format!("curl -X PUT '{url}' 'Authorization: Bearer s3cr3t'")).unwrap_err();
    assert!(stray.message.starts_with("a second URL") && !stray.message.contains("s3cr3t"), "{stray}");
    // On a line of its own, without a `\` before it, the shell would not even pass it to curl.
    let ended = parse_curl(&format!("curl -X PUT '{url}'\n  'Authorization: Bearer s3cr3t'")).unwrap_err();
    assert_eq!(
        ended.message,
        "the line before does not end with `\\`, so a shell ends the command there and sends the call without the rest of the command: end each line but the last with `\\` (PowerShell: `` ` ``)"
    );
    assert_eq!(ended.line, 2);
    // curl's own switches are no misspellings.
    assert!(parse_curl(&format!("curl --head --silent --insecure '{url}'")).is_ok());
}

#[test]
fn secrets_of_every_curl_option_are_masked() {
    let url = "'https://gw/apiops/projects/P/credentials/u/truststore/ts/'";
    for (command, secret) in [
        (format!("curl -X PUT {url} -uadmin:Hunter2"), "Hunter2"),
        (format!("curl -sSu admin:Hunter2 -X PUT {url}"), "Hunter2"),
        (format!("curl -X PUT {url} -H 'Authorization: Bearer t' --cookie 'JSESSIONID=Hunter2'"), "Hunter2"),
        (format!("curl -X PUT {url} -H 'Authorization: Bearer t' -bJSESSIONID=Hunter2"), "Hunter2"),
        (format!("curl -X PUT {url} -H 'Authorization: Bearer t' -x http://proxyuser:Hunter2@proxy:8080"), "Hunter2"),
        (format!("curl -X PUT {url} -H 'Authorization: Bearer t' -U proxyuser:Hunter2"), "Hunter2"),
        (format!("curl -X PUT {url} -H 'Authorization: Bearer t' -E client.pem:Hunter2 --pass Hunter2"), "Hunter2"),
        (
            format!(
                "curl -X PUT {url} -H 'Authorization: Bearer t' --proxy-header 'Proxy-Authorization: Basic Hunter2'"
            ),
            "Hunter2",
        ),
        (
            "curl -X PUT 'bob:Hunter2@gw/apiops/projects/P/credentials/u/truststore/ts/' -H 'Authorization: Bearer t'"
                .to_owned(),
            "Hunter2",
        ),
    ] {
        let imported = parse_curl(&command).unwrap_or_else(|e| panic!("{command}: {e}"));
        let masked = mask_secrets(&command, std::slice::from_ref(&imported));
        assert_eq!(masked.len(), command.len());
        assert!(!masked.contains(secret), "{masked}");
        let diagnostics = Linter::default().lint_imported(&command, &imported);
        for d in &diagnostics {
            assert!(!d.message.contains(secret) && !d.help.as_deref().unwrap_or("").contains(secret), "{d:?}");
        }
    }
}

#[test]
fn curl_commands_as_people_paste_them() {
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts/";
    for command in [
        format!("$ curl -X PUT {url}"),
        format!("\u{feff}curl -X PUT {url}"),
        format!("curl.exe -X PUT {url}"),
        format!("/usr/bin/curl -X PUT {url}"),
        format!("curl -sSkX PUT {url} --retry 3 -o out.json --cacert ca.pem --cert-type PEM --capath /etc/ssl"),
        format!("curl -X PUT --some-new-option value {url}"),
        format!("curl -X PUT {url} --some-new-option value"),
        format!("time curl -X PUT {url}"),
        format!("sudo -E curl -X PUT {url}"),
        format!("PS> curl.exe -X PUT {url}"),
        format!("TOKEN=abc env curl -X PUT {url}"),
        format!("PS C:\\Users\\me> curl.exe -X PUT {url}"),
        format!("me@box:~/src$ curl -X PUT {url}"),
        // What follows the call is another command or where its output goes.
        format!("curl -X PUT {url} | jq ."),
        format!("curl -X PUT {url} -o out.json && echo done"),
        format!("curl -X PUT {url} > out.json 2>&1"),
        format!("curl -X PUT {url} 2>/dev/null; echo $?"),
        // A `;` or `|` ends a word too, as in a shell.
        format!("curl -X PUT {url} -H 'Accept: */*'; echo done"),
        format!("curl -X PUT {url}|jq ."),
        format!("curl -X PUT {url};echo $?"),
        format!("curl -X PUT {url} -H 'Accept: */*'&& echo done"),
        format!("curl -X PUT {url} -H 'Accept: */*'>out.json 2>&1"),
        format!("curl -X PUT {url} -H 'Accept: */*' 2>/dev/null>out.json"),
        format!("curl -X PUT {url}&"),
    ] {
        assert!(mtlslint::import::looks_like_curl(&command), "{command}");
        let imported = parse_curl(&command).unwrap_or_else(|e| panic!("{command}: {e}"));
        assert_eq!((imported.request.method.as_str(), imported.request.url.as_str()), ("PUT", url), "{command}");
    }
    // Quoted, the same characters are values.
    let quoted = parse_curl(&format!("curl -X PUT {url} -H 'X-Note: | >'")).unwrap();
    assert_eq!(quoted.request.headers, [("X-Note".to_owned(), "| >".to_owned())]);
    let escaped = parse_curl(&format!("curl -X PUT {url} -H X-Note:a\\;b")).unwrap();
    assert_eq!(escaped.request.headers, [("X-Note".to_owned(), "a;b".to_owned())]);
    // Unquoted, an operator ends the word it touches: the header is sent without it.
    let redirected = parse_curl(&format!("curl -X PUT {url} -H 'Accept: */*'>out.json")).unwrap();
    assert_eq!(redirected.request.headers, [("Accept".to_owned(), "*/*".to_owned())]);
    let refused = parse_curl(&format!("curl -X PUT {url} -H @headers.txt")).unwrap_err();
    assert!(refused.message.starts_with("`-H @FILE` reads the headers from a file"), "{refused}");
    // Prefixes alone make no command.
    for text in ["{\"enabled\": true}", "time sudo -E", "TOKEN=abc wget https://gw/"] {
        assert!(!mtlslint::import::looks_like_curl(text), "{text}");
    }
}

#[test]
fn several_data_options_make_the_body_curl_sends() {
    let text = "curl -X PATCH https://gw/x -d '{\"enabled\":false}' -d '{\"enabled\":true}'";
    let imported = parse_curl(text).unwrap();
    assert_eq!(imported.request.body.as_deref(), Some("{\"enabled\":false}&{\"enabled\":true}"));
    let json = parse_curl("curl -X PATCH https://gw/x --json '{\"enabled\":' --json 'false}'").unwrap();
    assert_eq!(json.request.body.as_deref(), Some("{\"enabled\":false}"));
    assert_eq!(json.request.headers.len(), 1, "one Content-Type for both");
    let error = parse_curl("curl -X PATCH https://gw/x -d @body.json -d '{}'").unwrap_err();
    assert!(error.message.contains("write the whole body in the file"), "{error}");
}

#[test]
fn an_http_client_environment_fills_in_the_variables_and_hides_its_private_values() {
    let public = r#"{"$shared": {"host": "gw", "project": "Shared"}, "dev": {"project": "Dev", "n": 2, "ssl": {}}}"#;
    let private = r#"{"dev": {"project": "Private", "token": "dev-s3cret"}, "prod": {}}"#;
    let text = "@user = {{project}}-user\n\
        PUT https://{{host}}/apiops/projects/{{project}}/credentials/{{user}}/truststore/{{token}}\n\
        Authorization: Bearer {{token}}\n";
    let environment = Environment::read("dev", Some(public), Some(private)).unwrap();
    let requests = parse_http_file_in(text, &environment).unwrap();
    // The environment's variable wins over `$shared`'s and the private file's; the file's own use them.
    assert_eq!(requests[0].request.url, "https://gw/apiops/projects/Dev/credentials/Dev-user/truststore/dev-s3cret");
    let diagnostics = Linter::default().lint_imported(text, &requests[0]);
    let r003 = diagnostics.iter().find(|d| d.code == "R003").expect("no trailing slash");
    assert_eq!(r003.help.as_deref(), Some("write `/apiops/projects/Dev/credentials/Dev-user/truststore/**********/`"));
    assert_eq!((r003.range.start.line, r003.range.start.column), (2, 82), "at the file's `{{{{token}}}}`");
    // An environment's variable wins over the file's own of the same name.
    let own = "@project = Mine\nPUT https://gw/apiops/projects/{{project}}/credentials/u/truststore/ts/\n";
    assert!(parse_http_file_in(own, &environment).unwrap()[0].request.url.contains("/projects/Dev/"));
    assert!(parse_http_file(own).unwrap()[0].request.url.contains("/projects/Mine/"));
    // An environment in neither file is named with those there are.
    let error = Environment::read("dve", Some(public), Some(private)).unwrap_err();
    assert_eq!(
        error,
        "no environment `dve` in http-client.env.json or http-client.private.env.json; the environments are `dev`, \
         `prod`; did you mean `dev`?"
    );
    let error = Environment::read("dev", Some("{\"dev\": "), None).unwrap_err();
    assert!(
        error.starts_with(
            "http-client.env.json: not valid JSON (line 1, column 9): the input ends where a value should follow"
        ),
        "{error}"
    );
    // The linter's own reading names the slip, and what to write instead.
    let error = Environment::read("dev", Some("{\"dev\": {\"p\": \"P\",}}"), None).unwrap_err();
    assert!(error.starts_with("http-client.env.json: not valid JSON (line 1, column 18): "), "{error}");
    assert!(error.contains("comma"), "{error}");
    let error = Environment::read("dev", Some("[]"), None).unwrap_err();
    assert!(error.starts_with("http-client.env.json: not a JSON object of environments; write"), "{error}");
    let error = Environment::read("dev", None, Some(r#"{"dev": ["x"]}"#)).unwrap_err();
    assert_eq!(error, r#"http-client.private.env.json: `dev` is not an object of variables; write {"host": "..."}"#);
    assert!(Environment::read("dev", None, None).unwrap_err().starts_with("no http-client.env.json or"));
    let error = Environment::read("dev", Some(r#"{"$shared": {}}"#), None).unwrap_err();
    assert_eq!(error, "no environment `dev` in http-client.env.json; none is defined");
}

#[test]
fn a_space_typed_into_an_http_files_url_is_part_of_it() {
    for (line, url) in [
        ("PUT https://gw/apiops/projects/P/credentials/u/truststore/my ts/ HTTP/1.1", "/truststore/my ts/"),
        ("PUT https://gw/apiops/projects/My Project/credentials/u/truststore/ts/", "/projects/My Project/"),
    ] {
        let text = format!("{line}\nAuthorization: Bearer t\n");
        let requests = parse_http_file(&text).unwrap();
        assert!(requests[0].request.url.contains(url) && !requests[0].request.url.contains("HTTP/"), "{line}");
        let diagnostics = Linter::default().lint_imported(&text, &requests[0]);
        let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["R004"], "{line}: {diagnostics:?}");
        assert!(diagnostics[0].help.as_deref().is_some_and(|help| help.contains("%20")), "{line}");
    }
}

#[test]
fn http_files_as_the_http_clients_write_them() {
    let text = "@project = MyProject\n@token = s3cr3t\n\
        patch https://gw/apiops/projects/{{project}}/apiProxies/A/settings/mtls/\n\
        Authorization: Bearer {{token}}\nContent-Type: application/json\n\n{\"enabled\": false}\n\n\
        > {%\n    client.test(\"ok\", function() {});\n%}\n";
    let requests = parse_http_file(text).unwrap();
    let request = &requests[0].request;
    assert_eq!(
        request.url, "https://gw/apiops/projects/MyProject/apiProxies/A/settings/mtls/",
        "variables are the file's own"
    );
    assert_eq!(request.body.as_deref(), Some("{\"enabled\": false}"), "the response handler is no part of the body");
    let codes: Vec<_> = Linter::default().lint_imported(text, &requests[0]).into_iter().map(|d| d.code).collect();
    assert_eq!(codes, ["R001"], "a method in lower case is the method, in the wrong case");
    let masked = mask_secrets(text, &requests);
    assert!(!masked.contains("s3cr3t") && masked.contains("@project = MyProject"), "{masked}");
    // A secret variable used where messages quote it is hidden there too.
    let misused = "@token = s3cr3t value\nPUT https://gw/apiops/projects/P/credentials/{{token}}/truststore/ts\n\
        Authorization: Bearer {{token}}\n";
    let requests = parse_http_file(misused).unwrap();
    let diagnostics = Linter::default().lint_imported(misused, &requests[0]);
    let hidden = |d: &mtlslint::Diagnostic| d.help.as_deref().is_some_and(|h| h.contains("/credentials/****"));
    assert!(diagnostics.iter().any(|d| d.code == "R003" && hidden(d)), "{diagnostics:?}");
    for diagnostic in diagnostics {
        let help = diagnostic.help.unwrap_or_default();
        assert!(!diagnostic.message.contains("s3cr3t") && !help.contains("s3cr3t"), "{}: {}", diagnostic.message, help);
    }
    // A URL written with a variable shows all but its secret parameter; a secret a
    // variable brings is hidden where the variable is defined, and its name shown.
    let templated = "@host = gw\nPUT https://{{host}}/apiops/projects/P/credentials/u/truststore/ts/?token=abc123\n";
    let masked = mask_secrets(templated, &parse_http_file(templated).unwrap());
    assert_eq!(masked, templated.replace("abc123", "******"));
    let brought = "@q = token=abc123\nPUT https://gw/apiops/projects/P/credentials/u/truststore/ts/?{{q}}\n";
    let masked = mask_secrets(brought, &parse_http_file(brought).unwrap());
    assert_eq!(masked, brought.replace("abc123", "******"));
    let whole = "@u = https://gw/apiops/projects/P/credentials/u/truststore/ts/?access_token=abc123&x=1\nPUT {{u}}\n";
    let masked = mask_secrets(whole, &parse_http_file(whole).unwrap());
    assert_eq!(masked, whole.replace("abc123", "******"));
    let missing_blank = "PATCH https://gw/x\nContent-Type: application/json\n{\"enabled\": false}\n";
    let error = parse_http_file(missing_blank).unwrap_err();
    assert_eq!(
        (error.line, error.message.as_str()),
        (3, "a header is written `Name: value`; put a blank line before the body")
    );
}

#[test]
fn an_http_files_url_split_over_indented_lines_is_joined() {
    let text = "@host = gw\nPUT https://{{host}}/apiops/projects/P\n    /credentials/u/truststore/Ts?token=abc123\n\
        \t&x=1 HTTP/1.1\nAuthorization: Bearer t\n";
    let requests = parse_http_file(text).unwrap();
    let request = &requests[0].request;
    assert_eq!(request.url, "https://gw/apiops/projects/P/credentials/u/truststore/Ts?token=abc123&x=1");
    assert_eq!(request.headers, [("Authorization".to_owned(), "Bearer t".to_owned())]);
    // Findings point at the piece of the URL they are about, on its own line.
    let found = Linter::default().lint_imported(text, &requests[0]);
    let r003 = found.iter().find(|d| d.code == "R003").expect("the path lacks its trailing slash");
    assert_eq!((r003.range.start.line, r003.range.start.column), (3, 31), "{r003:?}");
    assert_eq!(&text[r003.range.start.offset..r003.range.end.offset], "Ts");
    // The secret is hidden where it is written, byte for byte.
    let masked = mask_secrets(text, &requests);
    assert_eq!(masked, text.replace("abc123", "******").replace("Bearer t", "Bearer *"));
    // A line that is not indented, or does not go on with `/`, `?` or `&`, is no part of the URL.
    let headers = "PUT https://gw/apiops/projects/P/credentials/u/truststore/ts/\n/x\n";
    assert!(parse_http_file(headers).is_err(), "an unindented line is a header");
}

#[test]
fn a_body_written_with_escapes_is_placed_byte_by_byte() {
    let text = "curl -X PATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/ \\\n  \
        -H 'Authorization: Bearer T' -H 'Content-Type: application/json' \\\n  \
        -d \"{\\\"enabled\\\": false, \\\"supportedProtocolList\\\": [\\\"TLSv1.2\\\"]}\"";
    let imported = parse_curl(text).unwrap();
    let diagnostics = Linter::default().lint_imported(text, &imported);
    let java = diagnostics.iter().find(|d| d.code == "S004").expect("the Java name");
    assert_eq!(&text[java.range.start.offset..java.range.end.offset], "\\\"TLSv1.2\\\"", "both escapes, whole");
    assert_eq!(java.range.start.line, 3);
}

#[test]
fn curl_options_are_read_for_what_they_send() {
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts/";
    // curl uploads under the file's name to a URL that ends in `/`: no endpoint takes that.
    let upload = parse_curl(&format!("curl -T body.json {url}")).unwrap_err();
    assert!(upload.message.contains("with its name added (`.../body.json`)"), "{upload}");
    let upload = parse_curl(&format!("curl -T dir/body.json {url}body.json")).unwrap();
    assert_eq!((upload.request.method.as_str(), upload.body_file.as_deref()), ("PUT", Some("dir/body.json")));
    let encoded = parse_curl(&format!("curl --data-urlencode '{{\"enabled\":false}}' {url}")).unwrap();
    assert_eq!(encoded.request.method, "POST");
    assert_eq!(encoded.request.body.as_deref(), Some("%7B%22enabled%22%3Afalse%7D"), "what curl sends");
    let get = parse_curl(&format!("curl -Gd 'a=b' {url}")).unwrap();
    assert_eq!(get.request.method, "GET", "-G in a cluster");
    let patch = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
    let text = format!("curl -G -X PATCH {patch} -H 'Content-Type: application/json' -d '{{\"enabled\":false}}'");
    let found = Linter::default().lint_imported(&text, &parse_curl(&text).unwrap());
    let empty = found.iter().find(|d| d.code == "J001").expect("no body is sent");
    assert_eq!(empty.help.as_deref(), Some("`-G` sends the data in the URL's query, not as the body: remove `-G`"));
    let form = parse_curl(&format!("curl -F 'a=b' {url}")).unwrap_err();
    assert!(form.message.contains("multipart form"), "{form}");
    for option in ["--http1.0", "--http3", "--proxytunnel", "--proxy-ntlm", "--digest", "--tlsv1.2"] {
        let imported = parse_curl(&format!("curl {option} -X PUT {url}")).unwrap_or_else(|e| panic!("{option}: {e}"));
        assert_eq!(imported.request.url, url, "{option} is curl's own");
    }
}

#[test]
fn values_of_options_mtlslint_does_not_read_are_hidden() {
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts/";
    for tail in [
        "--digest 'Authorization: Bearer Hunter2'",
        "--socks5 u:Hunter2@h:1080",
        "--variable 'tok=Hunter2'",
        "--some-new-option Hunter2",
    ] {
        let command = format!("curl -X PUT {url} -H 'Authorization: Bearer t' {tail}");
        // Refused (a switch followed by a stray word), or read with the value hidden.
        match parse_curl(&command) {
            Err(error) => assert!(!error.message.contains("Hunter2"), "{error}"),
            Ok(imported) => {
                let masked = mask_secrets(&command, std::slice::from_ref(&imported));
                assert!(!masked.contains("Hunter2"), "{masked}");
            }
        }
    }
}

#[test]
fn http_variables_build_on_each_other_and_redirects_end_the_body() {
    let text = "\u{feff}@project = P\n@base = https://gw/apiops/projects/{{project}}\n\
        PATCH {{base}}/apiProxies/A/settings/mtls/\nContent-Type: application/json\n\n{\"enabled\": false}\n\n>> saved.json\n";
    let requests = parse_http_file(text).unwrap();
    let request = &requests[0].request;
    assert_eq!(request.method, "PATCH", "the byte order mark is no part of the method");
    assert_eq!(request.url, "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/");
    assert_eq!(request.body.as_deref(), Some("{\"enabled\": false}"));
}

#[test]
fn variables_that_hold_each_other_twice_over_stay_bounded() {
    let mut text = String::new();
    for i in 0..34 {
        let next = format!("{{{{v{}}}}}", i + 1);
        text += &["@v", &i.to_string(), " = ", &next, &next, "\n"].concat();
    }
    text.push_str(
        "@v34 = x\nPATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\nAuthorization: Bearer {{v0}}\n",
    );
    let requests = parse_http_file(&text).unwrap();
    let (_, token) = &requests[0].request.headers[0];
    assert!(token.len() <= 1 << 20, "{} bytes", token.len());
}

#[test]
fn findings_in_a_filled_or_joined_body_point_into_the_file() {
    let text = "@ks = k\nPATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\nContent-Type: application/json\n\n\
        {\"enabled\": true, \"keyStoreId\": \"{{ks}}\", \"supportedProtocolList\": [\"TLSv1.2\"]}\n";
    let requests = parse_http_file(text).unwrap();
    let diagnostics = Linter::default().lint_imported(text, &requests[0]);
    let java = diagnostics.iter().find(|d| d.code == "S004").expect("the Java name");
    assert_eq!(&text[java.range.start.offset..java.range.end.offset], "\"TLSv1.2\"");
    let curl = "curl -X PATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/ \
        --json '{\"enabled\": true, \"keyStoreId\": \"k\",' --json ' \"supportedProtocolList\": [\"TLSv1.2\"]}'";
    let imported = parse_curl(curl).unwrap();
    let diagnostics = Linter::default().lint_imported(curl, &imported);
    let java = diagnostics.iter().find(|d| d.code == "S004").expect("the Java name");
    assert_eq!(&curl[java.range.start.offset..java.range.end.offset], "\"TLSv1.2\"");
    let continued = parse_curl("curl -X PATCH\\\n https://gw/x").unwrap();
    assert_eq!(continued.request.method, "PATCH", "a backslash-newline ends no word's text");
}

#[test]
fn findings_in_a_url_built_from_variables_point_at_its_own_text() {
    let text = "@host = http://gw.example.com\n@user = api-user\n\
        PUT {{host}}/apiops/projects/P/credentials/{{user}}/truststore/t%/\nAuthorization: Bearer t\n";
    let requests = parse_http_file(text).unwrap();
    assert_eq!(requests[0].request.url, "http://gw.example.com/apiops/projects/P/credentials/api-user/truststore/t%/");
    let diagnostics = Linter::default().lint_imported(text, &requests[0]);
    let at = |code: &str| {
        let d = diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("no {code}: {diagnostics:?}"));
        &text[d.range.start.offset..d.range.end.offset]
    };
    // The scheme comes from the variable: the finding is on its `{{name}}`; the broken name on itself.
    assert_eq!(at("R007"), "{{host}}");
    assert_eq!(at("R004"), "t%");
}

#[test]
fn a_body_curl_joined_or_encoded_is_told_apart_from_a_typo() {
    let url = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
    let help = |options: &str| {
        let command = format!("curl -X PATCH {url} -H 'Content-Type: application/json' {options}");
        let found = Linter::default().lint_imported(&command, &parse_curl(&command).unwrap());
        let invalid = found.iter().find(|d| d.code == "J001").unwrap_or_else(|| panic!("{options}: {found:?}"));
        invalid.help.clone().unwrap_or_default().into_owned()
    };
    assert!(help(r#"-d '{"enabled": true,' -d '"keyStoreId": "k"}'"#).starts_with("curl joins several `-d` with `&`"));
    assert!(
        help(r#"--data-urlencode '{"enabled": false}'"#)
            .starts_with("`--data-urlencode` sends the body percent-encoded")
    );
    // A slip of the author's own keeps the parser's help.
    assert!(!help(r#"-d '{"enabled": tru}' -d '{}'"#).contains("curl joins"));
}

#[test]
fn a_finding_in_a_url_written_with_quotes_covers_what_the_quotes_hold() {
    // The user name is written across a double-quoted and a single-quoted piece.
    let text = r#"curl -X PUT "https://gw/apiops/projects/P/credentials/u"'r x'"/truststore/ts/" -H 'Authorization: Bearer T'"#;
    let imported = parse_curl(text).unwrap();
    let found = Linter::default().lint_imported(text, &imported);
    let r004 = found.iter().find(|d| d.code == "R004").expect("the space in the user name");
    let (start, end) = (r004.range.start.offset, r004.range.end.offset);
    assert_eq!(&text[start..end], r#"u"'r x"#, "{r004:?}");
}

#[test]
fn http_files_read_as_the_clients_read_them() {
    let call = "PATCH https://gw/apiops/projects/{{ project }}/apiProxies/A/settings/mtls/\nAuthorization: Bearer {{ token}}\n";
    // `{{ name }}`: white space inside the braces.
    let spaced = parse_http_file(&format!("@project = P\n@token = t\n{call}")).unwrap();
    assert_eq!(spaced[0].request.url, "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/");
    assert_eq!(spaced[0].request.headers[0].1, "Bearer t");
    // Comment lines in a body are not sent; what is sent keeps its place in the file.
    let text = format!(
        "{call}\n{{\n# a note\n  // \"trustStoreId\": \"x\",\n  \"enabled\": \"yes\"\n}}\n\n>\t{{% client.log(1) %}}\n"
    );
    let commented = &parse_http_file(&text).unwrap()[0];
    assert_eq!(commented.request.body.as_deref(), Some("{\n  \"enabled\": \"yes\"\n}"));
    let findings = mtlslint::Linter::default().lint_imported(&text, commented);
    let wrong_type = findings.iter().find(|d| d.code == "S002").unwrap();
    assert_eq!(wrong_type.range.start.offset, text.find("\"yes\"").unwrap());
    // With a variable below a comment too: the value is placed at its `{{v}}`.
    let text = format!("@v = yes\n{call}\n{{\n  # a note\n  \"enabled\": \"{{{{v}}}}\"\n}}\n");
    let filled = &parse_http_file(&text).unwrap()[0];
    let findings = mtlslint::Linter::default().lint_imported(&text, filled);
    let wrong_type = findings.iter().find(|d| d.code == "S002").unwrap();
    assert_eq!(wrong_type.range.start.offset, text.find("\"{{v}}\"").unwrap(), "{findings:?}");
    // Linear: a body of braces with no name closed near them.
    let braces = format!("@v = x\n{call}\n{{\"enabled\": \"{}\"}}\n", "{".repeat(50_000));
    assert_eq!(parse_http_file(&braces).unwrap().len(), 1);
    // A pre-request script above the request line, inline or in a file, is the client's, not the call's.
    for script in ["< {%\n  request.variables.set(\"x\", \"1\")\n%}\n", "< {% client.log(1) %}\n", "< ./pre.js\n"] {
        let scripted = parse_http_file(&format!("### named\n{script}{call}")).unwrap();
        assert_eq!((scripted.len(), scripted[0].request.method.as_str()), (1, "PATCH"), "{script}");
    }
    // A URL piece on an indented line, and a header value going on over one, are joined;
    // headers written indented stay headers.
    let text = "PATCH https://gw/apiops/projects/P/\n    apiProxies/A/settings/mtls/\nContent-Type:\n  application/json\n  Authorization: Bearer t\n";
    let joined = &parse_http_file(text).unwrap()[0].request;
    assert_eq!(joined.url, "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/");
    let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
    assert_eq!(joined.headers, [pair("Content-Type", "application/json"), pair("Authorization", "Bearer t")]);
    // A response handler right after the headers: no body, and no error.
    let handled = parse_http_file(&format!("{call}> {{%\n client.log(1)\n%}}\n")).unwrap();
    assert_eq!(handled[0].request.body, None);
}
