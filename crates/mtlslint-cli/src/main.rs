//! The `mtlslint` command.

mod cli;
mod inputs;
mod output;

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use clap::error::{ContextKind, ContextValue};
use mtlslint::{Config, FixMode, Linter, Options, Severity};

use cli::{CheckArgs, Cli, Command, CommonArgs, EndpointArg, Format, ListFormat, ProfileArg, SchemaArgs};
use mtlslint::schema::{self, Draft};
use output::FileResult;

/// The end of the tips on a word where the URL goes, which is most often a token split off its header.
macro_rules! split_token_tip {
    () => {
        "a token split off its header lands there too: write the header as one argument, -H \"Authorization: Bearer $TOKEN\""
    };
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(),
        Err(mut error) => {
            if let Some(tip) = conflict_tip(&error) {
                error.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
            }
            // An unknown option like no other: clap would pass it as a value after `--`, which reads it as a file.
            let arguments: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
            if error.kind() == clap::error::ErrorKind::UnknownArgument && error.get(ContextKind::SuggestedArg).is_none()
            {
                // A second word outside `request`'s options: the URL and, most often, a token split off
                // its header, or the method written before the URL as in an `.http` file (`request PUT URL`).
                let word = matches!(error.get(ContextKind::InvalidArg), Some(ContextValue::String(arg)) if !arg.starts_with('-'));
                let request = word && arguments.get(1).is_some_and(|command| command == "request");
                let method = arguments.windows(2).skip(1).find(|pair| {
                    !matches!(pair[0].as_str(), "-X" | "--method" | "--request")
                        && mtlslint::import::is_method(&pair[1])
                });
                let tip = match method {
                    Some(pair) if request => format!(
                        "`request` takes the method as an option, as curl does: -X {}; the one word outside its options is the URL",
                        pair[1].to_ascii_uppercase()
                    ),
                    None if request => {
                        concat!("`request` takes one word outside its options, the URL; ", split_token_tip!()).into()
                    }
                    _ => unknown_option_tip(&arguments),
                };
                error.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
            }
            if error.kind() == clap::error::ErrorKind::InvalidSubcommand
                && error.get(ContextKind::SuggestedSubcommand).is_none()
                && let Some(ContextValue::String(command)) = error.get(ContextKind::InvalidSubcommand)
                && let Some(tip) = command_tip(command)
            {
                error.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
            }
            let message = hide_arguments(error.render().ansi().to_string(), &arguments);
            let _ = write!(anstream::stderr(), "{message}");
            return ExitCode::from(2);
        }
    };
    // The format of the run's report, and whether it goes to standard error
    // (standard output carries a diff or a fixed body).
    let report = match &cli.command {
        Command::Check(args) => Some((args.common.format, reports_on_stderr(args))),
        Command::Request(args) => Some((args.common.format, false)),
        Command::Response(args) => Some((args.format, false)),
        _ => None,
    };
    if let Some((format, true)) = report
        && format != Format::Human
    {
        STDERR_DOCUMENT.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let outcome = match cli.command {
        Command::Schema(args) => schema(&args).map(|()| false),
        Command::Explain(args) => explain(&args.rule).map(|()| false),
        Command::Rules(args) => rules(args.format).map(|()| false),
        command => run(command),
    };
    // A run that stopped before its report (a configuration or context file
    // it cannot read) still writes a machine format's document, naming why:
    // a step that reads it (a SARIF upload, a test report) then shows the
    // cause, not an empty file.
    if let (Err(message), Some((format, on_stderr))) = (&outcome, report)
        && format != Format::Human
        && !REPORTED.load(std::sync::atomic::Ordering::Relaxed)
    {
        let why = [mtlslint::redact(message).into_owned()];
        let _ = if on_stderr {
            write_results_to(format, &Linter::default(), &[], &why, anstream::stderr().lock())
        } else {
            write_results(format, &Linter::default(), &[], &why)
        };
    }
    match outcome {
        Ok(failed) => {
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => {
            report_error(&message);
            ExitCode::from(2)
        }
    }
}

/// Names an error on standard error, with the credentials it may quote hidden
/// (a configuration's value, a file's text).
fn report_error(message: &str) {
    // Standard error carries the report in a machine format, which must stay one
    // document: it names what was not linted, and why the run stopped.
    if STDERR_DOCUMENT.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let _ = writeln!(anstream::stderr(), "mtlslint: error: {}", mtlslint::redact(message));
}

/// What to write instead of two options that cannot go together, where
/// clap's message says only that they cannot.
fn conflict_tip(error: &clap::Error) -> Option<&'static str> {
    if error.kind() != clap::error::ErrorKind::ArgumentConflict {
        return None;
    }
    let named = |kind| match error.get(kind) {
        Some(ContextValue::String(arg)) => arg.split([' ', '=']).next().unwrap_or_default().to_owned(),
        Some(ContextValue::Strings(args)) => args.join(" "),
        _ => String::new(),
    };
    let pair = [named(ContextKind::InvalidArg), named(ContextKind::PriorArg)];
    if pair.iter().any(|arg| arg == "--curl") {
        Some(
            "--curl takes the whole call: write the method, URL, headers and body inside it, as in --curl 'curl -X PUT URL -H ...'",
        )
    } else if pair.iter().any(|arg| arg == "--fix") && pair.iter().any(|arg| arg == "--diff") {
        Some("--diff prints the fixes and writes nothing; --fix writes them: choose one")
    } else if pair.iter().all(|arg| matches!(arg.as_str(), "--data" | "--data-raw" | "--json")) {
        Some(
            "curl joins several data options into one body (`-d` pieces with `&`, which is no JSON): \
             write the whole body in one -d, or lint the command as it stands with --curl 'curl ...'",
        )
    } else if pair.iter().any(|arg| arg == "--url") && pair.iter().any(|arg| arg == "[URL]") {
        Some(concat!(
            "a word outside the options is the URL, so the URL is given twice: write it once; ",
            split_token_tip!()
        ))
    } else {
        None
    }
}

