// The package as its README shows it: both Node entry points, and each
// export's behaviour, errors included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

import init, * as esm from "../../pkg/node.mjs";

const require = createRequire(import.meta.url);
const cjs = require("../../pkg/mtlslint.cjs");
const manifest = JSON.parse(readFileSync(new URL("../../pkg/package.json", import.meta.url), "utf8"));

const seed = `{"enabled": true, "keyStoreId": "ks-1", "trustStoreId": "ts-1",
 "supportedProtocolList": ["TLS_1_2", "TLS_1_3"], "hostnameVerifierType": "DEFAULT"}`;

test("import and require give the same API, with the package's version", async () => {
  await init(); // resolves at once in Node
  assert.equal(esm.version, manifest.version);
  assert.equal(cjs.version, manifest.version);
  const exported = ["lint", "lintRequest", "lintResponse", "validateForm", "applyFixes", "rules", "explain", "schema"];
  for (const name of exported) {
    assert.equal(typeof esm[name], "function", `import: ${name}`);
    assert.equal(typeof cjs[name], "function", `require: ${name}`);
  }
  assert.deepEqual(cjs.lint('{"enabled": true}'), esm.lint('{"enabled": true}'));
  // Code written for browsers runs under require too: TypeScript compiled to
  // CommonJS calls `default`, with or without esModuleInterop.
  assert.equal(cjs.__esModule, true);
  await cjs.default();
  cjs.initSync();
  assert.deepEqual(cjs.lint("{}"), esm.lint("{}"));
});

test("the browser entry says to call init() first, then works", async () => {
  // A module instance of its own (the query makes it one), not yet initialised.
  const web = await import("../../pkg/mtlslint.js?before-init");
  const first = /^Error: mtlslint: call the default export first \(`await init\(\)`\)/;
  assert.throws(() => web.lint("{}"), first);
  assert.throws(() => web.explain("M001"), first);
  web.initSync({ module: readFileSync(new URL("../../pkg/mtlslint_bg.wasm", import.meta.url)) });
  assert.deepEqual(web.lint("{}"), []);
});

test("lint: the seed body is clean; enabling without a keystore quotes the server", () => {
  assert.deepEqual(esm.lint(seed).filter((d) => d.severity !== "info"), []);
  const [first] = esm.lint('{"enabled": true}');
  assert.equal(first.code, "M001");
  assert.match(first.message, /KeyStore ID is required when mTLS is enabled/);
  assert.equal(first.pointer, "/enabled");
});

test("lint: positions carry byte offsets and UTF-16 columns", () => {
  // "😀" is 4 bytes, 1 character and 2 UTF-16 code units.
  const text = '{"trustStoreId": "😀", "keystoreId": "ks"}';
  const typo = esm.lint(text).find((d) => d.code === "S001");
  const at = text.indexOf('"keystoreId"');
  assert.equal(typo.range.start.utf16Column, at + 1);
  assert.equal(typo.range.start.column, at);
  assert.equal(typo.range.start.offset, Buffer.byteLength(text.slice(0, at)));
  assert.equal(text.slice(typo.range.start.utf16Column - 1, typo.range.end.utf16Column - 1), '"keystoreId"');
});

test("lint: options pick the profile, rule levels and context", () => {
  const noop = '{"enabled": true, "keyStoreId": "ks", "hostnameVerifierType": "NOOP"}';
  const severity = (options) => esm.lint(noop, options).find((d) => d.code === "H001")?.severity;
  assert.equal(severity(), "warning");
  assert.equal(severity({ profile: "production" }), "error");
  assert.equal(severity({ rules: { "hostname-verification-disabled": "off" } }), undefined);
  const keystores = { status: "SUCCESS", resultList: [{ name: "ks-Prod", password: "hunter2" }] };
  const found = esm.lint('{"keyStoreId": "ks-prod"}', { keystores });
  const missing = found.find((d) => d.code === "M006");
  assert.match(missing.message, /ks-Prod/);
  assert.ok(!JSON.stringify(found).includes("hunter2"));
});

