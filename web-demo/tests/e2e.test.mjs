// The demo as a user meets it: in Chromium, served on localhost with its
// Content-Security-Policy. Screenshots of the main states go to
// target/web-demo/screenshots/.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { DEMO_HEADERS, serve } from "../serve.mjs";
import { launchOptions } from "./chromium.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const shots = fileURLToPath(new URL("../../target/web-demo/screenshots/", import.meta.url));
mkdirSync(shots, { recursive: true });

let server;
let base;
let browser;
let page;
let problems;

before(async () => {
  ({ server, url: base } = await serve(root, DEMO_HEADERS));
  browser = await chromium.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  server?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  problems = [];
  page.on("console", (message) => ["error", "warning"].includes(message.type()) && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("dialog", (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    dialog.dismiss();
  });
  // Nothing leaves the page: every request goes to the page's own origin.
  page.on("request", (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) {
      problems.push(`a request left the page: ${request.url()}`);
    }
  });
  await page.goto(`${base}/web-demo/`);
  await page.waitForSelector("body[data-ready=true]");
});

/** The messages shown beside a field, as text. */
const messages = (field, severity = "") =>
  page.locator(`#panel-mtls .field[data-field=${field}] .message${severity ? `.${severity}` : ""}`);

test("enabling mTLS without a keystore shows the error beside the keystore field, until one is typed", async () => {
  await page.selectOption("#enabled", "true");
  const error = messages("keyStoreId", "error");
  await assert.doesNotReject(error.filter({ hasText: "KeyStore ID is required when mTLS is enabled" }).waitFor());
  assert.equal(await page.getAttribute("#keyStoreId", "aria-invalid"), "true");
  assert.match(await page.getAttribute("#keyStoreId", "aria-describedby"), /keyStoreId-messages/);
  assert.equal(await page.getAttribute("#keyStoreId-messages", "aria-live"), "polite");
  assert.match(await page.textContent("#summary-mtls"), /^1 error/);
  await page.screenshot({ path: `${shots}enabled-without-keystore.png`, fullPage: true });
  await page.fill("#keyStoreId", "ks-payments");
  assert.equal(await error.count(), 0);
  assert.equal(await page.getAttribute("#keyStoreId", "aria-invalid"), "false");
  assert.equal(await page.getAttribute("#keyStoreId", "aria-describedby"), null);
  assert.match(await page.inputValue("#json"), /"keyStoreId": "ks-payments"/);
  assert.deepEqual(problems, []);
});

