// Validation time per keystroke in the demo, in Chromium: 1,000 edits of a
// typical body (the keystore id typed one character at a time), each timed
// with performance.now() around the page's own input handler, which lints
// the JSON, validates the form and redraws the messages and marks; and the
// package calls alone (lint + validateForm) on the same texts.
// `cargo xtask bench-demo` runs it (after building the package).
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { DEMO_HEADERS, serve } from "./serve.mjs";
import { launchOptions } from "./tests/chromium.mjs";

const EDITS = 1000;
const root = fileURLToPath(new URL("..", import.meta.url));
const { server, url } = await serve(root, DEMO_HEADERS);
const browser = await chromium.launch(launchOptions());
try {
  const page = await browser.newPage();
  await page.goto(`${url}/web-demo/`);
  await page.waitForSelector("body[data-ready=true]");
  const result = await page.evaluate(async (edits) => {
    const { lint, validateForm } = await import("/pkg/mtlslint.js");
    const json = document.getElementById("json");
    const body = (id) =>
      `{\n  "enabled": true,\n  "keyStoreId": "${id}",\n  "trustStoreId": "payments-ts-prod",\n` +
      `  "supportedProtocolList": ["TLS_1_2", "TLS_1_3"],\n  "hostnameVerifierType": "DEFAULT"\n}`;
    const texts = Array.from({ length: edits }, (_, i) => body(`ks-payments-${"x".repeat(i % 40)}`));
    const keystroke = [];
    for (const text of texts) {
      json.value = text;
      const started = performance.now();
      json.dispatchEvent(new Event("input"));
      keystroke.push(performance.now() - started);
    }
    const validation = [];
    for (const text of texts) {
      const started = performance.now();
      lint(text, { profile: "standard" });
      validateForm(JSON.parse(text), { profile: "standard" });
      validation.push(performance.now() - started);
    }
    const stats = (times) => {
      const sorted = [...times].sort((a, b) => a - b);
      return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
    };
    return { keystroke: stats(keystroke), validation: stats(validation), agent: navigator.userAgent };
  }, EDITS);
  const ms = (value) => `${value.toFixed(3)} ms`;
  console.log(`${result.agent}`);
  console.log(`${EDITS} edits of a typical body (performance.now resolution applies):`);
  console.log(`  input handler (lint, validateForm, redraw): median ${ms(result.keystroke.median)}, p95 ${ms(result.keystroke.p95)}`);
  console.log(`  package calls alone (lint + validateForm):  median ${ms(result.validation.median)}, p95 ${ms(result.validation.p95)}`);
  console.log(`bar: median under 1 ms: ${result.keystroke.median < 1 ? "met" : "NOT met"}`);
} finally {
  await browser.close();
  server.close();
}
