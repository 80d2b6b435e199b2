//! `cargo xtask <task>`: the project's automation, in Rust so that it runs
//! wherever cargo does.
//!
//! - `test`: formatting, lints, a quick run of the benchmark, every test,
//!   the API docs (warnings are errors), the doctests, and the schemas in
//!   VS Code's JSON language service (Node, `tests/editor`), SARIF validation,
//!   then the npm package built and tested in Node and Chromium (`tests/wasm`)
//!   with a quick run of its benchmark, and the web demo end to end in
//!   Chromium (`web-demo/tests`); what `.ci/run` runs.
//! - `bench`: the full benchmark (`cargo bench -p mtlslint`).
//! - `schemas`: writes every published JSON Schema and the OpenAPI document into `schemas/`.
//! - `docs`: writes the rule reference `docs/rules.md` from the rules' doc comments.
//! - `wasm`: builds the npm package in `pkg/` and reports the module's size.
//! - `bench-wasm`: the npm package's throughput against ajv in Node (`tests/wasm/bench.mjs`).
//! - `demo`: builds the package and serves `web-demo/` on localhost, printing its URL.
//! - `bench-demo`: the demo's validation time per keystroke in Chromium (`web-demo/bench.mjs`).

mod demo;
mod wasm;

use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "test" => test(),
        "bench" => cargo(&["bench", "-p", "mtlslint", "--bench", "lint"], &[]),
        "schemas" => schemas(),
        "docs" => write("docs/rules.md", &mtlslint::rules::reference()),
        "wasm" => wasm::build(),
        "bench-wasm" => wasm::build().and_then(|()| wasm::bench(false)),
        "demo" => wasm::build().and_then(|()| demo::serve()),
        "bench-demo" => wasm::build().and_then(|()| demo::bench()),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\ntasks:\n  test     formatting, lints, benchmark smoke run, all tests\n  bench    the full benchmark\n  schemas  write the JSON Schemas into schemas/\n  docs     write the rule reference docs/rules.md\n  wasm     build the npm package in pkg/\n  bench-wasm  the npm package against ajv in Node\n  demo     build the package and serve the web demo on localhost\n  bench-demo  validation time per keystroke in the demo, in Chromium"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(step) => {
            eprintln!("xtask: `{step}` failed");
            ExitCode::FAILURE
        }
    }
}

fn test() -> Result<(), String> {
    cargo(&["fmt", "--all", "--", "--check"], &[])?;
    cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], &[])?;
    // The benchmark's own figures in a quick pass, so that it keeps building and running.
    cargo(&["bench", "-p", "mtlslint", "--bench", "lint"], &[("MTLSLINT_BENCH_QUICK", "1")])?;
    cargo(&["test", "--workspace", "--all-targets"], &[])?;
    cargo(&["doc", "--workspace", "--no-deps"], &[("RUSTDOCFLAGS", "-D warnings")])?;
    cargo(&["test", "--workspace", "--doc"], &[])?;
    // The schemas as VS Code's own JSON language service reads them.
    npm_ci("tests/editor")?;
    run(Command::new("node").arg("--test").current_dir(root().join("tests/editor")))?;
    sarif()?;
    // The npm package: every shared vector against the CLI, the API, a plain page in Chromium, a quick benchmark.
    wasm::build()?;
    wasm::node_tests()?;
    wasm::browser_tests()?;
    wasm::bench(true)?;
    // The web demo end to end in Chromium.
    demo::tests()
}

/// Lints the shipped examples (bodies, cURL commands, an `.http` file) to SARIF and has Microsoft's validator (with
/// its GitHub ingestion rules) check the log: no error and no warning may remain.
fn sarif() -> Result<(), String> {
    cargo(&["build", "-q", "-p", "mtlslint-cli"], &[])?;
    let examples = root().join("examples");
    let binary = root().join("target/debug/mtlslint");
    let output = Command::new(&binary)
        .args(["check", "--format", "sarif", "bodies", "requests", "--keystores", "context/keystores.json"])
        .current_dir(&examples)
        .output()
        .map_err(|e| format!("{} ({e})", binary.display()))?;
    let log = root().join("target/examples.sarif");
    std::fs::write(&log, &output.stdout).map_err(|e| format!("writing {} ({e})", log.display()))?;
    let tool = root().join("tests/sarif");
    npm_ci("tests/sarif")?;
    let report = root().join("target/examples.validation.sarif");
    let _ = std::fs::remove_file(&report);
    let validator = tool.join("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    run(Command::new(validator).arg("validate").arg(&log).arg("--output").arg(&report).args([
        "--rule-kind",
        "Gh;Sarif",
        "--level",
        "Error;Warning;Note",
        "--quiet",
    ]))?;
    let text = std::fs::read_to_string(&report).map_err(|e| format!("reading {} ({e})", report.display()))?;
    let validation: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{} ({e})", report.display()))?;
    let findings = validation["runs"][0]["results"].as_array().cloned().unwrap_or_default();
    let serious: Vec<_> =
        findings.iter().filter(|r| matches!(r["level"].as_str(), Some("error" | "warning") | None)).collect();
    eprintln!("xtask: SARIF validator: {} findings, {} errors or warnings", findings.len(), serious.len());
    if serious.is_empty() {
        Ok(())
    } else {
        for finding in &serious {
            eprintln!("xtask: {} {}", finding["ruleId"], finding["message"]);
        }
        Err("SARIF validation".into())
    }
}

fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace")
}

/// Writes every published schema, in every dialect, under the workspace's `schemas/`.
fn schemas() -> Result<(), String> {
    for published in &mtlslint::schema::SCHEMAS {
        for draft in mtlslint::schema::Draft::ALL {
            write(&published.path(draft), &published.render(draft))?;
        }
    }
    write(mtlslint::schema::OPENAPI_PATH, &mtlslint::schema::render_openapi())
}

/// Writes a generated file at a path relative to the workspace, creating its folder.
fn write(relative: &str, text: &str) -> Result<(), String> {
    let path = root().join(relative);
    let written =
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).and_then(|()| std::fs::write(&path, text));
    written.map_err(|e| format!("writing {} ({e})", path.display()))?;
    eprintln!("xtask: wrote {relative}");
    Ok(())
}

fn cargo(args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    run(cargo_command().args(args).envs(env.iter().copied()))
}

/// The cargo that runs xtask.
fn cargo_command() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Installs a Node project's locked dependencies (`folder` relative to the workspace).
fn npm_ci(folder: &str) -> Result<(), String> {
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root().join(folder)))
}

/// Runs a command, timing it; the error names the command line.
fn run(command: &mut Command) -> Result<(), String> {
    let program = std::path::Path::new(command.get_program());
    let mut line = program.file_name().unwrap_or(program.as_os_str()).to_string_lossy().into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    eprintln!("xtask: {line}");
    let started = Instant::now();
    let status = command.status().map_err(|e| format!("{line} ({e}; is it installed?)"))?;
    eprintln!("xtask: {line}: {:.1}s", started.elapsed().as_secs_f64());
    if status.success() { Ok(()) } else { Err(line) }
}
