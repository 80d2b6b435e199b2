// The draft-07 body schema as VS Code sees it: a body file whose `$schema`
// names the published URL gets completion, hover, deprecation marks and the
// server's message, from the JSON language service VS Code itself runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

const file = new URL('../../schemas/draft-07/mtls-settings.json', import.meta.url);
const schema = readFileSync(file, 'utf8');
const id = JSON.parse(schema).$id;

// The published URL resolves to the committed file; nothing is fetched.
const service = getLanguageService({
  schemaRequestService: async (uri) => {
    if (uri === id) return schema;
    throw new Error(`unexpected schema request: ${uri}`);
  },
});
service.configure({ validate: true, allowComments: false });

function open(members) {
  const text = `{\n  "$schema": "${id}",\n${members}\n}\n`;
  const document = TextDocument.create('file:///work/mtls-body.json', 'json', 1, text);
  return { text, document, json: service.parseJSONDocument(document) };
}

test('protocol constants complete with their Java names', async () => {
  const { text, document, json } = open('  "supportedProtocolList": [""]');
  const position = document.positionAt(text.indexOf('[""]') + 2);
  const items = (await service.doComplete(document, position, json)).items;
  const docs = Object.fromEntries(items.map((item) => [item.label, JSON.stringify(item.documentation)]));
  assert.deepEqual(Object.keys(docs), ['"TLS_1_3"', '"TLS_1_2"', '"TLS_1_1"', '"TLS_1_0"', '"SSL_3_0"']);
  assert.match(docs['"TLS_1_2"'], /Java name .?"?TLSv1\.2/);
  assert.match(docs['"TLS_1_0"'], /deprecated \(RFC 8996\)/);
});

test('hovering shows the field\'s and the constant\'s documentation', async () => {
  const { text, document, json } = open('  "enabled": true,\n  "keyStoreId": "ks-1",\n  "hostnameVerifierType": "DEFAULT"');
  const hover = async (needle) =>
    JSON.stringify((await service.doHover(document, document.positionAt(text.indexOf(needle) + 2), json)).contents);
  assert.match(await hover('"enabled"'), /Enable or disable mTLS/);
  assert.match(await hover('"DEFAULT"'), /RFC 2818, RFC 6125/);
  // The key shows the field's own words (a constant's description once took their place), the value's once.
  assert.match(await hover('"hostnameVerifierType"'), /How the backend's host name is checked/);
  assert.equal((await hover('"DEFAULT"')).split('RFC 2818').length, 2, 'the constant described once');
});

test('TLS_1_0 and STRICT carry a deprecation mark, TLS_1_2 and DEFAULT none', async () => {
  const { document, json } = open(
    '  "enabled": false,\n  "supportedProtocolList": ["TLS_1_2", "TLS_1_0"],\n  "hostnameVerifierType": "STRICT"',
  );
  const messages = (await service.doValidation(document, json)).map((d) => d.message).sort();
  assert.equal(messages.length, 2, messages.join('\n'));
  assert.match(messages[0], /^STRICT: deprecated since HttpClient 4\.4/);
  assert.match(messages[1], /^TLS_1_0: TLS 1\.0 is deprecated/);
});

test('enabled without keyStoreId is an error in the server\'s words', async () => {
  const { document, json } = open('  "enabled": true');
  const messages = (await service.doValidation(document, json)).map((d) => d.message);
  assert.ok(messages.includes('KeyStore ID is required when mTLS is enabled'), messages.join('\n'));
  const fixed = open('  "enabled": true,\n  "keyStoreId": "keystore-id-123"');
  assert.deepEqual(await service.doValidation(fixed.document, fixed.json), []);
});

test('a blank id, and one with white space around it, each say what to write', async () => {
  const messages = async (id) => {
    const { document, json } = open(`  "keyStoreId": ${JSON.stringify(id)}`);
    return (await service.doValidation(document, json)).map((d) => d.message);
  };
  assert.deepEqual(await messages(' '), [
    'write the id of a keystore uploaded to the project; an empty or blank id names no store',
  ]);
  for (const id of ['ks-1 ', 'ks-1\n', '\u00a0ks-1']) {
    assert.deepEqual(await messages(id), ['remove the white space around the id: no store is named with it'], id);
  }
  assert.deepEqual(await messages('ks-1'), []);
  // Another type is said once, as a type: the white space is a string's.
  for (const other of [null, 42]) {
    const said = await messages(other);
    assert.equal(said.length, 1, said.join('\n'));
    assert.doesNotMatch(said[0], /white space/);
  }
});

test('the documentation\'s bodies are offered as snippets in an empty file', async () => {
  // A file mapped to the schema by name, as the `json.schemas` setting does.
  const mapped = getLanguageService({ schemaRequestService: async () => schema });
  mapped.configure({ validate: true, schemas: [{ uri: id, fileMatch: ['*.mtls.json'] }] });
  const document = TextDocument.create('file:///work/proxy.mtls.json', 'json', 1, '');
  const json = mapped.parseJSONDocument(document);
  const items = (await mapped.doComplete(document, document.positionAt(0), json)).items;
  const labels = items.map((item) => item.label);
  assert.ok(labels.includes('Enable mTLS with a keystore and a truststore'), labels.join(', '));
  assert.ok(labels.includes('Enable mTLS with a keystore only'), labels.join(', '));
});