test("bad options throw an Error that says what to write", () => {
  assert.throws(() => esm.lint("{}", { profle: "production" }), /unknown field `profle`, expected one of `profile`/);
  // Whatever its value: a misspelt option left null or undefined is no less misspelt.
  assert.throws(() => esm.lint("{}", { profle: null }), /unknown field `profle`, expected one of `profile`/);
  assert.throws(() => esm.lint("{}", { adminKeyStores: undefined }), /unknown field `adminKeyStores`/);
  assert.deepEqual(esm.lint("{}", { profile: undefined, keystores: null }), esm.lint("{}"));
  assert.throws(() => esm.lint("{}", { profile: "prod" }), /^Error: options.profile: expected "standard" or "production"$/);
  assert.throws(() => esm.lintResponse("{}", { endpoint: "tls" }), /^Error: options.endpoint: expected "mtls" or "truststore"$/);
  assert.throws(() => esm.lint("{}", { rules: { T05: "off" } }), /did you mean `T005`/);
  assert.throws(() => esm.lint("{}", { rules: { Z999: "off" } }), /^Error: options: `rules`: unknown rule `Z999`; the codes are J001-J005, S001-S008, M001-M006, T001-T006, H001-H003, R001-R010, P001-P002, D001-D003$/);
  assert.throws(() => esm.lint("{}", { keystores: "not json" }), /options.keystores/);
  assert.throws(
    () => esm.lint("{}", { keystores: { resultList: [{ username: "api-user" }] } }),
    /options.keystores.*a saved List Credentials response, not a list of keystores/,
  );
  assert.throws(
    () => esm.lintRequest({ method: "PUT", url: "/" }, { credentials: [{ name: "ks-prod" }] }),
    /options.credentials.*a saved List Keystores response, not a list of credentials/,
  );
  assert.throws(() => esm.lint(42), /expected a string, a Uint8Array or an ArrayBuffer/);
  assert.throws(() => esm.explain("M01"), /did you mean `M001`/);
  assert.throws(() => esm.schema("mtls-setting"), /did you mean `mtls-settings`/);
  assert.throws(() => esm.schema("mtls-settings", "04"), /^Error: schema: the draft is "2020-12" or "07", not `04`$/);
  assert.throws(() => esm.schema("mtls-settings", 7), /^Error: schema: the draft is "2020-12" or "07", not a number$/);
  assert.throws(() => esm.lintRequest({ method: "PUT", url: "/x", headers: { "Content-Length": 5 } }), /^Error: request.headers: the value of `Content-Length` is a number; write it as a string$/);
  assert.throws(() => esm.lint("{}", { profile: 1 }), /^Error: options.profile: expected "standard" or "production"$/);
  assert.throws(() => esm.lint("{}", { rules: ["T005"] }), /^Error: options.rules: expected an object of rule codes or names and levels/);
  assert.throws(() => esm.lint("{}", { rules: { T005: true } }), /^Error: options.rules.T005: expected "error", "warning", "info" or "off"; found true$/);
  assert.throws(() => esm.lint("{}", { rules: { T005: "warn" } }), /^Error: options.rules.T005: .*; found "warn": did you mean "warning"\?$/);
  assert.throws(() => esm.lint("{}", { rules: { T005: 0 } }), /found 0: write "off" \(levels are words, not ESLint's numbers\)$/);
  assert.throws(() => esm.lint("{}", { rules: { H003: "off", "strict-verifier": "error" } }), /^Error: options: `rules`: `H003` and `strict-verifier` name the same rule \(H003 `strict-verifier`\), one "off", the other "error": keep one of them$/);
  // Wrong types are errors that name the argument, never a trap of the module.
  assert.throws(() => esm.applyFixes(5), /^Error: text: expected a string, a Uint8Array or an ArrayBuffer, not a number/);
  assert.throws(() => esm.applyFixes(), /text: expected a string, a Uint8Array or an ArrayBuffer, not undefined/);
  assert.throws(() => esm.explain(5), /explain: expected a string, not a number/);
  assert.throws(() => esm.schema({}), /schema: expected a string, not an object/);
  assert.throws(() => esm.lint({ enabled: true }), /text: expected a string, a Uint8Array or an ArrayBuffer, not an object \(JSON.stringify writes/);
  assert.throws(() => esm.lint(5), /^Error: text: expected a string, a Uint8Array or an ArrayBuffer, not a number$/);
  assert.throws(() => esm.lint(new Uint16Array(2)), /^Error: text: Uint16Array is not read as text; pass the text as a string, new TextDecoder\("utf-16le"\).decode\(x\)$/);
  assert.throws(() => esm.lint(new Map()), /^Error: text: expected a string, a Uint8Array or an ArrayBuffer, not an object$/);
  // What `fetch().arrayBuffer()` gives is read as the bytes it holds.
  const buffer = new TextEncoder().encode('{"enabled": true}').buffer;
  assert.deepEqual(esm.lint(buffer), esm.lint('{"enabled": true}'));
  const request = { method: "PATCH", url: "/apiops/projects/P/apiProxies/A/settings/mtls/", headers: { "Content-Type": "application/json" } };
  assert.deepEqual(esm.lintRequest({ ...request, body: buffer }), esm.lintRequest({ ...request, body: '{"enabled": true}' }));
  // Headers written as cURL writes them are refused, not read a character at a time.
  const put = { method: "PUT", url: "/apiops/projects/P/credentials/u/truststore/t/" };
  // White space around the URL (a form field's) is dropped, as the browser's URL parser drops it.
  const padded = esm.lintRequest({ ...put, url: `  ${put.url} \n`, headers: { Authorization: "Bearer x" } });
  assert.deepEqual(padded, esm.lintRequest({ ...put, headers: { Authorization: "Bearer x" } }));
  assert.equal(padded.endpoint, "truststore");
  assert.throws(
    () => esm.lintRequest({ ...put, headers: ["Authorization: Bearer x"] }),
    /^Error: request.headers: write each header as a \[name, value\] pair of strings, such as \["Authorization", "Bearer ..."\], not a string$/,
  );
  assert.throws(() => esm.lintRequest({ ...put, headers: [["Authorization", "Bearer x", "y"]] }), /not a list of 3$/);
  assert.throws(
    () => esm.lintRequest({ ...put, headers: [["Authorization: Bearer s3cret"]] }),
    (e) => /^request.headers: `Authorization...` holds a name and its value in one string; write each header as a \[name, value\] pair/.test(e.message) && !e.message.includes("s3cret"),
  );
  for (const headers of [new Date(), new DataView(new ArrayBuffer(2))]) {
    assert.throws(() => esm.lintRequest({ ...put, headers }), /^Error: request.headers: (Date|DataView) holds no headers; pass an object of names and values, \[name, value\] pairs, a Headers or a Map$/);
  }
  assert.throws(() => esm.validateForm({ projectName: 42, apiProxyName: "A" }), /^Error: fields.projectName: a path name is a string, not a number/);
  assert.throws(() => esm.lint("{}", ["production"]), /options: expected an object such as \{profile: "production"\}, not an array/);
  assert.throws(() => esm.validateForm("enabled"), /fields: expected an object/);
  assert.throws(() => esm.lint("{}", { limits: { maxDepth: "deep" } }), (e) => !/at line \d+ column/.test(e.message));
  // What JSON.stringify would quietly write as something else is refused, naming where it is.
  assert.throws(() => esm.lint("{}", { rules: new Map([["T005", "off"]]) }), /^Error: options.rules: Map is not JSON data; .*Object.fromEntries/);
  assert.throws(() => esm.lint("{}", { limits: { maxBytes: NaN } }), /^Error: options.limits.maxBytes: NaN and Infinity are not JSON numbers/);
  assert.throws(() => esm.lint("{}", { current: { enabled: true, keyStoreId: () => "ks" } }), /^Error: options.current.keyStoreId: a function is not JSON data/);
  assert.throws(() => esm.validateForm({ supportedProtocolList: [new Set(["TLS_1_2"])] }), /^Error: fields.supportedProtocolList\[0\]: Set is not JSON data/);
  // Half a UTF-16 pair cannot be written as JSON: it is named where it is.
  assert.throws(() => esm.lint("{}", { current: { keyStoreId: "ks\uD800" } }), /^Error: options.current.keyStoreId: a lone surrogate/);
  assert.throws(() => esm.lint("{}", { rules: { "\uD800": "off" } }), /^Error: options.rules.\uFFFD: a lone surrogate/);
  // In a text, it would be read as U+FFFD without a word, and written back so by the fixes.
  for (const call of [esm.lint, esm.lintResponse, esm.applyFixes]) {
    assert.throws(() => call('{"keyStoreId": "ks\uD800"}'), /^Error: text: a lone surrogate \(half of a UTF-16 pair\) is not text; remove it or complete the pair$/);
  }
  // Bytes in another view: named, with the Uint8Array to make of them.
  assert.throws(() => esm.lint(new Int8Array(3)), /^Error: text: Int8Array is not read as text; pass its bytes as a Uint8Array, new Uint8Array\(x.buffer, x.byteOffset, x.byteLength\)/);
  assert.throws(() => esm.lint(new DataView(new ArrayBuffer(2))), /^Error: text: DataView is not read as text/);
  assert.throws(() => esm.lint(new SharedArrayBuffer(2)), /^Error: text: SharedArrayBuffer is not read as text; pass its bytes as a Uint8Array, new Uint8Array\(x\)/);
  // A field's name would be filed under another: refused too.
  assert.throws(() => esm.validateForm({ ["k\uD800"]: 1 }), /^Error: fields \(a field's name\): a lone surrogate/);
  assert.throws(() => esm.lint("{}", { limits: { maxBytes: 2 ** 32 } }), /^Error: options.limits.maxBytes: expected a whole number, from 1 to 2097152$/);
  assert.throws(() => esm.lint("{}", { limits: { maxBytes: (2 << 20) + 1 } }), /^Error: options.limits.maxBytes: from 1 to 2097152 \(2 MiB\) in the WebAssembly package$/);
  // A form's own FormData or a Map would otherwise pass as an empty form.
  const form = new FormData();
  form.set("enabled", "true");
  assert.throws(() => esm.validateForm(form), /^Error: fields: FormData is not a plain object; .*Object.fromEntries/);
  assert.throws(() => esm.validateForm(new Map([["enabled", true]])), /^Error: fields: Map is not a plain object/);
  assert.throws(() => esm.validateForm(new Date()), /^Error: fields: Date is not a plain object/);
  assert.throws(() => esm.lint("{}", new (class {})()), /^Error: options: an object of a class without a name is not a plain object/);
  const looped = {};
  looped.self = looped;
  assert.throws(() => esm.lint("{}", { current: looped }), /^Error: options: nested deeper than 128 levels, or holds itself$/);
  assert.throws(() => esm.lint("{}", { current: { enabld: true } }), /unknown field `enabld`; did you mean `enabled`\?/);
  assert.equal(esm.applyFixes(new TextEncoder().encode('{"supportedProtocolList": ["TLSv1.2"]}')).applied, 1);
  const latin1 = Uint8Array.from([...'{"keyStoreId": "caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x22, 0x7d]));
  assert.throws(() => esm.lintRequest({ method: "PATCH", url: "/apiops/projects/P/apiProxies/A/settings/mtls/", body: latin1 }), /^Error: request.body: not valid UTF-8 \(byte 19\); send the body as UTF-8$/);
  // Over the size limit: returned untouched, with the finding that says so, as the CLI's --fix does.
  const large = "x".repeat(2_000_000);
  const untouched = esm.applyFixes(large);
  assert.equal(untouched.text, large);
  assert.equal(untouched.applied, 0);
  assert.deepEqual(untouched.remaining.map((d) => d.code), ["J005"]);
  // Values a form cannot carry as JSON still validate, as a browser sends them (U+FFFD).
  assert.deepEqual(esm.validateForm({ keyStoreId: "\ud800" }).fields.keyStoreId.map((d) => d.code), ["M002"]);
});

test("lintRequest: headers as an object or as pairs; the token never comes back", () => {
  const url = "https://gw.example.com/apiops/projects/P/credentials/api-user/truststore/my-ts";
  for (const headers of [{ Authorization: "Bearer s3cret" }, [["Authorization", "Bearer s3cret"]]]) {
    const report = esm.lintRequest({ method: "PUT", url, headers });
    assert.equal(report.endpoint, "truststore");
    assert.equal(report.diagnostics[0].code, "R003");
    assert.ok(!JSON.stringify(report).includes("s3cret"));
  }
  assert.throws(() => esm.lintRequest({ method: "PUT", url, headers: [["Authorization"]] }), /the value of `Authorization` is undefined; write it as a string/);
  assert.throws(() => esm.lintRequest({ method: "PUT", url, headers: [[1, "x"]] }), /\[name, value\] pair/);
  // However the name is written, and whatever carries the headers, the token stays out.
  for (const headers of [new Headers({ Authorization: "Bearer s3cret" }), new Map([["authorization", "Bearer s3cret"]])]) {
    const report = esm.lintRequest({ method: "PUT", url: `${url}/`, headers });
    assert.ok(!JSON.stringify(report).includes("s3cret"), JSON.stringify(report.text));
    assert.ok(!report.diagnostics.some((d) => d.code === "R005"), "the header is read");
  }
  // Nor do a password or a token written into the URL; ranges stay where they were.
  const secretUrl = "https://ops:pw-s3cret@gw.example.com/apiops/projects/P/credentials/api-user/truststore/my-ts?api_key=s3cret";
  const masked = esm.lintRequest({ method: "PUT", url: secretUrl, headers: { Authorization: "Bearer t" } });
  assert.ok(!JSON.stringify(masked).includes("s3cret"), masked.text);
  assert.equal(masked.text.split("\n")[0], `PUT https://ops:*********@gw.example.com/apiops/projects/P/credentials/api-user/truststore/my-ts?api_key=******`);
  const slash = masked.diagnostics.find((d) => d.code === "R003");
  assert.equal(masked.text.slice(slash.range.start.offset, slash.range.end.offset), "my-ts");
  // A body's password outside ASCII is masked character by character: the findings after it on its line still point at their text.
  const accented = esm.lintRequest({
    method: "PATCH",
    url: "https://gw.example.com/apiops/projects/P/apiProxies/orders/settings/mtls/",
    headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
    body: '{"keyStorePassword": "pässwörd-密-😀", "enabled": true, "keyStoreId": "ks-1", "hostnameVerifierType": "NOOP"}',
  });
  assert.ok(!accented.text.includes("pässwörd") && !accented.text.includes("密"), accented.text);
  const noop = accented.diagnostics.find((d) => d.code === "H001");
  const line = accented.text.split("\n")[noop.range.start.line - 1];
  assert.equal(line.slice(noop.range.start.utf16Column - 1, noop.range.end.utf16Column - 1), '"NOOP"');
  // Cookies and API keys are secrets too.
  const keyed = esm.lintRequest({ method: "PUT", url, headers: { Authorization: "Bearer t", Cookie: "a=1; session=s3cret", "X-Api-Key": "s3cret" } });
  assert.ok(!JSON.stringify(keyed).includes("s3cret"), keyed.text);
  assert.match(keyed.text, /^Cookie: <token>$/m);
  assert.throws(() => esm.lintRequest({ method: "PUT", url, headers: { "X-A": "x\nAuthorization: Bearer s3cret" } }), /a header value is one line/);
  assert.throws(() => esm.lintRequest({ method: "PUT", url, headers: { "Bad Name": "x" } }), /is not a header name/);
  // A header written whole as a name: the error quotes it up to the `:`, not its value.
  for (const headers of [[["Authorization: Bearer s3cret"]], { "Authorization: Bearer s3cret": "" }]) {
    assert.throws(() => esm.lintRequest({ method: "PUT", url, headers }), (error) => error.message.includes("`Authorization...`") && !error.message.includes("s3cret"));
  }
  // A credential quoted by a finding, in a body or a response, is hidden as the CLI hides it.
  const quoted = [
    esm.lint('{"enabled": true, "keyStorePassword": pw-s3cret}'),
    esm.lintRequest({ method: "PATCH", url: "/apiops/projects/P/apiProxies/A/settings/mtls/", headers: { Authorization: "Bearer t" }, body: '{"enabled": "Bearer s3cret"}' }),
    esm.lintResponse('{"success": true, "deploymentResult": {"success": false, "environmentResults": [{"environmentName": "p", "success": false, "message": "password=s3cret"}]}}'),
    // The fixed text is the caller's own document; the findings left in it quote no credential.
    esm.applyFixes('{"enabled": "Bearer s3cret", "hostnameVerifierType": "default"}').remaining,
  ];
  for (const result of quoted) {
    const json = JSON.stringify(result);
    assert.ok(json.includes("***") && !json.includes("s3cret"), json);
  }
  // Blanks around a value are not part of it, as HTTP and the CLI's `-H` read it.
  const padded = esm.lintRequest({ method: "PUT", url, headers: [["Authorization", "  Bearer  "], ["X-A", "1 "]] });
  assert.deepEqual(padded, esm.lintRequest({ method: "PUT", url, headers: [["Authorization", "Bearer"], ["X-A", "1"]] }));
  assert.throws(() => esm.lintRequest({ method: "PUT", url, header: {} }), /unknown member `header`; the members are method, url, headers, body/);
  assert.throws(() => esm.lintRequest({ url }), /^Error: request.method is missing: write it, e.g. method: "PUT"$/);
  assert.throws(() => esm.lintRequest({ method: "PUT" }), /^Error: request.url is missing: write it, e.g. url: "https:\/\/gw.example.com\/apiops\/projects\/..."$/);
  assert.throws(() => esm.lintRequest({ method: 1, url }), /^Error: request.method: expected a string, not a number$/);
  // Object headers keep the caller's order, and of a repeated header the first
  // is judged, as the server's getHeader reads it (fetch would even join them).
  const patch = esm.lintRequest({
    method: "PATCH",
    url: "/apiops/projects/P/apiProxies/A/settings/mtls/",
    headers: { Authorization: "Bearer t", "content-type": "text/plain", "Content-Type": "application/json" },
    body: { enabled: false },
  });
  assert.deepEqual(patch.diagnostics.map((d) => [d.code, d.pointer]), [["R006", "/headers/content-type"]]);
});

test("lintResponse: a documented error names the rule that catches it", () => {
  const response = '{"error": "bad_request", "error_description": "KeyStore ID is required when mTLS is enabled"}';
  const [finding] = esm.lintResponse(response);
  assert.equal(finding.code, "D003");
  assert.match(finding.help, /^M001 keystore-required/);
});

test("validateForm: findings by field, an empty list for a fine field", () => {
  const report = esm.validateForm({ enabled: true, keyStoreId: "", hostnameVerifierType: "DEFAULT" });
  assert.deepEqual(report.fields.hostnameVerifierType, []);
  // The empty id, and mTLS on without a keystore: both beside the keystore input.
  assert.deepEqual(report.fields.keyStoreId.map((d) => d.code).sort(), ["M001", "S007"]);
  assert.ok(!report.fields.enabled.some((d) => d.code === "M001"));
  assert.equal(report.summary.errors, 2);
  const truststore = esm.validateForm(
    { projectName: "P", username: "api-user", keystoreName: "my-ts" },
    { endpoint: "truststore", keystores: ["My-TS"] },
  );
  assert.equal(truststore.fields.keystoreName[0].code, "R008");
  assert.match(truststore.fields.keystoreName[0].message, /My-TS/);
  // A store kept from the current settings and missing from the inventory: beside the store's input, which would replace it.
  const kept = esm.validateForm(
    { enabled: true },
    { current: { enabled: false, keyStoreId: "ks", trustStoreId: "ts-old" }, keystores: ["ks", "ts-new"] },
  );
  assert.deepEqual(kept.fields.trustStoreId.map((d) => d.code), ["M006"]);
  assert.match(kept.fields.trustStoreId[0].message, /^truststore `ts-old`, kept from the current settings/);
  assert.ok(!kept.fields.enabled.some((d) => d.code === "M006"));
});

test("applyFixes: safe by default, unsafe on request", () => {
  const text = '{"supportedProtocolList": ["TLSv1.2", "SSL_3_0"]}';
  const safe = esm.applyFixes(text);
  assert.equal(safe.text, '{"supportedProtocolList": ["TLS_1_2", "SSL_3_0"]}');
  assert.equal(safe.applied, 1);
  assert.ok(safe.remaining.some((d) => d.code === "T001"));
  const all = esm.applyFixes(text, { unsafe: true });
  assert.ok(!all.text.includes("SSL_3_0"), all.text);
});

test("rules, explain, schema and constants come from the core's one source", () => {
  const rules = esm.rules();
  assert.ok(rules.length >= 43);
  const m001 = rules.find((r) => r.code === "M001");
  assert.equal(m001.name, "keystore-required");
  assert.equal(m001.standard, "error");
  assert.match(esm.explain("keystore-required"), /^## M001 `keystore-required`/);
  const body = esm.schema("mtls-settings");
  assert.equal(body.$schema, "https://json-schema.org/draft/2020-12/schema");
  // Every schema, in both dialects, is the published file (draft-07's is made from 2020-12's).
  for (const name of esm.schemaNames()) {
    for (const [draft, folder] of [["2020-12", "2020-12"], ["07", "draft-07"]]) {
      const disk = JSON.parse(readFileSync(new URL(`../../schemas/${folder}/${name}.json`, import.meta.url), "utf8"));
      assert.deepEqual(esm.schema(name, draft), disk, `${name} (${draft})`);
    }
  }
  assert.deepEqual(esm.schemaNames().length, 8);
  const { protocols, verifiers } = esm.constants();
  assert.deepEqual(protocols.map((p) => [p.constant, p.javaName]).slice(0, 2), [["TLS_1_3", "TLSv1.3"], ["TLS_1_2", "TLSv1.2"]]);
  assert.ok(verifiers.find((v) => v.constant === "NOOP").meaning.includes("No hostname verification"));
});

test("lintRequest: a body it cannot read is refused, not replaced", () => {
  const url = "/apiops/projects/P/apiProxies/A/settings/mtls/";
  const headers = { Authorization: "Bearer t", "Content-Type": "application/json" };
  for (const [body, name] of [[new Blob(['{"enabled":true}']), "Blob"], [new URLSearchParams("a=1"), "URLSearchParams"]]) {
    assert.throws(() => esm.lintRequest({ method: "PATCH", url, headers, body }), new RegExp(`^Error: request.body: ${name} is not JSON data`));
  }
  // A fetch Request's body is a stream, which cannot be read synchronously.
  const fetchRequest = new Request(`https://gw.example.com${url}`, { method: "PATCH", headers, body: '{"enabled":true}' });
  assert.throws(() => esm.lintRequest(fetchRequest), /^Error: request.body: ReadableStream is not JSON data; .* \(read the text first: `await request.text\(\)`\)$/);
  // The module goes on working after refusing an argument.
  const report = esm.lintRequest({ method: "PATCH", url, headers, body: '{"enabled":true}' });
  assert.ok(report.diagnostics.some((d) => d.code === "M001"), JSON.stringify(report.diagnostics));
});

test("a caller's getter or Proxy that throws is reported, and the module keeps working", () => {
  const throwing = { get profile() { throw new Error("getter failed"); } };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const calls = [
    () => esm.lint("{}", throwing),
    () => esm.lint("{}", revoked.proxy),
    () => esm.lint("{}", { current: new Proxy({}, { ownKeys() { throw new Error("trap failed"); } }) }),
    () => esm.validateForm({ get keyStoreId() { throw new Error("getter failed"); } }),
    () => esm.lintRequest({ get method() { throw new Error("getter failed"); }, url: "/" }),
    () => esm.lintRequest({ method: "PUT", url: "/", headers: { [Symbol.iterator]() { throw new Error("iterator failed"); } } }),
    () => esm.lintRequest({ method: "PATCH", url: "/", body: { get enabled() { throw new Error("getter failed"); } } }),
  ];
  // Each unwinding exception used to leave the module's stack and value table behind:
  // a few hundred of them broke every later call.
  for (let round = 0; round < 1500; round++) {
    for (const call of calls) {
      assert.throws(call, /reading it threw: (getter|trap|iterator) failed|revoked/);
    }
  }
  assert.deepEqual(esm.lint('{"enabled": false}'), []);
  assert.throws(calls[4], /^Error: request.method: reading it threw: getter failed$/);
});

test("bytes that cannot be read, and errors without a string message, are reported, and the module keeps working", () => {
  const detached = new ArrayBuffer(8);
  structuredClone(detached, { transfer: [detached] });
  const transferred = new Uint8Array(8);
  structuredClone(transferred.buffer, { transfer: [transferred.buffer] });
  const unreadable = [detached, transferred, Object.create(Uint8Array.prototype), new Proxy(new Uint8Array(4), {})];
  const odd = [
    { message: 42 },
    { get message() { throw new Error("inner"); } },
    Object.assign(new Error("x"), { message: { text: "an object" } }),
  ];
  const calls = [
    ...unreadable.map((bytes) => [() => esm.lint(bytes), /^Error: text: its bytes cannot be read \(.+\); pass a Uint8Array or an ArrayBuffer that is not detached or transferred, or the text as a string$/]),
    ...unreadable.map((bytes) => [() => esm.applyFixes(bytes), /^Error: text: its bytes cannot be read/]),
    [() => esm.lintRequest({ method: "PATCH", url: "/", body: transferred }), /^Error: request.body: its bytes cannot be read/],
    ...odd.map((thrown) => [() => esm.lint("{}", { get profile() { throw thrown; } }), /^Error: options: reading it threw: an object$/]),
    [() => esm.lint("{}", { get profile() { throw "plain text"; } }), /^Error: options: reading it threw: plain text$/],
    [() => esm.lint("{}", { get profile() { throw undefined; } }), /^Error: options: reading it threw: undefined$/],
  ];
  for (let round = 0; round < 1500; round++) {
    for (const [call, error] of calls) {
      assert.throws(call, error);
    }
  }
  assert.deepEqual(esm.lint(new TextEncoder().encode('{"enabled": false}')), []);
  assert.deepEqual(esm.lint(new TextEncoder().encode('{"enabled": false}').buffer), []);
});

test("options of another class, and a URL that breaks the line, are refused with what to pass", () => {
  assert.throws(() => esm.lint("{}", new Map([["profile", "production"]])), /^Error: options: Map is not a plain object; pass one such as \{profile: "production"\} \(Object.fromEntries\(it\) makes one\)$/);
  const url = "https://gw.example.com/apiops/projects/P/credentials/u/truststore/t/\nAuthorization: Bearer s3cret";
  assert.throws(() => esm.lintRequest({ method: "PUT", url, headers: [] }), /^Error: request.url: it breaks the line/);
  for (const headers of ["Authorization: Bearer t", 5]) {
    assert.throws(() => esm.lintRequest({ method: "PUT", url: "/", headers }), /^Error: request.headers: expected an object of names and values or \[name, value\] pairs$/);
  }
  // A fetch Request without a body is read by its members.
  const request = new Request("https://gw.example.com/apiops/projects/P/credentials/u/truststore/t/", { method: "PUT", headers: { Authorization: "Bearer t" } });
  assert.deepEqual(esm.lintRequest(request).diagnostics, []);
});

test("header names and values are read as a server reads them", () => {
  const url = "https://gw.example.com/apiops/projects/P/apiProxies/a/settings/mtls/";
  const lintWith = (headers) => esm.lintRequest({ method: "PATCH", url, headers, body: '{"enabled": false}' });
  // White space around a name: fetch refuses it, a server too; the CLI says the same.
  assert.throws(
    () => lintWith([[" Authorization", "Bearer s3cret"], ["Content-Type", "application/json"]]),
    (error) => /`Authorization` has white space around its name, which a server refuses/.test(error.message) && !error.message.includes("s3cret"),
  );
  // Spaces and tabs around a value are dropped; a no-break space copied from a page is sent.
  assert.deepEqual(lintWith({ Authorization: " Bearer t0ken\t", "Content-Type": "application/json " }).diagnostics, []);
  const nbsp = lintWith({ Authorization: "Bearer t0ken\u00a0", "Content-Type": "application/json\u00a0" });
  assert.deepEqual(nbsp.diagnostics.map((d) => d.code), ["R005", "R006"]);
  assert.match(nbsp.diagnostics[1].message, /U\+00A0/);
});

test("strings far past every limit are refused before they are read, and the module keeps working", () => {
  // 34 MiB of UTF-8, over the 16 Mi characters an argument may hold: copied in, twice, it would exhaust the module.
  const huge = "é".repeat(17 << 20);
  const url = "https://gw.example.com/apiops/projects/P/apiProxies/a/settings/mtls/";
  const refused = /longer than the module reads \(16777216 characters or bytes in one argument\)/;
  for (let round = 0; round < 3; round++) {
    assert.throws(() => esm.applyFixes(huge), refused);
    assert.throws(() => esm.lint(huge), refused);
    assert.throws(() => esm.lintRequest({ method: "PATCH", url, headers: { "X-Note": huge } }), refused);
    // The same string many times over counts each time.
    const part = huge.slice(0, 1 << 20);
    assert.throws(() => esm.validateForm(Object.fromEntries([...Array(20).keys()].map((i) => [`f${i}`, part]))), refused);
    assert.throws(() => esm.lintRequest({ method: "PATCH", url, headers: [...Array(20)].map(() => ["X-Note", part]) }), refused);
    // Names count too: a long one is refused before it is read or quoted back.
    const key = `k${huge}`;
    assert.throws(() => esm.validateForm({ [key]: 1 }), refused);
    assert.throws(() => esm.validateForm(Object.fromEntries([...Array(20).keys()].map((i) => [`${i}${part}`, 1]))), refused);
    assert.throws(() => esm.lint("{}", { [key]: 1 }), refused);
    assert.throws(() => esm.lintRequest({ method: "PATCH", url, [key]: 1 }), refused);
    assert.throws(() => esm.lintRequest({ method: "PATCH", url, headers: [[key, "v"]] }), refused);
  }
  // An input over its limit but within reach is still read and reported.
  assert.deepEqual(esm.lint("x".repeat(3 << 20)).map((d) => d.code), ["J005"]);
  assert.deepEqual(esm.lint('{"enabled": false}'), []);
});

test("the worst body the largest limit takes is reported whole, not a crash", () => {
  // A finding for every two bytes: a list of a million items that are no protocol.
  const most = 2 << 20;
  const items = (most - '{"supportedProtocolList":[]}'.length + 1) >> 1;
  const body = `{"supportedProtocolList":[${"0,".repeat(items - 1)}0]}`.padEnd(most);
  assert.equal(Buffer.byteLength(body), most);
  const diagnostics = esm.lint(body, { limits: { maxBytes: most } });
  assert.equal(diagnostics.length, items + 1, "one S002 per item, and T004 on the list");
  assert.deepEqual(diagnostics.at(-1).pointer, `/supportedProtocolList/${items - 1}`);
  // The module still works afterwards.
  assert.deepEqual(esm.lint('{"enabled": false}'), []);
});

test("options are read again whenever they change, even in the same object", () => {
  const options = { profile: "production", keystores: ["ks-1"] };
  const body = '{"enabled": true, "keyStoreId": "ks-2", "hostnameVerifierType": "NOOP"}';
  const severityOf = (code) => esm.lint(body, options).find((d) => d.code === code)?.severity;
  assert.equal(severityOf("H001"), "error");
  assert.equal(severityOf("M006"), "error");
  options.profile = "standard";
  assert.equal(severityOf("H001"), "warning");
  options.keystores.push("ks-2");
  assert.equal(severityOf("M006"), undefined);
  // Each call still refuses what JSON would write as something else.
  options.rules = new Map();
  assert.throws(() => esm.lint(body, options), /^Error: options.rules: Map is not JSON data/);
});
