// Every shared vector under tests/vectors, under both profiles, through the
// npm package and through the native CLI: the diagnostics must be the same
// JSON, byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { lint, lintRequest, lintResponse } from "../../pkg/node.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const vectors = join(root, "tests/vectors");
const cli = process.env.MTLSLINT_BIN ?? join(root, "target/debug/mtlslint");

/** The context files beside a case, as CLI flags and as package options. */
function context(dir, caseName) {
  const flags = [];
  const options = {};
  const kinds = [
    ["current", "--current", "current"],
    ["keystores", "--keystores", "keystores"],
    ["admin-keystores", "--admin-keystores", "adminKeystores"],
    ["credentials", "--credentials", "credentials"],
    ["permissions", "--permissions", "permissions"],
  ];
  for (const [kind, flag, option] of kinds) {
    const path = join(dir, `${caseName}.${kind}.json`);
    if (existsSync(path)) {
      flags.push(flag, kind === "permissions" ? `@${path}` : path);
      options[option] = readFileSync(path, "utf8");
    }
  }
  return { flags, options };
}

function runCli(args) {
  // From a folder without mtlslint.json, so that only the flags count.
  const run = spawnSync(cli, args, { cwd: tmpdir(), encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, `mtlslint ${args.join(" ")}: exit ${run.status}\n${run.stderr}`);
  return JSON.parse(run.stdout).results[0].diagnostics;
}

const cases = [];
for (const group of readdirSync(vectors).sort()) {
  const dir = join(vectors, group);
  for (const file of readdirSync(dir).sort()) {
    const match = /^([^.]+)(\.request|\.response)?\.json$/.exec(file);
    if (match) cases.push({ dir, file, caseName: match[1], kind: match[2] ?? ".body" });
  }
}

test("the vectors are all there", () => {
  assert.ok(cases.length >= 140, `only ${cases.length} vectors found under ${vectors}`);
  assert.ok(existsSync(cli), `no CLI at ${cli}: build it with \`cargo build -p mtlslint-cli\` or set MTLSLINT_BIN`);
});

for (const { dir, file, caseName, kind } of cases) {
  for (const profile of ["standard", "production"]) {
    test(`${dir.split("/").pop()}/${file} (${profile})`, () => {
      const path = join(dir, file);
      const { flags, options } = context(dir, caseName);
      const common = ["--format", "json", "--profile", profile, ...flags];
      let native;
      let wasm;
      if (kind === ".body") {
        native = runCli(["check", ...common, path]);
        wasm = lint(readFileSync(path), { profile, ...options });
      } else if (kind === ".response") {
        native = runCli(["response", ...common, path]);
        wasm = lintResponse(readFileSync(path), { profile, ...options });
      } else {
        const request = JSON.parse(readFileSync(path, "utf8"));
        const args = ["request", ...common, "--method", request.method, "--url", request.url];
        for (const [name, value] of request.headers ?? []) args.push("-H", `${name}: ${value}`);
        if (request.body != null) args.push("--data", request.body);
        native = runCli(args);
        wasm = lintRequest(request, { profile, ...options }).diagnostics;
      }
      assert.equal(JSON.stringify(wasm), JSON.stringify(native));
    });
  }
}