/// What to write instead of an option the command does not take, where clap
/// names no option near it.
fn unknown_option_tip(arguments: &[String]) -> String {
    let command = arguments.get(1).map_or("", String::as_str);
    let mends = arguments.iter().find(|word| matches!(word.as_str(), "--fix" | "--diff" | "--unsafe-fixes"));
    match (command, mends) {
        ("request", Some(option)) => format!(
            "`request` lints a call and writes nothing; {option} mends a file: save the body and run `mtlslint check {option} FILE`"
        ),
        ("check" | "response", _) => {
            "`--help` lists the options; a file whose name starts with `-` goes after `--`".into()
        }
        _ => format!("`mtlslint {command} --help` lists its options"),
    }
}

/// What to write instead of a command mtlslint does not have, named as
/// another linter names it.
fn command_tip(command: &str) -> Option<&'static str> {
    match command.to_ascii_lowercase().as_str() {
        "fix" | "format" | "fmt" => {
            Some("the fixes are options of `check`: `mtlslint check --diff FILE` shows them, `--fix` writes them")
        }
        "lint" | "validate" | "verify" => {
            Some("`mtlslint check FILE` lints a body, `mtlslint request ...` a whole call, `mtlslint response` a reply")
        }
        _ => None,
    }
}

/// A command-line error with the credentials of the arguments it quotes
/// hidden: a word out of place (`-H Authorization: Bearer abc` unquoted)
/// may be a token, and so may the value of `--flag=value`. Each argument is
/// read with the two before it, so that the token after `Bearer` and after
/// `Authorization: Basic` is found.
fn hide_arguments(mut message: String, arguments: &[String]) -> String {
    for (index, word) in arguments.iter().enumerate().skip(1) {
        // An option's name is no secret, though it follows one (`-H 'Authorization: Bearer t' --heder`):
        // the message must show which option is wrong.
        let option = word.strip_prefix("--").or_else(|| word.strip_prefix('-'));
        if option.is_some_and(|name| {
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }) {
            continue;
        }
        let before = arguments[index.saturating_sub(2).max(1)..index].join(" ");
        let pair = format!("{before} {word}");
        let redacted = mtlslint::redact(&pair);
        let hidden = &redacted[before.len() + 1..];
        if hidden == word {
            continue;
        }
        // Quoted whole, or styled between escape sequences (`'\x1b[33mword\x1b[0m'`).
        for (open, close) in [("'", "'"), ("'-- ", "'"), ("m", "\u{1b}"), ("m-- ", "\u{1b}")] {
            message = message.replace(&format!("{open}{word}{close}"), &format!("{open}{hidden}{close}"));
        }
        // Quoted in part (`--fix=VALUE` quotes the value alone): each hidden run, where it stands.
        let mut runs = Vec::new();
        let mut start = None;
        for (at, (shown, masked)) in word.bytes().zip(hidden.bytes()).chain([(b' ', b' ')]).enumerate() {
            match (start, shown != masked) {
                (None, true) => start = Some(at),
                (Some(from), false) => {
                    runs.push(&word[from..at]);
                    start = None;
                }
                _ => {}
            }
        }
        for run in runs.into_iter().filter(|run| run.len() >= 4) {
            message = message.replace(run, &"*".repeat(run.chars().count()));
        }
    }
    message
}

/// The inputs that could not be read or parsed, and the requests of a
/// request file whose body file could not be read: each is named on standard
/// error as it comes and listed in a machine format's report (with the
/// credentials it may quote hidden), the others are linted and reported,
/// and the run then exits with 2.
#[derive(Default)]
struct Skipped {
    why: Vec<String>,
    /// How many of `why` are requests of a file that was linted.
    requests: usize,
}

impl Skipped {
    /// The value, or `None` after naming the error.
    fn keep<T>(&mut self, result: Result<T, String>) -> Option<T> {
        result.map_err(|message| self.name(&message)).ok()
    }

    /// Names a request of a linted file that could not be linted.
    fn request(&mut self, message: &str) {
        self.name(message);
        self.requests += 1;
    }

    fn name(&mut self, message: &str) {
        report_error(message);
        self.why.push(mtlslint::redact(message).into_owned());
    }

    /// The run's outcome: `failed` when everything was read, else an error
    /// that counts what was skipped beside the `linted` inputs.
    fn or(&self, failed: bool, linted: usize) -> Result<bool, String> {
        let inputs = self.why.len() - self.requests;
        let skipped = match (inputs, self.requests) {
            (0, 0) => return Ok(failed),
            (inputs, 0) => output::plural(inputs, "input was", "inputs were"),
            (0, requests) => output::plural(requests, "request was", "requests were"),
            (inputs, requests) => format!(
                "{} and {} were",
                output::plural(inputs, "input", "inputs"),
                output::plural(requests, "request", "requests")
            ),
        };
        let others = if inputs == 0 { ("input", "inputs") } else { ("other", "others") };
        match linted {
            0 => Err(format!("{skipped} not linted (named above)")),
            _ => Err(format!(
                "{skipped} not linted (named above); {} linted and reported",
                output::plural(linted, others.0, others.1)
            )),
        }
    }
}

/// Whether any finding is an error: what makes the exit status 1.
fn failed(results: &[FileResult]) -> bool {
    results.iter().flat_map(|r| &r.diagnostics).any(|d| d.severity == Severity::Error)
}

