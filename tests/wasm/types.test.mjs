// The TypeScript declarations describe the real shapes: `tsc --strict`
// compiles usage.ts, whose deliberate mistakes must each be refused, and the
// public API declares no `any`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { constants, schema } from "../../pkg/node.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

test("usage.ts compiles under tsc --strict, refusing each deliberate mistake", () => {
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], {
    cwd: here,
    encoding: "utf8",
  });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

test("the public API declares no `any`", () => {
  for (const file of ["mtlslint.d.ts", "mtlslint.d.cts"]) {
    const declarations = readFileSync(new URL(`../../pkg/${file}`, import.meta.url), "utf8");
    // wasm-bindgen's description of the raw module exports (InitOutput) is not the API.
    const api = declarations.split("export interface InitOutput")[0];
    assert.deepEqual(api.match(/.*\bany\b.*/g) ?? [], [], file);
  }
});

test("FormFields names every body field and every path name of both calls, and nothing else", () => {
  const declarations = readFileSync(new URL("../../pkg/mtlslint.d.ts", import.meta.url), "utf8");
  const block = declarations.match(/export interface FormFields \{([^}]*)\}/)?.[1];
  assert.ok(block, "mtlslint.d.ts declares FormFields");
  const declared = [...block.matchAll(/^\s*(\w+)\?:/gm)].map((m) => m[1]).sort();
  // The path names come from the published path schemas, built from the same model as the linter.
  const pathNames = ["mtls-settings-path", "truststore-assignment"].flatMap((name) => Object.keys(schema(name).properties));
  const expected = [...new Set([...constants().fields, ...pathNames])].sort();
  assert.deepEqual(declared, expected);
});
