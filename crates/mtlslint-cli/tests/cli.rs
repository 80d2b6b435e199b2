//! The `mtlslint` binary on the shared vectors and on what users type.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn mtlslint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).env("NO_COLOR", "1").output().unwrap()
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    with_stdin_in(Path::new("."), args, input)
}

/// Runs mtlslint in `dir` with `input` on its standard input.
fn with_stdin_in(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Err(error) = child.stdin.take().unwrap().write_all(input) {
        // A command that refuses its arguments may exit before it reads its input.
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    child.wait_with_output().unwrap()
}

/// A new folder for one test's files, under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mtlslint-{name}-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Runs a vector through the CLI with the flags its context files call for.
fn run_vector(path: &Path, profile: &str) -> Output {
    let name = path.file_name().unwrap().to_str().unwrap();
    let case = name.trim_end_matches(".json").trim_end_matches(".request").trim_end_matches(".response");
    let mut args: Vec<String> = Vec::new();
    let mut flags: Vec<String> = vec!["--format".into(), "json".into(), "--profile".into(), profile.into()];
    let request = name.ends_with(".request.json");
    for (kind, flag) in [
        ("current", "--current"),
        ("keystores", "--keystores"),
        ("admin-keystores", "--admin-keystores"),
        ("credentials", "--credentials"),
        ("permissions", "--permissions"),
    ] {
        // A body vector has no credentials or permissions to give: they are about requests.
        if !request && matches!(kind, "credentials" | "permissions") {
            continue;
        }
        let file = path.with_file_name(format!("{case}.{kind}.json"));
        if file.exists() {
            let value = if kind == "permissions" { format!("@{}", file.display()) } else { file.display().to_string() };
            flags.extend([flag.to_owned(), value]);
        }
    }
    if request {
        let request: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        args.extend(["request".into(), "-X".into(), request["method"].as_str().unwrap().into()]);
        args.extend(["--url".into(), request["url"].as_str().unwrap().into()]);
        for header in request["headers"].as_array().unwrap() {
            args.extend(["-H".into(), format!("{}: {}", header[0].as_str().unwrap(), header[1].as_str().unwrap())]);
        }
        if let Some(body) = request["body"].as_str() {
            args.extend(["--data".into(), body.into()]);
        }
    } else if name.ends_with(".response.json") {
        args.extend(["response".into(), path.display().to_string()]);
    } else {
        args.extend(["check".into(), path.display().to_string()]);
    }
    args.extend(flags);
    // Run where no `mtlslint.json` can be found upward, so the flags alone decide.
    Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(&args).current_dir(std::env::temp_dir()).output().unwrap()
}

#[test]
fn cli_agrees_with_every_expected_vector() {
    let mut checked = 0;
    for dir in fs::read_dir(repo().join("tests/vectors")).unwrap() {
        for file in fs::read_dir(dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let stem = name.trim_end_matches(".json");
            let case = stem.trim_end_matches(".request").trim_end_matches(".response");
            if case.contains('.') {
                continue;
            }
            let expected_path = path.with_file_name(format!("{case}.expected.json"));
            let expected: Value = serde_json::from_str(&fs::read_to_string(&expected_path).unwrap()).unwrap();
            for profile in ["standard", "production"] {
                let output = run_vector(&path, profile);
                let document: Value =
                    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{name}: {output:?}"));
                assert_eq!(
                    document["results"][0]["diagnostics"],
                    expected[profile],
                    "{} under {profile}",
                    path.display()
                );
                let errors = expected[profile].as_array().unwrap().iter().filter(|d| d["severity"] == "error").count();
                assert_eq!(output.status.code(), Some(i32::from(errors > 0)), "{name}: exit code");
                assert_eq!(document["summary"]["errors"], errors);
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} runs");
}

#[test]
fn the_readme_example_prints_what_the_readme_shows() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let block = readme.split("```console\n$ mtlslint ").nth(1).and_then(|b| b.split("```").next()).unwrap();
    let (command, shown) = block.split_once('\n').unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(command.split(' '))
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(stdout(&output), shown, "README.md's example no longer matches `mtlslint {command}`");
}

#[test]
fn exit_codes_follow_the_worst_finding() {
    let vectors = repo().join("tests/vectors");
    let clean = vectors.join("S007-empty-id/real_ids.json");
    let warning = vectors.join("T004-duplicate-protocol/repeated_constant.json");
    let error = vectors.join("M001-keystore-required/enabled_without_keystore.json");
    let not_json = vectors.join("J001-invalid-json/trailing_comma.json");
    assert_eq!(mtlslint(&["check", clean.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(mtlslint(&["check", warning.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(mtlslint(&["check", error.to_str().unwrap()]).status.code(), Some(1));
    assert_eq!(mtlslint(&["check", not_json.to_str().unwrap()]).status.code(), Some(1));
    assert_eq!(mtlslint(&["check", "no/such/file.json"]).status.code(), Some(2));
    assert_eq!(mtlslint(&["check", "--profile", "strict", clean.to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(mtlslint(&["check", "--max-depth", "4096", clean.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn production_profile_turns_noop_into_an_error() {
    let body = br#"{"enabled": true, "keyStoreId": "ks", "trustStoreId": "ts", "supportedProtocolList": ["TLS_1_2", "TLS_1_3"]}"#;
    assert_eq!(with_stdin(&["check", "-"], body).status.code(), Some(0));
    let production = with_stdin(&["check", "--profile", "production", "--format", "json", "-"], body);
    assert_eq!(production.status.code(), Some(1));
    let document: Value = serde_json::from_slice(&production.stdout).unwrap();
    assert_eq!(document["results"][0]["source"], "-");
    assert_eq!(document["results"][0]["diagnostics"][0]["code"], "H001");
    assert_eq!(document["results"][0]["diagnostics"][0]["severity"], "error");
}

#[test]
fn curl_spellings_and_values_in_any_case_are_taken() {
    let body = br#"{"enabled": true, "keyStoreId": "ks", "hostnameVerifierType": "NOOP"}"#;
    let production = with_stdin(&["check", "--profile", "PRODUCTION", "--format", "JSON", "-"], body);
    let document: Value = serde_json::from_slice(&production.stdout).unwrap();
    let diagnostics = document["results"][0]["diagnostics"].as_array().unwrap();
    assert!(diagnostics.iter().any(|d| d["code"] == "H001" && d["severity"] == "error"), "{document}");
    let url = "https://gw.example.com/apiops/projects/P/credentials/api-user/truststore/ts";
    let args = ["request", "--request", "PUT", url, "-H", "Authorization: Bearer t", "--data-binary", "{}"];
    let output = mtlslint(&[&args[..], &["--format", "json"]].concat());
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&Value> =
        document["results"][0]["diagnostics"].as_array().unwrap().iter().map(|d| &d["code"]).collect();
    // The body given with curl's --data-binary is read: a PUT takes none (R010).
    assert_eq!(codes, [&Value::from("R003"), &Value::from("R010")], "{document}");
}

#[test]
fn without_a_method_the_request_is_judged_as_curl_would_send_it() {
    let settings = "https://gw.example.com/apiops/projects/P/apiProxies/orders/settings/mtls/";
    let truststore = "https://gw.example.com/apiops/projects/P/credentials/api-user/truststore/ts/";
    let json = ["-H", "Authorization: Bearer t", "-H", "Content-Type: application/json", "--format", "json"];
    for (args, method, write) in
        [(vec![settings, "--data", r#"{"enabled": false}"#], "POST", "PATCH"), (vec![truststore], "GET", "PUT")]
    {
        let output = mtlslint(&[&["request"], &args[..], &json[..]].concat());
        assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
        let document: Value = serde_json::from_slice(&output.stdout).unwrap();
        let diagnostics = document["results"][0]["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), 1, "{document}");
        assert_eq!(diagnostics[0]["code"], "R001");
        let message = diagnostics[0]["message"].as_str().unwrap();
        assert!(message.contains(&format!("`{method}`")) && message.contains(&format!("`{write}`")), "{message}");
    }
}

#[test]
fn findings_in_a_body_read_from_a_file_point_into_that_file() {
    let dir = scratch("body-file");
    let body = "{\n  \"enabled\": true,\n  \"keyStoreId\": \"ks\",\n  \"supportedProtocolList\": [\"TLSv1.2\"]\n}\n";
    fs::write(dir.join("body.json"), body).unwrap();
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/orders/settings/mtls/";
    let headers = "-H 'Authorization: Bearer t' -H 'Content-Type: application/json'";
    fs::write(dir.join("call.curl"), format!("curl -X PATCH {url} {headers} -d @body.json\n")).unwrap();
    let http = format!("PATCH {url}\nAuthorization: Bearer t\nContent-Type: application/json\n\n< ./body.json\n");
    fs::write(dir.join("call.http"), http).unwrap();
    let s004 = |result: &Value| {
        let diagnostics = result["diagnostics"].as_array().unwrap();
        let found = diagnostics.iter().find(|d| d["code"] == "S004").unwrap_or_else(|| panic!("{result}"));
        let start = &found["range"]["start"];
        (
            found["pointer"].as_str().unwrap().to_owned(),
            start["line"].as_u64().unwrap(),
            start["column"].as_u64().unwrap(),
        )
    };
    let expected = ("/supportedProtocolList/0".to_owned(), 4, 29);
    let body_file = dir.join("body.json");
    let body_file = body_file.to_str().unwrap();
    // Each way of calling with `@FILE`: the body's findings are the file's, the request's stay with it.
    let curl = format!("curl -X PATCH {url} {headers} -d @{body_file}");
    let (data, call) = (format!("@{body_file}"), dir.join("call.curl"));
    let runs: [&[&str]; 3] = [
        &["request", "-X", "PATCH", url, "-H", "Authorization: Bearer t", "-d", &data],
        &["request", "--curl", &curl],
        &["check", call.to_str().unwrap()],
    ];
    for args in runs {
        let output = mtlslint(&[args, &["--format", "json"]].concat());
        let document: Value = serde_json::from_slice(&output.stdout).unwrap();
        let results = document["results"].as_array().unwrap();
        assert_eq!(results.len(), 2, "{document}");
        assert_eq!(results[1]["source"], body_file, "{document}");
        assert_eq!(s004(&results[1]), expected, "{document}");
        assert!(results[0]["diagnostics"].as_array().unwrap().iter().all(|d| d["code"] != "S004"), "{document}");
    }
    // A folder holding the requests and their body file lists the file once, each finding once.
    let output = mtlslint(&["check", "--format", "json", dir.to_str().unwrap()]);
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = document["results"].as_array().unwrap();
    let sources: Vec<&str> = results.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, [body_file, dir.join("call.curl").to_str().unwrap(), dir.join("call.http").to_str().unwrap()]);
    assert_eq!(s004(&results[0]), expected);
    assert_eq!(results[0]["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "S004").count(), 1);
}

#[test]
fn human_output_shows_the_line_and_a_marker_without_colour_when_piped() {
    let path = repo().join("tests/vectors/S004-unknown-enum-value/java_protocol_name.json");
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(["check", path.to_str().unwrap()]).output().unwrap();
    let text = stdout(&output);
    assert!(text.contains("error[S004]: `TLSv1.2` is the Java name; the API takes the constant `TLS_1_2`"), "{text}");
    assert!(text.contains("java_protocol_name.json:6:5"), "{text}");
    assert!(text.contains("\"TLSv1.2\","), "{text}");
    assert!(text.contains("^^^^^^^^^"), "{text}");
    assert!(text.contains("= help: write \"TLS_1_2\""), "{text}");
    assert!(!text.contains('\u{1b}'), "colour codes in piped output");
    assert!(text.ends_with("Found 2 errors, 0 warnings and 1 note in 1 input.\n"), "{text}");
}

#[test]
fn folders_are_searched_for_json_files_in_name_order() {
    let output =
        mtlslint(&["check", "--format", "json", repo().join("tests/vectors/J004-not-an-object").to_str().unwrap()]);
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let sources: Vec<&str> =
        document["results"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
    // The expected files are JSON too; checking them as bodies is harmless and shows the order.
    assert!(sources.windows(2).all(|w| w[0] < w[1]), "{sources:?}");
    assert!(sources.iter().any(|s| s.ends_with("array_body.json")));
}

#[test]
fn the_bearer_token_is_never_printed() {
    let url = "https://gw.example.com/apiops/projects/P/credentials/u/truststore/ts";
    for format in ["human", "json"] {
        let output = mtlslint(&[
            "request",
            "-X",
            "PUT",
            "--url",
            url,
            "-H",
            "Authorization: Bearer tok-SECRET-123",
            "--format",
            format,
        ]);
        let all = format!("{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
        assert!(all.contains("R003"), "{all}");
        assert!(!all.contains("tok-SECRET-123"), "{all}");
    }
    // White space around the URL is dropped, as browsers drop it.
    let padded = mtlslint(&["request", "-X", "PUT", "--url", &format!("  {url} "), "-H", "Authorization: Bearer t"]);
    assert_eq!(
        stdout(&padded),
        stdout(&mtlslint(&["request", "-X", "PUT", "--url", url, "-H", "Authorization: Bearer t"]))
    );
    let malformed = mtlslint(&["request", "-X", "PUT", "--url", url, "-H", "Authorization Bearer tok-SECRET-123"]);
    assert_eq!(malformed.status.code(), Some(2));
    let all = format!("{}{}", stdout(&malformed), String::from_utf8_lossy(&malformed.stderr));
    assert!(all.contains("header 1: a header is written `Name: value`"), "{all}");
    assert!(!all.contains("tok-SECRET-123"), "{all}");
    // Sent as written, `Authorization : ...` is refused by the server: not trimmed into a valid header.
    let spaced = mtlslint(&["request", "-X", "PUT", "--url", url, "-H", "Authorization : Bearer tok-SECRET-123"]);
    assert_eq!(spaced.status.code(), Some(2));
    let said = String::from_utf8_lossy(&spaced.stderr);
    assert!(said.contains("header `Authorization` has white space around its name"), "{said}");
    assert!(!said.contains("tok-SECRET-123"), "{said}");
    // A usage error after the header names the option at fault: only secrets are hidden.
    for (option, said) in [("--heder", "'--heder'"), ("--data-urlencode", "'--data-urlencode'"), ("-A", "'-A'")] {
        let output =
            mtlslint(&["request", "-X", "PUT", url, "-H", "Authorization: Bearer tok-SECRET-123", option, "x"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(&format!("unexpected argument {said}")), "{stderr}");
        assert!(!stderr.contains("SECRET"), "{stderr}");
    }
}

#[test]
fn a_request_file_given_where_the_url_goes_names_check() {
    let file = repo().join("examples/requests/proxies.http");
    let file = file.to_str().unwrap();
    let output = mtlslint(&["request", file]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("`{file}` is a file, not a URL: `mtlslint check {file}` lints")), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// As the npm package: a URL or header value that breaks the line is refused,
/// not linted (a line break there would end the header or the request line).
#[test]
fn a_url_or_header_value_that_breaks_the_line_is_a_usage_error() {
    let url = "https://gw.example.com/apiops/projects/P/credentials/u/truststore/ts/";
    let cases = [
        (
            vec!["--url", "https://gw.example.com/apiops/projects/P/\ncredentials/u/truststore/ts/"],
            "--url breaks the line",
        ),
        (
            vec!["--url", url, "-H", "Authorization: Bearer tok-SECRET\r\nX-Injected: 1"],
            "header `Authorization` breaks",
        ),
        (vec!["--url", url, "-H", "X-Note: a\rb"], "header `X-Note` breaks"),
    ];
    for (args, said) in cases {
        let output = mtlslint(&[&["request", "-X", "PUT"][..], &args].concat());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert!(!stderr.contains("SECRET"), "{stderr}");
    }
    // Blanks around a value are not part of it, so a trailing line break is too.
    let padded = mtlslint(&["request", "-X", "PUT", "--url", url, "-H", "Content-Type: application/json\n"]);
    let plain = mtlslint(&["request", "-X", "PUT", "--url", url, "-H", "Content-Type: application/json"]);
    assert_eq!(padded.status.code(), plain.status.code(), "{}", String::from_utf8_lossy(&padded.stderr));
    assert_eq!(stdout(&padded), stdout(&plain));
}

#[test]
fn secrets_in_the_url_are_never_printed() {
    let url = "https://ops:pw-SECRET@gw.example.com/apiops/projects/P/credentials/u/truststore/ts?access_token=tok-SECRET#id_token=frag-SECRET";
    let dir = scratch("cli-url");
    let file = dir.join("assign.http");
    fs::write(&file, format!("PUT {url}\nAuthorization: Bearer tok-SECRET-123\n")).unwrap();
    for format in ["human", "json"] {
        for output in [
            mtlslint(&["request", "-X", "PUT", "--url", url, "--format", format]),
            mtlslint(&["check", "--format", format, file.to_str().unwrap()]),
        ] {
            let all = format!("{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
            assert!(all.contains("R003"), "{all}");
            assert!(!all.contains("SECRET"), "{all}");
        }
    }
    let human = stdout(&mtlslint(&["check", file.to_str().unwrap()]));
    assert!(human.contains("https://ops:*********@gw.example.com"), "{human}");
    fs::remove_dir_all(dir).unwrap();
}

/// Secrets where mtlslint does not read them as a request's: a command-line
/// slip, credentials a header given by hand replaces, an unknown curl
/// option's value, a comment, a command with an unknown prefix, a saved
/// response linted as a body, a URL behind a quote.
#[test]
fn secrets_written_anywhere_are_never_printed() {
    let mtls = "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/";
    let dir = scratch("cli-secrets");
    fs::create_dir_all(dir.join("saved")).unwrap();
    let write = |name: &str, text: String| {
        fs::write(dir.join(name), text).unwrap();
        dir.join(name).to_str().unwrap().to_owned()
    };
    let replaced = write(
        "replaced.curl",
        format!("curl -X PATCH {mtls} -H 'Authorization: Bearer x' --oauth2-bearer SECRET-a -u SECRET-b:pw -d '{{}}'"),
    );
    let unknown = write("unknown.curl", format!("curl -X PATCH {mtls} --zz=SECRET-c -d '{{\"enabled\": 1}}'"));
    let comment = write(
        "comment.curl",
        format!(
            "curl -X PATCH \\\n  # -H \"Authorization: Bearer SECRET-d\" \\\n  -H 'Content-Type: text/plain' \\\n  {mtls} -d '{{}}'\n"
        ),
    );
    let quoted = write(
        "quoted.http",
        format!("PATCH \"https://ops:SECRET-e@{}\"\nAuthorization: Bearer x\n\n{{}}\n", &mtls[8..]),
    );
    write(
        "saved/credentials.json",
        r#"{"status":"SUCCESS","resultList":[{"name":"u","password":"SECRET-f"}]}"#.to_owned(),
    );
    let saved = dir.join("saved").to_str().unwrap().to_owned();
    let config = write("config.json", r#"{"profile": "Bearer SECRET-p"}"#.to_owned());
    let response = write(
        "failed.json",
        r#"{"success": true, "deploymentResult": {"success": false, "message": "password=SECRET-q",
            "environmentResults": [{"environmentName": "p", "success": false, "message": "Bearer SECRET-r"},
            {"environmentName": "q", "success": false, "message": "login failed, password:\tSECRET-v"}]}}"#
            .to_owned(),
    );
    let diff = write(
        "diff.json",
        "{\n  \"enabled\": true,\n  \"password\":\n    \"SECRET-w\", \"supportedProtocolList\": [\"TLS_1_2\", \"TLS_1_2\"]\n}\n"
            .to_owned(),
    );
    let header = write(
        "header.curl",
        format!("curl -X PATCH {mtls} -H 'Content-Type: text/plain' -H 'Authentication: SECRET-x' -d '{{}}'"),
    );
    let mut outputs = vec![
        // Quoted by a finding's message, help or fix: a value without quotes,
        // a value on the next line, a value of the wrong type.
        with_stdin(&["check", "-"], br#"{"enabled": true, "keyStoreId": "ks", "keyStorePassword": SECRET-l}"#),
        with_stdin(&["check", "--format", "json", "-"], b"{\"enabled\": true, \"password\":\n \"SECRET-m\"}"),
        with_stdin(&["check", "--diff", "-"], b"{\"enabled\": \"Bearer SECRET-n\",\n\"password\":\n \"SECRET-o\"}"),
        // Words out of place: `--flag=value`, a flag and its value in one word, a configuration, a response.
        mtlslint(&["check", "--fix=Authorization: Bearer SECRET-s", "x.json"]),
        mtlslint(&["check", "--header Authorization: Bearer SECRET-t"]),
        mtlslint(&["request", "--url", mtls, "--curl curl -u ops:SECRET-u"]),
        mtlslint(&["check", "--config", &config, "x.json"]),
        mtlslint(&["response", &response]),
        mtlslint(&["response", "--format", "json", &response]),
        // A long value quoted cut short; a fix's diff beside a value on the next line.
        with_stdin(
            &["check", "-"],
            format!(r#"{{"enabled": true, "token": SECRET-y{}.x}}"#, "eyJhbGci".repeat(12)).as_bytes(),
        ),
        mtlslint(&["check", "--diff", &diff]),
        // A token file given as the body: a bare word, which only its shape tells to be a token.
        with_stdin(&["check", "-"], b"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.SECRET-C\n"),
        mtlslint(&["check", "--format", "json", &header]),
        mtlslint(&["request", "-X", "PATCH", "--url", mtls, "-H", "Authorization:", "Basic", "SECRET-z"]),
        mtlslint(&[
            "request",
            "-X",
            "PATCH",
            "--url",
            &format!("{mtls}?session_id=SECRET-A&authkey=SECRET-B"),
            "-d",
            "{}",
        ]),
        // `-H` unquoted, and a header without `-H`: the parser quotes the stray words.
        mtlslint(&["request", "-X", "PATCH", "--url", mtls, "-H", "Authorization:", "Bearer", "SECRET-g"]),
        mtlslint(&["request", "-X", "PATCH", mtls, "Authorization: Bearer SECRET-h"]),
        mtlslint(&["check", "--format", "Bearer SECRET-i", "x.json"]),
        with_stdin(
            &["check", "-"],
            format!("time curl -X PATCH {mtls} -H 'Authorization: Bearer SECRET-j'\n").as_bytes(),
        ),
        mtlslint(&[
            "request",
            "-X",
            "PUT",
            "--url",
            "https://gw/apiops/projects/P/credentials/u/truststore/k;jsessionid=SECRET-k/",
            "--format",
            "json",
        ]),
    ];
    for format in ["human", "json", "sarif", "junit", "github"] {
        for input in [&replaced, &unknown, &comment, &quoted, &saved] {
            outputs.push(mtlslint(&["check", "--format", format, input]));
        }
    }
    outputs.push(mtlslint(&["check", "--diff", &saved]));
    for output in outputs {
        let all = format!("{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
        assert!(!all.contains("SECRET"), "{all}");
        assert!(!all.trim().is_empty());
    }
    let human = stdout(&mtlslint(&["check", &saved]));
    assert!(human.contains(r#""password":"********""#), "{human}");
    // The diff shows the fix, with the value on the line after its name hidden.
    let diff = stdout(&mtlslint(&["check", "--diff", &diff]));
    assert!(diff.contains(r#"+    "********", "supportedProtocolList": ["TLS_1_2"]"#), "{diff}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn what_is_not_a_secret_stays_readable() {
    // A fix keeps its edit: a value under a name like `authMode` or
    // `passwordExpired` is no credential, and a constant never is.
    let body = br#"{"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_2"],
        "hostnameVerifierType": "default", "authMode": "DEFAULT", "passwordExpired": false, "tokenStore": "ts-1"}"#;
    let json: Value = serde_json::from_slice(&with_stdin(&["check", "--format", "json", "-"], body).stdout).unwrap();
    let diagnostics = json["results"][0]["diagnostics"].as_array().unwrap();
    let texts = serde_json::to_string(diagnostics).unwrap();
    let fix = diagnostics.iter().find_map(|d| d["fix"]["edits"][0]["content"].as_str());
    assert_eq!(fix, Some("DEFAULT"), "{texts}");
    assert!(!texts.contains("***") && texts.contains("`tokenStore`"), "{texts}");
    // An error about a flag named like a secret says what went wrong.
    let url = "https://gw/apiops/projects/P/credentials/api-user/truststore/ts/";
    let missing = mtlslint(&["request", "-X", "PUT", "--url", url, "--credentials", "no-such-file.json"]);
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("--credentials: cannot read `no-such-file.json`"), "{stderr}");
    // A file named like a secret is no secret: the reason it cannot be read shows.
    for args in [&["check", "--credentials", "token", "-"][..], &["check", "password"]] {
        let stderr = String::from_utf8(with_stdin(args, b"{}").stderr).unwrap();
        assert!(!stderr.contains("**"), "{stderr}");
        assert!(stderr.contains("cannot read `token`: ") || stderr.contains("`password`: no such file"), "{stderr}");
    }
}

#[test]
fn context_file_errors_name_the_flag_and_hide_the_contents() {
    let dir = scratch("cli");
    let inventory = dir.join("keystores.json");
    fs::write(&inventory, r#"{"status":"SUCCESS","resultList":[{"password":"hunter2"}]}"#).unwrap();
    let body = dir.join("body.json");
    fs::write(&body, r#"{"enabled": false}"#).unwrap();
    let output = mtlslint(&["check", "--keystores", inventory.to_str().unwrap(), body.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("--keystores") && stderr.contains("item 0 has no `name`"), "{stderr}");
    assert!(!stderr.contains("hunter2"));
    // A List Credentials response given as keystores is named for what it is.
    fs::write(&inventory, r#"{"status":"SUCCESS","resultList":[{"username":"api-user","password":"hunter2"}]}"#)
        .unwrap();
    let output = mtlslint(&["check", "--keystores", inventory.to_str().unwrap(), body.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("this is a saved List Credentials response, not a list of keystores"), "{stderr}");
    assert!(!stderr.contains("hunter2"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_long_minified_line_is_shown_as_a_short_excerpt() {
    let members: Vec<String> = (0..20_000).map(|i| format!("\"x{i}\":\"v\"")).collect();
    let body = format!("{{\"enabled\":false,{}}}", members.join(","));
    let output = with_stdin(&["check", "-"], body.as_bytes());
    let text = stdout(&output);
    assert!(text.contains("error[S001]: unknown field `x19999`"), "{}", &text[..500.min(text.len())]);
    assert!(text.lines().all(|line| line.len() < 400), "an excerpt line is too long");
    // Far along the line, the excerpt starts mid-line, but the place named is the finding's own.
    let column = body.find("\"x19999\"").unwrap() + 1;
    assert!(text.contains(&format!(" --> -:1:{column}\n")), "{}", &text[..500.min(text.len())]);
    // A line of a few hundred bytes is cut for the terminal, but its columns count from its start.
    let body = format!("{{\"enabled\":false,\"{}\":1,\"keystoreID\":\"a\"}}", "x".repeat(200));
    let output = with_stdin(&["check", "-"], body.as_bytes());
    let column = body.find("\"keystoreID\"").unwrap() + 1;
    assert!(stdout(&output).contains(&format!(" --> -:1:{column}\n")), "{}", stdout(&output));
    // A line cut short ends in `…`; a range longer than the excerpt names where it ends.
    let body = format!("{{\"supportedProtocolList\": \"{}\", \"enabled\": false}}", "TLS_1_2 ".repeat(40));
    let text = stdout(&with_stdin(&["check", "-"], body.as_bytes()));
    let end = body.find("\", \"enabled\"").unwrap() + 2;
    assert!(text.contains(&format!("single-value-not-array (to line 1, column {end})")), "{text}");
    // A line the excerpt cuts short ends in `…` (one too long for the terminal, in the renderer's `...`).
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/";
    let command = format!("curl --get {url} -H 'Authorization: Bearer abc' -d 'enabled=false'");
    let text = stdout(&mtlslint(&["request", "--curl", &command]));
    assert!(text.contains("-d 'enabl…\n"), "{text}");
}

#[test]
fn schema_prints_the_committed_schemas() {
    for (draft, folder) in [("2020-12", "2020-12"), ("07", "draft-07")] {
        let output = mtlslint(&["schema", "--draft", draft]);
        assert_eq!(output.status.code(), Some(0));
        let committed = fs::read_to_string(repo().join("schemas").join(folder).join("mtls-settings.json")).unwrap();
        assert_eq!(stdout(&output), committed);
    }
    let listed = stdout(&mtlslint(&["schema", "--list"]));
    assert!(listed.lines().count() >= 3 && listed.contains("truststore-assignment"), "{listed}");
    // Every name stands apart from its summary, the longest too.
    for line in listed.lines() {
        let (name, summary) = line.split_once("  ").expect("two spaces after the name");
        assert!(mtlslint::schema::find(name).is_some() || name == "openapi", "{line}");
        assert!(!summary.trim().is_empty(), "{line}");
    }
    // The OpenAPI document too, in its one dialect.
    let openapi = mtlslint(&["schema", "openapi"]);
    assert_eq!(stdout(&openapi), fs::read_to_string(repo().join("schemas/openapi.json")).unwrap());
    let draft_07 = mtlslint(&["schema", "openapi", "--draft", "07"]);
    assert_eq!(draft_07.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&draft_07.stderr).contains("leave out --draft"));
    assert_eq!(mtlslint(&["schema", "--list", "inventory"]).status.code(), Some(2), "--list prints no one schema");
    let misspelt = mtlslint(&["schema", "mtls-setting"]);
    assert_eq!(misspelt.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&misspelt.stderr).contains("did you mean `mtls-settings`?"));
    let unknown_draft = mtlslint(&["schema", "--draft", "04"]);
    assert_eq!(unknown_draft.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown_draft.stderr).contains("write `2020-12` or `07`"));
}

#[test]
fn explain_prints_a_rule_by_code_or_name() {
    for selector in ["M001", "m001", "keystore-required", "KeyStore-Required"] {
        let output = mtlslint(&["explain", selector]);
        assert_eq!(output.status.code(), Some(0));
        let text = stdout(&output);
        assert!(text.starts_with("## M001 `keystore-required`"), "{text}");
        assert!(text.contains("KeyStore ID is required when mTLS is enabled") && text.contains("### Use instead"));
    }
    let misspelt = mtlslint(&["explain", "keystore-requird"]);
    assert_eq!(misspelt.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&misspelt.stderr).contains("did you mean `keystore-required`?"));
}

#[test]
fn rules_lists_every_rule_with_both_profiles() {
    let table = stdout(&mtlslint(&["rules"]));
    assert_eq!(table.lines().count(), 1 + mtlslint::rules::all().count());
    assert!(table.lines().any(|line| line.starts_with("H001") && line.contains("warning   error")), "{table}");
    let json: Value = serde_json::from_str(&stdout(&mtlslint(&["rules", "--format", "json"]))).unwrap();
    let rules = json.as_array().unwrap();
    assert_eq!(rules.len(), mtlslint::rules::all().count());
    let t005 = rules.iter().find(|r| r["code"] == "T005").unwrap();
    let t004 = rules.iter().find(|r| r["code"] == "T004").unwrap();
    assert_eq!((t004["standard"].as_str(), t004["fix"].as_str()), (Some("warning"), Some("safe")));
    assert!(t005["documentation"].as_str().unwrap().contains("## Why is this bad?"));
}

#[test]
fn fix_rewrites_files_in_place_and_diff_only_shows() {
    let dir = scratch("fix");
    let path = dir.join("settings.json");
    let body = "{\n  \"enabled\": \"true\",\n  \"keyStoreId\": \"ks-1\",\n  \"supportedProtocolList\": [\"TLSv1.2\", \"TLS_1_0\"]\n}\n";
    fs::write(&path, body).unwrap();
    let file = path.to_str().unwrap();

    let diff = mtlslint(&["check", "--diff", file]);
    assert_eq!(diff.status.code(), Some(1), "a pending change fails --diff");
    let shown = stdout(&diff);
    assert!(shown.contains("-  \"enabled\": \"true\",\n+  \"enabled\": true,"), "{shown}");
    assert_eq!(fs::read_to_string(&path).unwrap(), body, "--diff writes nothing");

    let fixed = mtlslint(&["check", "--fix", "--format", "json", file]);
    assert_eq!(fixed.status.code(), Some(0));
    let after = fs::read_to_string(&path).unwrap();
    assert_eq!(after, body.replace("\"true\"", "true").replace("TLSv1.2", "TLS_1_2"));
    // What is left is reported: TLS_1_0 waits for an unsafe fix.
    let report: Value = serde_json::from_str(&stdout(&fixed)).unwrap();
    assert!(report["results"][0]["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "T002"));

    assert_eq!(mtlslint(&["check", "--fix", "--unsafe-fixes", file]).status.code(), Some(0));
    assert!(fs::read_to_string(&path).unwrap().contains("[\"TLS_1_2\"]"));
    assert_eq!(mtlslint(&["check", "--diff", "--unsafe-fixes", file]).status.code(), Some(0), "nothing left to fix");

    let piped = with_stdin(&["check", "--fix", "-"], br#"{"hostnameVerifierType": "default"}"#);
    assert_eq!(stdout(&piped), r#"{"hostnameVerifierType": "DEFAULT"}"#);
    // Standard output holds the fixed body, so what is left goes to standard error.
    let left = with_stdin(&["check", "--fix", "-"], br#"{"enabled": true, "hostnameVerifierType": "default"}"#);
    assert_eq!(left.status.code(), Some(1));
    assert_eq!(stdout(&left), r#"{"enabled": true, "hostnameVerifierType": "DEFAULT"}"#);
    let errors = String::from_utf8_lossy(&left.stderr);
    assert!(errors.starts_with("mtlslint: applied 1 fix in 1 input\n"), "{errors}");
    assert!(errors.contains("error[M001]") && errors.contains("Found 1 error"), "{errors}");
    assert_eq!(
        mtlslint(&["check", "--unsafe-fixes", file]).status.code(),
        Some(2),
        "--unsafe-fixes needs --fix or --diff"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn diff_reports_what_the_fixes_leave_where_it_stands_in_the_file() {
    let dir = scratch("diff-lines");
    let path = dir.join("settings.json");
    // The fixes drop the repeated protocol's line: the empty id stays on line 9 of the file.
    let body = "{\n  \"enabled\": true,\n  \"keyStoreId\": \"k\",\n  \"supportedProtocolList\": [\n    \"TLSv1.2\",\n    \
                \"TLSv1.2\",\n    \"TLSv1.3\"\n  ],\n  \"trustStoreId\": \"\"\n}\n";
    fs::write(&path, body).unwrap();
    let output = mtlslint(&["check", "--diff", "--format", "github", path.to_str().unwrap()]);
    let report = String::from_utf8(output.stderr).unwrap();
    let s007 = report.lines().find(|line| line.contains("title=S007")).expect("the empty id is left");
    assert!(s007.contains(",line=9,col=19,endLine=9,endColumn=21,"), "{s007}");
    assert!(!report.contains("S004"), "fixed findings are not reported: {report}");

    // A diff whose lines show a secret hides it, and says that it then does not apply.
    let secret = dir.join("secret.json");
    fs::write(&secret, "{\"keyStorePassword\": \"changeit\", \"supportedProtocolList\": [\"TLSv1.2\"]}\n").unwrap();
    let output = mtlslint(&["check", "--diff", secret.to_str().unwrap()]);
    let (diff, told) = (stdout(&output), String::from_utf8(output.stderr).unwrap());
    assert!(diff.contains("+{\"keyStorePassword\": \"********\"") && !diff.contains("changeit"), "{diff}");
    assert!(told.contains("the diff hides secrets on lines it shows, so it does not apply there"), "{told}");
    let clean = mtlslint(&["check", "--diff", path.to_str().unwrap()]);
    assert!(!String::from_utf8(clean.stderr).unwrap().contains("hides secrets"));
}

#[test]
fn a_diff_of_a_file_named_with_spaces_applies_with_patch() {
    let dir = scratch("diff-spaces");
    let body = "{\r\n  \"hostnameVerifierType\": \"default\"\r\n}";
    fs::write(dir.join("my settings.json"), body).unwrap();
    let run =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    let diff = stdout(&run(&["check", "--diff", "my settings.json"]));
    // `patch` reads a name up to a tab, as `diff` writes it; git reads it too.
    assert!(diff.starts_with("--- my settings.json\t\n+++ my settings.json\t\n"), "{diff:?}");
    if Command::new("patch").arg("--version").output().is_ok_and(|o| o.status.success()) {
        let mut patch =
            Command::new("patch").args(["-p0", "--quiet"]).current_dir(&dir).stdin(Stdio::piped()).spawn().unwrap();
        patch.stdin.take().unwrap().write_all(diff.as_bytes()).unwrap();
        assert!(patch.wait().unwrap().success());
        assert_eq!(fs::read_to_string(dir.join("my settings.json")).unwrap(), body.replace("default", "DEFAULT"));
    }
    fs::remove_dir_all(dir).unwrap();
}

/// Lines end at `\n` in a diff, as `patch` reads them: a body with old Mac
/// line ends (a lone `\r`) is one line, without a final newline; a name
/// holding a tab is quoted as git quotes it. Both apply as `--fix` writes.
#[test]
fn a_diff_of_lone_cr_line_ends_and_of_a_name_with_a_tab_applies_with_patch() {
    let dir = scratch("diff-cr-tab");
    let body = "{\r  \"keystoreId\": \"ks-1\",\r  \"hostnameVerifierType\": \"default\"\r}\r";
    let fixed = body.replace("keystoreId", "keyStoreId").replace("default", "DEFAULT");
    let tabbed = if cfg!(unix) { "my\tsettings.json" } else { "settings.json" };
    fs::write(dir.join("old-mac.json"), body).unwrap();
    fs::write(dir.join(tabbed), body).unwrap();
    let run =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    let diff = stdout(&run(&["check", "--diff", "old-mac.json", tabbed]));
    let hunk = format!("@@ -1 +1 @@\n-{body}\n\\ No newline at end of file\n+{fixed}\n\\ No newline at end of file\n");
    assert!(diff.starts_with(&format!("--- old-mac.json\n+++ old-mac.json\n{hunk}")), "{diff:?}");
    if cfg!(unix) {
        assert!(diff.contains(&format!("--- \"my\\tsettings.json\"\n+++ \"my\\tsettings.json\"\n{hunk}")), "{diff:?}");
    }
    if Command::new("patch").arg("--version").output().is_ok_and(|o| o.status.success()) {
        let mut patch =
            Command::new("patch").args(["-p0", "--quiet"]).current_dir(&dir).stdin(Stdio::piped()).spawn().unwrap();
        patch.stdin.take().unwrap().write_all(diff.as_bytes()).unwrap();
        assert!(patch.wait().unwrap().success());
        assert_eq!(fs::read_to_string(dir.join("old-mac.json")).unwrap(), fixed);
        assert_eq!(fs::read_to_string(dir.join(tabbed)).unwrap(), fixed);
    }
    fs::remove_dir_all(dir).unwrap();
}

/// One file named two ways (`a.json`, `./a.json`, in a folder also named)
/// is linted, counted and fixed once, under the name it is first given.
#[test]
fn a_file_named_twice_is_linted_once() {
    let dir = scratch("named-twice");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("a.json"), r#"{"hostnameVerifierType": "default"}"#).unwrap();
    let run =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["check", "--format", "json", "a.json", "./a.json", ".", "sub/../a.json"])))
            .unwrap();
    let sources: Vec<_> = report["results"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["a.json"]);
    assert_eq!(report["summary"]["errors"], 1);
    let diff = stdout(&run(&["check", "--diff", "a.json", "./a.json"]));
    assert_eq!(diff.matches("+++ ").count(), 1, "{diff}");
    // A request file's body file is the folder's `./body.json`: one input, fixed once (`noop` to `NOOP`), no error left.
    let url = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
    fs::write(
        dir.join("sub/call.curl"),
        format!("curl -X PATCH {url} -H 'Authorization: Bearer t' -H 'Content-Type: application/json' -d @body.json"),
    )
    .unwrap();
    fs::write(dir.join("sub/body.json"), r#"{"enabled": false, "hostnameVerifierType": "noop"}"#).unwrap();
    let in_sub = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(dir.join("sub")).output().unwrap()
    };
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&in_sub(&["check", "--format", "json", "."]))).unwrap();
    let sources: Vec<_> = report["results"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["./body.json", "./call.curl"]);
    assert_eq!(report["results"][0]["diagnostics"].as_array().unwrap().len(), 2, "{report}");
    let fixed = in_sub(&["check", "--fix", "."]);
    assert_eq!(fixed.status.code(), Some(0), "{}", stdout(&fixed));
    assert!(fs::read_to_string(dir.join("sub/body.json")).unwrap().contains("\"NOOP\""));
    fs::remove_dir_all(dir).unwrap();
}

/// A link met in a folder may point out of it: `--fix` on the folder does not
/// write through it, and says how to fix its target.
#[cfg(unix)]
#[test]
fn fix_does_not_write_through_a_link_met_in_a_folder() {
    let root = scratch("fix-links");
    let (dir, outside) = (root.join("bodies"), root.join("shared"));
    fs::create_dir_all(&dir).unwrap();
    fs::create_dir_all(&outside).unwrap();
    let body = r#"{"enabled": false, "hostnameVerifierType": "default"}"#;
    fs::write(dir.join("own.json"), body).unwrap();
    fs::write(outside.join("shared.json"), body).unwrap();
    std::os::unix::fs::symlink(outside.join("shared.json"), dir.join("shared.json")).unwrap();

    // `--diff` shows what `--fix` writes: nothing through the link.
    let diff = stdout(&mtlslint(&["check", "--diff", dir.to_str().unwrap()]));
    assert!(diff.contains("own.json") && !diff.contains("shared.json"), "{diff}");
    let output = mtlslint(&["check", "--fix", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "the link's error is left");
    assert_eq!(fs::read_to_string(dir.join("own.json")).unwrap(), body.replace("default", "DEFAULT"));
    assert_eq!(fs::read_to_string(outside.join("shared.json")).unwrap(), body, "written through the link");
    let told = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}: a link to `{}`; its fixes are not written through it (name the file to fix it)",
        dir.join("shared.json").display(),
        outside.join("shared.json").display()
    );
    assert!(told.contains(&expected), "{told}");
    // The link's findings are reported as they stand: the fix was not applied.
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let linked = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with("bodies/shared.json"));
    assert!(linked.unwrap()["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "S004"), "{report}");

    // Named, the link is the user's choice: its target is fixed.
    let named = dir.join("shared.json");
    assert_eq!(mtlslint(&["check", "--fix", named.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(fs::read_to_string(outside.join("shared.json")).unwrap(), body.replace("default", "DEFAULT"));
    assert!(fs::symlink_metadata(&named).unwrap().file_type().is_symlink(), "the link stays a link");
    fs::remove_dir_all(root).unwrap();
}

/// A linked folder is walked as the folder it leads to: its bodies are
/// linted (a pipeline does not pass over them), a link back up adds nothing,
/// and `--fix` does not write through it.
#[cfg(unix)]
#[test]
fn a_linked_folder_is_linted_but_not_fixed_through() {
    let root = scratch("linked-folders");
    let (dir, shared) = (root.join("bodies"), root.join("shared"));
    fs::create_dir_all(&dir).unwrap();
    fs::create_dir_all(&shared).unwrap();
    fs::write(dir.join("own.json"), r#"{"enabled": false}"#).unwrap();
    let body = r#"{"enabled": true, "hostnameVerifierType": "default"}"#;
    fs::write(shared.join("team.json"), body).unwrap();
    std::os::unix::fs::symlink("../shared", dir.join("shared")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("again")).unwrap();

    let output = mtlslint(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "the linked body's M001 fails the run");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let sources: Vec<&str> =
        report["results"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), 2, "each body once, the loop adds nothing: {sources:?}");
    assert!(sources[1].ends_with("bodies/shared/team.json"), "{sources:?}");

    let output = mtlslint(&["check", "--fix", dir.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(shared.join("team.json")).unwrap(), body, "written through the linked folder");
    let told = String::from_utf8_lossy(&output.stderr);
    let expected =
        format!("in `{}`, a link to `../shared`; its fixes are not written through it", dir.join("shared").display());
    assert!(told.contains(&expected), "{told}");
    // Met both where it is and through a link within the folder, a file is read, and fixed, where it is.
    let (within, real) = (root.join("within"), root.join("within/real"));
    fs::create_dir_all(&real).unwrap();
    fs::write(real.join("team.json"), body).unwrap();
    std::os::unix::fs::symlink("real", within.join("alias")).unwrap();
    let output = mtlslint(&["check", "--fix", "--format", "json", within.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(real.join("team.json")).unwrap(), body.replace("default", "DEFAULT"));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report["results"][0]["source"].as_str().unwrap().ends_with("within/real/team.json"), "{report}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn configuration_is_found_upward_and_flags_win() {
    let root = scratch("config");
    let nested = root.join("bodies/team");
    fs::create_dir_all(&nested).unwrap();
    fs::write(root.join("keystores.json"), r#"["ks-prod"]"#).unwrap();
    fs::write(
        root.join("mtlslint.json"),
        r#"{"profile": "production", "rules": {"M003": "off"}, "inventories": {"keystores": "keystores.json"}}"#,
    )
    .unwrap();
    let body = nested.join("body.json");
    fs::write(&body, r#"{"enabled": true, "keyStoreId": "KS-PROD", "hostnameVerifierType": "NOOP"}"#).unwrap();
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&nested).output().unwrap();
        let report: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
        let codes: Vec<(String, String)> = report["results"][0]["diagnostics"]
            .as_array()
            .map(|ds| {
                ds.iter()
                    .map(|d| (d["code"].as_str().unwrap().into(), d["severity"].as_str().unwrap().into()))
                    .collect()
            })
            .unwrap_or_default();
        (output.status.code(), codes, String::from_utf8_lossy(&output.stderr).into_owned())
    };
    // Found two folders up: production profile, M003 off, the keystore inventory read relative to the file.
    let (status, codes, _) = run(&["check", "--format", "json", "body.json"]);
    assert_eq!(status, Some(1));
    assert!(codes.contains(&("H001".into(), "error".into())), "{codes:?}");
    assert!(codes.contains(&("M006".into(), "error".into())), "{codes:?}");
    assert!(!codes.iter().any(|(c, _)| c == "M003"), "{codes:?}");
    // A flag wins over the file.
    let (_, codes, _) = run(&["check", "--format", "json", "--profile", "standard", "body.json"]);
    assert!(codes.contains(&("H001".into(), "warning".into())), "{codes:?}");
    // A broken file is a usage error that names it and says what to write.
    fs::write(root.join("mtlslint.json"), r#"{"profle": "production"}"#).unwrap();
    let (status, _, stderr) = run(&["check", "body.json"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("mtlslint.json: unknown key `profle`: did you mean `profile`?"), "{stderr}");
    // --config names another file.
    let other = root.join("other.json");
    fs::write(&other, r#"{"rules": {"H001": "off", "M003": "off", "M004": "off"}}"#).unwrap();
    let (status, codes, _) = run(&["check", "--format", "json", "--config", other.to_str().unwrap(), "body.json"]);
    assert_eq!((status, codes.iter().any(|(c, _)| c == "H001")), (Some(0), false), "{codes:?}");
    // One in a folder linted that the run does not read is said so: its rules would seem to apply.
    fs::write(nested.join("mtlslint.json"), r#"{"rules": {"H001": "off"}}"#).unwrap();
    let (_, _, stderr) = run(&["check", "--config", other.to_str().unwrap(), "."]);
    assert!(stderr.contains("note: ./mtlslint.json is not read"), "{stderr}");
    let (_, _, stderr) = run(&["check", "."]);
    assert!(!stderr.contains("is not read"), "the nearest is read: {stderr}");
    fs::remove_dir_all(root).unwrap();
}

#[test]
fn ci_formats_carry_what_their_consumers_read() {
    let examples = repo().join("examples");
    let run = |format: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
            .args(["check", "--format", format, "bodies/bad-java-protocol-names.json", "bodies/disable-mtls.json"])
            .current_dir(&examples)
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8(output.stdout).unwrap())
    };
    let (status, sarif) = run("sarif");
    assert_eq!(status, Some(1));
    let log: Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), mtlslint::rules::all().count());
    for rule in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(rule[key]["text"].as_str().is_some_and(|t| !t.is_empty()), "{} lacks {key}", rule["id"]);
        }
    }
    let result = &run0["results"][0];
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "bodies/bad-java-protocol-names.json");
    for key in ["startLine", "startColumn", "endLine", "endColumn"] {
        assert!(location["region"][key].as_u64().is_some_and(|n| n >= 1), "region lacks {key}");
    }
    let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
    assert_eq!(rules[index]["id"], result["ruleId"]);
    assert!(result["partialFingerprints"]["mtlslint/v1"].as_str().is_some_and(|f| f.len() == 16));
    // A key repeated draws findings of one rule at one pointer: code scanning still sees each.
    let repeated = with_stdin(&["check", "--format", "sarif"], br#"{"foo": 1, "foo": 2, "foo": 3}"#);
    let log_of_repeats: Value = serde_json::from_slice(&repeated.stdout).unwrap();
    let prints: Vec<&Value> =
        log_of_repeats["runs"][0]["results"].as_array().unwrap().iter().map(|r| &r["partialFingerprints"]).collect();
    assert_eq!(prints.len(), 5);
    assert!(prints.iter().enumerate().all(|(i, p)| !prints[..i].contains(p)), "{prints:?}");
    let levels: Vec<_> = run0["results"].as_array().unwrap().iter().map(|r| r["level"].as_str().unwrap()).collect();
    assert!(levels.contains(&"error") && levels.iter().all(|l| ["error", "warning", "note"].contains(l)));
    // The rules' levels are the run's: its profile's, as its results report them.
    let level_of = |log: &Value, code: &str| {
        let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().clone();
        rules.into_iter().find(|r| r["id"] == code).unwrap()["defaultConfiguration"]["level"].clone()
    };
    assert_eq!(level_of(&log, "H001"), "warning");
    let production = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["check", "--format", "sarif", "--profile", "production", "bodies/disable-mtls.json"])
        .current_dir(&examples)
        .output()
        .unwrap();
    let production: Value = serde_json::from_slice(&production.stdout).unwrap();
    assert_eq!((level_of(&production, "H001"), level_of(&production, "M004")), ("error".into(), "warning".into()));

    let (_, github) = run("github");
    let error = github.lines().find(|l| l.starts_with("::error ")).unwrap();
    assert!(error.starts_with("::error file=bodies/bad-java-protocol-names.json,line="), "{error}");
    assert!(error.contains(",title=S004 unknown-enum-value::"), "{error}");
    // Annotations name files as the repository does: `./bodies` and `$PWD/bodies` as `bodies`.
    let absolute = examples.canonicalize().unwrap().join("bodies");
    for folder in ["./bodies", absolute.to_str().unwrap()] {
        let output = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
            .args(["check", "--format", "github", folder])
            .current_dir(&examples)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let annotations = String::from_utf8(output.stdout).unwrap();
        assert!(!annotations.is_empty(), "{folder}");
        assert!(annotations.lines().all(|l| l.contains(" file=bodies/")), "{folder}: {annotations}");
    }
    assert!(github.contains("%0A"), "multi-line messages are escaped");
    assert!(
        github.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "))
    );
    // A call given on the command line, or standard input, is no file of the repository: the place leads the message.
    let url = "https://gw/apiops/projects/P/credentials/u/truststore/ts";
    let request = stdout(&mtlslint(&[
        "request",
        "--format",
        "github",
        "-X",
        "PUT",
        "--url",
        url,
        "-H",
        "Authorization: Bearer t",
    ]));
    assert!(request.starts_with("::error title=R003 missing-trailing-slash::request 1:"), "{request}");
    let piped = stdout(&with_stdin(&["check", "--format", "github", "-"], b"{\"enabled\": true}"));
    assert!(piped.lines().any(|l| l.starts_with("::error title=M001 keystore-required::stdin 1:")), "{piped}");

    let (_, junit) = run("junit");
    assert!(junit.starts_with("<?xml") && junit.trim_end().ends_with("</testsuites>"));
    assert!(junit.contains(r#"tests="2" failures="1""#), "{junit}");
    let findings = junit.split(r#"name="findings" value=""#).nth(1).and_then(|v| v.split('"').next()).unwrap();
    assert!(findings.split(", ").all(|n| n.starts_with("1 ") != n.ends_with('s')), "plurals agree: {findings}");
    assert!(junit.contains(r#"<testcase classname="mtlslint" name="bodies/disable-mtls.json""#));
    assert!(junit.contains("<failure type=\"S004\"") && !junit.contains("\"TLSv1.2\""), "quotes are escaped");
    // The failure names the first error listed (M001 on `enabled`), not the last (T001).
    let body = br#"{"enabled": true, "supportedProtocolList": ["SSL_3_0"]}"#;
    let junit = stdout(&with_stdin(&["check", "--format", "junit", "-"], body));
    assert!(junit.contains("<failure type=\"M001\"") && junit.contains("T001"), "{junit}");
}

#[test]
fn a_folder_of_http_files_lints_to_sarif_and_fails_only_on_errors() {
    let dir = scratch("http");
    let call = |slash: &str| {
        format!(
            "PUT https://gw.example.com/apiops/projects/P/credentials/api-user/truststore/ts{slash}\nAuthorization: Bearer http-file-s3cret\n"
        )
    };
    // Only a warning (a body on a call that takes none): the step passes.
    fs::write(dir.join("a.http"), call("/") + "\n{}\n").unwrap();
    let run = |format: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
            .args(["check", "--format", format, "."])
            .current_dir(&dir)
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8(output.stdout).unwrap())
    };
    let (status, sarif) = run("sarif");
    assert_eq!(status, Some(0), "{sarif}");
    assert!(sarif.contains("\"ruleId\": \"R010\"") && sarif.contains("\"uri\": \"a.http\""), "{sarif}");
    // An error (no trailing slash): the step fails.
    fs::write(dir.join("b.http"), call("")).unwrap();
    let (status, sarif) = run("sarif");
    assert_eq!(status, Some(1));
    let log: Value = serde_json::from_str(&sarif).unwrap();
    let slash = log["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "R003").unwrap();
    let region = &slash["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(1), Some(78)));
    for format in ["human", "json", "sarif", "github", "junit"] {
        assert!(!run(format).1.contains("http-file-s3cret"), "{format} shows the token");
    }
    let curl = mtlslint(&[
        "request",
        "--curl",
        "curl -X PUT https://gw/apiops/projects/P/credentials/u/truststore/ts/ -H 'Authorization: Bearer curl-s3cret'",
    ]);
    assert_eq!(curl.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&curl.stdout).contains("curl-s3cret"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn response_lints_every_file_it_is_given_under_the_configuration() {
    let dir = scratch("response");
    let saved = dir.join("saved");
    fs::create_dir_all(&saved).unwrap();
    fs::write(saved.join("a.json"), r#"{"success": true}"#).unwrap();
    let failed = r#"{"success": true, "deploymentResult": {"success": false, "message": "x",
        "environmentResults": [{"environmentName": "prod\u001b[2J", "success": false, "message": "timeout"}]}}"#;
    fs::write(saved.join("b.json"), failed).unwrap();
    fs::write(saved.join("c.json"), r#"{"error": "bad_request", "error_description": "nope"}"#).unwrap();
    let empty = r#"{"success": true, "deploymentResult": {"success": true, "environmentResults": []}}"#;
    fs::write(saved.join("d.json"), empty).unwrap();
    // A folder of responses is searched for JSON only: a request beside them is no response.
    fs::write(saved.join("call.curl"), "curl https://gw.example.com/\n").unwrap();
    fs::write(dir.join("mtlslint.json"), r#"{"rules": {"D003": "error"}}"#).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["response", "saved"])
        .env("NO_COLOR", "1")
        .current_dir(&dir)
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[D002]") && text.contains("saved/b.json"), "the second file is read: {text}");
    assert!(text.contains("error[D003]"), "the configuration raises D003: {text}");
    assert!(text.contains("4 inputs") && !text.contains("deployment (saved/d.json)"), "no empty report: {text}");
    assert!(!text.contains("call.curl"), "{text}");
    assert!(
        text.contains("prod\\u{1b}[2J") && !text.contains('\u{1b}'),
        "the server's text cannot drive the terminal: {text}"
    );
    // The limits are raised on the command line as for `check`.
    let deep = format!(r#"{{"success": true, "extra": {}{}}}"#, "[".repeat(70), "]".repeat(70));
    fs::write(dir.join("deep.json"), deep).unwrap();
    let run =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    assert!(stdout(&run(&["response", "deep.json"])).contains("deeper than the limit of 64"));
    assert_eq!(run(&["response", "--max-depth", "100", "deep.json"]).status.code(), Some(0));
    assert_eq!(run(&["response", "--max-bytes", "10", "deep.json"]).status.code(), Some(1));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diff_reports_what_it_cannot_fix_in_a_request_file() {
    let curl = repo().join("examples/requests/bad-body.curl");
    let output = mtlslint(&["check", "--diff", curl.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "no fix is pending, but an error is left: {stderr}");
    assert!(stderr.contains("error[S001]") && stderr.contains("bad-body.curl:8:5"), "{stderr}");
    // A body that is not JSON has no diff to show; it fails all the same.
    let not_json = repo().join("examples/bodies/bad-not-json.json");
    let output = mtlslint(&["check", "--diff", not_json.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("error[J001]"));
    // As a filter, --fix passes a request it does not rewrite through.
    let text = fs::read(&curl).unwrap();
    let filtered = with_stdin(&["check", "--fix", "-"], &text);
    assert_eq!(filtered.stdout, text);
    assert!(String::from_utf8_lossy(&filtered.stderr).contains("error[S001]"));
}

#[test]
fn inputs_and_context_files_as_editors_save_them() {
    let dir = scratch("inputs");
    fs::create_dir_all(dir.join("bodies")).unwrap();
    fs::write(dir.join("bodies/UPPER.JSON"), r#"{"enabled": true}"#).unwrap();
    // A byte order mark, as some editors save one.
    fs::write(dir.join("keystores.json"), "\u{feff}[\"ks-1\"]").unwrap();
    let folder = dir.join("bodies");
    let keystores = dir.join("keystores.json");
    let output = mtlslint(&["check", folder.to_str().unwrap(), "--keystores", keystores.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(
        text.contains("UPPER.JSON") && text.contains("error[M001]"),
        "an upper-case extension is searched too: {text}"
    );
    let twice = with_stdin(&["check", "-", "-"], b"{}");
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("`-` (standard input) is given twice"));
    fs::write(dir.join("mtlslint.json"), r#"{"inventories": {"adminKeystores": "missing.json"}}"#).unwrap();
    let config = dir.join("mtlslint.json");
    let output = mtlslint(&["check", folder.to_str().unwrap(), "--config", config.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("the configuration's inventories.adminKeystores"), "no flag was given: {stderr}");
    // What to write: a path from the configuration's folder.
    assert!(stderr.contains(", the configuration's folder, to a saved List Keystores response"), "{stderr}");
    // A configuration named without its folder is in the working folder, `.`.
    let here = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["check", "--config", "mtlslint.json", "-"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&here.stderr).contains("(a path from `.`, the configuration's folder,"));
    fs::write(dir.join("mtlslint.json"), r#"{"inventories": {"keystores": ""}}"#).unwrap();
    let output = mtlslint(&["check", folder.to_str().unwrap(), "--config", config.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("the configuration's inventories.keystores is empty"));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fix_on_stdin_passes_what_it_cannot_fix_through_byte_for_byte() {
    let input = b"{\"enabled\": \xff}";
    let output = with_stdin(&["check", "--fix", "-"], input);
    assert_eq!(output.stdout, input, "nothing was fixed, so nothing changed");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_request_and_the_body_file_it_reads_are_one_input() {
    let dir = scratch("one-input");
    let body = dir.join("body.json");
    fs::write(&body, r#"{"enabled": true}"#).unwrap();
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/";
    let curl = dir.join("call.curl");
    fs::write(&curl, format!("curl -X PATCH {url} -H 'Authorization: Bearer t' -d @body.json\n")).unwrap();
    let summary = |output: Output| stdout(&output).lines().last().unwrap_or_default().to_owned();
    let data = format!("@{}", body.display());
    let request = mtlslint(&["request", "-X", "PATCH", url, "-H", "Authorization: Bearer t", "-d", &data]);
    assert!(summary(request).ends_with(" in 1 input."));
    assert!(summary(mtlslint(&["check", curl.to_str().unwrap()])).ends_with(" in 1 input."));
    // Named on the command line too, the body file is an input of its own, whichever comes first.
    for args in [[&curl, &body], [&body, &curl]] {
        let [first, second] = args.map(|path| path.to_str().unwrap());
        assert!(summary(mtlslint(&["check", first, second])).ends_with(" in 2 inputs."), "{args:?}");
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inputs_are_read_only_up_to_the_size_limit_and_a_filter_loses_nothing() {
    // A body three times the limit: reported too large, whether a file, standard input or `--data`.
    let body = format!(r#"{{"enabled": false, "note": "{}"}}"#, "é".repeat(3_000));
    let dir = scratch("limit");
    let file = dir.join("large.json");
    fs::write(&file, &body).unwrap();
    let path = file.to_str().unwrap();
    let limit = ["--max-bytes", "2000", "--format", "json"];
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/";
    let runs = [
        mtlslint(&[&["check"][..], &limit, &[path]].concat()),
        with_stdin(&[&["check"][..], &limit, &["-"]].concat(), body.as_bytes()),
        mtlslint(&[&["request", "-X", "PATCH", "--url", url, "-d", &format!("@{path}")][..], &limit].concat()),
    ];
    for output in runs {
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        // A request's body read from a file has its findings in that file's result.
        let results = report["results"].as_array().unwrap();
        let messages: Vec<_> = results
            .iter()
            .flat_map(|result| result["diagnostics"].as_array().unwrap())
            .filter(|d| d["code"] == "J005")
            .map(|d| d["message"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(messages, ["the input is larger than the limit of 2000 bytes"], "{report}");
    }
    // A body over the limit is still the request's, read whole from a file as from `--data TEXT`:
    // a PUT's R010 covers it all, and its fix removes it all.
    let put = "https://gw.example.com/apiops/projects/P/credentials/u/truststore/ts/";
    let [from_file, from_text] = [format!("@{path}"), body.clone()].map(|data| {
        let output = mtlslint(&[&["request", "-X", "PUT", "--url", put, "-d", &data][..], &limit].concat());
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        report["results"][0]["diagnostics"].clone()
    });
    assert_eq!(from_file, from_text);
    let r010 = from_file.as_array().unwrap().iter().find(|d| d["code"] == "R010").unwrap().clone();
    let covered = r010["range"]["end"]["offset"].as_u64().unwrap() - r010["range"]["start"]["offset"].as_u64().unwrap();
    assert_eq!(usize::try_from(covered).unwrap(), body.len(), "{r010}");
    // An endless input ends at the limit (read whole, it would exhaust memory).
    if Path::new("/dev/zero").exists() {
        let output = mtlslint(&["check", "--format", "json", "/dev/zero"]);
        assert_eq!(output.status.code(), Some(1));
        assert!(stdout(&output).contains("\"J005\""), "{}", stdout(&output));
    }
    // The limit is the bodies': an `.http` file of many requests is read whole.
    let requests = dir.join("many.http");
    let request = "PATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\nAuthorization: Bearer t\n\
        Content-Type: application/json\n\n{\"enabled\": false}\n\n###\n";
    fs::write(
        &requests,
        format!("{}PUT https://gw/apiops/projects/P/credentials/u/truststore/t\n", request.repeat(30)),
    )
    .unwrap();
    let output = mtlslint(&["check", "--max-bytes", "200", "--format", "json", requests.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<_> =
        report["results"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].clone()).collect();
    assert_eq!(codes, ["R005", "R003"], "only the last request, at the end of the file, is at fault: {report}");
    // `--fix` on standard input is a filter: the input it did not read goes through too.
    let output = with_stdin(&["check", "--max-bytes", "2000", "--fix", "-"], body.as_bytes());
    assert_eq!(output.stdout, body.as_bytes());
    // A limit too high to hold in memory is refused, not obeyed until the memory runs out.
    let output = mtlslint(&["check", "--max-bytes", "18446744073709551615", "-"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("from 1 to 1073741824 (1 GiB)"), "{stderr}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_input_that_cannot_be_read_is_named_and_the_others_are_still_reported() {
    let dir = scratch("skipped");
    fs::write(dir.join("a.curl"), "curl -X PATCH 'https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\n").unwrap();
    fs::write(dir.join("b.json"), r#"{"enabled": true}"#).unwrap();
    let output = mtlslint(&["check", "--format", "sarif", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("a.curl") && stderr.contains("1 input was not linted"), "{stderr}");
    let sarif: Value = serde_json::from_slice(&output.stdout).expect("a whole SARIF document");
    let rules: Vec<_> = sarif["runs"][0]["results"].as_array().unwrap().iter().map(|r| r["ruleId"].clone()).collect();
    assert!(rules.contains(&Value::from("M001")), "b.json is still reported: {rules:?}");
    // A path that names nothing is skipped the same way.
    let missing = dir.join("missing.json");
    let output =
        mtlslint(&["check", "--format", "json", dir.join("b.json").to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).expect("a whole JSON document");
    assert_eq!(report["results"].as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.json`: no such file or folder"));
    // Each machine format lists what was not linted, so that a report read alone loses nothing.
    let not_linted = format!("`{}`: no such file or folder", missing.display());
    assert_eq!(report["notLinted"], serde_json::json!([not_linted]));
    let both = [dir.join("b.json").to_str().unwrap().to_owned(), missing.to_str().unwrap().to_owned()];
    let run = |format: &str| {
        let output = mtlslint(&["check", "--format", format, &both[0], &both[1]]);
        assert_eq!(output.status.code(), Some(2), "{format}");
        stdout(&output)
    };
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(invocation["toolExecutionNotifications"][0]["message"]["text"], not_linted.as_str());
    let junit = run("junit");
    assert!(junit.contains(r#"tests="2" failures="1" errors="1""#), "{junit}");
    assert!(junit.contains(&format!(r#"<error type="not-linted" message="{not_linted}"/>"#)), "{junit}");
    let github = run("github");
    assert!(github.starts_with("::error title=mtlslint%3A not linted::"), "{github}");
    assert!(github.lines().next().unwrap().ends_with(&not_linted), "{github}");
    // With every input read, the report carries no such list, and SARIF's run succeeded.
    let output = mtlslint(&["check", "--format", "sarif", &both[0]]);
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["invocations"][0]["executionSuccessful"], true);
    let output = mtlslint(&["check", "--format", "json", &both[0]]);
    assert!(serde_json::from_slice::<Value>(&output.stdout).unwrap().get("notLinted").is_none());
    // A link in a folder to a file that is gone is named, not passed over.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("gone.json"), dir.join("link.json")).unwrap();
        let output = mtlslint(&["check", "--format", "json", dir.to_str().unwrap()]);
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        let named = format!(
            "{}: a link to `{}`, which does not exist",
            dir.join("link.json").display(),
            dir.join("gone.json").display()
        );
        assert!(report["notLinted"].as_array().unwrap().contains(&Value::from(named.as_str())), "{report}");
    }
    // With nothing linted, nothing is said to have passed.
    let output = mtlslint(&["check", missing.to_str().unwrap()]);
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(2), "No input was linted.\n"));
    // Nor when one of two was not linted (standard error names it, and counts both).
    let clean = repo().join("examples/bodies/disable-mtls.json");
    let output = mtlslint(&["check", clean.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!((output.status.code(), stdout(&output).as_str()), (Some(2), "No problems found in 1 input.\n"));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_walk_leaves_out_the_configuration_context_environment_hidden_and_ignored_files() {
    let dir = scratch("walk");
    fs::create_dir_all(dir.join("context")).unwrap();
    fs::write(dir.join("mtlslint.json"), r#"{"inventories": {"keystores": "context/keystores.json"}}"#).unwrap();
    fs::copy(repo().join("examples/context/keystores.json"), dir.join("context/keystores.json")).unwrap();
    fs::copy(repo().join("examples/context/current-settings.json"), dir.join("context/current.json")).unwrap();
    fs::write(dir.join("body.json"), r#"{"enabled": false}"#).unwrap();
    // Hidden folders and what an ignore file names (as `.gitignore` does in a repository) are passed over.
    for folder in [".cache", "build"] {
        fs::create_dir_all(dir.join(folder)).unwrap();
        fs::write(dir.join(folder).join("output.json"), "not a body").unwrap();
    }
    fs::write(dir.join(".ignore"), "build/\n").unwrap();
    // The environments of JetBrains' HTTP client, beside its `.http` files, are no bodies either.
    for env in ["http-client.env.json", "http-client.private.env.json"] {
        fs::write(dir.join(env), r#"{"dev": {"project": "P"}}"#).unwrap();
    }
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["check", "--format", "json", "--current", "context/current.json", "."])
        .current_dir(&dir)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let sources: Vec<_> = report["results"].as_array().unwrap().iter().map(|r| r["source"].clone()).collect();
    assert_eq!(sources, [Value::from("./body.json")], "{report}");
    assert_eq!(output.status.code(), Some(0));
    // Named on its own, a file is linted whatever it is.
    let named = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["check", "--format", "json", "context/keystores.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(named.status.code(), Some(1));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn env_fills_an_http_file_from_the_http_client_environment_beside_or_above_it() {
    let dir = scratch("http-env");
    let url = "https://gw/apiops/projects/{{project}}/credentials/api-user/truststore/ts/";
    fs::write(dir.join("assign.http"), format!("PUT {url}\nAuthorization: Bearer {{{{token}}}}\n")).unwrap();
    let run =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    // Without the environment files, a placeholder is a placeholder.
    let plain = run(&["check", "assign.http"]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(stdout(&plain).contains("help: replace `{{project}}` with the real projectName, or define `project` (`@project = ...` in an .http file)\n"), "{}", stdout(&plain));
    fs::write(dir.join("http-client.env.json"), r#"{"dev": {"project": "P"}, "prod": {"project": "Prod"}}"#).unwrap();
    fs::write(dir.join("http-client.private.env.json"), r#"{"dev": {"token": "dev-t0ken"}}"#).unwrap();
    let hinted = run(&["check", "assign.http"]);
    assert!(
        stdout(&hinted).contains("or fill it in from http-client.env.json with `--env NAME`"),
        "{}",
        stdout(&hinted)
    );
    let filled = run(&["check", "--env", "dev", "assign.http"]);
    assert_eq!(filled.status.code(), Some(0), "{}", stdout(&filled));
    let wrong = run(&["check", "--env", "stage", "assign.http"]);
    assert_eq!(wrong.status.code(), Some(2));
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(said.contains("assign.http: --env stage: no environment `stage` in http-client.env.json or"), "{said}");
    assert!(said.contains("the environments are `dev`, `prod`"), "{said}");
    // A file in a folder below reads the environment files of the nearest folder above it that holds them;
    // one that uses no variables needs none.
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::copy(dir.join("assign.http"), dir.join("sub/assign.http")).unwrap();
    let other = scratch("http-env-none");
    fs::write(
        other.join("plain.http"),
        "PUT https://gw/apiops/projects/P/credentials/u/truststore/ts/\nAuthorization: Bearer t\n",
    )
    .unwrap();
    // Nor does one whose own `@name` lines fill its variables in, in a folder without environment files.
    fs::write(
        other.join("own.http"),
        "@user = u\nPUT https://gw/apiops/projects/P/credentials/{{user}}/truststore/ts/\nAuthorization: Bearer t\n",
    )
    .unwrap();
    let below = run(&["check", "--env", "dev", "sub", other.to_str().unwrap()]);
    assert_eq!(below.status.code(), Some(0), "{}{}", stdout(&below), String::from_utf8_lossy(&below.stderr));
    // One that needs an environment where there are no environment files is not linted as it stands.
    let needs = other.join("needs.http");
    fs::write(
        &needs,
        "PUT https://gw/apiops/projects/{{project}}/credentials/u/truststore/ts/\nAuthorization: Bearer t\n",
    )
    .unwrap();
    let unset = run(&["check", "--env", "dev", needs.to_str().unwrap()]);
    assert_eq!(unset.status.code(), Some(2));
    let said = String::from_utf8_lossy(&unset.stderr);
    assert!(said.contains("needs.http: --env dev: `{{project}}` is set neither by the file's own lines"), "{said}");
    assert!(said.contains("or define it in the file on an `@` line (`@name = value`)"), "{said}");
    // Nor does a file whose scripts may set them.
    let scripted = other.join("scripted.http");
    fs::write(
        &scripted,
        "< pre.js\nPUT https://gw/apiops/projects/{{project}}/credentials/u/truststore/ts/\nAuthorization: Bearer t\n",
    )
    .unwrap();
    assert_ne!(run(&["check", "--env", "dev", scripted.to_str().unwrap()]).status.code(), Some(2));
    let handled = other.join("handled.http");
    fs::write(&handled, "PUT https://gw/apiops/projects/{{project}}/credentials/u/truststore/ts/\nAuthorization: Bearer t\n\n> {% client.global.set(\"project\", \"P\") %}\n").unwrap();
    assert_ne!(run(&["check", "--env", "dev", handled.to_str().unwrap()]).status.code(), Some(2));
    // Variables the HTTP Client sets as it runs need no environment.
    let runs = other.join("runs.http");
    fs::write(&runs, "PUT https://gw/apiops/projects/P/credentials/{{$random.alphabetic(5)}}/truststore/ts/\nAuthorization: Bearer {{login.response.body.token}}\n").unwrap();
    // (and draw nothing: R004 leaves the client's own `{{$...}}` alone).
    assert_eq!(run(&["check", "--env", "dev", runs.to_str().unwrap()]).status.code(), Some(0));
    fs::remove_dir_all(&dir).unwrap();
    fs::remove_dir_all(&other).unwrap();
}

#[test]
fn crlf_lines_are_shown_without_their_carriage_return() {
    let body = b"{\r\n  \"enabled\": true\r\n}\r\n";
    let human = with_stdin(&["check", "-"], body);
    let shown = stdout(&human);
    assert!(shown.contains("2 |   \"enabled\": true\n"), "{shown:?}");
    assert!(!shown.contains('\r') && !shown.contains('\u{240d}'), "{shown:?}");
    let sarif: Value = serde_json::from_slice(&with_stdin(&["check", "--format", "sarif", "-"], body).stdout).unwrap();
    let context = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["contextRegion"];
    assert_eq!(context["snippet"]["text"], "  \"enabled\": true");
}

/// A minified body is one line: a SARIF result carries no snippet longer than
/// 1 KiB, so that a thousand findings do not repeat the whole line a thousand times.
#[test]
fn sarif_leaves_out_snippets_of_long_lines() {
    let padding = "x".repeat(2_000);
    let body = format!(r#"{{"enabled": "true", "keyStoreId": "{padding}", "hostnameVerifierType": "NOOP"}}"#);
    let output = with_stdin(&["check", "--format", "sarif", "-"], body.as_bytes());
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 2, "{sarif}");
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        assert!(location.get("contextRegion").is_none(), "{location}");
        assert_eq!(location["region"]["startLine"], 1);
    }
    // A short value on the long line keeps its own snippet.
    let noop = results.iter().find(|r| r["ruleId"] == "H001").unwrap();
    assert_eq!(noop["locations"][0]["physicalLocation"]["region"]["snippet"]["text"], "\"NOOP\"");
    // The long line does not cost the report its length once a result.
    let short = body.replace(&padding, "x");
    let baseline = with_stdin(&["check", "--format", "sarif", "-"], short.as_bytes()).stdout.len();
    assert!(output.stdout.len() < baseline + 2 * padding.len(), "{} bytes against {baseline}", output.stdout.len());
}

#[test]
fn fixing_standard_input_leaves_a_machine_format_alone_on_standard_error() {
    for format in ["json", "sarif"] {
        let output =
            with_stdin(&["check", "--fix", "--format", format, "-"], br#"{"hostnameVerifierType": "default"}"#);
        assert_eq!(stdout(&output), r#"{"hostnameVerifierType": "DEFAULT"}"#);
        let report: Result<Value, _> = serde_json::from_slice(&output.stderr);
        assert!(report.is_ok(), "{format}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn check_reads_credentials_and_permissions_for_the_requests_it_lints() {
    let dir = scratch("check-credentials");
    let put = dir.join("put.curl");
    let command = "curl -X PUT https://gw.example.com/apiops/projects/P/credentials/API-user/truststore/t/ -H 'Authorization: Bearer x'\n";
    fs::write(&put, command).unwrap();
    let credentials = repo().join("examples/context/credentials.json");
    let output =
        mtlslint(&["check", "--format", "json", "--credentials", credentials.to_str().unwrap(), put.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = &report["results"][0]["diagnostics"][0];
    assert_eq!(found["code"], "R008", "{report}");
    assert!(found["message"].as_str().unwrap().contains("the inventory has `api-user`"), "{report}");
    // The saved response's password stays out of the output.
    assert!(!stdout(&output).contains("$2a$10$"));
    // And the token's permissions, from a file kept beside the request, which is no input.
    let permissions = dir.join("permissions.json");
    fs::write(&permissions, r#"["API_MANAGEMENT+MANAGE"]"#).unwrap();
    let flag = format!("@{}", permissions.display());
    let output = mtlslint(&["check", "--format", "json", "--permissions", &flag, dir.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = report["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "the permissions file is not linted: {report}");
    let codes: Vec<_> = results[0]["diagnostics"].as_array().unwrap().iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["P001", "P002"], "{report}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_response_given_to_check_and_a_body_given_to_response_name_the_command_meant() {
    let dir = scratch("crossed");
    let response = dir.join("saved.json");
    fs::write(
        &response,
        r#"{"error": "bad_request", "error_description": "KeyStore ID is required when mTLS is enabled"}"#,
    )
    .unwrap();
    let body = dir.join("body.json");
    fs::write(&body, r#"{"enabled": false}"#).unwrap();
    let helps = |args: &[&str]| -> Vec<String> {
        let report: Value = serde_json::from_slice(&mtlslint(args).stdout).unwrap();
        let found = report["results"][0]["diagnostics"].as_array().unwrap().clone();
        found.iter().map(|d| d["help"].as_str().unwrap_or_default().to_owned()).collect()
    };
    let checked = helps(&["check", "--format", "json", response.to_str().unwrap()]);
    assert!(!checked.is_empty() && checked.iter().all(|h| h.contains("`mtlslint response ")), "{checked:?}");
    let responded = helps(&["response", "--format", "json", body.to_str().unwrap()]);
    assert!(responded.iter().any(|h| h.contains("`mtlslint check ")), "{responded:?}");
    // A body is not told it is a response.
    assert!(helps(&["check", "--format", "json", body.to_str().unwrap()]).iter().all(|h| !h.contains("response")));
    fs::remove_dir_all(&dir).unwrap();
}

/// A control character in a file name (a line break, a terminal escape) is
/// shown as its escape in the human report, where it would break the line or
/// restyle the terminal; the JSON report keeps the name as it is.
#[cfg(unix)]
#[test]
fn control_characters_in_a_file_name_are_escaped_in_the_human_report() {
    let dir = scratch("control-names");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a\nb\u{1b}[2J.json");
    fs::write(&path, r#"{"enabled": true}"#).unwrap();
    let output = mtlslint(&["check", path.to_str().unwrap()]);
    let shown = stdout(&output);
    let escaped = format!("--> {}/a\\nb\\u{{1b}}[2J.json:1:13", dir.display());
    assert!(shown.contains(&escaped), "{shown}");
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
    let output = mtlslint(&["check", "--format", "json", path.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["results"][0]["source"], path.to_str().unwrap());
    fs::remove_dir_all(dir).unwrap();
}

/// A line break in a value a message quotes stays escaped in the human
/// report: printed as one, `::warning ...` would start a line that GitHub
/// Actions reads as a command.
#[test]
fn a_line_break_in_a_quoted_value_does_not_start_a_line_of_the_report() {
    let body = br#"{"enabled": false, "hostnameVerifierType": "x\n::warning title=Injected::all good"}"#;
    let shown = stdout(&with_stdin(&["check", "-"], body));
    assert!(shown.contains(r"`x\n::warning title=Injected::all good` is not a hostname verifier constant"), "{shown}");
    assert!(!shown.lines().any(|line| line.trim_start().starts_with("::")), "{shown}");
    let response = br#"{"error": "bad_request", "error_description": "x\n::error::forged"}"#;
    let shown = stdout(&with_stdin(&["response", "-"], response));
    assert!(!shown.lines().any(|line| line.trim_start().starts_with("::")), "{shown}");
}

/// A cURL command saved under `.json` is read as the command it is, not as a body that is no JSON.
#[test]
fn a_curl_command_saved_as_json_is_read_as_one() {
    let dir = scratch("curl-as-json");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("call.json");
    fs::copy(repo().join("examples/requests/set-truststore.curl"), &path).unwrap();
    let output = mtlslint(&["check", "--format", "json", path.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<_> =
        report["results"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].clone()).collect();
    assert!(!codes.contains(&Value::from("J001")), "{report}");
    assert_eq!(output.status.code(), Some(0), "{report}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_curl_body_given_on_standard_input_is_read_from_it() {
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/A/settings/mtls/";
    let command = format!(
        "curl -X PATCH {url} -H 'Authorization: Bearer t' -H 'Content-Type: application/json' --data-binary @-"
    );
    let output = with_stdin(&["request", "--format", "json", "--curl", &command], br#"{"enabled": "yes"}"#);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let body = report["results"].as_array().unwrap().iter().find(|r| r["source"] == "-").expect("the body's result");
    assert_eq!(body["diagnostics"][0]["code"], "S002");
    // A cURL file met by `check` cannot have it: the run's standard input is not the call's.
    let output = with_stdin(&["check", "-"], format!("{}\n", command.replace("--data-binary", "-d")).as_bytes());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("save the body in a file and write `@FILE`"));
    // `--curl` takes the command, not where it is.
    let output = mtlslint(&["request", "--curl", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`mtlslint check FILE.curl`"));
}

#[test]
fn a_request_file_reads_body_files_under_its_folder_only_and_lints_its_other_requests() {
    let dir = scratch("body-files");
    let outside = scratch("body-files-outside").join("token");
    fs::write(&outside, "ghp_SECRETabcdefghijklmnopqrstuvwxyz012345\n").unwrap();
    let call = "PATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\nAuthorization: Bearer t\nContent-Type: application/json\n\n";
    let file = format!(
        "{call}{{\"enabled\": \"yes\"}}\n\n###\n{call}< ./missing.json\n\n###\n{call}< {}\n\n###\n{call}< ../{}/token\n\n###\n{call}< /dev/stdin\n",
        outside.display(),
        outside.parent().unwrap().file_name().unwrap().to_str().unwrap(),
    );
    fs::create_dir_all(dir.join("requests")).unwrap();
    fs::write(dir.join("requests/calls.http"), file).unwrap();
    // Run from a folder above: the working folder does not widen where body files are read.
    let output = with_stdin_in(&dir, &["check", "requests/calls.http"], b"piped_SECRET_value\n");
    let (out, err) = (stdout(&output), String::from_utf8_lossy(&output.stderr).into_owned());
    assert_eq!(output.status.code(), Some(2), "{out}{err}");
    // The first request is linted; the others are named, and no file outside the folder is read.
    assert!(out.contains("S002"), "{out}");
    assert!(err.contains("cannot read `requests/missing.json`"), "{err}");
    assert_eq!(err.matches("is not under the request file's folder").count(), 3, "{err}");
    assert!(!out.contains("ghp_SECRET") && !err.contains("ghp_SECRET"), "{out}{err}");
    assert!(!out.contains("piped_SECRET") && !err.contains("piped_SECRET"), "{out}{err}");
    // The file was linted: what is counted as skipped is its requests, not inputs.
    assert!(err.contains("4 requests were not linted (named above); 1 input linted and reported"), "{err}");
    // A file none of whose requests was linted does not pass: it is not reported at all.
    fs::write(
        dir.join("requests/only.curl"),
        format!("curl -X PATCH {} -d @-", "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/"),
    )
    .unwrap();
    for format in ["human", "json", "junit"] {
        let output = with_stdin_in(&dir, &["check", "--format", format, "requests/only.curl"], b"");
        let out = stdout(&output);
        assert_eq!(output.status.code(), Some(2), "{out}");
        assert!(!out.contains("All checks passed") && !out.contains("\"source\"") && !out.contains("file="), "{out}");
    }
}

#[test]
fn request_takes_curls_credential_options() {
    let url = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
    let call = |credentials: &[&str]| {
        let mut args = vec!["request", "--format", "json", "-X", "PATCH", url, "-d", r#"{"enabled": false}"#];
        args.extend(["-H", "Content-Type: application/json"]);
        args.extend(credentials);
        let output = mtlslint(&args);
        let out = stdout(&output);
        assert!(!out.contains("s3cret"), "the token is not shown: {out}");
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let codes = report["results"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].clone())
            .collect::<Vec<_>>();
        (output.status.code(), codes)
    };
    assert_eq!(call(&["--oauth2-bearer", "s3cret"]), (Some(0), vec![]));
    // Basic authentication, which the API refuses, is said so.
    assert_eq!(call(&["-u", "admin:s3cret"]), (Some(1), vec!["R005".into()]));
    // A header given by hand replaces the one curl makes of `-u`.
    assert_eq!(call(&["-u", "admin:s3cret", "-H", "Authorization: Bearer s3cret"]), (Some(0), vec![]));
    assert_eq!(call(&[]), (Some(1), vec!["R005".into()]));
}

#[test]
fn no_input_named_and_nothing_piped_is_a_usage_error_not_an_empty_body() {
    // `git diff --name-only | grep json | xargs mtlslint check`, when no file changed.
    for command in [&["check"][..], &["check", "--format", "github"], &["response"]] {
        let output = with_stdin(command, b"");
        assert_eq!(output.status.code(), Some(2), "{command:?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains("nothing to lint: no input is named and standard input is empty"), "{err}");
        // Said once: nothing was an input that could not be linted.
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!stdout(&output).contains("J001"), "no finding on a body nobody gave");
    }
    let fixed = with_stdin(&["check", "--fix"], b"");
    assert_eq!(fixed.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&fixed.stderr).lines().count(), 1);
    // Named, standard input is the body, empty or not.
    assert_eq!(with_stdin(&["check", "-"], b"").status.code(), Some(1));
    assert_eq!(with_stdin(&["check"], br#"{"enabled": false}"#).status.code(), Some(0));
}

#[test]
fn a_run_that_stops_before_its_report_still_writes_a_machine_format_document() {
    let dir = scratch("stopped");
    fs::write(dir.join("config.json"), r#"{"profile": "prod"}"#).unwrap();
    let config = dir.join("config.json");
    let run = |format: &str| {
        let output = mtlslint(&["check", "--config", config.to_str().unwrap(), "--format", format, "x.json"]);
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean \"production\"?"), "{format}");
        stdout(&output)
    };
    // A SARIF upload or a test report reads why, not an empty file.
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let said = invocation["toolExecutionNotifications"][0]["message"]["text"].as_str().unwrap();
    assert!(said.contains("`profile` must be"), "{said}");
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!((json["results"].as_array().unwrap().len(), json["notLinted"].as_array().unwrap().len()), (0, 1));
    assert!(run("junit").contains(r#"<error type="not-linted""#));
    // Not "input not linted": the configuration is no input.
    assert!(run("github").starts_with("::error title=mtlslint%3A not linted::"));
    // Human output names it on standard error only.
    assert_eq!(run("human"), "");
    // Where standard output carries the fixed body, the report goes to standard error, as it would have.
    let fixed = with_stdin(&["check", "--fix", "--format", "json", "--config", config.to_str().unwrap(), "-"], b"{}");
    assert_eq!((fixed.status.code(), stdout(&fixed).as_str()), (Some(2), ""));
    assert!(String::from_utf8_lossy(&fixed.stderr).starts_with("{\n  \"version\": 1"));
    // One document and nothing else: no `mtlslint: error:` line before or after it.
    let document: Value = serde_json::from_slice(&fixed.stderr).unwrap();
    assert_eq!(document["notLinted"].as_array().unwrap().len(), 1);
    let skipped = with_stdin(&["check", "--fix", "--format", "json", "-", "missing.json"], b"{}");
    assert_eq!(skipped.status.code(), Some(2));
    let document: Value = serde_json::from_slice(&skipped.stderr).unwrap();
    assert!(document["notLinted"][0].as_str().unwrap().contains("missing.json"), "{document}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn diff_places_what_is_left_after_a_removed_item_where_it_stands_in_the_file() {
    let dir = scratch("diff-placed");
    let path = dir.join("body.json");
    let body = r#"{"enabled": false, "supportedProtocolList": ["TLS_1_2", "TLS_1_2", "TLS_1_0"]}"#;
    fs::write(&path, body).unwrap();
    let output = mtlslint(&["check", "--diff", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "there is something to change");
    let report: Value = serde_json::from_slice(&output.stderr).unwrap();
    let t002 = report["results"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "T002").cloned();
    let t002 = t002.expect("TLS 1.0 is left");
    // The repeated item the fix removes stands before it: its place and index are the file's.
    let offset = |at: &str| usize::try_from(t002["range"][at]["offset"].as_u64().unwrap()).unwrap();
    assert_eq!(&body[offset("start")..offset("end")], r#""TLS_1_0""#);
    assert_eq!(t002["pointer"], "/supportedProtocolList/2");
    assert_eq!(fs::read_to_string(&path).unwrap(), body, "--diff writes nothing");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_script_that_runs_curl_among_other_commands_is_named_not_read_as_a_body() {
    let dir = scratch("scripts");
    let call =
        "curl -X PUT https://gw/apiops/projects/P/credentials/u/truststore/ts/ -H \"Authorization: Bearer $TOKEN\"";
    fs::write(dir.join("assign.sh"), format!("#!/usr/bin/env bash\nset -euo pipefail\n{call}\n")).unwrap();
    for output in [
        mtlslint(&["check", dir.join("assign.sh").to_str().unwrap()]),
        with_stdin(&["check"], format!("export X=1\n{call}\n").as_bytes()),
    ] {
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(err.contains("a script that runs curl among other commands"), "{err}");
        assert!(!stdout(&output).contains("J001"), "not a body that is not JSON");
    }
    // A JSON body that names curl in a value is a body; a script that is only the call is the call.
    let body = with_stdin(&["check"], b"{\n  \"enabled\": false,\n  \"note\": \"run curl now\"\n}");
    assert!(stdout(&body).contains("S001"), "{}", String::from_utf8_lossy(&body.stderr));
    fs::write(dir.join("only.sh"), format!("# assign the truststore\n{call}\n")).unwrap();
    assert_eq!(mtlslint(&["check", dir.join("only.sh").to_str().unwrap()]).status.code(), Some(0));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn request_reads_body_and_header_options_as_curl_does() {
    let url = "https://gw/apiops/projects/P/apiProxies/A/settings/mtls/";
    let codes = |options: &[&str]| {
        let mut args = vec!["request", "-X", "PATCH", "--url", url, "--format", "json"];
        args.extend_from_slice(options);
        let output = mtlslint(&args);
        let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
        let mut codes: Vec<String> = report["results"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|r| r["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()))
            .collect();
        codes.sort();
        codes.dedup();
        (output.status.code(), codes)
    };
    let bearer = ["-H", "Authorization: Bearer t"];
    // `--json` sends the Content-Type curl sends with it; one given with -H wins.
    assert_eq!(codes(&[&bearer[..], &["--json", r#"{"enabled": false}"#]].concat()), (Some(0), vec![]));
    let typed = codes(&[&bearer[..], &["--json", "{}", "-H", "Content-Type: text/plain"]].concat());
    assert_eq!(typed, (Some(1), vec!["R006".to_owned()]));
    // `--data-raw` sends an `@` as written: no file is read.
    let raw = codes(&[&bearer[..], &["-H", "Content-Type: application/json", "--data-raw", "@body.json"]].concat());
    assert_eq!(raw, (Some(1), vec!["J001".to_owned()]));
    // `Authorization:` removes the header `--oauth2-bearer` makes; `Name;` sends it empty.
    let removed = codes(&["--oauth2-bearer", "t", "-H", "Authorization:", "--json", r#"{"enabled": false}"#]);
    assert_eq!(removed, (Some(1), vec!["R005".to_owned()]));
    let empty = codes(&["-H", "Authorization;", "--json", r#"{"enabled": false}"#]);
    assert_eq!(empty, (Some(1), vec!["R005".to_owned()]));
    // Headers read from a file are not opened, and said so.
    let output = mtlslint(&["request", "-X", "PATCH", "--url", url, "-H", "@headers.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`-H @FILE` reads the headers from a file"));
}

/// `--fix` writes a file whole or not at all (a new file renamed over it): its
/// permissions stay, and nothing is left beside it.
#[cfg(unix)]
#[test]
fn fix_replaces_a_file_whole_keeping_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("fix-whole");
    let body = dir.join("body.json");
    fs::write(&body, r#"{"supportedProtocolList": ["TLSv1.2"]}"#).unwrap();
    fs::set_permissions(&body, fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(mtlslint(&["check", "--fix", body.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(fs::read_to_string(&body).unwrap(), r#"{"supportedProtocolList": ["TLS_1_2"]}"#);
    assert_eq!(fs::metadata(&body).unwrap().permissions().mode() & 0o777, 0o640);
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "a temporary file was left behind");
    fs::remove_dir_all(dir).unwrap();
}

/// A request file's body file that is a pipe would keep the run waiting: it is named instead.
#[cfg(unix)]
#[test]
fn a_body_file_that_is_a_pipe_is_not_read() {
    let dir = scratch("pipe-body");
    assert!(std::process::Command::new("mkfifo").arg(dir.join("pipe.json")).status().unwrap().success());
    let call =
        "PATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\nAuthorization: Bearer t\n\n< ./pipe.json\n";
    fs::write(dir.join("req.http"), call).unwrap();
    // Were the pipe read, the run would wait for a writer: it must end on its own.
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["check", dir.join("req.http").to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the run waited on the pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not a regular file"));
    fs::remove_dir_all(dir).unwrap();
}

/// A diff of `.` names its files without `./`, which `git apply -p0` refuses,
/// and quotes a name that starts with a quote, which `patch` would read as quoted.
#[test]
fn diff_headers_name_files_as_patch_and_git_apply_read_them() {
    let dir = scratch("diff-names");
    let body = r#"{"supportedProtocolList": ["TLSv1.2"]}"#;
    fs::write(dir.join("x.json"), body).unwrap();
    fs::write(dir.join("\"y.json"), body).unwrap();
    let diff = stdout(&with_stdin_in(&dir, &["check", "--diff", "."], b""));
    assert!(diff.contains("--- x.json\n+++ x.json\n"), "{diff}");
    assert!(diff.contains("--- \"\\\"y.json\"\n"), "{diff}");
    fs::remove_dir_all(dir).unwrap();
}

/// SARIF names a file relative to the working directory when it is in it, and
/// by a `file://` URI where a `..` leads out; a `\` in a Unix name is a character.
#[cfg(unix)]
#[test]
fn sarif_uris_name_the_file_that_was_linted() {
    let root = scratch("sarif-uris");
    fs::create_dir_all(root.join("here")).unwrap();
    fs::create_dir_all(root.join("there")).unwrap();
    fs::write(root.join("here/back\\slash.json"), r#"{"enabled": "x"}"#).unwrap();
    fs::write(root.join("there/a b.json"), r#"{"enabled": "x"}"#).unwrap();
    let uri = |file: &str| {
        let output = with_stdin_in(&root.join("here"), &["check", "--format", "sarif", file], b"");
        let log: Value = serde_json::from_slice(&output.stdout).unwrap();
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].clone()
    };
    assert_eq!(uri("back\\slash.json"), "back%5Cslash.json");
    let outside = root.join("there/a b.json").canonicalize().unwrap();
    assert_eq!(uri("../there/a b.json"), format!("file://{}", outside.display().to_string().replace(' ', "%20")));
    fs::remove_dir_all(root).unwrap();
}

/// The settings call's error, given as the truststore assignment's response,
/// is said to be the other call's: M001 checks no truststore assignment.
#[test]
fn the_settings_calls_error_is_not_blamed_on_the_truststore_assignment() {
    let error = br#"{"error": "bad_request", "error_description": "KeyStore ID is required when mTLS is enabled"}"#;
    let help = |args: &[&str]| {
        let output = with_stdin(&[&["response", "--format", "json"][..], args, &["-"]].concat(), error);
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        report["results"][0]["diagnostics"][0]["help"].as_str().unwrap().to_owned()
    };
    assert!(help(&[]).starts_with("M001 keystore-required would have caught this"));
    let other = help(&["--endpoint", "truststore"]);
    assert!(
        other.starts_with("this error answers the mTLS settings call") && other.contains("--endpoint mtls"),
        "{other}"
    );
}

/// The deployment report reads a saved response as D002 does: with a byte
/// order mark, an environment without `success` as unknown, and none for a
/// response over the size limit, which D001 says it cannot read.
#[test]
fn the_deployment_report_agrees_with_the_rules() {
    let response = "\u{feff}{\"success\": false, \"deploymentResult\": {\"success\": false, \"environmentResults\": [\
        {\"environmentName\": \"prod\", \"success\": false, \"message\": \"boom\"}, {\"environmentName\": \"qa\"}, \
        {\"environmentName\": \"dev\", \"success\": \"false\"}]}}";
    let report = stdout(&with_stdin(&["response", "-"], response.as_bytes()));
    assert!(report.contains("prod                 FAILED (boom)"), "{report}");
    assert!(report.contains("qa                   unknown (no `success`)"), "{report}");
    assert!(report.contains("dev                  unknown (`success` is no boolean)"), "{report}");
    let limited = stdout(&with_stdin(&["response", "--max-bytes", "10", "-"], response.as_bytes()));
    assert!(!limited.contains("deployment (") && limited.contains("D001"), "{limited}");
}

/// `--diff` reports what the fixes would leave, even where a request file of the run reads the same body.
#[test]
fn diff_reports_what_the_fixes_leave_though_a_request_reads_the_body() {
    let dir = scratch("diff-and-request");
    let body = r#"{"enabled": true, "keyStoreId": "k", "trustStoreId": "t", "hostnameVerifierType": "DEFAULT", "supportedProtocolList": ["TLSv1.2"]}"#;
    fs::write(dir.join("z.json"), body).unwrap();
    let call = "PATCH https://gw/apiops/projects/P/apiProxies/A/settings/mtls/\nAuthorization: Bearer t\nContent-Type: application/json\n\n< ./z.json\n";
    fs::write(dir.join("a.http"), call).unwrap();
    let output = with_stdin_in(&dir, &["check", "--diff", "."], b"");
    let left = String::from_utf8_lossy(&output.stderr);
    assert!(stdout(&output).contains("+{\"enabled\": true"), "a diff is shown");
    assert!(!left.contains("S004"), "the fix removes S004: {left}");
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_that_cannot_be_written_is_said_so_in_words() {
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["check", "../../examples/bodies"])
        .stdout(fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write the output: no space left on device\n"), "{stderr}");
}

/// A read-only file is not fixed, and a file with another hard link is fixed in place (both names see it).
#[cfg(unix)]
#[test]
fn fix_leaves_a_read_only_file_and_keeps_hard_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("fix-read-only");
    let (body, fixed) = (r#"{"supportedProtocolList": ["TLSv1.2"]}"#, r#"{"supportedProtocolList": ["TLS_1_2"]}"#);
    let locked = dir.join("locked.json");
    fs::write(&locked, body).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).unwrap();
    let output = mtlslint(&["check", "--fix", locked.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the file is read-only"));
    assert_eq!(fs::read_to_string(&locked).unwrap(), body);
    // With the report on standard error (beside the fixed stdin), the document says so.
    let beside = with_stdin(&["check", "--fix", "--format", "json", "-", locked.to_str().unwrap()], b"{}");
    let document: Value = serde_json::from_slice(&beside.stderr).unwrap();
    assert!(document["notLinted"][0].as_str().unwrap().ends_with("the file is read-only"), "{document}");
    fs::write(dir.join("a.json"), body).unwrap();
    fs::hard_link(dir.join("a.json"), dir.join("b.json")).unwrap();
    assert_eq!(mtlslint(&["check", "--fix", dir.join("a.json").to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(fs::read_to_string(dir.join("b.json")).unwrap(), fixed);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn stdin_filename_names_standard_input_and_finds_its_neighbours() {
    let dir = scratch("stdin-filename");
    fs::create_dir_all(dir.join("calls")).unwrap();
    let body = b"{\"enabled\": false,\n \"supportedProtocolList\": [\"TLSv1.2\"]}\n";
    fs::write(dir.join("calls/body.json"), body).unwrap();
    fs::write(dir.join("calls/http-client.env.json"), r#"{"dev": {"project": "Payments"}}"#).unwrap();

    // Every format names the file standard input stands for.
    let named = |format: &str| {
        let args = ["check", "--format", format, "--stdin-filename", "calls/proxy.json"];
        stdout(&with_stdin_in(&dir, &args, body))
    };
    assert!(named("human").contains("--> calls/proxy.json:2:28"), "{}", named("human"));
    let sarif: Value = serde_json::from_str(&named("sarif")).unwrap();
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "calls/proxy.json");
    assert!(named("github").contains("\n::error file=calls/proxy.json,line=2,col=28,"), "{}", named("github"));
    let json: Value = serde_json::from_str(&named("json")).unwrap();
    assert_eq!(json["results"][0]["source"], "calls/proxy.json");

    // A diff of standard input applies to that file; nothing is written to it.
    let diff = with_stdin_in(&dir, &["check", "--diff", "--stdin-filename", "calls/body.json"], body);
    assert!(stdout(&diff).starts_with("--- calls/body.json\n+++ calls/body.json\n"), "{}", stdout(&diff));
    let fixed = with_stdin_in(&dir, &["check", "--fix", "--stdin-filename", "calls/body.json"], body);
    assert!(stdout(&fixed).contains("[\"TLS_1_2\"]"));
    assert_eq!(fs::read(dir.join("calls/body.json")).unwrap(), body);

    // An .http file read from standard input finds its body file and environment beside the file it names.
    let http = "PATCH https://gw.example.com/apiops/projects/{{project}}/apiProxies/P/settings/mtls/\n\
                Content-Type: application/json\n\n< ./body.json\n";
    let args = ["check", "--env", "dev", "--format", "json", "--stdin-filename", "calls/calls.http"];
    let output = with_stdin_in(&dir, &args, http.as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let sources: Vec<&str> =
        json["results"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["calls/calls.http", "calls/body.json"]);
    let codes: Vec<&str> =
        json["results"][1]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["M002", "S004"]);
    // Without the name, the same text is read from the working folder, which holds no body.json.
    let unnamed = with_stdin_in(&dir, &["check", "--env", "dev"], http.as_bytes());
    assert_eq!(unnamed.status.code(), Some(2));

    // A name for standard input that is not read, or no name at all, is refused with what to write.
    let unread = with_stdin_in(&dir, &["check", "--stdin-filename", "a.json", "calls/body.json"], b"{}");
    assert_eq!(unread.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unread.stderr).contains("add `-` to them, or name none"));
    for name in ["", "-", "./", "..", "calls/", "src"] {
        let refused = mtlslint(&["check", "--stdin-filename", name]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("write the path of the file"));
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn usage_errors_say_what_to_write_instead() {
    let stderr = |args: &[&str]| {
        let output = mtlslint(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    assert!(
        stderr(&["check", "--fix", "--diff", "a.json"]).contains("tip: --diff prints the fixes and writes nothing")
    );
    let curl = stderr(&["request", "-X", "PUT", "--curl", "curl https://gw/"]);
    assert!(curl.contains("tip: --curl takes the whole call"), "{curl}");
    let second = stderr(&["request", "-X", "PUT", "-H", "Authorization: Bearer", "SECRET-second", "https://gw/a/"]);
    assert!(
        second.contains("tip: `request` takes one word outside its options") && !second.contains("SECRET"),
        "{second}"
    );
    // The method written before the URL, as an `.http` file writes it: the tip names `-X`.
    let method = stderr(&["request", "put", "https://gw/a/", "-H", "Authorization: Bearer t"]);
    assert!(method.contains("tip: `request` takes the method as an option, as curl does: -X PUT;"), "{method}");
    // A second URL may be a token split off its header: it is not shown, and the tip says so.
    let twice = stderr(&["request", "--url", "https://gw/a/", "-H", "Authorization: Bearer", "SECRET-twice"]);
    assert!(twice.contains("tip: a word outside the options is the URL") && !twice.contains("SECRET-twice"), "{twice}");
    // Two data options: curl would join them, and the tip says into what.
    let data = stderr(&["request", "-X", "PATCH", "https://gw/a/", "-d", "{\"enabled\":false", "-d", "\"x\":1}"]);
    assert!(data.contains("tip: curl joins several data options into one body"), "{data}");
    // A command other linters have: the tip names the option or the command that does it.
    assert!(stderr(&["fix", "a.json"]).contains("tip: the fixes are options of `check`"));
    assert!(stderr(&["lint", "a.json"]).contains("tip: `mtlslint check FILE` lints a body"));
    // A negative limit is a value out of range, not an unknown option.
    let negative = stderr(&["check", "--max-bytes", "-5", "a.json"]);
    assert!(negative.contains("write a whole number of bytes from 1 to"), "{negative}");
    // An option the command does not take: the tip fits the command.
    let rules = stderr(&["rules", "--profile", "production"]);
    assert!(
        rules.contains("tip: `mtlslint rules --help` lists its options") && !rules.contains("goes after"),
        "{rules}"
    );
    let fix = stderr(&["request", "--fix", "https://gw/a/"]);
    assert!(fix.contains("run `mtlslint check --fix FILE`"), "{fix}");
    assert!(stderr(&["check", "--nope", "a.json"]).contains("a file whose name starts with `-` goes after `--`"));
    // The URL may follow the options: the message names both places.
    assert!(stderr(&["request", "-X", "PUT"]).contains("needs a URL (--url or after the options)"));
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/X/settings/mtls/";
    assert!(
        stderr(&["request", "-X", "PATCH", url, "--data", "@"])
            .contains("`--data @` names no file: write `--data @FILE`")
    );
    // Files that cannot be read are named in the messages' own words, without the system's error number.
    let missing = stderr(&["check", "--current", "no-such-current.json", "-"]);
    assert!(missing.contains("--current: cannot read `no-such-current.json`: no such file or folder\n"), "{missing}");
    let dir = scratch("dangling");
    let link = dir.join("dangling.json");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("gone.json"), &link).unwrap();
        let dangling = stderr(&["check", link.to_str().unwrap()]);
        assert!(dangling.contains("dangling.json`: a link to `"), "{dangling}");
        assert!(dangling.contains("gone.json`, which does not exist"), "{dangling}");
        // Links that lead back to each other are no file either.
        std::os::unix::fs::symlink("loop-b.json", dir.join("loop-a.json")).unwrap();
        std::os::unix::fs::symlink("loop-a.json", dir.join("loop-b.json")).unwrap();
        let looped = stderr(&["check", dir.join("loop-a.json").to_str().unwrap()]);
        assert!(
            looped.contains("loop-a.json`: a link to `loop-b.json`, which leads back to a link before it"),
            "{looped}"
        );
        // A chain of links to nothing is no loop: the end of it is named.
        std::os::unix::fs::symlink("nothing.json", dir.join("chain-b.json")).unwrap();
        std::os::unix::fs::symlink("chain-b.json", dir.join("chain-a.json")).unwrap();
        let chain = stderr(&["check", dir.join("chain-a.json").to_str().unwrap()]);
        assert!(chain.contains("a link to `chain-b.json`, which leads to `"), "{chain}");
        assert!(chain.contains("nothing.json`, which does not exist"), "{chain}");
        // A link back to itself through `..` is the same link.
        let folder = dir.file_name().unwrap().to_str().unwrap();
        std::os::unix::fs::symlink(format!("../{folder}/self.json"), dir.join("self.json")).unwrap();
        let itself = stderr(&["check", dir.join("self.json").to_str().unwrap()]);
        assert!(itself.contains("which leads back to a link before it"), "{itself}");
    }
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn files_are_named_relative_to_the_working_directory_as_the_shell_names_it() {
    let dir = scratch("relative").canonicalize().unwrap();
    fs::create_dir_all(dir.join("real/sub")).unwrap();
    let link = dir.join("link");
    std::os::unix::fs::symlink(dir.join("real"), &link).unwrap();
    fs::write(dir.join(r"real/back\slash.json"), r#"{"enabled": true}"#).unwrap();
    let run = |cwd: &Path, args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(cwd).env("PWD", cwd).output();
        let output = output.unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
        stdout(&output)
    };
    // `$PWD/file` through a linked working directory, and a `\` kept in a Unix file's name.
    let file = link.join(r"back\slash.json");
    let annotations = run(&link, &["check", "--format", "github", file.to_str().unwrap()]);
    assert!(
        !annotations.is_empty() && annotations.lines().all(|l| l.contains(r" file=back\slash.json,")),
        "{annotations}"
    );
    // A file not saved yet above the working directory is named where it would be, not as if inside it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlslint"))
        .args(["check", "--format", "sarif", "--stdin-filename", "../unsaved.json", "-"])
        .current_dir(dir.join("real/sub"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(br#"{"enabled": true}"#).unwrap();
    let log: Value = serde_json::from_slice(&child.wait_with_output().unwrap().stdout).unwrap();
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri.as_str().unwrap(), format!("file://{}", dir.join("real/unsaved.json").display()));
    // Above the root is the root.
    let deep = format!("{}x.json", "../".repeat(dir.components().count() + 3));
    let annotations = stdout(&with_stdin_in(
        &dir,
        &["check", "--format", "github", "--stdin-filename", &deep, "-"],
        b"{\"enabled\": true}",
    ));
    assert!(annotations.starts_with("::error file=/x.json,"), "{annotations}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_token_split_off_its_header_is_refused_without_being_shown() {
    const TOKEN: &str = "SECRET-split0ff";
    let refused = |output: Output| {
        assert_eq!(output.status.code(), Some(2));
        let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(!all.contains(TOKEN), "{all}");
        assert!(all.contains("` has no token, and the"), "{all}");
        all
    };
    // An unset `$URL`, and the header's quote closed before the token.
    let typed = refused(mtlslint(&["request", "-X", "PUT", "-H", "Authorization: Bearer", TOKEN]));
    assert!(typed.contains("`Authorization: Bearer` has no token"), "{typed}");
    assert!(typed.contains("the URL is one word") && typed.contains(r#"`-H "Authorization: Bearer $TOKEN"`"#));
    let command = format!("curl -X PUT -H 'Authorization: Bearer' {TOKEN}");
    refused(mtlslint(&["request", "--curl", &command]));
    let dir = scratch("split-token");
    fs::write(dir.join("call.curl"), &command).unwrap();
    // In an .http file, a blank line after the header makes the token the body.
    let url = "https://gw.example.com/apiops/projects/P/credentials/u/truststore/ts/";
    fs::write(dir.join("call.http"), format!("PUT {url}\nAuthorization: Bearer\n\n{TOKEN}\n")).unwrap();
    for file in ["call.curl", "call.http"] {
        refused(mtlslint(&["check", "--format", "json", dir.join(file).to_str().unwrap()]));
    }
    let http = refused(mtlslint(&["check", dir.join("call.http").to_str().unwrap()]));
    assert!(http.contains("the body is one word") && http.contains("`Authorization: Bearer <token>`"), "{http}");
    // A token with a `/` in it is no URL either; nor is an empty header a token.
    refused(mtlslint(&["request", "-X", "PUT", "-H", "Authorization: Bearer", &format!("abc/{TOKEN}==")]));
    fs::write(dir.join("empty.http"), format!("PUT {url}\nAuthorization:\n\n{TOKEN}\n")).unwrap();
    let empty = refused(mtlslint(&["check", dir.join("empty.http").to_str().unwrap()]));
    assert!(empty.contains("`Authorization:` has no token") && empty.contains("`Authorization: Bearer <token>`"));
    // One such request in an `.http` file is left out; the file's others are linted and reported.
    let other = "PATCH https://gw.example.com/apiops/projects/P/apiProxies/p/settings/mtls/\nContent-Type: \
                 application/json\n\n{\"enabled\": true}\n";
    fs::write(dir.join("two.http"), format!("{other}\n###\nPUT {url}\nAuthorization: Bearer\n\n{TOKEN}\n")).unwrap();
    let two = refused(mtlslint(&["check", dir.join("two.http").to_str().unwrap()]));
    assert!(two.contains("M001") && two.contains("1 request was not linted"), "{two}");
    // A header without a token, with a whole URL, is linted: R005 says what to write.
    let linted = mtlslint(&["request", "-X", "PUT", url, "-H", "Authorization: Bearer"]);
    assert_eq!(linted.status.code(), Some(1));
    assert!(stdout(&linted).contains("R005"));
    // In an `.http` file a number may be the token; a body that starts as JSON is linted, broken or not.
    fs::write(dir.join("digits.http"), format!("PUT {url}\nAuthorization: Basic\n\n98765432101234\n")).unwrap();
    let digits = refused(mtlslint(&["check", dir.join("digits.http").to_str().unwrap()]));
    assert!(digits.contains("the body is one word that is no JSON object"), "{digits}");
    assert!(digits.contains("`Authorization: Bearer <token>`") && !digits.contains("https://`"), "{digits}");
    // A command's token lands where the URL goes: its body is the body it sends.
    let put = "https://gw.example.com/apiops/projects/P/credentials/u/truststore/ts/";
    let number = mtlslint(&["request", "-X", "PUT", put, "-H", "Authorization: Basic", "-d", "12345"]);
    assert_eq!(number.status.code(), Some(1), "{}", String::from_utf8_lossy(&number.stderr));
    let split = refused(mtlslint(&["request", "-X", "PUT", "-H", "Authorization: Basic", TOKEN, "-d", "{}"]));
    assert!(split.contains("`-H \"Authorization: Bearer $TOKEN\"`, and the URL with `https://`"), "{split}");
    let mtls = "https://gw.example.com/apiops/projects/P/apiProxies/p/settings/mtls/";
    let broken =
        mtlslint(&["request", "-X", "PATCH", mtls, "-H", "Authorization: Bearer", "-d", r#"{"enabled":true,}"#]);
    assert_eq!(broken.status.code(), Some(1), "{}", String::from_utf8_lossy(&broken.stderr));
    assert!(stdout(&broken).contains("J001"));
    // A token in single quotes is refused; a body copied with its shell quotes is linted.
    fs::write(dir.join("single.http"), format!("PUT {url}\nAuthorization: Bearer\n\n'{TOKEN}'\n")).unwrap();
    refused(mtlslint(&["check", dir.join("single.http").to_str().unwrap()]));
    let patch = "PATCH https://gw.example.com/apiops/projects/P/apiProxies/p/settings/mtls/";
    fs::write(dir.join("quoted.http"), format!("{patch}\nAuthorization: Bearer\n\n'{{\"enabled\": true}}'\n")).unwrap();
    let quoted = mtlslint(&["check", dir.join("quoted.http").to_str().unwrap()]);
    assert_eq!(quoted.status.code(), Some(1));
    assert!(stdout(&quoted).contains("single quotes are not JSON"));
    // A URL left as a `{{variable}}` is no token.
    fs::write(dir.join("variable.http"), "PATCH {{endpoint}}\nAuthorization: Bearer\n\n{\"enabled\": false}\n")
        .unwrap();
    assert_eq!(mtlslint(&["check", dir.join("variable.http").to_str().unwrap()]).status.code(), Some(1));
    // So is a body that is JSON, or a URL that names a call without its scheme.
    let patch = "localhost:8080/apiops/projects/P/apiProxies/p/settings/mtls/";
    for (url, body) in [(patch, "{}"), ("https://gw.example.com/apiops/projects/P/apiProxies/p/settings/mtls/", "null")]
    {
        let linted = mtlslint(&["request", "-X", "PATCH", url, "-H", "Authorization: Bearer", "-d", body]);
        assert_eq!(linted.status.code(), Some(1), "{}", String::from_utf8_lossy(&linted.stderr));
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_curl_command_without_content_type_is_told_it_sends_a_form() {
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/X/settings/mtls/";
    let command = format!("curl -X PATCH {url} -H 'Authorization: Bearer t0ken-abcdefgh' -d '{{\"enabled\": false}}'");
    let output = mtlslint(&["request", "--format", "json", "--curl", &command]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let r006 = json["results"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "R006").unwrap();
    assert!(r006["message"].as_str().unwrap().contains("curl sends the body as `application/x-www-form-urlencoded`"));
    assert_eq!(r006["help"], "add `-H 'Content-Type: application/json'`, or send the body with `--json`");
    // `--json` sends the header: nothing to report.
    let json_flag = command.replace(" -d ", " --json ");
    let sent = mtlslint(&["request", "--curl", &json_flag]);
    assert_eq!(sent.status.code(), Some(0), "{}", stdout(&sent));
    assert!(!stdout(&sent).contains("R006"));
    // `-H 'Content-Type:'` removes the header, whatever sends the body; `-G` sends no body to type.
    let r006 = |command: &str| {
        let output = mtlslint(&["request", "--format", "json", "--curl", command]);
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        let found = json["results"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "R006").cloned();
        found.unwrap()
    };
    for removed in [" -H 'Content-Type:'", " -H 'content-type:' --json '{}'"] {
        let found = r006(&format!("{command}{removed}"));
        assert!(found["message"].as_str().unwrap().starts_with("`-H 'Content-Type:'` removes the header"), "{found}");
        assert_eq!(found["help"], "write `-H 'Content-Type: application/json'` in its place");
    }
    let query = r006(&command.replace(" -d ", " -G -d "));
    assert_eq!(query["message"], "no `Content-Type` header; this endpoint takes `application/json`");
    // A header curl makes from `-u` or `--oauth2-bearer` is mended through that option, in both forms of the call.
    let user = format!("curl -X PATCH {url} -u u:p --json '{{}}'");
    let help = |output: Output| {
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        let diagnostics = json["results"][0]["diagnostics"].as_array().unwrap().clone();
        diagnostics.iter().find(|d| d["code"] == "R005").unwrap()["help"].clone()
    };
    let in_place = "write `-H 'Authorization: Bearer <your personal API access token>'` in place of `-u`";
    assert_eq!(help(mtlslint(&["request", "--format", "json", "--curl", &user])), in_place);
    assert_eq!(
        help(mtlslint(&["request", "--format", "json", "-X", "PATCH", url, "-u", "u:p", "--json", "{}"])),
        in_place
    );
    // Spelt long on the command line, the help names it so.
    for user in [&["--user", "u:p"][..], &["--user=u:p"]] {
        let args = [&["request", "--format", "json", "-X", "PATCH", url][..], user, &["--json", "{}"]].concat();
        assert_eq!(help(mtlslint(&args)), in_place.replace("`-u`", "`--user`"), "{user:?}");
    }
    // curl sends one header, of the last credentials option: no second one to report.
    let twice = format!("curl -X PATCH {url} -u a:b -u c:d --json '{{}}'");
    let json: Value =
        serde_json::from_slice(&mtlslint(&["request", "--format", "json", "--curl", &twice]).stdout).unwrap();
    let r005 = json["results"][0]["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "R005").count();
    assert_eq!(r005, 1, "{json}");
    // `--oauth2-bearer` makes the header curl sends, whatever the order of the options.
    for options in ["--oauth2-bearer t0ken-abcdefgh -u a:b", "-u a:b --oauth2-bearer t0ken-abcdefgh"] {
        let command = format!("curl -X PATCH {url} {options} --json '{{\"enabled\": false}}'");
        let output = mtlslint(&["request", "--curl", &command]);
        assert_eq!(output.status.code(), Some(0), "{options}: {}", stdout(&output));
    }
    let bearer = format!("curl -X PATCH {url} --oauth2-bearer '' --json '{{}}'");
    assert_eq!(
        help(mtlslint(&["request", "--format", "json", "--curl", &bearer])),
        "give `--oauth2-bearer` your personal API access token"
    );
    // `-T` sends the file with no `Content-Type` at all, not as a form.
    let dir = scratch("upload");
    fs::write(dir.join("body.json"), r#"{"enabled": false}"#).unwrap();
    // (to a URL without its `/`: curl adds the file's name to one that ends with it)
    let upload =
        format!("curl -X PATCH {} -H 'Authorization: Bearer t0ken-abcdefgh' -T body.json", &url[..url.len() - 1]);
    fs::write(dir.join("call.curl"), upload).unwrap();
    let output = mtlslint(&["check", "--format", "json", dir.join("call.curl").to_str().unwrap()]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let r006 = json["results"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "R006").unwrap();
    assert_eq!(r006["message"], "no `Content-Type` header; this endpoint takes `application/json`");
    assert_eq!(r006["help"], "add `-H 'Content-Type: application/json'`");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_finding_on_an_environment_variable_says_where_to_change_it() {
    let dir = scratch("env-variable");
    let url = "https://gw.example.com/apiops/projects/MyProject/credentials/api-user/truststore/{{ts}}/";
    fs::write(dir.join("assign.http"), format!("PUT {url}\nAuthorization: Bearer abcdefgh12345678\n")).unwrap();
    fs::write(dir.join("http-client.env.json"), r#"{"dev": {"ts": "My-Truststore"}}"#).unwrap();
    fs::write(dir.join("keystores.json"), r#"["my-truststore"]"#).unwrap();
    let args = ["check", "--format", "json", "--env", "dev", "assign.http", "--keystores", "keystores.json"];
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let r008 = &json["results"][0]["diagnostics"][0];
    assert_eq!(r008["code"], "R008");
    assert_eq!(
        r008["help"],
        "write `my-truststore`; `{{ts}}` comes from the `dev` environment's files, so change it there"
    );
    // A finding on a string takes in its quotes: the variable inside is still named.
    let body = "PATCH https://gw.example.com/apiops/projects/P/apiProxies/p/settings/mtls/\nAuthorization: Bearer \
                abcdefgh12345678\nContent-Type: application/json\n\n{\"enabled\": true, \"keyStoreId\": \"{{ks}}\"}\n";
    fs::write(dir.join("patch.http"), body).unwrap();
    fs::write(dir.join("http-client.env.json"), r#"{"dev": {"ks": " "}}"#).unwrap();
    let args = ["check", "--format", "json", "--env", "dev", "patch.http"];
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let s007 = json["results"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "S007").unwrap();
    assert!(
        s007["help"]
            .as_str()
            .unwrap()
            .ends_with("`{{ks}}` comes from the `dev` environment's files, so change it there")
    );
    // Without `--env`, the placeholder left in the body may be filled in from those files.
    let args = ["check", "--format", "json", "patch.http"];
    let output = Command::new(env!("CARGO_BIN_EXE_mtlslint")).args(args).current_dir(&dir).output().unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let s007 = json["results"][0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "S007").unwrap();
    assert_eq!(s007["message"], "`keyStoreId` is `{{ks}}`, a placeholder, not a keystore's id");
    assert!(s007["help"].as_str().unwrap().ends_with("or fill it in from http-client.env.json with `--env NAME`"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_body_read_from_standard_input_is_placed_alike_with_flags_and_with_curl() {
    let url = "https://gw.example.com/apiops/projects/P/apiProxies/X/settings/mtls/";
    let body = b"{\r\n \"enabled\": false,\r\n \"supportedProtocolList\": [\"TLSv1.2\"]}";
    let headers = "-H 'Authorization: Bearer abcdefgh1234' -H 'Content-Type: application/json'";
    let placed = |args: &[&str]| {
        let json: Value = serde_json::from_slice(&with_stdin(args, body).stdout).unwrap();
        let results = json["results"].as_array().unwrap().clone();
        results.iter().map(|r| (r["source"].clone(), r["diagnostics"].as_array().unwrap().len())).collect::<Vec<_>>()
    };
    let flags = placed(&[
        "request",
        "--format",
        "json",
        "-X",
        "PATCH",
        url,
        "-H",
        "Authorization: Bearer abcdefgh1234",
        "-H",
        "Content-Type: application/json",
        "-d",
        "@-",
    ]);
    let command = format!("curl -X PATCH {url} {headers} -d @-");
    let curl = placed(&["request", "--format", "json", "--curl", &command]);
    assert_eq!(flags[1], (Value::from("-"), 2), "{flags:?}");
    assert_eq!(flags[1], curl[1], "{curl:?}");
}
