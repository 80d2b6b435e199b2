//! The web demo in `web-demo/`: served on localhost, tested end to end in
//! Chromium, and timed per keystroke. Its scripts are Node's; Playwright
//! (`playwright-core`, from npm) drives Debian's Chromium.

use std::process::Command;

use crate::{npm_ci, root, run, wasm};

/// `node web-demo/serve.mjs`: the page with its Content-Security-Policy and `application/wasm`, until stopped.
pub(crate) fn serve() -> Result<(), String> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8080".into());
    run(Command::new("node").args(["serve.mjs", &port]).current_dir(root().join("web-demo")))
}

/// The end-to-end tests; screenshots land in `target/web-demo/screenshots/`.
pub(crate) fn tests() -> Result<(), String> {
    wasm::chromium()?;
    npm_ci("web-demo")?;
    run(Command::new("node").args(["--test", "tests/"]).current_dir(root().join("web-demo")))
}

/// `web-demo/bench.mjs`: the median time of 1,000 keystrokes.
pub(crate) fn bench() -> Result<(), String> {
    wasm::chromium()?;
    npm_ci("web-demo")?;
    run(Command::new("node").arg("bench.mjs").current_dir(root().join("web-demo")))
}
