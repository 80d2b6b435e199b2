// The npm package's throughput in Node against ajv 8, on the native
// benchmark's corpus (10,000 mTLS settings bodies, about 60% clean):
//
// - mtlslint: `lint(text)`, text in, diagnostics (with ranges, help, fixes) out;
// - ajv: `JSON.parse(text)`, then a validator compiled once from the project's
//   own draft-07 body schema with `allErrors: true` (a parse error counts as one);
// - JSON.parse alone, for scale.
//
// Run `cargo xtask bench-wasm` (it writes the corpus and builds the package);
// `node bench.mjs CORPUS.json` runs on a corpus written by
// `cargo run -p mtlslint --example corpus`. MTLSLINT_BENCH_QUICK=1 takes 3
// rounds instead of 15 (a smoke run). Figures go in docs/performance.md.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import Ajv from "ajv";

import { lint } from "../../pkg/node.mjs";

const corpusPath = process.argv[2] ?? new URL("../../target/corpus.json", import.meta.url);
const bodies = JSON.parse(readFileSync(corpusPath, "utf8"));
const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
const schema = JSON.parse(readFileSync(new URL("../../schemas/draft-07/mtls-settings.json", import.meta.url), "utf8"));
// Not strict: the schema carries editor keywords (markdownDescription, deprecationMessage, ...).
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const rounds = process.env.MTLSLINT_BENCH_QUICK ? 3 : 15;

const pipelines = {
  "mtlslint lint()": () => {
    let found = 0;
    for (const body of bodies) found += lint(body).length;
    return found;
  },
  "ajv (parse + validate)": () => {
    let errors = 0;
    for (const body of bodies) {
      let value;
      try {
        value = JSON.parse(body);
      } catch {
        errors += 1;
        continue;
      }
      if (!validate(value)) errors += validate.errors.length;
    }
    return errors;
  },
  "JSON.parse alone": () => {
    let parsed = 0;
    for (const body of bodies) {
      try {
        JSON.parse(body);
        parsed += 1;
      } catch {}
    }
    return parsed;
  },
};

console.log(`corpus: ${bodies.length} bodies, ${bytes} bytes; node ${process.version}; best of ${rounds} rounds`);
const counts = {};
for (const [name, run] of Object.entries(pipelines)) counts[name] = run(); // warm-up, and the findings
const best = Object.fromEntries(Object.keys(pipelines).map((name) => [name, Infinity]));
for (let round = 0; round < rounds; round += 1) {
  for (const [name, run] of Object.entries(pipelines)) {
    const started = process.hrtime.bigint();
    run();
    best[name] = Math.min(best[name], Number(process.hrtime.bigint() - started) / 1e6);
  }
}
console.log(`${"pipeline".padEnd(26)} ${"ms/corpus".padStart(10)} ${"MB/s".padStart(8)} ${"bodies/s".padStart(11)}  findings`);
for (const [name, ms] of Object.entries(best)) {
  const perSecond = (bodies.length / ms) * 1000;
  const megabytes = bytes / 1e6 / (ms / 1000);
  console.log(
    `${name.padEnd(26)} ${ms.toFixed(2).padStart(10)} ${megabytes.toFixed(1).padStart(8)} ${Math.round(perSecond).toLocaleString("en").padStart(11)}  ${counts[name]}`,
  );
}
const ratio = best["ajv (parse + validate)"] / best["mtlslint lint()"];
console.log(`mtlslint/ajv throughput: ${ratio.toFixed(2)}x (bar: at least 1.0x) ${ratio >= 1 ? "met" : "NOT met"}`);
const wasm = readFileSync(new URL("../../pkg/mtlslint_bg.wasm", import.meta.url));
const gzipped = gzipSync(wasm, { level: 9 }).length;
// The size bar itself is `cargo xtask wasm`'s to hold (it fails a module over it).
console.log(`pkg/mtlslint_bg.wasm: ${wasm.length} bytes, ${gzipped} gzipped by Node's zlib at level 9`);
