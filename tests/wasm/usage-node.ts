// The package's declarations in a project that compiles for Node alone, with
// no DOM library (`lib: ["es2022"]`, `types: ["node"]`): each entry as the
// README writes it, `import` and `require`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import init, { lint, type Diagnostic } from "mtlslint";

await init(); // resolves at once in Node, as in code written for browsers
const found: Diagnostic[] = lint(readFileSync("settings.json")); // a Buffer is a Uint8Array
const require = createRequire(import.meta.url);
const cjs: typeof import("mtlslint", { with: { "resolution-mode": "require" } }) = require("mtlslint");
const codes: string[] = cjs.lint('{"enabled": true}').map((d) => d.code);
console.log(found.length, codes);
