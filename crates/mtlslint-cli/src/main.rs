//! The `mtlslint` command.

mod cli;
mod inputs;
mod output;

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use mtlslint::{Linter, Options, Severity};

use cli::{Cli, Command, CommonArgs, Format, SchemaArgs};
use mtlslint::schema;
use output::FileResult;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Schema(args) => schema(&args).map(|()| Vec::new()),
        Command::Explain(args) => explain(&args.rule).map(|()| Vec::new()),
        Command::Rules(args) => rules(args.format).map(|()| Vec::new()),
        command => run(command),
    };
    match outcome {
        Ok(results) => {
            let failed = results.iter().flat_map(|r| &r.diagnostics).any(|d| d.severity == Severity::Error);
            if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(message) => {
            let _ = writeln!(anstream::stderr(), "mtlslint: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<Vec<FileResult>, String> {
    let (common, results) = match command {
        Command::Check(args) => {
            let linter = linter(&args.common, None)?;
            let mut results = Vec::new();
            for input in inputs::collect(&args.paths)? {
                let bytes = input.read()?;
                let diagnostics = linter.lint_body(&bytes);
                results.push(FileResult {
                    source: input.name(),
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                    diagnostics,
                });
            }
            (args.common, results)
        }
        Command::Request(args) => {
            let linter = linter(&args.common, args.credentials.as_deref())?;
            let request = inputs::request(&args.method, &args.url, &args.headers, args.data.as_deref())?;
            let report = linter.lint_request(&request);
            (
                args.common,
                vec![FileResult { source: "request".into(), text: report.text, diagnostics: report.diagnostics }],
            )
        }
        Command::Schema(_) | Command::Explain(_) | Command::Rules(_) => unreachable!("printed before linting"),
    };
    let written = match common.format {
        Format::Human => output::human::write(&mut anstream::stdout().lock(), &results),
        Format::Json => output::json::write(&mut std::io::stdout().lock(), &results),
    };
    match written {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {error}"))
        }
        _ => Ok(results),
    }
}

/// Prints a rule's documentation.
fn explain(selector: &str) -> Result<(), String> {
    let Some(rule) = mtlslint::rules::find(selector) else {
        let instead = match mtlslint::rules::suggest(selector) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`mtlslint rules` lists them".into(),
        };
        return Err(format!("no rule is called `{selector}`; {instead}"));
    };
    print(&rule.explanation())
}

/// Lists the rules as a table or a JSON array.
fn rules(format: Format) -> Result<(), String> {
    let text = match format {
        Format::Human => {
            let severity = |s: Option<Severity>| s.map_or("off", Severity::as_str);
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
                    severity(rule.standard),
                    severity(rule.production),
                    rule.fix.as_str(),
                    rule.summary()
                );
            }
            text
        }
        Format::Json => {
            let rules: Vec<_> = mtlslint::rules::all()
                .map(|rule| {
                    serde_json::json!({
                        "code": rule.code,
                        "name": rule.name,
                        "standard": rule.standard,
                        "production": rule.production,
                        "fix": rule.fix,
                        "summary": rule.summary(),
                        "documentation": rule.documentation(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules).expect("rules serialise") + "\n"
        }
    };
    print(&text)
}

fn print(text: &str) -> Result<(), String> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {error}"))
        }
        _ => Ok(()),
    }
}

/// Prints one published schema, or the list of them.
fn schema(args: &SchemaArgs) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let written = if args.list {
        schema::SCHEMAS.iter().try_for_each(|s| writeln!(out, "{:<24}{}", s.name, s.summary))
    } else {
        let Some(published) = schema::find(&args.name) else {
            let instead = match schema::suggest(&args.name) {
                Some(name) => format!("did you mean `{name}`?"),
                None => "`mtlslint schema --list` shows them".into(),
            };
            return Err(format!("no schema is called `{}`; {instead}", args.name));
        };
        out.write_all(published.render(args.draft).as_bytes())
    };
    match written {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {error}"))
        }
        _ => Ok(()),
    }
}

fn linter(common: &CommonArgs, credentials: Option<&std::path::Path>) -> Result<Linter, String> {
    let mut options = Options::new(common.profile.into());
    options.limits.max_bytes = common.max_bytes;
    options.limits.max_depth = common.max_depth;
    let context = inputs::context(common, credentials)?;
    Ok(Linter::new(options, context))
}