/// Lints and reports; `Ok(true)` when a finding is an error.
fn run(command: Command) -> Result<bool, String> {
    let (format, linter, results) = match command {
        Command::Check(args) => {
            let (linter, context_files) = linter_and_context_files(&args.common)?;
            if args.fix || args.diff {
                return fix(&linter, &args, &context_files);
            }
            let mut skipped = Skipped::default();
            let mut results = Vec::new();
            for input in
                inputs::collect(&args.paths, &context_files, inputs::EXTENSIONS, args.stdin_filename.as_deref(), false)
            {
                let Some(input) = skipped.keep(input) else { continue };
                let Some(bytes) = read(&linter, &input, &args.paths, &mut skipped)? else { continue };
                let result = check_input(&linter, &input, &bytes, args.env.as_deref(), &mut skipped);
                results.extend(skipped.keep(result).into_iter().flatten());
            }
            let results = output::merge_repeated(results);
            write_results(args.common.format, &linter, &results, &skipped.why)?;
            return skipped.or(failed(&results), output::inputs(&results));
        }
        Command::Request(args) => {
            let linter = linter(&args.common)?;
            if let Some(command) = &args.curl {
                if command == "-" || command.starts_with('@') {
                    return Err("--curl takes the command itself, as in --curl 'curl ...'; a command in a file \
                                is linted with `mtlslint check FILE.curl`, one on standard input with `mtlslint check -`"
                        .into());
                }
                let imported = mtlslint::import::parse_curl(command).map_err(|e| format!("--curl: {e}"))?;
                if let Some(why) = inputs::split_off_token(&imported.request, false) {
                    return Err(format!("--curl: {why}"));
                }
                let imported = std::slice::from_ref(&imported);
                let (diagnostics, in_files, unread) =
                    lint_imported(&linter, std::path::Path::new("."), true, command, imported);
                if let Some(why) = unread.first() {
                    return Err(format!("--curl: {why}"));
                }
                let text = mtlslint::import::mask_secrets(command, imported);
                let results: Vec<_> =
                    std::iter::once(FileResult::new("--curl", text, diagnostics).typed()).chain(in_files).collect();
                write_results(args.common.format, &linter, &results, &[])?;
                return Ok(failed(&results));
            }
            let Some(url) = args.url.as_ref().or(args.location.as_ref()) else {
                return Err("`request` needs a URL (--url or after the options), or --curl 'curl ...'".into());
            };
            // `mtlslint request calls.http`: a file where the URL goes.
            if args.location.as_ref() == Some(url) && !url.contains("://") && Path::new(url).is_file() {
                return Err(format!(
                    "`{url}` is a file, not a URL: `mtlslint check {url}` lints the requests of a .http, .rest or \
                     .curl file (and a JSON body); `--data @{url}` sends a file as this request's body"
                ));
            }
            // The method curl sends when none is given, as `--curl` reads it.
            let method = args.method.as_deref().unwrap_or(if args.data().is_some() { "POST" } else { "GET" });
            let request = inputs::request(method, url, &args.headers(), args.data(), max_bytes(&linter))?;
            if let Some(why) = inputs::split_off_token(&request, false) {
                return Err(why);
            }
            let mut report = linter.lint_request(&request);
            // An `Authorization` header made by `-u` or `--oauth2-bearer` is mended through that option.
            if let Some((option, _)) = args.made_credentials() {
                for diagnostic in report.diagnostics.iter_mut().filter(|d| d.code == "R005") {
                    diagnostic.help = Some(mtlslint::import::credentials_help(option).into());
                }
            }
            // The findings in a body read from a file (or standard input, `-`) point into it, as `--curl`'s do.
            let body_file = args.data().filter(|&(_, files)| files).and_then(|(data, _)| data.strip_prefix('@'));
            let in_file = body_file.zip(request.body.as_deref()).map(|(file, body)| {
                let diagnostics = report.take_body_findings(body);
                FileResult::new(file, body.to_owned(), diagnostics).read_by_request()
            });
            let results =
                std::iter::once(FileResult::new("request", report.text, report.diagnostics).typed()).chain(in_file);
            (args.common.format, linter, results.collect::<Vec<_>>())
        }
        Command::Response(args) => {
            let config = inputs::config(args.config.as_deref())?;
            let mut options = options(config.as_ref(), args.profile)?;
            args.limits.apply(&mut options.limits);
            let linter = Linter::new(options, mtlslint::Context::default());
            let endpoint = args.endpoint.map(|e| match e {
                EndpointArg::Mtls => mtlslint::Endpoint::MtlsSettings,
                EndpointArg::Truststore => mtlslint::Endpoint::TruststoreAssignment,
            });
            let mut skipped = Skipped::default();
            let mut results = Vec::new();
            let config_file: Vec<PathBuf> = config.iter().map(|(path, _)| path.clone()).collect();
            for input in inputs::collect(
                &args.paths,
                &config_file,
                inputs::RESPONSE_EXTENSIONS,
                args.stdin_filename.as_deref(),
                false,
            ) {
                let Some(input) = skipped.keep(input) else { continue };
                let Some(bytes) = read(&linter, &input, &args.paths, &mut skipped)? else { continue };
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut diagnostics = mtlslint::locate(&text, linter.lint_response(&bytes, endpoint));
                let help =
                    || format!("this is a request body, not a response: `mtlslint check {}` lints it", input.name());
                redirect(&mut diagnostics, "D001", &bytes, inputs::JsonKind::Body, help);
                if args.format == Format::Human {
                    // Over the limit, D001 says the response is too large to read: no report.
                    if bytes.len() <= max_bytes(&linter) {
                        print(&deployment_report(&input.name(), &bytes))?;
                    }
                }
                results.push(FileResult::new(input.name(), text, diagnostics));
            }
            write_results(args.format, &linter, &results, &skipped.why)?;
            return skipped.or(failed(&results), output::inputs(&results));
        }
        Command::Schema(_) | Command::Explain(_) | Command::Rules(_) => unreachable!("printed before linting"),
    };
    write_results(format, &linter, &results, &[])?;
    Ok(failed(&results))
}

