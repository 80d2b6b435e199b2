//! `cargo xtask wasm`: builds the npm package in `pkg/` from `crates/mtlslint-wasm`.
//!
//! The module is compiled for `wasm32-unknown-unknown` with rustup's target
//! when it is installed, and otherwise with Debian's `rustc-web`, which ships
//! the standard library's source to build it from (installed with apt when
//! the machine lets us). Then `wasm-bindgen` (the version Cargo.lock pins,
//! installed once into `.cache/tools/`) writes the JavaScript glue for
//! browsers and for Node, and `wasm-opt` (npm's `binaryen`) shrinks the module.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, cargo_command, npm_ci, root, run};

/// The bar for the module's size, gzipped: 150 KB, read as 150,000 bytes (the
/// stricter of the two readings), so that a build over it fails.
pub(crate) const GZIP_BAR: usize = 150_000;

/// Files of `pkg/` that are tracked; the build replaces everything else.
const TRACKED: [&str; 3] = ["package.json", "README.md", "LICENSE"];

/// Where the npm tools of the wasm tests live (`binaryen`, `ajv`, `playwright-core`).
pub(crate) const NODE_TESTS: &str = "tests/wasm";

pub(crate) fn build() -> Result<(), String> {
    let module = compile()?;
    let bindgen = wasm_bindgen()?;
    let pkg = root().join("pkg");
    clean(&pkg)?;
    run(Command::new(&bindgen)
        .args(["--target", "web", "--out-name", "mtlslint", "--out-dir"])
        .arg(&pkg)
        .arg(&module))?;
    // Node's CommonJS glue loads the same module file; wasm-bindgen writes it byte for byte alike for both targets.
    let node = root().join("target/wasm-node");
    run(Command::new(&bindgen)
        .args(["--target", "nodejs", "--out-name", "mtlslint", "--out-dir"])
        .arg(&node)
        .arg(&module))?;
    guard_before_init(&pkg.join("mtlslint.js"))?;
    copy(&node.join("mtlslint.js"), &pkg.join("mtlslint.cjs"))?;
    copy(&node.join("mtlslint.d.ts"), &pkg.join("mtlslint.d.cts"))?;
    optimize(&pkg.join("mtlslint_bg.wasm"))?;
    add_version(&pkg)?;
    write(&pkg.join("node.mjs"), NODE_ENTRY)?;
    declare_raw_exports(&pkg.join("mtlslint.d.ts"))?;
    let api = std::fs::read_to_string(pkg.join("mtlslint.d.cts")).map_err(|e| format!("pkg/mtlslint.d.cts ({e})"))?;
    let cjs = std::fs::read_to_string(pkg.join("mtlslint.cjs")).map_err(|e| format!("pkg/mtlslint.cjs ({e})"))?;
    // Both Node entries have the browser's `init`, which resolves at once.
    write(&pkg.join("mtlslint.cjs"), &format!("{cjs}{CJS_INIT}"))?;
    write(&pkg.join("mtlslint.d.cts"), &format!("{api}{NODE_INIT_TYPES}"))?;
    write(&pkg.join("node.d.mts"), &format!("{api}{NODE_INIT_TYPES}"))?;
    report(&pkg.join("mtlslint_bg.wasm"))
}

/// Node's ES module entry: the browser module, instantiated at once from the file beside it.
const NODE_ENTRY: &str = r#"// Node's ES module entry (written by `cargo xtask wasm`): the browser module,
// instantiated synchronously from the .wasm beside it, so no `init()` is needed.
// Calling the default export anyway resolves at once, as in a browser.
import { readFileSync } from "node:fs";
import { initSync } from "./mtlslint.js";

initSync({ module: readFileSync(new URL("./mtlslint_bg.wasm", import.meta.url)) });

export * from "./mtlslint.js";
export { default } from "./mtlslint.js";
"#;

/// The browser's `init` and `initSync` in Node's CommonJS entry, which
/// instantiates the module when it is required: `import init from "mtlslint"`
/// compiled to CommonJS (as TypeScript's older `node10` resolution, which
/// reads the browser's declarations, allows) calls the default export.
const CJS_INIT: &str = r#"
/** Resolves at once: the module was instantiated when it was required. */
module.exports.default = async function init() { return wasm; };
/** Returns at once, for the same reason. */
module.exports.initSync = function initSync() { return wasm; };
Object.defineProperty(module.exports, "__esModule", { value: true });
"#;

