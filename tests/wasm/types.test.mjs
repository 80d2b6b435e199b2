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

function tsc(project) {
  const run = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", project], { cwd: here, encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
}

test("usage.ts compiles under tsc --strict, refusing each deliberate mistake", () => tsc("tsconfig.json"));

test("the package's Node entries compile in a project without the DOM library", () => tsc("tsconfig.node.json"));

test("the declarations hold no `any`", () => {
  for (const file of ["mtlslint.d.ts", "mtlslint.d.cts", "node.d.mts"]) {
    const declarations = readFileSync(new URL(`../../pkg/${file}`, import.meta.url), "utf8");
    assert.deepEqual(declarations.match(/.*\bany\b.*/g) ?? [], [], file);
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