fn write_results(format: Format, linter: &Linter, results: &[FileResult], not_linted: &[String]) -> Result<(), String> {
    write_results_to(format, linter, results, not_linted, anstream::stdout().lock())
}

/// Whether the run's report in a machine format goes to standard error (beside a diff or a fixed body).
static STDERR_DOCUMENT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the run's report was written.
static REPORTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes the findings in `format` to `out`: standard output, or standard
/// error when standard output carries a fixed body. The machine formats
/// also list the inputs `not_linted` (human output named them on standard error).
fn write_results_to(
    format: Format,
    linter: &Linter,
    results: &[FileResult],
    not_linted: &[String],
    out: impl Write,
) -> Result<(), String> {
    REPORTED.store(true, std::sync::atomic::Ordering::Relaxed);
    // Buffered: standard output flushes at every line break otherwise.
    let mut out = BufWriter::new(out);
    let written = match format {
        Format::Human => output::human::write(&mut out, results, !not_linted.is_empty()),
        Format::Json => output::json::write(&mut out, results, not_linted),
        Format::Sarif => output::sarif::write(&mut out, linter.options(), results, not_linted),
        Format::Github => output::github::write(&mut out, results, not_linted),
        Format::Junit => output::junit::write(&mut out, results, not_linted),
    }
    .and_then(|()| out.flush());
    match written {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {}", inputs::reason(&error)))
        }
        _ => Ok(()),
    }
}

/// Lints one input of `check`: a body, or the requests of a cURL or `.http` file
/// (one whose body file cannot be read is named in `skipped`, the others linted).
/// `environment` names the HTTP Client environment that fills in an `.http` file's variables.
fn check_input(
    linter: &Linter,
    input: &inputs::Input,
    bytes: &[u8],
    environment: Option<&str>,
    skipped: &mut Skipped,
) -> Result<Vec<FileResult>, String> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let holds = inputs::holds(input, bytes);
    // The HTTP Client environment that fills in an `.http` file's variables.
    let mut filled = mtlslint::import::Environment::default();
    let requests = match holds {
        inputs::Holds::Body => {
            let mut diagnostics = mtlslint::locate(&text, linter.lint_body(bytes));
            let help =
                || format!("this is a saved response, not a body: `mtlslint response {}` lints it", input.name());
            redirect(&mut diagnostics, "S001", bytes, inputs::JsonKind::Response, help);
            return Ok(vec![FileResult::new(input.name(), text, diagnostics)]);
        }
        _ if bytes.len() > inputs::FILE_LIMIT => return Err(inputs::too_large(&input.name())),
        inputs::Holds::Script => return Err(inputs::script(&input.name())),
        inputs::Holds::Curl => mtlslint::import::parse_curl(&text).map(|imported| vec![imported]),
        inputs::Holds::HttpRequests => {
            filled = match environment {
                // A file that uses no variable needs no environment.
                Some(name) if text.contains("{{") => match inputs::http_environment_file(input) {
                    Some(_) => inputs::http_environment(name, input)?,
                    // Variables the file's own `@name` lines leave unset, with no environment file to set
                    // them: a wrong folder would otherwise leave them as written, unsaid.
                    None if let Some(variable) = mtlslint::import::parse_http_file(&text)
                        .ok()
                        .and_then(|requests| mtlslint::import::unset_variable(&requests)) =>
                    {
                        return Err(format!(
                            "{}: --env {name}: `{{{{{variable}}}}}` is set neither by the file's own lines nor by \
                             an environment file, and there is no http-client.env.json or \
                             http-client.private.env.json in its folder or above it: run from the project that \
                             holds them, or define it in the file on an `@` line (`@name = value`)",
                            input.name()
                        ));
                    }
                    None => mtlslint::import::Environment::default(),
                },
                _ => mtlslint::import::Environment::default(),
            };
            mtlslint::import::parse_http_file_in(&text, &filled)
        }
    };
    let mut requests = requests.map_err(|e| format!("{}: {e}", input.name()))?;
    let count = requests.len();
    // A request whose token seems split off its header is not linted, nor shown; the file's others are.
    let http_file = matches!(holds, inputs::Holds::HttpRequests);
    let (mut split, mut why) = (Vec::new(), Vec::new());
    requests.retain(|imported| match inputs::split_off_token(&imported.request, http_file) {
        Some(reason) => {
            why.push(format!("{}: {reason}", input.name()));
            split.push(imported.clone());
            false
        }
        None => true,
    });
    // A file of one request is an input not linted; in a file of several, that request is.
    match &why[..] {
        [only] if count == 1 => return Err(only.clone()),
        _ => why.iter().for_each(|why| skipped.request(why)),
    }
    let (mut diagnostics, in_files, unread) = lint_imported(linter, &input.folder(), false, &text, &requests);
    // The file's other requests are still linted.
    let none_linted = count > 0 && unread.len() + split.len() == count;
    for why in unread {
        skipped.request(&format!("{}: {why}", input.name()));
    }
    // A file none of whose requests was linted is not reported as passing.
    if none_linted {
        return Ok(Vec::new());
    }
    if let Some(name) = environment {
        // A finding on a `{{variable}}` the environment sets is mended where it is set.
        for diagnostic in &mut diagnostics {
            let range = diagnostic.range.start.offset..diagnostic.range.end.offset;
            // A finding on a string's value takes in its quotes (`"{{ks}}"`).
            let at = text.get(range).unwrap_or_default();
            let placeholder = at.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(at);
            if !filled.sets(placeholder) {
                continue;
            }
            let place = format!("`{placeholder}` comes from the `{name}` environment's files, so change it there");
            let help = diagnostic.help.take().map_or(place.clone(), |help| format!("{help}; {place}"));
            diagnostic.help = Some(help.into());
        }
    }
    if environment.is_none()
        && let Some(file) = inputs::http_environment_file(input)
    {
        // A `{{name}}` left as it is, in a path or for a store's id, may be one the environment files define.
        let placeholder = |d: &mtlslint::Diagnostic| {
            let at = text.get(d.range.start.offset..).unwrap_or_default();
            // The HTTP Client's own `{{$uuid}}` and `{{$processEnv X}}` are set by no environment file.
            let at = at.strip_prefix('"').unwrap_or(at);
            at.starts_with("{{") && !at[2..].trim_start().starts_with('$')
        };
        for diagnostic in diagnostics.iter_mut().filter(|d| matches!(d.code, "R004" | "S007") && placeholder(d)) {
            let help = diagnostic.help.take().unwrap_or_default();
            diagnostic.help = Some(format!("{help}, or fill it in from {file} with `--env NAME`").into());
        }
    }
    // Excerpts show the file; the token in it is not shown.
    let text = mtlslint::import::mask_secrets(&mtlslint::import::hide_requests(&text, &split), &requests);
    Ok(std::iter::once(FileResult::new(input.name(), text, diagnostics)).chain(in_files).collect())
}

