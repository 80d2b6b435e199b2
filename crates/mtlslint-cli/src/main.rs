//! The `mtlslint` command.

mod cli;
mod inputs;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use mtlslint::{Linter, Options, Severity};

use cli::{Cli, Command, CommonArgs, Format};
use output::FileResult;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
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

fn run(cli: Cli) -> Result<Vec<FileResult>, String> {
    let (common, results) = match cli.command {
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

fn linter(common: &CommonArgs, credentials: Option<&std::path::Path>) -> Result<Linter, String> {
    let mut options = Options::new(common.profile.into());
    options.limits.max_bytes = common.max_bytes;
    options.limits.max_depth = common.max_depth;
    let context = inputs::context(common, credentials)?;
    Ok(Linter::new(options, context))
}
