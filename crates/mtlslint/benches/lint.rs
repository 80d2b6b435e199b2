//! Native lint throughput on a generated corpus of E1 bodies.
//!
//! Three pipelines run over exactly the same bytes:
//!
//! - `lint`: [`Linter::lint_body`] with every rule and the standard profile:
//!   findings with their byte ranges, messages, help and fixes;
//! - `parse`: `serde_json::from_slice::<serde_json::Value>` alone;
//! - `jsonschema`: the same parse, then the `jsonschema` crate validating the
//!   value against the published body schema, compiled once.
//!
//! A fourth, `lint + locate`, also gives every finding its lines and columns
//! ([`mtlslint::locate`]), as the CLI and the npm package do before they show
//! them: it is printed beside the others, for what placing costs.
//!
//! `cargo bench -p mtlslint --bench lint` runs criterion, then a best-of-15
//! measurement of the four in one process that prints MB/s, bodies/s and the
//! ratios `lint/parse` and `lint/jsonschema`. With `MTLSLINT_BENCH_QUICK` set,
//! criterion is skipped (a CI smoke run). Under `cargo test --benches` the
//! corpus is checked and criterion runs each pipeline once, as a test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use mtlslint::schema::Draft;
use mtlslint::{Context, Linter, Options, Severity};
use serde_json::{Value, json};

#[path = "support/corpus.rs"]
mod corpus;

/// The published JSON Schema of the body (`schemas/2020-12/mtls-settings.json`),
/// which a property test proves to agree with the linter's shape rules, less
/// what it carries only for editors and that validation need not repeat: the
/// per-constant `anyOf` beside each `enum` (deprecation marks), and the
/// `not: {not: ...}` beside `then.required` (the server's message).
fn schema() -> Value {
    fn validation_core(schema: &mut Value) {
        match schema {
            Value::Object(object) => {
                if object.contains_key("enum") {
                    object.remove("anyOf");
                }
                if let Some(then) = object.get_mut("then").and_then(Value::as_object_mut) {
                    then.remove("not");
                }
                object.values_mut().for_each(validation_core);
            }
            Value::Array(items) => items.iter_mut().for_each(validation_core),
            _ => {}
        }
    }
    let mut schema =
        mtlslint::schema::find("mtls-settings").expect("the body schema is published").generate(Draft::Draft2020_12);
    validation_core(&mut schema);
    schema
}

/// The pipelines, each over the whole corpus; each returns a count it computed.
struct Pipelines {
    linter: Linter,
    validator: jsonschema::Validator,
}

impl Pipelines {
    fn new() -> Self {
        Self {
            linter: Linter::new(Options::default(), Context::default()),
            validator: jsonschema::validator_for(&schema()).expect("the schema compiles"),
        }
    }

    /// Diagnostics over the corpus.
    fn lint(&self, bodies: &[Vec<u8>]) -> usize {
        bodies.iter().map(|body| black_box(self.linter.lint_body(black_box(body))).len()).sum()
    }

    /// Diagnostics over the corpus, placed in their text.
    fn lint_and_locate(&self, bodies: &[Vec<u8>]) -> usize {
        let placed = |body: &Vec<u8>| {
            let findings = self.linter.lint_body(black_box(body));
            mtlslint::locate(&String::from_utf8_lossy(body), findings)
        };
        bodies.iter().map(|body| black_box(placed(body)).len()).sum()
    }

    /// Bodies that did not parse.
    fn parse(bodies: &[Vec<u8>]) -> usize {
        bodies
            .iter()
            .map(|body| match serde_json::from_slice::<Value>(black_box(body)) {
                Ok(value) => {
                    black_box(value);
                    0
                }
                Err(_) => 1,
            })
            .sum()
    }

    /// Schema errors over the corpus, a parse error counting as one.
    fn jsonschema(&self, bodies: &[Vec<u8>]) -> usize {
        bodies
            .iter()
            .map(|body| match serde_json::from_slice::<Value>(black_box(body)) {
                Ok(value) => self
                    .validator
                    .iter_errors(&value)
                    .inspect(|error| {
                        black_box(error.instance_path());
                    })
                    .count(),
                Err(_) => 1,
            })
            .sum()
    }
}

/// Checks the generator: clean bodies draw at most info-level findings, bad ones more.
fn check_corpus(corpus: &corpus::Corpus, linter: &Linter) {
    for (body, &bad) in corpus.bodies.iter().zip(&corpus.bad) {
        let worst = linter.lint_body(body).iter().map(|d| d.severity).max();
        let flagged = worst >= Some(Severity::Warning);
        assert_eq!(
            flagged,
            bad,
            "generator bug: {} body drew {worst:?}:\n{}",
            if bad { "bad" } else { "clean" },
            String::from_utf8_lossy(body)
        );
    }
}

#[allow(clippy::cast_precision_loss)] // byte and body counts far below 2^52
fn per_second(amount: usize, time: Duration) -> f64 {
    amount as f64 / time.as_secs_f64()
}