/// When the file is `other` (a response given to `check`, a body to
/// `response`), gives `code`'s findings the help that names the command
/// meant for it. The file is read for its keys only when there is such a finding.
fn redirect(
    diagnostics: &mut [mtlslint::Diagnostic],
    code: &str,
    bytes: &[u8],
    other: inputs::JsonKind,
    help: impl Fn() -> String,
) {
    if diagnostics.iter().any(|d| d.code == code) && inputs::kind_of_json(bytes) == Some(other) {
        for diagnostic in diagnostics.iter_mut().filter(|d| d.code == code) {
            diagnostic.help = Some(help().into());
        }
    }
}

/// Lints the requests of a cURL command or an `.http` file, `text`, whose
/// body files are read from `base`: the findings in `text`, and the results
/// of the body files, whose findings point into them. A command given
/// `on_command_line` reads `@-` from standard input and any body file; a
/// request file's body files must lie under its own folder. A request
/// whose body file cannot be read is left out, and why is in the third list.
fn lint_imported(
    linter: &Linter,
    base: &std::path::Path,
    on_command_line: bool,
    text: &str,
    requests: &[mtlslint::import::Imported],
) -> (Vec<mtlslint::Diagnostic>, Vec<FileResult>, Vec<String>) {
    let (mut diagnostics, mut in_files, mut unread) = (Vec::new(), Vec::new(), Vec::new());
    for imported in requests {
        let mut imported = imported.clone();
        let body_file = match inputs::imported_body(&mut imported, base, on_command_line, max_bytes(linter)) {
            Ok(body_file) => body_file,
            Err(why) => {
                unread.push(why);
                continue;
            }
        };
        let (in_text, in_body) = linter.lint_imported_apart(text, &imported);
        diagnostics.extend(in_text);
        if let (Some(path), Some(body)) = (body_file, imported.request.body) {
            in_files.push(FileResult::new(path.display().to_string(), body, in_body).read_by_request());
        }
    }
    diagnostics.sort_by_key(|d| d.range.start.offset);
    (diagnostics, in_files, unread)
}

/// Whether `check`'s report goes to standard error: beside a diff, or a
/// fixed standard input, on standard output.
fn reports_on_stderr(args: &CheckArgs) -> bool {
    args.diff || (args.fix && (args.paths.is_empty() || args.paths.iter().any(|path| path.as_os_str() == "-")))
}