/// The rest of both Node entries' types (`node.d.mts` and `mtlslint.d.cts`,
/// after the API): its `init` without the browser's `RequestInfo`,
/// `BufferSource` and `WebAssembly` types, which a project that compiles for
/// Node alone (`lib: ["es2022"]`, `types: ["node"]`) does not have.
const NODE_INIT_TYPES: &str = r"
/** The module's raw exports, which `init` resolves to: not part of the API. */
export type InitOutput = Readonly<Record<string, unknown>>;

/**
 * Resolves at once: Node's entry instantiates the module when it is imported.
 * Kept so that code written for browsers (`await init()`) runs unchanged.
 */
export default function init(module_or_path?: unknown): Promise<InitOutput>;

/** Returns at once, for the same reason as `init`. */
export function initSync(module?: unknown): InitOutput;
";

/// Declares the raw exports that wasm-bindgen types `any` (JavaScript values
/// handed to the module) as `unknown`, so that the declarations hold no `any`.
fn declare_raw_exports(declarations: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(declarations).map_err(|e| format!("{} ({e})", declarations.display()))?;
    let start = text.find("export interface InitOutput {").ok_or("wasm-bindgen no longer declares InitOutput")?;
    let end = start + text[start..].find("\n}").ok_or("InitOutput has no end")?;
    let raw = text[start..end].replace(": any", ": unknown").replace("=> any", "=> unknown");
    write(declarations, &[&text[..start], &raw, &text[end..]].concat())
}

/// Compiles the crate for wasm32 and returns the module's path.
fn compile() -> Result<PathBuf, String> {
    let args = ["build", "--profile", "wasm", "--target", WASM32, "-p", "mtlslint-wasm"];
    // Building std lets a panic abort at once, without its formatting code.
    let (mut command, target_dir) = wasm_cargo(&args, "-Zunstable-options -Cpanic=immediate-abort", "wasm-debian")?;
    run(&mut command)?;
    Ok(target_dir.join("wasm32-unknown-unknown/wasm/mtlslint_wasm.wasm"))
}

const WASM32: &str = "wasm32-unknown-unknown";

/// A cargo command for wasm32 and its target folder: rustup's target when it
/// is installed, otherwise Debian's compiler building std from source (with
/// `debian_flags` in RUSTFLAGS, which only a std built here allows, and
/// `target/<folder>` as its target folder, one per set of flags).
fn wasm_cargo(args: &[&str], debian_flags: &str, folder: &str) -> Result<(Command, PathBuf), String> {
    if rustup_has_wasm32() {
        let mut command = cargo_command();
        command.args(args).current_dir(root());
        return Ok((command, root().join("target")));
    }
    debian_toolchain()?;
    let target_dir = root().join("target").join(folder);
    let mut command = Command::new("/usr/bin/cargo");
    command
        .args(args)
        .args(["-Z", "build-std=std,panic_abort", "-Z", "build-std-features=optimize_for_size", "--target-dir"])
        .arg(&target_dir)
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTFLAGS", debian_flags)
        .current_dir(root());
    Ok((command, target_dir))
}

fn rustup_has_wasm32() -> bool {
    Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown"))
}

/// Debian's second compiler, with the standard library's source (see `../shared/notes/wasm-toolchain.md`).
fn debian_toolchain() -> Result<(), String> {
    const PACKAGES: [&str; 4] = ["rustc-web", "cargo-web", "rust-web-src", "lld-22"];
    if Path::new("/usr/bin/rustc").exists() && Path::new("/usr/lib/rustlib/src/rust/library").exists() {
        return Ok(());
    }
    apt_install(&PACKAGES).map_err(|e| {
        format!(
            "{e}: no wasm32 toolchain; run `rustup target add wasm32-unknown-unknown` or `apt-get install {}`",
            PACKAGES.join(" ")
        )
    })
}

