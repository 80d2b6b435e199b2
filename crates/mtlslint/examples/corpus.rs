//! Writes the benchmark corpus to stdout as a JSON array of strings, so that
//! the npm package's benchmark (`tests/wasm/bench.mjs`) lints the very bodies
//! the native benchmark does: `cargo run -p mtlslint --example corpus`.

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code, reason = "the benchmark reads more of the corpus than its bodies")]
mod corpus;

fn main() {
    let corpus = corpus::generate();
    let bodies: Vec<&str> =
        corpus.bodies.iter().map(|b| std::str::from_utf8(b).expect("the corpus is UTF-8")).collect();
    println!("{}", serde_json::to_string(&bodies).expect("strings serialise"));
}