/// `check --fix` and `check --diff`: fixes each input, then writes it back (or
/// prints the fixed body for stdin) or prints the diff, and reports what is left.
fn fix(linter: &Linter, args: &CheckArgs, context_files: &[PathBuf]) -> Result<bool, String> {
    let mode = if args.unsafe_fixes { FixMode::Unsafe } else { FixMode::Safe };
    let (mut results, mut diffs, mut applied, mut files) = (Vec::new(), String::new(), 0, 0);
    let (mut requests, mut skipped) = (Vec::new(), Skipped::default());
    let on_stderr = reports_on_stderr(args);
    let quiet = on_stderr && args.common.format != Format::Human;
    // Files linted whose fixes could not be written back, and why (the machine formats list it).
    let mut unwritten = Vec::new();
    for input in inputs::collect(&args.paths, context_files, inputs::EXTENSIONS, args.stdin_filename.as_deref(), quiet)
    {
        let Some(input) = skipped.keep(input) else { continue };
        let Some(bytes) = read(linter, &input, &args.paths, &mut skipped)? else { continue };
        if !matches!(inputs::holds(&input, &bytes), inputs::Holds::Body) {
            // A fix edits the request mtlslint reads from the file, not the file's text.
            tell(quiet, &format!("{}: fixes apply to JSON bodies; reporting only", input.name()));
            let result = check_input(linter, &input, &bytes, args.env.as_deref(), &mut skipped);
            requests.extend(skipped.keep(result).into_iter().flatten());
            // Standard input is a filter's: what is not fixed goes through.
            if !args.diff && matches!(input, inputs::Input::Stdin(_)) {
                pass_through(&bytes)?;
            }
            continue;
        }
        let fixed = linter.fix_body(&bytes, mode);
        let source = input.name();
        // A link met in a folder is not written through, so `--diff` shows no change for it either.
        let link = match &input {
            inputs::Input::File(path) if fixed.applied > 0 => inputs::link_met_in_folder(path, &args.paths),
            _ => None,
        };
        if let Some(link) = link {
            // Written through, the fix would change a file the folder only points to.
            tell(quiet, &format!("{source}: {link}; its fixes are not written through it (name the file to fix it)"));
            // Unfixed, the file keeps its findings: they are reported as they stand.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let found = mtlslint::locate(&text, linter.lint_body(&bytes));
            results.push(FileResult::new(source, text, found));
            continue;
        }
        if fixed.applied > 0 {
            if args.diff {
                // Each side with its credentials hidden, read whole: a value on the
                // line after its name is found as it is in the file.
                let before = String::from_utf8_lossy(&bytes);
                let (hidden, shown) = (mtlslint::redact(&before), mtlslint::redact(&fixed.text));
                let name = diff_header_name(&source);
                let mut masked = String::new();
                write_diff(&mut masked, &name, &hidden, &shown);
                // A secret hidden on a line the diff shows keeps it from applying there.
                let unmasked = || {
                    let mut raw = String::new();
                    write_diff(&mut raw, &name, &before, &fixed.text);
                    raw
                };
                if (hidden != before || *shown != *fixed.text) && unmasked() != masked {
                    tell(
                        quiet,
                        &format!(
                            "{source}: the diff hides secrets on lines it shows, so it does not apply there; `--fix` applies the fixes"
                        ),
                    );
                }
                diffs.push_str(&masked);
            } else if let inputs::Input::File(path) = &input {
                let kept = if let Err(error) = replace_file(path, &fixed.text) {
                    let why = format!("cannot write {source}: {error}");
                    report_error(&why);
                    unwritten.push(mtlslint::redact(&why).into_owned());
                    true
                } else {
                    false
                };
                if kept {
                    // Unfixed, the file keeps its findings: they are reported as they stand.
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let found = mtlslint::locate(&text, linter.lint_body(&bytes));
                    results.push(FileResult::new(source, text, found));
                    continue;
                }
            }
            (applied, files) = (applied + fixed.applied, files + 1);
        }
        if !args.diff && matches!(input, inputs::Input::Stdin(_)) {
            // Unfixed, the input goes through as it came, bytes that are not UTF-8 included.
            if fixed.applied == 0 {
                pass_through(&bytes)?;
            } else {
                print(&fixed.text)?;
            }
        }
        if args.diff && fixed.applied > 0 {
            // Nothing is written: what the fixes would leave is shown where it stands in the file.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let remaining = placed_in(&text, fixed);
            results.push(FileResult { settled: true, ..FileResult::new(source, text, remaining) });
        } else {
            results.push(FileResult::new(source, fixed.text, fixed.remaining));
        }
    }
    let applied_fixes = output::plural(applied, "fix", "fixes");
    let changed_inputs = output::plural(files, "input", "inputs");
    results.extend(requests);
    let results = output::merge_repeated(results);
    if args.diff {
        print(&diffs)?;
        tell(quiet, &format!("{applied_fixes} would change {changed_inputs}"));
        // What the fixes would leave, and the requests' findings, go beside the diff.
        write_results_to(args.common.format, linter, &results, &skipped.why, anstream::stderr().lock())?;
        // A pending change fails, as in a formatter's check mode, and so does an
        // error no fix removes (a body that is not JSON has no diff to show).
        return skipped.or(applied > 0 || failed(&results), output::inputs(&results));
    }
    tell(quiet, &format!("applied {applied_fixes} in {changed_inputs}"));
    let not_linted = [&skipped.why[..], &unwritten].concat();
    // The fixed body of stdin goes to standard output, so the findings left go to standard error.
    if on_stderr {
        write_results_to(args.common.format, linter, &results, &not_linted, anstream::stderr().lock())?;
    } else {
        write_results(args.common.format, linter, &results, &not_linted)?;
    }
    let failed = skipped.or(failed(&results), output::inputs(&results))?;
    if !unwritten.is_empty() {
        return Err(format!(
            "{} could not be fixed (named above); the findings are reported as they stand",
            output::plural(unwritten.len(), "input", "inputs")
        ));
    }
    Ok(failed)
}

/// Writes `text` over the file at `path` whole or not at all: into a new file
/// beside it, with its permissions, then renamed over it, so that a failed
/// write (a full disk) leaves the file as it was. A named link stays a link:
/// its target is written. A read-only file is refused, as a write in place
/// refuses it. The file is written in place (a failed write may cut it
/// short) where a new file would lose what it shares: another hard link to
/// it, an owner the run cannot give the new file; and in a folder where no
/// new file can be made.
fn replace_file(path: &Path, text: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| inputs::reason(&e))?;
    let meta = std::fs::metadata(&target).map_err(|e| inputs::reason(&e))?;
    if meta.permissions().readonly() {
        return Err("the file is read-only".into());
    }
    written(&target, text, &meta).map_err(|e| inputs::reason(&e))
}

/// The write of [`replace_file`], over `target` described by `meta`.
fn written(target: &Path, text: &str, meta: &std::fs::Metadata) -> std::io::Result<()> {
    let Ok(mut temporary) = tempfile::NamedTempFile::new_in(target.parent().unwrap_or(Path::new("."))) else {
        return std::fs::write(target, text);
    };
    if !same_owner_or_given(meta, temporary.as_file()) {
        drop(temporary);
        return std::fs::write(target, text);
    }
    temporary.write_all(text.as_bytes())?;
    temporary.as_file().sync_all()?;
    std::fs::set_permissions(temporary.path(), meta.permissions())?;
    temporary.persist(target).map(drop).map_err(|error| error.error)
}

/// Whether the new file `made` can take the place of the one described by
/// `meta`: the file has no other hard link, and the new one has its owner
/// and group (given them when they differ).
#[cfg(unix)]
fn same_owner_or_given(meta: &std::fs::Metadata, made: &std::fs::File) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(new) = made.metadata() else { return false };
    meta.nlink() == 1
        && ((new.uid(), new.gid()) == (meta.uid(), meta.gid())
            || std::os::unix::fs::fchown(made, Some(meta.uid()), Some(meta.gid())).is_ok())
}

#[cfg(not(unix))]
fn same_owner_or_given(_: &std::fs::Metadata, _: &std::fs::File) -> bool {
    true
}

