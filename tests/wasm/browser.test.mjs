// The browser entry point imported as a plain ES module, in Chromium, from a
// page served on localhost: what the package README tells a web developer to do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { serve } from "../../web-demo/serve.mjs";
import { launchOptions } from "../../web-demo/tests/chromium.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("import init, { lint } from the package in a plain page", async () => {
  // Chromium first: a server left listening would keep the test from ending when it cannot start.
  const browser = await chromium.launch(launchOptions());
  const { server, url } = await serve(root, {}, 0, ["/tests/wasm/", "/pkg/"]);
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${url}/tests/wasm/page.html`);
    const result = await page.waitForFunction(() => window.result, null, { timeout: 10_000 }).then((h) => h.jsonValue());
    assert.deepEqual(problems, []);
    assert.deepEqual(result.codes, ["M001", "H001", "M003", "M004", "S004"]);
    assert.match(result.keystore, /KeyStore ID is required when mTLS is enabled/);
    assert.deepEqual(result.keystoreCodes, ["M001", "S007"]);
    assert.match(result.version, /^\d+\.\d+\.\d+/);
  } finally {
    await browser.close();
    server.close();
  }
});