test("choosing SSL_3_0 shows an error beside the protocols", async () => {
  await page.selectOption("#enabled", "true");
  await page.fill("#keyStoreId", "ks-payments");
  await page.check("input[value=SSL_3_0]");
  await messages("supportedProtocolList", "error").filter({ hasText: "T001" }).waitFor();
  assert.match(await page.textContent("#findings"), /SSL_3_0/);
  // Only the checkbox at fault is announced as invalid.
  assert.equal(await page.getAttribute("input[value=SSL_3_0]", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("input[value=TLS_1_3]", "aria-invalid"), "false");
  await page.screenshot({ path: `${shots}ssl3-chosen.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test("the production profile turns the NOOP warning into an error", async () => {
  await page.selectOption("#enabled", "true");
  await page.fill("#keyStoreId", "ks-payments");
  await page.selectOption("#hostnameVerifierType", "NOOP");
  await messages("hostnameVerifierType", "warning").filter({ hasText: "H001" }).waitFor();
  assert.equal(await messages("hostnameVerifierType", "error").count(), 0);
  await page.check("input[name=profile][value=production]");
  await messages("hostnameVerifierType", "error").filter({ hasText: "H001" }).waitFor();
  assert.equal(await messages("hostnameVerifierType", "warning").count(), 0);
  await page.screenshot({ path: `${shots}production-noop.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test("a quick fix rewrites TLSv1.2 in the JSON pane, and the form follows", async () => {
  await page.fill("#json", '{\n  "enabled": true,\n  "keyStoreId": "ks-payments",\n  "supportedProtocolList": ["TLSv1.2"]\n}');
  const fix = page.locator("#findings li[data-code=S004] button.fix");
  assert.match(await fix.textContent(), /TLS_1_2/);
  assert.equal(await page.locator("#backdrop mark.error").count() > 0, true);
  await page.screenshot({ path: `${shots}java-name-in-json.png`, fullPage: true });
  await fix.click();
  const text = await page.inputValue("#json");
  assert.match(text, /"supportedProtocolList": \["TLS_1_2"\]/);
  assert.doesNotMatch(text, /TLSv1\.2/);
  assert.equal(await page.isChecked("input[value=TLS_1_2]"), true);
  assert.equal(await page.locator("#findings li[data-code=S004]").count(), 0);
  // The fix's button is gone: the keyboard goes on from the findings' heading.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "findings-title");
  assert.deepEqual(problems, []);
});

test("a body pasted with a byte order mark is marked and fixed where it stands", async () => {
  await page.fill("#json", '\uFEFF{"enabled": true, "keyStoreId": "ks", "hostnameVerifierType": "noop"}');
  // The mark is not JSON, and does not pause the form.
  assert.equal(await page.isDisabled("#settings"), false);
  assert.equal(await page.textContent("#backdrop mark.error"), '"noop"');
  await page.locator("#findings li[data-code=S004] button.fix").click();
  const text = await page.inputValue("#json");
  assert.equal(text, '\uFEFF{"enabled": true, "keyStoreId": "ks", "hostnameVerifierType": "NOOP"}');
  assert.deepEqual(problems, []);
});

test("a number JavaScript cannot hold is judged as written, beside its input", async () => {
  await page.fill("#json", '{"enabled": true, "keyStoreId": 12345678901234567890}');
  const beside = await messages("keyStoreId").allTextContents();
  assert.ok(beside.some((m) => m.includes("12345678901234567890")), beside.join("\n"));
  assert.ok(!beside.some((m) => m.includes("567000")), beside.join("\n"));
  await page.fill("#json", '{"enabled": 1e400, "keyStoreId": "ks"}');
  const summary = await page.textContent("#summary-mtls");
  assert.doesNotMatch(summary, /Could not check/);
  assert.ok((await messages("enabled", "error").count()) > 0, "1e400 is no boolean");
  assert.deepEqual(problems, []);
});

test("no message list writes anything when it has nothing to say", async () => {
  const texts = await page.$$eval(".messages, #findings, #ts-findings", (lists) =>
    lists.flatMap((list) => [...list.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent)));
  assert.deepEqual(texts, []);
  assert.deepEqual(problems, []);
});

test("markup typed into a key and a value stays text", async () => {
  const payload = '{"<img src=x onerror=window.pwned=1>": "<script>window.pwned=2</script>", "keyStoreId": "<b id=bold>x</b>"}';
  await page.fill("#json", payload);
  await page.locator("#findings li[data-code=S001]").waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("img, script:not([src]), #bold").count(), 0);
  assert.match(await page.textContent("#findings"), /<img src=x onerror=window\.pwned=1>/);
  assert.equal(await page.inputValue("#keyStoreId"), "<b id=bold>x</b>");
  await page.fill("#keyStoreId", "<svg onload=window.pwned=3>");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // The form's change keeps the members it has no control for.
  assert.match(await page.inputValue("#json"), /"<img src=x onerror=window.pwned=1>": "<script>/);
  assert.match(await page.textContent("#curl-mtls"), /<svg onload=window.pwned=3>/);
  await page.screenshot({ path: `${shots}markup-stays-text.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test("the cURL command encodes a name as the linted call does, `(`, `)`, `!` and `*` included", async () => {
  await page.fill("#projectName", "Payments (EU)");
  await page.fill("#apiProxyName", "orders*v2!");
  const curl = page.locator("#curl-mtls");
  await curl.filter({ hasText: "/projects/Payments%20%28EU%29/apiProxies/orders%2Av2%21/settings/mtls/" }).waitFor();
  assert.deepEqual(problems, []);
});

test("the truststore tab suggests the exact name from a pasted List Keystores response", async () => {
  await page.click("#tab-truststore");
  // Names not yet typed are asked for, not reported as errors.
  assert.match(await page.textContent("#summary-truststore"), /^Still to fill in: project name, credential username, truststore name/);
  assert.equal(await page.locator("#panel-truststore .message").count(), 0);
  await page.fill("#ts-projectName", "Payments");
  await page.fill("#ts-username", "api-user");
  await page.fill("#ts-keystores", '{"status": "SUCCESS", "resultList": [{"name": "Partner-TS", "password": "hunter2"}]}');
  await page.fill("#ts-keystoreName", "partner-ts");
  await page.fill("#ts-username", "");
  await page.locator("#panel-truststore .field[data-field=username] .message.error").filter({ hasText: "R004" }).waitFor();
  await page.fill("#ts-username", "api-user");
  const message = page.locator("#panel-truststore .field[data-field=keystoreName] .message.error");
  await message.filter({ hasText: "Partner-TS" }).waitFor();
  assert.doesNotMatch(await page.textContent("main"), /hunter2/);
  assert.match(await page.textContent("#curl-truststore"), /credentials\/api-user\/truststore\/partner-ts\//);
  await page.fill("#ts-keystores", "{not json");
  await page.locator(".field[data-field=keystores] .message.error").waitFor();
  assert.match(await page.textContent("#summary-truststore"), /^1 error/);
  await page.screenshot({ path: `${shots}truststore-case.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test("the form waits while the JSON pane does not parse, says so, and loses nothing", async () => {
  await page.fill("#json", '{"enabled": true, "keyStoreId": "ks-1",');
  await page.locator("#findings li[data-code=J001]").waitFor();
  // The settings inputs pause (nothing typed there could reach the pane) and say why.
  assert.equal(await page.isDisabled("#trustStoreId"), true);
  assert.equal(await page.isDisabled("input[value=TLS_1_3]"), true);
  assert.equal(await page.isVisible("#settings-paused"), true);
  assert.equal(await page.isDisabled("#projectName"), false, "the path is not part of the body");
  assert.equal(await page.inputValue("#json"), '{"enabled": true, "keyStoreId": "ks-1",');
  await page.fill("#json", '{"enabled": true, "keyStoreId": "ks-1", "extra": 1}');
  assert.equal(await page.isVisible("#settings-paused"), false);
  await page.fill("#trustStoreId", "ts-2");
  assert.deepEqual(JSON.parse(await page.inputValue("#json")), { enabled: true, keyStoreId: "ks-1", trustStoreId: "ts-2", extra: 1 });
  assert.deepEqual(problems, []);
});

test("the form says what the JSON holds that its inputs cannot, and follows a body it cannot check", async () => {
  // Left out, sent as false and sent as true are three states.
  assert.equal(await page.inputValue("#enabled"), "");
  assert.deepEqual(JSON.parse(await page.inputValue("#json")), {});
  await page.selectOption("#enabled", "false");
  assert.deepEqual(JSON.parse(await page.inputValue("#json")), { enabled: false });
  await page.fill("#json", '{"enabled": "true", "hostnameVerifierType": "noop", "supportedProtocolList": "TLS_1_2"}');
  assert.equal(await page.inputValue("#enabled"), "as-written");
  assert.match(await page.textContent("#enabled option:checked"), /as written in the JSON: "true"/);
  assert.match(await page.textContent("#hostnameVerifierType option:checked"), /as written in the JSON: "noop"/);
  assert.match(await page.textContent("#hint-protocols"), /holds "TLS_1_2", not a list/);
  assert.equal(await page.getAttribute("#json", "aria-invalid"), "true");
  // Another field's edit keeps what the form cannot show.
  await page.fill("#keyStoreId", "ks-1");
  assert.deepEqual(JSON.parse(await page.inputValue("#json")), {
    enabled: "true", hostnameVerifierType: "noop", supportedProtocolList: "TLS_1_2", keyStoreId: "ks-1",
  });
  // A number JSON.parse reads as Infinity: the form cannot show it, and the pane's findings follow it as written.
  await page.fill("#json", '{"enabled": true,');
  await page.locator("#findings li[data-code=J001]").waitFor();
  await page.fill("#json", '{"enabled": 1e999}');
  await page.locator("#findings li[data-code=S002]").waitFor();
  assert.match(await page.textContent("#enabled option:checked"), /as written in the JSON: a number out of range/);
  assert.equal(await page.locator("#findings li[data-code=J001]").count(), 0);
  assert.match(await page.textContent("#curl-mtls"), /1e999/);
  assert.match(await page.textContent("#summary-mtls"), /^1 error, /);
  assert.deepEqual(problems, []);
});

test("the summary is not ready to send while path names or the gateway URL are at fault", async () => {
  await page.fill("#json", '{"enabled": false}');
  assert.match(await page.textContent("#summary-mtls"), /^Still to fill in: project name, API proxy name\./);
  await page.fill("#projectName", "Payments");
  await page.fill("#apiProxyName", "orders");
  assert.equal(await page.textContent("#summary-mtls"), "No findings: the call is ready to send.");
  await page.check("input[name=profile][value=production]");
  await page.fill("#gateway", "http://gateway.example.com");
  assert.match(await page.textContent("#summary-mtls"), /^1 error/);
  await page.fill("#gateway", "https://gateway.example.com?access_token=s3cret");
  await page.locator(".field[data-field=gateway] .message.error").filter({ hasText: "would cut off the path" }).waitFor();
  // A query may hold a token: it is not quoted.
  assert.equal(await page.textContent(".field[data-field=gateway] .message .help"), "remove the `?` and all that follows it");
  assert.doesNotMatch(await page.textContent(".field[data-field=gateway]"), /s3cret/);
  await page.click("#tab-truststore");
  assert.match(await page.textContent("#summary-truststore"), /^1 error/);
  assert.equal(await page.isVisible(".field[data-field=gateway] .message.error"), true, "shown on both tabs");
  // A gateway with a base path of its own is fine: the demo's part of the URL is not its finding.
  await page.fill("#gateway", "https://gateway.example.com/gw/");
  assert.equal(await page.locator(".field[data-field=gateway] .message").count(), 0);
  assert.deepEqual(problems, []);
});

test("a gateway URL over plain HTTP is warned about beside its input", async () => {
  await page.fill("#gateway", "http://gateway.example.com");
  await page.locator(".field[data-field=gateway] .message.warning").filter({ hasText: "R007" }).waitFor();
  assert.equal(await page.getAttribute("#gateway", "aria-invalid"), "true");
  await page.fill("#gateway", "https://gateway.example.com");
  assert.equal(await page.locator(".field[data-field=gateway] .message").count(), 0);
  assert.deepEqual(problems, []);
});

test("the summary counts what is listed, a repeated key included", async () => {
  await page.fill("#json", '{"enabled": false, "enabled": false}');
  await page.locator("#findings li[data-code=J002]").waitFor();
  assert.match(await page.textContent("#summary-mtls"), /^1 error/);
  // The cURL command sends the body checked, repeat and all.
  assert.match(await page.textContent("#curl-mtls"), /--data-raw '\{"enabled": false, "enabled": false\}'/);
  assert.deepEqual(problems, []);
});

test("leaving the mTLS tab's project name does not count as touching the truststore tab's", async () => {
  await page.focus("#projectName");
  await page.focus("#apiProxyName");
  await page.click("#tab-truststore");
  await page.fill("#ts-username", "api-user");
  assert.match(await page.textContent("#summary-truststore"), /^Still to fill in: project name, truststore name/);
  assert.equal(await page.locator("#panel-truststore .field[data-field=projectName] .message").count(), 0);
  assert.deepEqual(problems, []);
});

test("rule documentation opens on demand", async () => {
  await page.selectOption("#enabled", "true");
  const button = page.locator("#findings li[data-code=M001] button.link");
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  // Rendered, not shown as Markdown: headings, paragraphs and code, no `##` or fences left.
  const docs = page.locator("#findings li[data-code=M001] .docs");
  assert.equal(await docs.locator("h3").textContent(), "M001 keystore-required");
  assert.equal(await docs.locator("h3 code").textContent(), "keystore-required");
  assert.deepEqual(await docs.locator("h4").allTextContents(), ["What it does", "Why is this bad?", "Example", "Use instead", "Fix safety"]);
  assert.deepEqual(await docs.locator("pre code").allTextContents(), ['{"enabled": true}', '{"enabled": true, "keyStoreId": "ks-1"}']);
  assert.match(await docs.locator("p").nth(2).textContent(), /^Judges the settings the PATCH produces .* renaming the key settles both\.$/);
  assert.doesNotMatch(await docs.textContent(), /##|```/);
  assert.deepEqual(problems, []);
});

test("the server serves the page and the package, nothing else of the repository", async () => {
  for (const [path, status] of [["/web-demo/", 200], ["/pkg/mtlslint_bg.wasm", 200], ["/.git/config", 404], ["/Cargo.toml", 404], ["/%E0%A4%A", 400]]) {
    const response = await fetch(`${base}${path}`, { redirect: "manual" });
    assert.equal(response.status, status, path);
  }
  assert.equal((await fetch(`${base}/pkg/mtlslint_bg.wasm`)).headers.get("content-type"), "application/wasm");
});

test("a form change rewrites only its own field, keeping what the form cannot show", async () => {
  const text = '{"enabled": true, "keyStoreId": "ks", "supportedProtocolList": ["TLSv1.2"], "hostnameVerifierType": "noop", "trustStoreId": 42}';
  await page.fill("#json", text);
  await page.check("input[value=TLS_1_3]");
  assert.deepEqual(JSON.parse(await page.inputValue("#json")), {
    enabled: true,
    keyStoreId: "ks",
    supportedProtocolList: ["TLSv1.2", "TLS_1_3"],
    hostnameVerifierType: "noop",
    trustStoreId: 42,
  });
  await page.fill("#keyStoreId", "ks-2");
  const after = JSON.parse(await page.inputValue("#json"));
  assert.equal(after.trustStoreId, 42);
  assert.equal(after.hostnameVerifierType, "noop");
  assert.ok(await page.locator("#findings li[data-code=S004]").count() >= 1);
  // Exactly its own text: a number too large for JavaScript, a repeated key and the spacing stay as written.
  const written = '{\n    "enabled": true,\n    "keyStoreId": 12345678901234567890,\n    "enabled": true\n}';
  await page.fill("#json", written);
  await page.fill("#trustStoreId", "ts-1");
  assert.equal(await page.inputValue("#json"), written.replace("\n}", ',\n    "trustStoreId": "ts-1"\n}'));
  await page.fill("#trustStoreId", "");
  assert.equal(await page.inputValue("#json"), written);
  // A field the form stops sending goes, each time it is written.
  await page.selectOption("#enabled", "");
  assert.equal(await page.inputValue("#json"), '{\n    "keyStoreId": 12345678901234567890\n}');
  assert.deepEqual(problems, []);
});

test("clearing a field removes every member of a repeated key, and keeps the others", async () => {
  for (const [written, left] of [
    ['{"a": 1, "keyStoreId": "x", "keyStoreId": "y", "b": 2}', '{"a": 1, "b": 2}'],
    ['{"keyStoreId":"x","keyStoreId":"y","enabled":true}', '{"enabled":true}'],
    ['{"enabled":true, "keyStoreId":"x","keyStoreId":"y"}', '{"enabled":true}'],
  ]) {
    await page.fill("#json", written);
    await page.fill("#keyStoreId", "");
    assert.equal(await page.inputValue("#json"), left);
  }
  assert.deepEqual(problems, []);
});

test("ticking a protocol keeps the list's order and repeats; unticking removes every entry of it", async () => {
  await page.fill("#json", '{"supportedProtocolList": ["TLS_1_2", "TLS_1_2", "TLS_1_3"]}');
  await page.check("input[value=TLS_1_1]");
  const list = async () => JSON.parse(await page.inputValue("#json")).supportedProtocolList;
  assert.deepEqual(await list(), ["TLS_1_2", "TLS_1_2", "TLS_1_3", "TLS_1_1"]);
  // The repeat stays, with its finding, until the user removes it.
  await page.locator("#findings li[data-code=T004]").first().waitFor();
  await page.uncheck("input[value=TLS_1_2]");
  assert.deepEqual(await list(), ["TLS_1_3", "TLS_1_1"]);
  assert.deepEqual(problems, []);
});

test("a profile chosen while the linter loads is the one it judges by", async () => {
  const loading = await browser.newPage();
  let release;
  const loaded = new Promise((resolve) => (release = resolve));
  await loading.route("**/*.wasm", async (route) => {
    await loaded;
    await route.continue();
  });
  await loading.goto(`${base}/web-demo/`);
  await loading.check("input[name=profile][value=production]");
  release();
  await loading.waitForSelector("body[data-ready=true]");
  await loading.selectOption("#enabled", "true");
  await loading.fill("#keyStoreId", "ks-payments");
  await loading.selectOption("#hostnameVerifierType", "NOOP");
  await loading.locator("#panel-mtls .field[data-field=hostnameVerifierType] .message.error").filter({ hasText: "H001" }).waitFor();
  await loading.close();
});

test("the current settings and the inventories judge a partial PATCH by what it leaves", async () => {
  await page.fill("#projectName", "Payments");
  await page.fill("#apiProxyName", "orders");
  await page.fill("#json", '{"enabled": true}');
  await messages("keyStoreId", "error").filter({ hasText: "M001" }).waitFor();
  // The proxy has a keystore already: enabling mTLS keeps it.
  await page.fill("#current", '{"enabled": false, "keyStoreId": "ks-prod", "trustStoreId": "ts-old"}');
  assert.equal(await messages("keyStoreId", "error").count(), 0);
  // The truststore it keeps is not among the project's keystores: said beside the truststore input.
  await page.fill("#ts-keystores", '{"status": "SUCCESS", "resultList": [{"name": "ks-prod"}]}');
  await messages("trustStoreId").filter({ hasText: "M006" }).waitFor();
  assert.match(await messages("trustStoreId").first().textContent(), /`ts-old`, kept from the current settings/);
  await page.fill("#current", "{not json");
  await page.locator(".field[data-field=current] .message.error").filter({ hasText: "Cannot be read as current settings" }).waitFor();
  assert.match(await page.textContent("#summary-mtls"), /^[1-9]\d* errors?/);
  await page.fill("#current", '{"enabled": "yes"}');
  const unreadable = page.locator(".field[data-field=current] .message.error");
  await unreadable.filter({ hasText: "`enabled` must be true or false" }).waitFor();
  assert.doesNotMatch(await unreadable.textContent(), /current settings: current settings/);
  assert.deepEqual(problems, []);
});

test("current settings that cannot be read leave out the findings that hang on them, and say which", async () => {
  await page.fill("#projectName", "Payments");
  await page.fill("#apiProxyName", "orders");
  await page.fill("#json", '{"enabled": true, "keyStoreId": "ks", "supportedProtocolList": ["SSL_3_0"]}');
  // Without current settings, the proxy is taken to have the defaults: no truststore, NOOP.
  await messages("hostnameVerifierType", "warning").filter({ hasText: "H001" }).waitFor();
  await page.fill("#current", "{not json");
  const unreadable = page.locator(".field[data-field=current] .message.error");
  await unreadable.filter({ hasText: "Cannot be read as current settings" }).waitFor();
  // The proxy may have a truststore and a verifier already: nothing is said of them as if it had none.
  for (const field of ["enabled", "trustStoreId", "hostnameVerifierType"]) assert.equal(await messages(field).count(), 0, field);
  // What the body's own list draws holds whatever the proxy has now.
  const codes = await page.locator("#findings li[data-code]").evaluateAll((items) => items.map((li) => li.dataset.code));
  assert.deepEqual(codes, ["T005", "T001"]);
  assert.equal(
    await unreadable.locator(".help").textContent(),
    "correct them, or empty the field to judge the PATCH as if the proxy had the defaults; until then, only what holds whatever the proxy has now is judged (left out: H001 hostname-verification-disabled, M003 connection-pool-disabled, M004 no-truststore)",
  );
  assert.match(await page.textContent("#summary-mtls"), /^2 errors, 0 warnings, 1 note$/);
  // As the body changes, only the list of what is left out is written again: the help
  // before it stays the same element, so that a screen reader does not hear it again.
  await unreadable.locator(".help").evaluate((help) => { help.dataset.kept = "yes"; });
  // mTLS enabled alone: the proxy may have a keystore, so M001 is not said; nor is the call ready to send.
  await page.fill("#json", '{"enabled": true}');
  assert.equal(await messages("keyStoreId").count(), 0);
  assert.match(await page.textContent("#findings"), /^Nothing to report that holds whatever the proxy has now/);
  assert.match(await unreadable.locator(".help").textContent(), /\(left out: H001 [\w-]+, M001 [\w-]+, M003 [\w-]+, M004 [\w-]+, T003 [\w-]+\)$/);
  assert.equal(await unreadable.locator(".help").getAttribute("data-kept"), "yes");
  assert.equal(await page.textContent("#summary-mtls"), "1 error, 0 warnings, 0 notes");
  // A NOOP the body sends holds for a proxy with mTLS on: left out, and named, not dropped unsaid.
  await page.fill("#json", '{"hostnameVerifierType": "NOOP"}');
  assert.match(await unreadable.locator(".help").textContent(), /left out: .*H001 hostname-verification-disabled/);
  // Emptied, the field judges the PATCH by the defaults again.
  await page.fill("#json", '{"enabled": true}');
  await page.fill("#current", "");
  await messages("keyStoreId", "error").filter({ hasText: "M001" }).waitFor();
  assert.equal(await page.locator(".field[data-field=current] .message").count(), 0);
  assert.deepEqual(problems, []);
});

test("an empty findings list says whether the current settings could be read", async () => {
  await page.fill("#current", "");
  await page.fill("#json", '{"enabled": true, "keyStoreId": "ks", "trustStoreId": "ts", "supportedProtocolList": ["TLS_1_2", "TLS_1_3"], "hostnameVerifierType": "DEFAULT"}');
  await page.fill("#current", "{bad");
  await page.locator("#findings li.none", { hasText: "its current settings cannot be read" }).waitFor();
  await page.fill("#current", '{"enabled": true}');
  await page.locator("#findings li.none", { hasText: /^Nothing to report\.$/ }).waitFor();
  await page.fill("#current", "");
  assert.deepEqual(problems, []);
});

test("a misspelt key is shown beside the input it was meant for", async () => {
  await page.fill("#json", '{"enabled": true, "keystoreId": "ks-prod"}');
  await messages("keyStoreId", "error").filter({ hasText: "unknown field `keystoreId`" }).waitFor();
  assert.equal(await page.getAttribute("#keyStoreId", "aria-invalid"), "true");
  assert.match(await page.textContent("#panel-mtls .field[data-field=keyStoreId] .message .help"), /write `keyStoreId`/);
  // Another name for the field, and a misspelling beside the field itself, are shown there too.
  await page.fill("#json", '{"enabled": true, "keyStoreName": "ks-prod", "trustStore": "ts"}');
  await messages("keyStoreId", "error").filter({ hasText: "unknown field `keyStoreName`" }).waitFor();
  await messages("trustStoreId", "error").filter({ hasText: "unknown field `trustStore`" }).waitFor();
  await page.fill("#json", '{"enabled": true, "keystoreId": "ks", "keyStoreId": "ks2"}');
  await messages("keyStoreId", "error").filter({ hasText: "unknown field `keystoreId`" }).waitFor();
  // A key meant for no field (its help lists them all) stays in the findings list alone.
  await page.fill("#json", '{"enabled": true, "password": "x"}');
  await page.locator("#findings").filter({ hasText: "unknown field `password`" }).waitFor();
  assert.equal(await page.locator("#panel-mtls .field .message").filter({ hasText: "unknown field `password`" }).count(), 0);
  assert.equal(await page.getAttribute("#enabled", "aria-invalid"), "false");
  assert.deepEqual(problems, []);
});

test("a gateway URL the calls' paths cannot follow is said beside it, with what to write", async () => {
  await page.fill("#projectName", "Payments");
  await page.fill("#apiProxyName", "orders");
  for (const [gateway, help] of [
    ["https://gw.example.com/apiops/", "end the URL before `/apiops`, as in https://gateway.example.com"],
    ["https://gw.example.com/apiops/projects", "end the URL before `/apiops`, as in https://gateway.example.com"],
    ["ftp://gw.example.com", "write https://, as in https://gateway.example.com"],
    ["", "write the gateway's address, such as https://gateway.example.com"],
    ["https://", "write the host after the scheme, as in https://gateway.example.com"],
    ["https://:443/", "write the host after the scheme, as in https://gateway.example.com"],
    ["https://gw example.com", "remove the space from `https://gw example.com`"],
    ["https://ops:s3cret@gw.example.com", "remove them: the calls sign in with the bearer token"],
  ]) {
    await page.fill("#gateway", gateway);
    assert.equal(await page.textContent(".field[data-field=gateway] .message.error .help"), help, gateway);
    assert.match(await page.textContent("#summary-mtls"), /^1 error/, gateway);
  }
  // The password never reaches the command.
  assert.match(await page.textContent("#curl-mtls"), /^curl -X PATCH 'https:\/\/gw\.example\.com\/apiops\//);
  assert.doesNotMatch(await page.textContent("#curl-mtls"), /s3cret/);
  // Placeholders that curl neither globs nor sends as a host.
  await page.fill("#gateway", "");
  assert.match(await page.textContent("#curl-mtls"), /^curl -X PATCH 'https:\/\/<gateway>\/apiops\/projects\/Payments\//);
  assert.deepEqual(problems, []);
});

test("a gateway URL with a space and a token in its query never shows the token", async () => {
  const field = page.locator(".field[data-field=gateway]");
  for (const gateway of [
    "https://gw example.com?access_token=s3cret",
    "https://gw.example.com/base path?api_key=s3cret",
    "https://gw.example.com/a b#access_token=s3cret",
    "https://gw.example.com/gw%3Faccess_token=s3cret",
    "https://gw.example.com/gw%23s3cret",
  ]) {
    await page.fill("#gateway", gateway);
    assert.doesNotMatch(await field.textContent(), /s3cret/, gateway);
    assert.match(await field.locator(".message.error").textContent(), /would cut off the path/, gateway);
    // Nor do the cURL commands, which are copied whole.
    for (const curl of ["#curl-mtls", "#curl-truststore"]) {
      assert.doesNotMatch(await page.locator(curl).textContent(), /s3cret/, `${curl}: ${gateway}`);
    }
  }
  // A user name and password is cut from the commands however the URL starts, and never quoted.
  for (const gateway of ["user:s3cret@gw.example.com", "//user:s3cret@gw.example.com/gw", "https:///user:s3cret@gw.example.com", "user:s3cret@gw.example.com /gw"]) {
    await page.fill("#gateway", gateway);
    assert.match(await field.locator(".message.error").textContent(), /holds a user name and password/, gateway);
    assert.doesNotMatch(await field.textContent(), /s3cret/, gateway);
    for (const curl of ["#curl-mtls", "#curl-truststore"]) {
      assert.doesNotMatch(await page.locator(curl).textContent(), /s3cret/, `${curl}: ${gateway}`);
    }
  }
  // Once the query is gone, the space is said, quoting the URL that is left.
  await page.fill("#gateway", "https://gw example.com");
  assert.equal(await field.locator(".message.error .help").textContent(), "remove the space from `https://gw example.com`");
  assert.deepEqual(problems, []);
});

test("a host named apiops is no /apiops path", async () => {
  const field = page.locator(".field[data-field=gateway]");
  for (const gateway of ["https://apiops", "https://apiops/gw/", "//apiops/gw", "https://apiops.example.com/foo"]) {
    await page.fill("#gateway", gateway);
    assert.equal(await field.locator(".message").filter({ hasText: "/apiops" }).count(), 0, gateway);
  }
  // Only the path is searched, as the URL reads, with or without a scheme.
  for (const [gateway, held] of [
    ["https://apiops/apiops/", "`/apiops/`"],
    ["apiops/apiops", "`/apiops`"],
    ["https://gw.example.com:8443/gw/apiops", "`/apiops`"],
    ["https://gw.example.com/gw/../apiops/", "`/apiops/`"],
    // A URL the parser refuses (a port out of range) is read from the first `/` after its host.
    ["https://gw.example.com:99999/apiops/", "`/apiops/`"],
  ]) {
    await page.fill("#gateway", gateway);
    assert.match(await field.locator(".message.error").textContent(), new RegExp(`the gateway URL holds ${held}`), gateway);
  }
  assert.deepEqual(problems, []);
});

test("a body with thousands of findings lists a few hundred, and the page stays responsive", async () => {
  const list = JSON.stringify(Array(1000).fill("TLSv1.2"));
  await page.fill("#json", `{"enabled": false, "supportedProtocolList": ${list}}`);
  await page.locator("#findings .more").waitFor();
  assert.match(await page.textContent("#findings .more"), /^and \d+ more findings, not listed$/);
  assert.equal(await page.locator("#findings > li.finding").count(), 200);
  assert.ok(await messages("supportedProtocolList").count() <= 21);
  assert.deepEqual(problems, []);
});

test("a field's messages are not written again while they stay the same", async () => {
  await page.selectOption("#enabled", "true");
  await messages("supportedProtocolList").first().waitFor();
  await page.evaluate(() => {
    window.rewrites = 0;
    new MutationObserver(() => (window.rewrites += 1)).observe(document.getElementById("supportedProtocolList-messages"), { childList: true, subtree: true, characterData: true });
  });
  await page.type("#trustStoreId", "ts-1");
  assert.equal(await page.evaluate(() => window.rewrites), 0);
  assert.deepEqual(problems, []);
});

test("a path name typed and cleared is reported beside it, and a check that cannot run says so", async () => {
  await page.fill("#projectName", "Payments");
  // The other name, not yet reached, is still to fill in, not a mistake.
  assert.equal(await page.locator("#panel-mtls .field[data-field=apiProxyName] .message").count(), 0);
  assert.match(await page.textContent("#summary-mtls"), /Still to fill in: API proxy name\.$/);
  await page.focus("#apiProxyName");
  await page.focus("#keyStoreId");
  await page.locator("#panel-mtls .field[data-field=apiProxyName] .message.error").filter({ hasText: "R004" }).waitFor();
  await page.fill("#apiProxyName", "orders");
  assert.equal(await page.locator("#panel-mtls .field[data-field=apiProxyName] .message").count(), 0);
  assert.doesNotMatch(await page.textContent("#findings"), /R006|J001/);
  // Nesting deeper than a form value can be is refused with a reason, not a stale verdict.
  await page.fill("#json", `{"deep": ${"[".repeat(200)}${"]".repeat(200)}}`);
  assert.match(await page.textContent("#summary-mtls"), /^Could not check this: fields\.deep: /);
  assert.deepEqual(problems, []);
});

test("a body key named like a path name is the body's unknown field, not the path input's value", async () => {
  await page.fill("#projectName", "Payments");
  await page.fill("#apiProxyName", "orders");
  await page.fill("#json", '{"enabled": false, "projectName": ""}');
  await page.locator("#findings").filter({ hasText: "S001" }).waitFor();
  assert.equal(await page.locator("#panel-mtls .field[data-field=projectName] .message").count(), 0);
  assert.equal(await page.inputValue("#projectName"), "Payments");
  assert.deepEqual(problems, []);
});

test("every control has a label, and the keyboard alone reaches and switches the tabs", async () => {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((control) => control.labels.length === 0 && !control.getAttribute("aria-label"))
      .map((control) => control.id || control.name),
  );
  assert.deepEqual(unlabelled, []);
  await page.focus("#tab-mtls");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.isVisible("#panel-truststore"), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-truststore");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Payments");
  assert.equal(await page.inputValue("#ts-projectName"), "Payments");
  assert.deepEqual(problems, []);
});

test("the forms wait for the linter, and say so when it cannot start", async () => {
  const failing = await browser.newPage();
  await failing.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "" }));
  await failing.goto(`${base}/web-demo/`);
  await failing.locator("#status[data-state=error]").waitFor();
  assert.match(await failing.textContent("#status"), /^The linter could not start .*: nothing on this page can be checked/);
  assert.equal(await failing.evaluate(() => document.getElementById("main").inert), true);
  // The tabs still switch, so what the page holds can be read.
  await failing.click("#tab-truststore");
  assert.equal(await failing.isVisible("#panel-truststore"), true);
  await failing.close();
});

test("the page's own policy is the server's, less what only a header can say", async () => {
  const html = readFileSync(new URL("../index.html", import.meta.url), "utf8");
  const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  // `frame-ancestors` is ignored in a meta element, so only the header carries it.
  const header = DEMO_HEADERS["Content-Security-Policy"].replace(/; frame-ancestors 'none'$/, "");
  assert.equal(meta, header);
});

test("a quick fix applies with one click while a path name has the focus", async () => {
  await page.fill("#json", '{"enabled": true, "keyStoreId": "k", "supportedProtocolList": ["TLSv1.2"], "hostnameVerifierType": "DEFAULT"}');
  await page.focus("#projectName");
  await page.keyboard.type("P");
  // Leaving the name judges the page again; the list under the pointer stays as it was, so the click lands.
  const fix = page.locator("#findings li[data-code=S004] button.fix");
  await fix.scrollIntoViewIfNeeded();
  const box = await fix.boundingBox();
  await page.mouse.click(box.x + 5, box.y + box.height / 2);
  assert.match(await page.inputValue("#json"), /\["TLS_1_2"\]/);
  assert.deepEqual(problems, []);
});

test("protocols kept from the current settings are judged beside the protocols, each finding listed once", async () => {
  await page.fill("#current", '{"enabled": true, "keyStoreId": "k", "supportedProtocolList": ["SSL_3_0", "TLS_1_0"], "hostnameVerifierType": "DEFAULT"}');
  await page.fill("#trustStoreId", "ts-1");
  for (const names of [[], ["Payments", "orders"]]) {
    if (names.length) {
      await page.fill("#projectName", names[0]);
      await page.fill("#apiProxyName", names[1]);
    }
    const codes = await page.locator("#findings li").evaluateAll((items) => items.map((li) => li.dataset.code));
    assert.deepEqual(codes, ["T001", "T002", "T005"], `path names ${names}`);
    assert.match(await page.textContent("#summary-mtls"), /^1 error, 1 warning, 1 note/);
    const beside = await page.locator("#panel-mtls .field[data-field=supportedProtocolList] .message .code").allTextContents();
    assert.deepEqual(beside, ["T001", "T002", "T005"]);
  }
  assert.match(await page.textContent("#hint-protocols"), /keeps its protocols \(those of its current settings/);
  assert.deepEqual(problems, []);
});

test("a repeated key's finding sits beside its input; a rewritten number does not mislead the others", async () => {
  await page.fill("#json", '{"enabled": true, "keyStoreId": "ks-1", "supportedProtocolList": ["TLS_1_2"], "hostnameVerifierType": "DEFAULT", "enabled": false}');
  await messages("enabled", "error").filter({ hasText: "`enabled` is repeated" }).waitFor();
  assert.equal(await page.getAttribute("#enabled", "aria-invalid"), "true");
  // `1.0` is left out of the form's reading: the other inputs say only what the pane's reading says.
  await page.fill("#json", '{"enabled": 1.0, "keyStoreId": "k", "supportedProtocolList": ["TLS_1_2"], "hostnameVerifierType": "DEFAULT"}');
  assert.match(await page.textContent("#summary-mtls"), /^1 error, 0 warnings, 0 notes/);
  for (const field of ["keyStoreId", "supportedProtocolList", "hostnameVerifierType"]) {
    assert.equal(await messages(field).count(), 0, field);
  }
  assert.deepEqual(problems, []);
});

test("a path name typed percent-encoded is said to be encoded twice", async () => {
  await page.fill("#projectName", "My%20Project");
  const warning = messages("projectName", "warning");
  assert.match(await warning.textContent(), /the call would name `My%2520Project`/);
  assert.equal(await warning.locator(".help").textContent(), "type the name as it is: `My Project`");
  await page.click("#tab-truststore");
  await page.fill("#ts-keystoreName", "ts%2Fa");
  assert.match(await page.textContent("#panel-truststore .field[data-field=keystoreName] .message.warning .help"), /`ts\/a`/);
  assert.deepEqual(problems, []);
});

test("a path name cut inside a character is said so beside it, and the check and the command go on", async () => {
  // Half a UTF-16 pair, as a paste can leave: no key types one, so it is set as a paste would.
  const paste = (id, value) => page.evaluate(([id, value]) => {
    const control = document.getElementById(id);
    control.value = value;
    control.dispatchEvent(new Event("input", { bubbles: true }));
  }, [id, value]);
  await paste("projectName", "a\uD800b");
  assert.match(await messages("projectName", "error").textContent(), /half of a character \(a lone UTF-16 surrogate\)/);
  assert.match(await page.textContent("#curl-mtls"), /\/apiops\/projects\/a%EF%BF%BDb\//);
  assert.doesNotMatch(await page.textContent("#summary-mtls"), /Could not check/);
  await page.click("#tab-truststore");
  await paste("ts-username", "\uDC00user");
  assert.match(await page.textContent("#panel-truststore .field[data-field=username] .message.error"), /half of a character/);
  assert.match(await page.textContent("#curl-truststore"), /\/credentials\/%EF%BF%BDuser\//);
  assert.doesNotMatch(await page.textContent("#summary-truststore"), /Could not check/);
  // In the JSON body, the summary says so, naming the body.
  await page.click("#tab-mtls");
  await paste("json", '{"keyStoreId": "ks\uD800"}');
  assert.match(await page.textContent("#summary-mtls"), /^Could not check this: the JSON body: a lone surrogate \(half of a UTF-16 pair\) is not text; remove it or complete the pair$/);
  // In the gateway's address, it is said beside it too.
  await paste("gateway", "https://gw\uD800.example.com");
  assert.match(await page.textContent(".field[data-field=gateway] .message.error"), /half of a character/);
  assert.deepEqual(problems, []);
});

test("an inventory that cannot be read makes no finding about stores missing from it", async () => {
  await page.click("#tab-truststore");
  await page.fill("#ts-projectName", "Payments");
  await page.fill("#ts-username", "api-user");
  await page.fill("#ts-keystoreName", "My-Truststore");
  await page.fill("#ts-adminKeystores", '["corporate-root-ca"]');
  await page.fill("#ts-keystores", '{"status": "FAILURE", "resultMessage": "x"}');
  await page.locator(".field[data-field=keystores] .message.error").filter({ hasText: "Cannot be read as keystores" }).waitFor();
  assert.equal(await page.locator("#panel-truststore .message, #ts-findings li[data-code]").filter({ hasText: "R009" }).count(), 0);
  assert.match(await page.textContent("#summary-truststore"), /^1 error/);
  assert.deepEqual(problems, []);
});

test("the page does not scroll sideways on a phone", async () => {
  for (const width of [375, 320]) {
    await page.setViewportSize({ width, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, `${width} px`);
  }
});
