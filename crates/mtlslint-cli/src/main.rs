//! The `mtlslint` command.

mod cli;
mod inputs;
mod output;

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
        Command::Schema(_) => unreachable!("printed before linting"),
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