#[allow(clippy::cast_precision_loss)] // byte counts far below 2^52
fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// Times the pipelines round-robin, `runs` times each, and prints the best of each.
fn measure(pipelines: &Pipelines, bodies: &[Vec<u8>], runs: usize) {
    let total: usize = bodies.iter().map(Vec::len).sum();
    let mut best = [Duration::MAX; 4];
    let mut counts = [0; 4];
    for _ in 0..runs {
        let start = Instant::now();
        counts[0] = black_box(pipelines.lint(bodies));
        best[0] = best[0].min(start.elapsed());
        let start = Instant::now();
        counts[1] = black_box(Pipelines::parse(bodies));
        best[1] = best[1].min(start.elapsed());
        let start = Instant::now();
        counts[2] = black_box(pipelines.jsonschema(bodies));
        best[2] = best[2].min(start.elapsed());
        let start = Instant::now();
        counts[3] = black_box(pipelines.lint_and_locate(bodies));
        best[3] = best[3].min(start.elapsed());
    }
    assert_eq!(counts[3], counts[0], "placing keeps every finding");
    println!();
    println!(
        "findings over the corpus: {} lint diagnostics, {} parse failures, {} jsonschema errors",
        counts[0], counts[1], counts[2]
    );
    println!("own measurement: best of {runs} runs over the whole corpus, same process");
    println!("{:<28} {:>10} {:>10} {:>12}", "pipeline", "ms/corpus", "MB/s", "bodies/s");
    let names = [
        "lint (mtlslint, all rules)",
        "parse (serde_json Value)",
        "jsonschema (parse+validate)",
        "lint + locate (lines, cols)",
    ];
    for (name, time) in names.iter().zip(best) {
        println!(
            "{name:<28} {:>10.2} {:>10.1} {:>12.0}",
            time.as_secs_f64() * 1e3,
            megabytes(total) / time.as_secs_f64(),
            per_second(bodies.len(), time),
        );
    }
    // Throughput ratios: lint throughput over the other's.
    let lint_parse = best[1].as_secs_f64() / best[0].as_secs_f64();
    let lint_schema = best[2].as_secs_f64() / best[0].as_secs_f64();
    let verdict = |met: bool| if met { "yes" } else { "no" };
    println!("lint/parse      = {lint_parse:.2}x (bar >= 0.5x: met: {})", verdict(lint_parse >= 0.5));
    println!("lint/jsonschema = {lint_schema:.2}x (bar >= 1.0x: met: {})", verdict(lint_schema >= 1.0));
    let placed_schema = best[2].as_secs_f64() / best[3].as_secs_f64();
    println!(
        "lint + locate / jsonschema = {placed_schema:.2}x (no bar: what a front end that shows every finding pays)"
    );
}

fn main() {
    let corpus = corpus::generate();
    let total = corpus.total_bytes();
    let bad = corpus.bad.iter().filter(|&&b| b).count();
    println!(
        "corpus: {} E1 bodies, {total} bytes ({:.2} MB); {} clean, {bad} with 1-3 problems ({} of them invalid JSON)",
        corpus.bodies.len(),
        megabytes(total),
        corpus.bodies.len() - bad,
        corpus.invalid,
    );

    let pipelines = Pipelines::new();
    check_corpus(&corpus, &pipelines.linter);
    let clean = json!({"enabled": true, "keyStoreId": "ks-prod-0042", "supportedProtocolList": ["TLS_1_2"]});
    assert!(pipelines.validator.is_valid(&clean), "the schema rejects a clean body");
    for bad in [
        json!({"keystoreId": "ks-prod-0042"}),
        json!({"enabled": true}),
        json!({"enabled": true, "keyStoreId": ""}),
        json!({"enabled": "true"}),
        json!({"supportedProtocolList": ["TLSv1.2"]}),
        json!({"hostnameVerifierType": "default"}),
    ] {
        assert!(!pipelines.validator.is_valid(&bad), "the schema accepts {bad}");
    }
    assert_eq!(Pipelines::parse(&corpus.bodies), corpus.invalid);

    // `cargo bench` passes `--bench`; without it criterion runs each benchmark once, as a test.
    let benchmarking = std::env::args().any(|arg| arg == "--bench");
    let quick = std::env::var_os("MTLSLINT_BENCH_QUICK").is_some();
    if !quick {
        let mut criterion = Criterion::default().configure_from_args();
        let mut group = criterion.benchmark_group("e1_corpus");
        group
            .throughput(Throughput::Bytes(total as u64))
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        group.bench_function("lint", |b| b.iter(|| pipelines.lint(&corpus.bodies)));
        group.bench_function("serde_json_parse", |b| b.iter(|| Pipelines::parse(&corpus.bodies)));
        group.bench_function("jsonschema", |b| b.iter(|| pipelines.jsonschema(&corpus.bodies)));
        group.bench_function("lint_and_locate", |b| b.iter(|| pipelines.lint_and_locate(&corpus.bodies)));
        group.finish();
        criterion.final_summary();
    }
    if benchmarking || quick {
        measure(&pipelines, &corpus.bodies, if benchmarking { 15 } else { 1 });
    }
}