/// Tells what the fixes did on standard error, unless a report in a machine
/// format goes there too (`quiet`), which must stay one document.
fn tell(quiet: bool, what: &str) {
    if !quiet {
        let _ = writeln!(anstream::stderr(), "mtlslint: {what}");
    }
}

/// The size limit of bodies.
fn max_bytes(linter: &Linter) -> usize {
    linter.options().limits.max_bytes
}

/// An input's bytes, up to the larger of the body limit, past which the
/// linter reports a body too large, and [`inputs::FILE_LIMIT`], past which a
/// cURL or `.http` file is refused, so that no input fills memory. `None`
/// when the input cannot be read, named in `skipped`. Standard input read
/// because no input is named (`paths` is empty) must not be empty: that is a
/// list of files that came out empty (`xargs` run on no names), not an empty
/// body, and the run stops.
fn read(
    linter: &Linter,
    input: &inputs::Input,
    paths: &[PathBuf],
    skipped: &mut Skipped,
) -> Result<Option<Vec<u8>>, String> {
    let Some(bytes) = skipped.keep(input.read(max_bytes(linter).max(inputs::FILE_LIMIT))) else { return Ok(None) };
    if bytes.is_empty() && paths.is_empty() {
        return Err("nothing to lint: no input is named and standard input is empty; name files or folders, or pipe the text in \
             (`xargs -r` runs nothing when it is given no names)".into());
    }
    Ok(Some(bytes))
}

/// Passes standard input through unchanged: the `bytes` read, then the rest,
/// which the read left unread when the input is over the size limit.
fn pass_through(bytes: &[u8]) -> Result<(), String> {
    print_bytes(bytes)?;
    let copied = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::stdout().lock());
    match copied {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot pass standard input through: {}", inputs::reason(&error)))
        }
        _ => Ok(()),
    }
}

/// One line per environment of a truststore assignment's deployment, before the findings.
fn deployment_report(source: &str, bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let Ok(response) = serde_json::from_slice::<serde_json::Value>(bytes) else { return String::new() };
    let Some(environments) = response["deploymentResult"]["environmentResults"].as_array() else {
        return String::new();
    };
    if environments.is_empty() {
        return String::new();
    }
    let mut report = format!("deployment ({}):\n", printable(source));
    for environment in environments {
        let name = environment["environmentName"].as_str().map_or("(unnamed)".into(), printable);
        // As D002 reads it: `false` failed; anything but `true` says nothing.
        let state = match &environment["success"] {
            serde_json::Value::Bool(true) => "deployed",
            serde_json::Value::Bool(false) => "FAILED",
            serde_json::Value::Null if environment.get("success").is_none() => "unknown (no `success`)",
            _ => "unknown (`success` is no boolean)",
        };
        let message = environment["message"]
            .as_str()
            .map(|m| format!(" ({})", printable(&mtlslint::redact(m))))
            .unwrap_or_default();
        let _ = writeln!(report, "  {name:<20} {state}{message}");
    }
    report.push('\n');
    report
}

/// The server's text with control characters written as escapes: a terminal
/// would otherwise obey them (clear the screen, set the window's title).
fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}

/// Prints a rule's documentation.
fn explain(selector: &str) -> Result<(), String> {
    let rule = mtlslint::rules::lookup(selector).map_err(|unknown| match unknown.suggestion {
        Some(_) => unknown.to_string(),
        None => format!("{unknown}; `mtlslint rules` lists them"),
    })?;
    print(&rule.explanation())
}

/// Lists the rules as a table or a JSON array.
fn rules(format: ListFormat) -> Result<(), String> {
    let text = match format {
        ListFormat::Human => {
            let mut text = format!(
                "{:<6}{:<34}{:<10}{:<12}{:<11}{}\n",
                "code", "name", "standard", "production", "fix", "summary"
            );
            for rule in mtlslint::rules::all() {
                let _ = writeln!(
                    text,
                    "{:<6}{:<34}{:<10}{:<12}{:<11}{}",
                    rule.code,
                    rule.name,
                    rule.severity_name(mtlslint::Profile::Standard),
                    rule.severity_name(mtlslint::Profile::Production),
                    rule.fix.as_str(),
                    rule.summary()
                );
            }
            text
        }
        ListFormat::Json => {
            let rules: Vec<_> = mtlslint::rules::all().map(mtlslint::rules::Rule::info).collect();
            serde_json::to_string_pretty(&rules).expect("rules serialise") + "\n"
        }
    };
    print(&text)
}

fn print(text: &str) -> Result<(), String> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), String> {
    match std::io::stdout().lock().write_all(bytes) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {}", inputs::reason(&error)))
        }
        _ => Ok(()),
    }
}

/// The name `schema` prints the OpenAPI document by, beside the JSON Schemas'.
const OPENAPI: &str = "openapi";

/// Prints one published schema or the OpenAPI document, or the list of them.
fn schema(args: &SchemaArgs) -> Result<(), String> {
    let draft = args.draft.unwrap_or(Draft::Draft2020_12);
    if args.list {
        let mut list = String::new();
        let width = schema::SCHEMAS.iter().map(|published| published.name.len()).max().unwrap_or_default() + 2;
        for published in &schema::SCHEMAS {
            let _ = writeln!(list, "{:<width$}{}", published.name, published.summary);
        }
        let _ = writeln!(list, "{OPENAPI:<width$}both calls as an OpenAPI 3.1 document, with the schemas above");
        return print(&list);
    }
    if args.name == OPENAPI {
        if draft != Draft::Draft2020_12 {
            return Err("the OpenAPI document's schemas are 2020-12's, OpenAPI 3.1's dialect: leave out --draft".into());
        }
        return print(&schema::render_openapi());
    }
    let published = schema::lookup(&args.name).map_err(|e| format!("{e} (`{OPENAPI}` prints the OpenAPI document)"))?;
    print(&published.render(draft))
}