/// Installs Debian packages when this process may (root, as in CI).
pub(crate) fn apt_install(packages: &[&str]) -> Result<(), String> {
    let root_user = Command::new("id").arg("-u").output().is_ok_and(|out| out.stdout.starts_with(b"0\n"));
    if !root_user {
        return Err(format!("apt-get install {} (needs root)", packages.join(" ")));
    }
    // Another apt-get at work (an unattended upgrade) holds the lock a while: wait for it.
    let apt_get = || {
        let mut command = Command::new("apt-get");
        command.args(["-o", "DPkg::Lock::Timeout=600"]);
        command
    };
    run(apt_get().args(["update", "-q"]))?;
    run(apt_get().args(["install", "-y", "-q"]).args(packages).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The `wasm-bindgen` CLI of the version Cargo.lock pins, installed into `.cache/tools/` once.
fn wasm_bindgen() -> Result<PathBuf, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock ({e})"))?;
    let version = lock
        .split("[[package]]")
        .find(|entry| entry.contains("\nname = \"wasm-bindgen\"\n"))
        .and_then(|entry| entry.lines().find_map(|l| l.strip_prefix("version = \"")))
        .and_then(|v| v.strip_suffix('"'))
        .ok_or("Cargo.lock pins no wasm-bindgen")?;
    let tools = root().join(format!(".cache/tools/wasm-bindgen-{version}"));
    let binary = tools.join("bin/wasm-bindgen");
    if !binary.exists() {
        // Not `--locked`: the CLI's lock file pins crates the registry mirror may not carry.
        cargo(&["install", "wasm-bindgen-cli", "--version", version, "--root", &tools.to_string_lossy()], &[])?;
    }
    Ok(binary)
}

/// The folder of the Node tests, its locked dependencies installed (binaryen's
/// `wasm-opt`, ajv, TypeScript, playwright-core): once, and again only when
/// the lockfile is newer than the install.
fn node_tools() -> Result<PathBuf, String> {
    let tests = root().join(NODE_TESTS);
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let installed = modified(&tests.join("node_modules/.package-lock.json"));
    if installed.is_none() || modified(&tests.join("package-lock.json")) > installed {
        npm_ci(NODE_TESTS)?;
    }
    Ok(tests)
}

/// `wasm-opt` from npm's `binaryen` (Debian's is too old for the module's
/// features): `-Oz`, then the control flow flattened and rebuilt
/// (`--flatten --rereloop`) and optimized again, twice, which leaves about
/// 1.4 KB less gzipped than `-Oz` alone (docs/performance.md), and the
/// sections only a linker reads (producers, target features) dropped.
fn optimize(module: &Path) -> Result<(), String> {
    let wasm_opt = node_tools()?.join("node_modules/.bin/wasm-opt");
    let features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"];
    let rebuilt = ["--flatten", "--rereloop", "-Oz"];
    let passes =
        ["-Oz"].iter().chain(&rebuilt).chain(&rebuilt).chain(&["-Oz", "--strip-producers", "--strip-target-features"]);
    run(Command::new(wasm_opt).args(passes).args(features).arg(module).arg("-o").arg(module))
}

/// Before `init()` has loaded the module, a call into the browser entry
/// throws an `Error` that says so, where wasm-bindgen's glue would throw a
/// `TypeError` from inside itself ("reading 'lint'").
fn guard_before_init(glue: &Path) -> Result<(), String> {
    const DECLARATION: &str = "let wasmModule, wasmInstance, wasm;";
    const LOADED: &str = "if (wasm !== undefined) return wasm;";
    let text = std::fs::read_to_string(glue).map_err(|e| format!("{} ({e})", glue.display()))?;
    if text.matches(DECLARATION).count() != 1 || text.matches(LOADED).count() != 2 {
        return Err(format!("{}: wasm-bindgen's glue has changed; adapt guard_before_init", glue.display()));
    }
    let guard = "const NOT_LOADED = new Proxy({}, { get() { throw new Error(\
        \"mtlslint: call the default export first (`await init()`): it loads the WebAssembly module\"); } });\n\
        let wasmModule, wasmInstance, wasm = NOT_LOADED;";
    write(glue, &text.replace(DECLARATION, guard).replace(LOADED, "if (wasm !== NOT_LOADED) return wasm;"))
}

/// Adds `version` (the crates' version, which `pkg/package.json` must carry too) to every entry.
fn add_version(pkg: &Path) -> Result<(), String> {
    let version = mtlslint::VERSION;
    let manifest =
        std::fs::read_to_string(pkg.join("package.json")).map_err(|e| format!("reading pkg/package.json ({e})"))?;
    let declared: serde_json::Value = serde_json::from_str(&manifest).map_err(|e| format!("pkg/package.json: {e}"))?;
    if declared["version"] != version {
        return Err(format!("pkg/package.json has version {}; the crates have {version}", declared["version"]));
    }
    let lines = [
        ("mtlslint.js", format!("\n/** The package's version. */\nexport const version = \"{version}\";\n")),
        ("mtlslint.d.ts", format!("\n/** The package's version. */\nexport const version: \"{version}\";\n")),
        ("mtlslint.cjs", format!("\nmodule.exports.version = \"{version}\";\n")),
        ("mtlslint.d.cts", format!("\n/** The package's version. */\nexport const version: \"{version}\";\n")),
    ];
    for (file, line) in lines {
        let path = pkg.join(file);
        let mut out =
            std::fs::OpenOptions::new().append(true).open(&path).map_err(|e| format!("{} ({e})", path.display()))?;
        out.write_all(line.as_bytes()).map_err(|e| format!("{} ({e})", path.display()))?;
    }
    Ok(())
}

/// Prints the module's size, raw and gzipped, and fails when it is over the bar.
fn report(module: &Path) -> Result<(), String> {
    let bytes = std::fs::read(module).map_err(|e| format!("{} ({e})", module.display()))?;
    let gzipped = gzip_len(&bytes);
    eprintln!("xtask: pkg/mtlslint_bg.wasm: {} bytes, {gzipped} gzipped (-9); the bar is {GZIP_BAR}", bytes.len());
    if gzipped > GZIP_BAR {
        return Err(format!(
            "pkg/mtlslint_bg.wasm is {gzipped} bytes gzipped, over the bar of {GZIP_BAR}: see docs/performance.md"
        ));
    }
    Ok(())
}

pub(crate) fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn clean(pkg: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(pkg).map_err(|e| format!("{} ({e})", pkg.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if !TRACKED.contains(&name) && path.is_file() {
            std::fs::remove_file(&path).map_err(|e| format!("{} ({e})", path.display()))?;
        }
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(drop).map_err(|e| format!("copying {} ({e})", from.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{} ({e})", path.display()))
}

/// `crates/mtlslint-wasm/tests/browser.rs` under `wasm-bindgen-test-runner`, in headless Chromium.
pub(crate) fn browser_tests() -> Result<(), String> {
    let runner = wasm_bindgen()?.with_file_name("wasm-bindgen-test-runner");
    let args = ["test", "--target", WASM32, "-p", "mtlslint-wasm", "--test", "browser"];
    let (mut command, _) = wasm_cargo(&args, "-Cpanic=abort -Zpanic-abort-tests", "wasm-debian-test")?;
    // The runner reads Chromium's flags from webdriver.json in the folder it starts in.
    command
        .current_dir(root().join("crates/mtlslint-wasm"))
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner)
        .env("CHROMEDRIVER", "/usr/bin/chromedriver");
    run(&mut command)
}

/// The Node tests of `tests/wasm`: the vectors against the CLI, the API, and the page in Chromium.
pub(crate) fn node_tests() -> Result<(), String> {
    chromium()?;
    cargo(&["build", "-p", "mtlslint-cli"], &[])?;
    let tests = node_tools()?;
    run(Command::new("node")
        .arg("--test")
        .env("MTLSLINT_BIN", root().join("target/debug/mtlslint"))
        .current_dir(&tests))
}

/// Debian's Chromium and ChromeDriver, which the browser tests drive.
pub(crate) fn chromium() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// `tests/wasm/bench.mjs` on the native benchmark's corpus; `quick` takes 3 rounds.
pub(crate) fn bench(quick: bool) -> Result<(), String> {
    let corpus = root().join("target/corpus.json");
    let out = cargo_command()
        .args(["run", "-q", "-p", "mtlslint", "--example", "corpus"])
        .output()
        .map_err(|e| format!("cargo run --example corpus ({e})"))?;
    if !out.status.success() {
        return Err("cargo run -p mtlslint --example corpus".into());
    }
    write(&corpus, &String::from_utf8_lossy(&out.stdout))?;
    let tests = node_tools()?;
    let mut command = Command::new("node");
    command.arg("bench.mjs").arg(&corpus).current_dir(&tests);
    if quick {
        command.env("MTLSLINT_BENCH_QUICK", "1");
    }
    run(&mut command)
}