/// The configuration's options (the defaults without one), with `--profile` over its profile.
fn options(config: Option<&(PathBuf, Config)>, profile: Option<ProfileArg>) -> Result<Options, String> {
    let mut options = match config {
        Some((path, config)) => config.options().map_err(|e| format!("{}: {e}", path.display()))?,
        None => Options::default(),
    };
    if let Some(profile) = profile {
        options.profile = profile.into();
    }
    Ok(options)
}

/// The linter the flags and the configuration choose.
fn linter(common: &CommonArgs) -> Result<Linter, String> {
    linter_and_context_files(common).map(|(linter, _)| linter)
}

/// The linter, and the files it read for its configuration and context: a
/// folder being linted may hold them, and they are no bodies.
fn linter_and_context_files(common: &CommonArgs) -> Result<(Linter, Vec<PathBuf>), String> {
    let config = inputs::config(common.config.as_deref())?;
    let mut options = options(config.as_ref(), common.profile)?;
    let found = config.as_ref().and_then(|(_, config)| config.inventories.as_ref());
    common.limits.apply(&mut options.limits);
    let folder = config.as_ref().and_then(|(path, _)| path.parent());
    let (context, mut files) = inputs::context(common, found.zip(folder))?;
    files.extend(config.map(|(path, _)| path));
    Ok((Linter::new(options, context), files))
}

/// Findings of the `fixed` text with their ranges (and their fixes' edits)
/// moved into the `original` text. Text the fixes left alone keeps its
/// place; a range on text a fix wrote covers what the fix replaces. A list
/// item's pointer takes its index in the original: a fix that removed an
/// item before it (a repeated protocol) moved it.
fn placed_in(original: &str, mut fixed: mtlslint::Fixed) -> Vec<mtlslint::Diagnostic> {
    let parsed = mtlslint::syntax::parse(original, mtlslint::Limits::MAX_DEPTH);
    let mut diagnostics = std::mem::take(&mut fixed.remaining);
    let moved = |offset: usize, end: bool| fixed.source_offset(offset, end).min(original.len());
    let floor = |offset: usize| (0..=offset).rev().find(|&at| original.is_char_boundary(at)).unwrap_or(0);
    let range = |range: mtlslint::Range| {
        let start = floor(moved(range.start.offset, false));
        let end = floor(moved(range.end.offset, true)).max(start);
        mtlslint::Range {
            start: mtlslint::syntax::position(original, start),
            end: mtlslint::syntax::position(original, end),
        }
    };
    for diagnostic in &mut diagnostics {
        diagnostic.range = range(diagnostic.range);
        if let Some(pointer) = item_pointer(&parsed, &diagnostic.pointer, diagnostic.range.start.offset) {
            diagnostic.pointer = pointer.into();
        }
        for edit in diagnostic.fix.iter_mut().flat_map(|fix| &mut fix.edits) {
            edit.range = range(edit.range);
        }
    }
    diagnostics
}

/// The pointer of the item at `offset` of the list that `pointer` names an item of.
fn item_pointer(parsed: &mtlslint::syntax::Parsed<'_>, pointer: &str, offset: usize) -> Option<String> {
    use mtlslint::syntax::Value;
    let (list, index) = pointer.rsplit_once('/')?;
    index.parse::<usize>().ok()?;
    let mut node = parsed.root.as_ref()?;
    for token in list.split('/').skip(1) {
        node = match &node.value {
            // The server reads the last of repeated keys.
            Value::Object(members) => {
                &members.iter().rfind(|m| mtlslint::syntax::pointer_token(&m.key) == token)?.value
            }
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    let Value::Array(items) = &node.value else { return None };
    let at = items.iter().position(|item| item.span.start <= offset && offset < item.span.end)?;
    Some(format!("{list}/{at}"))
}

/// Writes the unified diff of two texts, their lines ended by `\n` only, as
/// `patch` and `git apply` read them (similar's own writer also ends a line
/// at a lone `\r`, old Mac line ends), marking a last line without one as
/// `diff` does.
fn write_diff(out: &mut String, name: &str, before: &str, after: &str) {
    let lines = |text| -> Vec<&str> { str::split_inclusive(text, '\n').collect() };
    let (before, after) = (lines(before), lines(after));
    let diff = similar::TextDiff::from_slices(&before, &after);
    let _ = writeln!(out, "--- {name}\n+++ {name}");
    for hunk in diff.unified_diff().iter_hunks() {
        let _ = writeln!(out, "{}", hunk.header());
        for change in hunk.iter_changes() {
            let _ = write!(out, "{}{}", change.tag(), change.value());
            if !change.value().ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
}

/// A file's name as a diff's `---`/`+++` header writes it so that `patch`
/// and `git apply` read it back: ended by a tab when it holds a space (they
/// read a name up to one), quoted as git quotes it when it holds a tab, a
/// line end or another control character, or starts with a quote. A
/// leading `./` (a walk of `.`) goes: `git apply -p0` refuses it.
fn diff_header_name(name: &str) -> String {
    let name = name.trim_start_matches("./");
    if name.chars().any(char::is_control) || name.starts_with('"') {
        let mut quoted = String::from("\"");
        for c in name.chars() {
            match c {
                '"' => quoted.push_str("\\\""),
                '\\' => quoted.push_str("\\\\"),
                '\t' => quoted.push_str("\\t"),
                '\n' => quoted.push_str("\\n"),
                '\r' => quoted.push_str("\\r"),
                c if c.is_control() => {
                    let mut bytes = [0; 4];
                    for byte in c.encode_utf8(&mut bytes).bytes() {
                        let _ = write!(quoted, "\\{byte:03o}");
                    }
                }
                c => quoted.push(c),
            }
        }
        quoted.push('"');
        quoted
    } else if name.contains(' ') {
        format!("{name}\t")
    } else {
        name.to_owned()
    }
}
