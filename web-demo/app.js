// The demo's behaviour: the form, the JSON pane and the findings, all judged
// by the npm package. Every user-supplied string reaches the page as text
// (textContent, value), never as HTML.
import init, { constants, explain, lint, lintRequest, schema, schemaNames, validateForm, version } from "../pkg/mtlslint.js";

const $ = (id) => document.getElementById(id);

/** An element with properties and children; strings become text nodes. */
function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") element.className = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key in element && !key.includes("-")) element[key] = value;
    else element.setAttribute(key, value);
  }
  element.append(...children.filter((child) => child != null));
  return element;
}

const SEVERITY_WORD = { error: "error", warning: "warning", info: "note" };
/** The body's fields as the API spells them, read from the model once the package is loaded. */
let bodyFields = [];
const TEXT_FIELDS = ["keyStoreId", "trustStoreId"];
/** The mTLS call's path names, which have their own inputs. */
const PATH_FIELDS = ["projectName", "apiProxyName"];

let profile = "standard";
/** The path names the user has edited or left; an empty name is reported only after that. */
const touched = new Set();

// ---------------------------------------------------------------- helpers

/** The UTF-16 index of a position: what JavaScript strings count. Columns
 * leave out a byte order mark, which a string pasted with one holds at index 0. */
function indexOf(text, position) {
  let index = position.line === 1 && text.startsWith("\uFEFF") ? 1 : 0;
  for (let line = 1; line < position.line; line += 1) {
    const next = text.indexOf("\n", index);
    if (next < 0) return text.length;
    index = next + 1;
  }
  return Math.min(index + position.utf16Column - 1, text.length);
}

/** Applies one diagnostic's fix to `text`. */
function applyFix(text, fix) {
  const edits = fix.edits
    .map((edit) => ({ start: indexOf(text, edit.range.start), end: indexOf(text, edit.range.end), content: edit.content }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.content + result.slice(edit.end);
  return result;
}

function summaryText(summary) {
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  if (summary.errors + summary.warnings + summary.infos === 0) return "No findings: the call is ready to send.";
  return `${plural(summary.errors, "error", "errors")}, ${plural(summary.warnings, "warning", "warnings")}, ${plural(summary.infos, "note", "notes")}`;
}

/** A tab's verdict: what it finds, and what is still to fill in before the call can be sent. */
function renderVerdict(element, diagnostics, pending = []) {
  const summary = countSeverities(diagnostics);
  let text = summaryText(summary);
  let state = summary.errors ? "error" : summary.warnings ? "warning" : "ok";
  if (pending.length) {
    const rest = `Still to fill in: ${pending.join(", ")}.`;
    text = summary.errors + summary.warnings + summary.infos ? `${text} · ${rest}` : rest;
    state = summary.errors ? "error" : "pending";
  }
  // Written only when it changes: the summary is a live region.
  setText(element, text);
  element.dataset.state = state;
}

/** How a pending input is named in a summary: its label, lower-cased unless it starts with an acronym. */
const pendingName = (control) => control.labels[0].firstChild.textContent.trim().replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());

/** A user name and password written into a URL (`https://user:pw@`, `user:pw@host`, `//user:pw@host`): the calls do not use them. */
const USERINFO = /^((?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/+)?[^/?#\s]*@/;

/**
 * The gateway URL the cURL commands use, without a trailing slash, a user
 * name and password, or a query or fragment (each said beside the field: a
 * token may be there); a placeholder while it is empty.
 */
const gatewayBase = () =>
  $("gateway").value.trim().replace(USERINFO, "$1").replace(/([?#]|%3f|%23)[^]*$/i, "").replace(/\/+$/, "") || "https://<gateway>";

/** Single-quotes a word for a POSIX shell. */
const quote = (text) => `'${text.replaceAll("'", `'"'"'`)}'`;
/**
 * Percent-encodes a name for a path segment as the package does when it lints
 * the form (every byte but RFC 3986's unreserved ones), so the cURL command is
 * the call that was linted: `encodeURIComponent` alone leaves `!'()*` as they are.
 */
const segment = (name, placeholder) =>
  encodeURIComponent(name.toWellFormed()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) || placeholder;

/**
 * What the page says of a field that holds half of a UTF-16 pair (a character
 * cut in two, as a paste can leave), which no URL can carry: its message and help.
 */
const cutCharacter = (field, retype) => [
  `${field} holds half of a character (a lone UTF-16 surrogate), which no URL can carry`,
  `type ${retype} again, or paste it again from where it is written whole`,
];

/**
 * What the page itself says of a path name, beside it: half of a UTF-16 pair
 * (a character cut in two, as a paste can leave), which no URL can carry and
 * which the page sends on as U+FFFD; or a name typed already percent-encoded
 * (`My%20Project`): the page encodes names itself, so the call would name
 * `My%2520Project`.
 */
function encodedName(name) {
  if (!name.isWellFormed()) {
    const [message, help] = cutCharacter("the name", "the name");
    return [{ severity: "error", code: "", message, help }];
  }
  if (!/%[0-9A-Fa-f]{2}/.test(name)) return [];
  let decoded;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    return [];
  }
  return [{
    severity: "warning",
    code: "",
    message: `\`${name}\` looks percent-encoded; the page encodes names itself, so the call would name \`${segment(name)}\``,
    help: `type the name as it is: \`${decoded}\``,
  }];
}

/** At most this many messages beside one field, and findings in one list: a pasted body with thousands would freeze the page. */
const SHOWN = { messages: 20, findings: 200 };

/** Sets an element's text only when it changes: a live region announces every change it is given. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** The messages beside one field, tied to its control for assistive technology. */
function showMessages(container, control, diagnostics, items = []) {
  const id = `${control.id}-messages`;
  let list = container.querySelector(".messages");
  if (!list) {
    // Announced as they change, so a screen reader hears a field's verdict without leaving it.
    list = h("ul", { class: "messages", id, "aria-live": "polite" });
    container.append(list);
  }
  // Rebuilt only when what it says changes, so that a keystroke elsewhere is not announced here again.
  // A message's `detail` (the end of its help) is not part of that: it is written in place, so that
  // only it is announced when only it changes, not the whole help again.
  const said = JSON.stringify(diagnostics.map((d) => [d.severity, d.code, d.message, d.help]));
  if (list.dataset.said !== said) {
    list.dataset.said = said;
    const more = diagnostics.length - SHOWN.messages;
    list.replaceChildren(
      ...diagnostics.slice(0, SHOWN.messages).map((d) =>
        h("li", { class: `message ${d.severity}` },
          h("span", { class: "badge" }, SEVERITY_WORD[d.severity]), " ",
          d.code ? h("span", { class: "code" }, d.code) : null, d.code ? " " : null, d.message,
          d.help ? h("span", { class: "help" }, d.help, h("span", { class: "detail" })) : null),
      ),
      // `replaceChildren` would write a `null` as the text "null".
      ...(more > 0 ? [h("li", { class: "message more" }, `and ${more} more: see the findings`)] : []),
    );
  }
  [...list.children].forEach((item, index) => {
    const detail = item.querySelector(".detail");
    if (detail) setText(detail, diagnostics[index]?.detail ?? "");
  });
  const serious = diagnostics.filter((d) => d.severity !== "info");
  if (control.matches("fieldset")) {
    // A group (the protocols) cannot be invalid itself: the checkboxes of the
    // items at fault are, found by the index that ends a finding's pointer.
    const atFault = new Set(serious.map((d) => items[Number(d.pointer.match(/\/(\d+)$/)?.[1])]));
    for (const box of control.querySelectorAll("input")) {
      box.setAttribute("aria-invalid", String(atFault.has(box.value)));
      if (atFault.has(box.value)) box.setAttribute("aria-describedby", id);
      else box.removeAttribute("aria-describedby");
    }
  } else {
    control.setAttribute("aria-invalid", String(serious.length > 0));
  }
  const described = new Set((control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
  if (diagnostics.length) described.add(id);
  else described.delete(id);
  if (described.size) control.setAttribute("aria-describedby", [...described].join(" "));
  else control.removeAttribute("aria-describedby");
  container.dataset.severity = diagnostics.find((d) => d.severity === "error") ? "error"
    : diagnostics.find((d) => d.severity === "warning") ? "warning" : diagnostics.length ? "info" : "";
}

/** The findings (rule and pointer) whose rule documentation is open: it stays open while the findings are listed again. */
const openDocs = new Set();
let docsShown = 0;

/**
 * A list of findings, each `[diagnostic, onFix]`, at most `SHOWN.findings` of
 * them, or what to show when there are none. It is rebuilt only when what it
 * lists changes: a button pressed while another input loses focus (and the
 * page is judged again) must still be there for the click.
 */
function showFindings(list, findings, none) {
  // What an empty list says changes too (the current settings become unreadable).
  const said = JSON.stringify([none, findings.map(([d, onFix]) => [d, Boolean(onFix)])]);
  if (list.dataset.said === said) return;
  list.dataset.said = said;
  const items = findings.slice(0, SHOWN.findings).map(([d, onFix]) => findingItem(d, onFix));
  const more = findings.length - SHOWN.findings;
  list.replaceChildren(
    ...(items.length ? items : [h("li", { class: "none" }, none)]),
    ...(more > 0 ? [h("li", { class: "more" }, `and ${more} more findings, not listed`)] : []),
  );
}

/**
 * A rule's documentation as elements: the Markdown `explain` returns has
 * headings, paragraphs, `code` spans and fenced blocks, and nothing else.
 * Headings sit below the page's own (h3 for the rule, h4 for its sections).
 */
function ruleDocs(markdown) {
  const inline = (text) => text.split("`").map((part, i) => (i % 2 ? h("code", {}, part) : part));
  const lines = markdown.split("\n");
  const nodes = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.startsWith("```")) {
      const code = [];
      for (i += 1; i < lines.length && !lines[i].startsWith("```"); i += 1) code.push(lines[i]);
      nodes.push(h("pre", {}, h("code", {}, code.join("\n"))));
    } else if (/^#+ /.test(line)) {
      const [, marks, text] = line.match(/^(#+) (.*)$/);
      nodes.push(h(marks.length <= 2 ? "h3" : "h4", {}, ...inline(text)));
    } else if (line.trim()) {
      const paragraph = [line];
      while (i + 1 < lines.length && lines[i + 1].trim() && !/^(#+ |```)/.test(lines[i + 1])) paragraph.push(lines[(i += 1)]);
      nodes.push(h("p", {}, ...inline(paragraph.join(" "))));
    }
  }
  return nodes;
}

/** One finding in a list, with its quick fix and its rule's documentation. */
function findingItem(d, onFix) {
  const where = `line ${d.range.start.line}, column ${d.range.start.utf16Column}`;
  const key = `${d.code} ${d.pointer}`;
  const open = openDocs.has(key);
  const id = `docs-${(docsShown += 1)}`;
  const docs = h("div", { class: "docs", id, role: "region", "aria-label": `${d.code} ${d.name}`, hidden: !open },
    ...(open ? ruleDocs(explain(d.code)) : []));
  const docsButton = h("button", {
    type: "button",
    class: "link",
    "aria-expanded": String(open),
    "aria-controls": id,
    onclick: () => {
      const opening = docs.hidden;
      if (opening && !docs.firstChild) docs.append(...ruleDocs(explain(d.code)));
      docs.hidden = !opening;
      docsButton.setAttribute("aria-expanded", String(opening));
      if (opening) openDocs.add(key);
      else openDocs.delete(key);
    },
  }, `About ${d.code} ${d.name}`);
  const fix = d.fix && onFix
    ? h("button", {
        type: "button",
        class: d.fix.applicability === "unsafe" ? "fix unsafe" : "fix",
        title: d.fix.applicability === "unsafe" ? "Unsafe: changes what the settings mean" : "Safe: keeps what you meant",
        onclick: () => onFix(d),
      }, d.fix.applicability === "unsafe" ? `Fix (unsafe): ${d.fix.message}` : `Fix: ${d.fix.message}`)
    : null;
  return h("li", { class: `finding ${d.severity}`, "data-code": d.code },
    h("div", { class: "finding-head" },
      h("span", { class: "badge" }, SEVERITY_WORD[d.severity]),
      h("span", { class: "code" }, d.code),
      h("span", { class: "where" }, where),
      h("code", { class: "pointer" }, d.pointer || "/")),
    h("p", { class: "finding-message" }, d.message),
    d.help ? h("p", { class: "help" }, d.help) : null,
    h("div", { class: "actions" }, fix, docsButton),
    docs);
}

// ---------------------------------------------------------- mTLS settings

const json = $("json");
const backdrop = $("backdrop");
const controls = {
  projectName: $("projectName"),
  apiProxyName: $("apiProxyName"),
  enabled: $("enabled"),
  keyStoreId: $("keyStoreId"),
  trustStoreId: $("trustStoreId"),
  supportedProtocolList: $("supportedProtocolList"),
  hostnameVerifierType: $("hostnameVerifierType"),
};

function protocolBoxes() {
  return [...document.querySelectorAll("#protocols input[type=checkbox]")];
}

/** The body the form describes, in the API's field order. */
function formBody() {
  return Object.fromEntries(bodyFields.map((field) => [field, controlValue(field)]).filter(([, value]) => value !== undefined));
}

/** The JSON pane's object, or null while its text is not a JSON object. */
function paneObject() {
  try {
    // A byte order mark is no part of the JSON (the linter reads past it too).
    const parsed = JSON.parse(json.value.replace(/^\uFEFF/, ""));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The value of a select's option that stands for what the JSON holds and the other options cannot say. */
const WRITTEN = "as-written";

/** Selects `value` (left out, or of JavaScript type `type`) in a select, or its
 * "as written" option for a value none of the others is (`"true"` is no boolean). */
function showChoice(select, value, type) {
  const choice = value === undefined ? "" : typeof value === type && value !== "" ? String(value) : null;
  const known = [...select.options].some((option) => option.value === choice && option.value !== WRITTEN);
  let written = [...select.options].find((option) => option.value === WRITTEN);
  if (known) {
    written?.remove();
    select.value = choice;
    return;
  }
  if (!written) {
    written = h("option", { value: WRITTEN });
    select.options[0].after(written);
  }
  // JSON.parse reads a number too large for JavaScript as Infinity, which JSON.stringify writes as null.
  const shown = typeof value === "number" && !Number.isFinite(value) ? "a number out of range" : JSON.stringify(value);
  written.textContent = `as written in the JSON: ${shown}`;
  select.value = WRITTEN;
}

/** Says what the protocol boxes mean for the list the JSON holds. */
function showProtocolHint(list) {
  const boxes = protocolBoxes().map((box) => box.value);
  const others = Array.isArray(list) ? list.filter((p) => !boxes.includes(p)) : [];
  let hint = "";
  if (list === undefined) hint = "None ticked: the field is not sent, and the proxy keeps its protocols (those of its current settings; every protocol by default).";
  else if (!Array.isArray(list)) hint = `The JSON holds ${JSON.stringify(list)}, not a list: see its finding, or tick protocols to replace it.`;
  else if (others.length) hint = `The JSON also holds ${others.map((p) => JSON.stringify(p)).join(", ")}, which no box stands for: see the findings, and correct or remove them in the JSON.`;
  else if (list.length === 0) hint = "None ticked, and the JSON sends an empty list: the server allows every protocol.";
  setText($("hint-protocols"), hint);
}

/**
 * The members of the top-level object of `text` (valid JSON), in order: each
 * key with where its member starts, and where its value starts and ends.
 */
function topMembers(text) {
  const found = [];
  let depth = 0;
  let member = null;
  const close = (at) => {
    member.end = text.slice(0, at).trimEnd().length;
    found.push(member);
    member = null;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === "\\") i += 1;
      if (depth === 1 && !member) member = { key: JSON.parse(text.slice(start, i + 1)), start };
      else if (depth === 1 && member.value === undefined) member.value = start;
      continue;
    }
    if (depth === 1 && member && member.value === undefined && c !== ":" && !/\s/.test(c)) member.value = i;
    if (c === "{" || c === "[") depth += 1;
    else if (c === "}" || c === "]") {
      depth -= 1;
      if (depth === 0 && member) close(i);
    } else if (c === "," && depth === 1) close(i);
  }
  return found;
}

/** The keys of the top-level members of `text` (valid JSON) whose value is a
 * number that JavaScript, read and written back, does not write as it stands
 * (`1e400`, `1.50`, 2^64): a form's value would say another number. */
function rewrittenNumbers(text) {
  const rewritten = new Set();
  for (const member of topMembers(text)) {
    const value = text.slice(member.value, member.end);
    if (/^-?\d/.test(value) && JSON.stringify(JSON.parse(value)) !== value) rewritten.add(member.key);
  }
  return rewritten;
}

/** A form value as JSON; a list on one line, as people write a short one. */
const asJson = (value) => (Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(", ")}]` : JSON.stringify(value));

/**
 * `text` (a JSON object) with member `key` set to `value`, or taken out when
 * `value` is undefined. Only that member's text changes: the rest keeps its
 * spelling (numbers too large for JavaScript, repeated keys, spacing).
 */
function withMember(text, key, value) {
  const all = topMembers(text);
  const mine = all.filter((m) => m.key === key);
  if (value === undefined) {
    if (mine.length === all.length) return "{}";
    // Each run of the key's members (a repeated key may stand twice in a row) goes with
    // the separator after it, or before it at the end; cut from the last, in the text as it was.
    const cuts = [];
    for (let i = 0; i < all.length; ) {
      let j = i;
      while (j < all.length && all[j].key === key) j += 1;
      if (j > i) cuts.push(j < all.length ? [all[i].start, all[j].start] : [all[i - 1].end, all[j - 1].end]);
      i = Math.max(j, i + 1);
    }
    return cuts.reduceRight((result, [from, to]) => result.slice(0, from) + result.slice(to), text);
  }
  const last = mine.at(-1);
  if (last) return text.slice(0, last.value) + asJson(value) + text.slice(last.end);
  const member = `${JSON.stringify(key)}: ${asJson(value)}`;
  if (!all.length) return `{\n  ${member}\n}`;
  // A new member goes last, spaced as the first one is from the opening brace.
  const spacing = text.slice(text.indexOf("{") + 1, all[0].start);
  const end = all.at(-1).end;
  return `${text.slice(0, end)},${spacing || " "}${member}${text.slice(end)}`;
}

/** Shows a body in the form, as far as the form's controls can show it; what they cannot is said as written. */
function showInForm(body) {
  for (const field of TEXT_FIELDS) controls[field].value = typeof body[field] === "string" ? body[field] : "";
  const list = body.supportedProtocolList;
  const protocols = Array.isArray(list) ? list : [];
  for (const box of protocolBoxes()) box.checked = protocols.includes(box.value);
  showChoices(body);
}

/** The two choices and the protocols' hint, for what the body holds (a value "as written" that was replaced goes). */
function showChoices(body) {
  showChoice(controls.enabled, body.enabled, "boolean");
  showChoice(controls.hostnameVerifierType, body.hostnameVerifierType, "string");
  showProtocolHint(body.supportedProtocolList);
}

/** The path names, once the user has started on them: then both go in, so an empty one is reported. */
function pathFields() {
  // Touched inputs are kept by id: the two tabs share the name `projectName`.
  const started = PATH_FIELDS.some((name) => controls[name].value || touched.has(controls[name].id));
  // Half a UTF-16 pair is sent as U+FFFD (`encodedName` says so beside the name).
  const value = (name) => controls[name].value.toWellFormed();
  return started ? { projectName: value("projectName"), apiProxyName: value("apiProxyName") } : {};
}

/** The most findings marked in the JSON text. */
const MARKED = 1000;

/** Marks each finding at its place in the JSON text, behind the transparent
 * textarea; where findings overlap, the most serious one colours the text. */
function markText(text, diagnostics) {
  const names = ["", "info", "warning", "error"];
  const level = new Uint8Array(text.length + 1);
  // As many as the list shows and more; thousands of marks would slow every keystroke.
  for (const d of diagnostics.slice(0, MARKED)) {
    const start = indexOf(text, d.range.start);
    // An empty range (a place rather than a value) still gets one marked character.
    const end = Math.max(indexOf(text, d.range.end), start + 1);
    const rank = names.indexOf(d.severity);
    for (let i = start; i < end; i += 1) level[i] = Math.max(level[i], rank);
  }
  const parts = [];
  let from = 0;
  for (let i = 1; i <= level.length; i += 1) {
    if (i < level.length && level[i] === level[from]) continue;
    const piece = text.slice(from, i) || (level[from] ? " " : "");
    parts.push(level[from] ? h("mark", { class: names[level[from]] }, piece) : piece);
    from = i;
  }
  parts.push("\n");
  backdrop.replaceChildren(...parts);
  // Reading the textarea's scroll position here would force a layout on every keystroke.
  requestAnimationFrame(syncScroll);
}

function syncScroll() {
  backdrop.scrollTop = json.scrollTop;
  backdrop.scrollLeft = json.scrollLeft;
}

function renderCurl() {
  const base = gatewayBase();
  const url = `${base}/apiops/projects/${segment(controls.projectName.value, "<projectName>")}/apiProxies/${segment(controls.apiProxyName.value, "<apiProxyName>")}/settings/mtls/`;
  // The body as written, so that the command is the call that was checked:
  // re-serialising it would quietly drop a repeated key the pane reports.
  const body = json.value.trim();
  $("curl-mtls").textContent = [
    `curl -X PATCH ${quote(url)}`,
    `  -H ${quote("Authorization: Bearer <token>")}`,
    `  -H ${quote("Content-Type: application/json")}`,
    // `--data-raw`: a body that starts with `@` is not read as a file's name.
    `  --data-raw ${quote(body)}`,
  ].join(" \\\n");
}

/** The context inputs: the mTLS call's current settings, and both calls' keystore inventories. */
const CONTEXT = { current: "current", keystores: "ts-keystores", adminKeystores: "ts-adminKeystores" };

/**
 * The options the context inputs give, and what could not be read in them:
 * each text is tried alone, so that one that cannot be read is said beside
 * its input while the others still count. While either inventory cannot be
 * read, neither is given: a store found in neither would be reported as
 * missing from one that was never read.
 */
function readContext(names = Object.keys(CONTEXT)) {
  const options = {};
  const problems = {};
  for (const name of names) {
    const id = CONTEXT[name];
    const text = $(id).value.trim();
    if (!text) continue;
    try {
      validateForm({}, { [name]: text });
      options[name] = text;
    } catch (error) {
      // The message says what it could not read; the field's message names it once.
      problems[name] = error.message.replace(/^options\.\w+: /, "").replace(/^current settings: /, "");
    }
  }
  if (problems.keystores || problems.adminKeystores) {
    delete options.keystores;
    delete options.adminKeystores;
  }
  return { options, problems };
}

/**
 * Shows beside each of the `names` context inputs what could not be read in
 * it; returns those messages. `left` holds the findings left out while the
 * current settings cannot be read (see `OTHER_PROXY`): their rules are named.
 */
function showContextProblems(problems, names = Object.keys(CONTEXT), left = []) {
  const shown = [];
  for (const name of names) {
    const id = CONTEXT[name];
    const what = name === "current" ? "current settings" : "keystores";
    const problem = problems[name];
    const [help, detail] = name === "current" ? unreadCurrentHelp(left) : [null, ""];
    const messages = problem ? [{ severity: "error", code: "", message: `Cannot be read as ${what}: ${problem}`, help, detail }] : [];
    showMessages($(id).closest(".field"), $(id), messages);
    shown.push(...messages);
  }
  return shown;
}

/**
 * What to do about current settings that cannot be read, and, as the help's
 * detail, which rules' findings wait for them (it changes as the body does).
 */
function unreadCurrentHelp(left) {
  const rules = [...new Set(left.map((d) => `${d.code} ${d.name}`))].sort();
  const which = rules.length ? ` (left out: ${rules.join(", ")})` : "";
  return ["correct them, or empty the field to judge the PATCH as if the proxy had the defaults; until then, only what holds whatever the proxy has now is judged", which];
}

/** The stand-in proxy's stores (`OTHER_PROXY`): a finding that names them is about no store of the user's. */
const STAND_IN_STORES = ["current-keystore", "current-truststore"];

/**
 * A stand-in proxy that differs in every field from one with the defaults
 * (mTLS off, no stores, every protocol, NOOP). While the current settings cannot be read, a finding is shown
 * only if the PATCH draws it both for a proxy with the defaults and for this
 * one: judged as if there were no current settings alone, enabling mTLS would
 * be said to need a keystore the proxy may well have.
 */
const OTHER_PROXY = {
  enabled: true,
  keyStoreId: STAND_IN_STORES[0],
  trustStoreId: STAND_IN_STORES[1],
  supportedProtocolList: ["TLS_1_2", "TLS_1_3"],
  hostnameVerifierType: "DEFAULT",
};

/** Of `diagnostics`, those `others` holds too (the same message at the same place); the rest go into `left`. */
function heldByBoth(diagnostics, others, left) {
  const key = (d) => JSON.stringify([d.code, d.pointer, d.message]);
  const held = new Set(others.map(key));
  const mine = new Set(diagnostics.map(key));
  // What only the stand-in draws holds for a proxy with mTLS on (H001 on a NOOP the body sends), unless it
  // names the stand-in's own stores: it is left out too, and named.
  left.push(...others.filter((d) => !mine.has(key(d)) && !STAND_IN_STORES.some((store) => d.message.includes(store))));
  return diagnostics.filter((d) => held.has(key(d)) || (left.push(d), false));
}

/** A `validateForm` report less what `others` (the same form's, for another proxy) does not hold too. */
function formHeldByBoth(report, others, left) {
  const names = new Set([...Object.keys(report.fields), ...Object.keys(others.fields)]);
  const fields = Object.fromEntries(
    [...names].map((field) => [field, heldByBoth(report.fields[field] ?? [], others.fields[field] ?? [], left)]),
  );
  return { ...report, fields, other: heldByBoth(report.other, others.other, left) };
}

/** Above this many characters, the pane is judged when typing pauses, not on every keystroke. */
const LARGE = 100_000;
let judging = 0;

/** Re-judges the settings now, or for a large body once typing pauses. */
function revalidateSoon() {
  clearTimeout(judging);
  if (json.value.length <= LARGE) revalidateMtls();
  else judging = setTimeout(revalidateMtls, 300);
}

/** Re-judges everything from the JSON text; the form has already been written into it when it changed. */
function revalidateMtls() {
  clearTimeout(judging);
  try {
    judgeMtls();
  } catch (error) {
    problem($("summary-mtls"), error);
  }
}

/** Shows why a check could not be made, instead of a verdict that no longer holds. */
function problem(summary, error) {
  // The package names its argument (`text: ...`); here that is the JSON body.
  summary.textContent = `Could not check this: ${error.message.replace(/^text: /, "the JSON body: ")}`;
  summary.dataset.state = "error";
}

function judgeMtls() {
  const text = json.value;
  const context = readContext();
  const options = { profile, ...context.options };
  // Current settings that cannot be read are not taken for none: see `OTHER_PROXY`.
  const other = context.problems.current ? { ...options, current: OTHER_PROXY } : null;
  const left = [];
  const found = other ? heldByBoth(lint(text, options), lint(text, other), left) : lint(text, options);
  markText(text, found);
  const serious = found.some((d) => d.severity !== "info");
  json.setAttribute("aria-invalid", String(serious));
  const body = paneObject();
  // While the pane does not parse, the settings inputs could not be written
  // into it: they pause, and say why, rather than drop what is typed.
  const paused = $("settings-paused");
  if ((body === null) !== $("settings").disabled) {
    // Said once as the inputs pause, so that a screen reader announces it then, not on every keystroke.
    paused.textContent = body === null
      ? "The JSON body does not read as a JSON object: correct it there (its findings say how), and these inputs follow it again."
      : "";
    paused.hidden = body !== null;
    $("settings").disabled = body === null;
  }
  // A body key named like a path name (`projectName`) is the pane's unknown
  // field, not the path's name: it must not stand in for the input beside it.
  // A number JavaScript would write otherwise (`1e400`, `1.50`, 2^64) is
  // not handed on: the pane's own findings about it go beside its input.
  const rewritten = body ? rewrittenNumbers(text) : new Set();
  const members = Object.entries(body ?? {}).filter(([key]) => !PATH_FIELDS.includes(key) && !rewritten.has(key));
  let report = { fields: {}, other: [] };
  let unchecked = null;
  try {
    const form = { ...Object.fromEntries(members), ...pathFields() };
    report = validateForm(form, options);
    if (other) report = formHeldByBoth(report, validateForm(form, other), left);
  } catch (error) {
    // Said in the summary; the pane's own findings and the command still follow the text.
    unchecked = error;
  }
  const contextProblems = showContextProblems(context.problems, Object.keys(CONTEXT), left);
  // Findings about the request's own parts (method, URL, path names, headers):
  // the body's, whatever their pointer, are the pane's own list's.
  const requestOnly = report.other.filter((d) => /^\/(method|url|path|headers)(\/|$)/.test(d.pointer));
  const none = other ? "Nothing to report that holds whatever the proxy has now: its current settings cannot be read." : "Nothing to report.";
  showFindings($("findings"), [...found.map((d) => [d, fixInJson]), ...requestOnly.map((d) => [d, null])], none);
  // A key the form has no input for (`keystoreId`) is shown beside the input of the field it was meant to be.
  const meant = {};
  for (const [key, diagnostics] of Object.entries(report.fields)) {
    if (controls[key]) continue;
    for (const d of diagnostics) {
      // The help names the field meant: "write `keyStoreId`", "this endpoint calls it `keyStoreId`",
      // "`keyStoreId` is already given". One that lists them all ("the fields are ...") means none.
      const named = new Set([...(d.help ?? "").matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((f) => controls[f]));
      const [field] = named;
      if (named.size === 1) (meant[field] ??= []).push(d);
    }
  }
  // A path name left empty and not yet touched is still to fill in, not a mistake.
  const waiting = PATH_FIELDS.filter((name) => controls[name].value === "" && !touched.has(controls[name].id));
  // The protocols the proxy ends up with (kept from the current settings) are judged
  // by the T rules as the settings as a whole: their findings go beside the protocols.
  const whole = report.other.filter((d) => (d.pointer === "" || d.pointer === "/body") && /^T\d{3}$/.test(d.code));
  for (const [field, control] of Object.entries(controls)) {
    const container = control.closest(".field");
    // Without a readable body, the body's findings are all in the JSON pane.
    let own = !body && bodyFields.includes(field)
      ? []
      : rewritten.has(field)
        ? found.filter((d) => d.pointer === `/${field}` || d.pointer.startsWith(`/${field}/`))
        : report.fields[field] ?? [];
    // With a number left out of the form, the form's reading lacks it: only
    // what the pane's reading also finds is said beside the other inputs.
    if (rewritten.size && !rewritten.has(field)) own = own.filter((d) => found.some((f) => f.code === d.code && f.message === d.message));
    // A key given twice is one value in the form's reading: the pane's finding about it goes beside its input.
    if (body && !rewritten.has(field)) own = [...own, ...found.filter((d) => d.code === "J002" && d.pointer === `/${field}`)];
    if (field === "supportedProtocolList") own = [...own, ...whole];
    if (PATH_FIELDS.includes(field)) own = [...own, ...encodedName(control.value)];
    const diagnostics = waiting.includes(field) ? [] : [...own, ...(body ? meant[field] ?? [] : [])];
    const items = Array.isArray(body?.[field]) ? body[field] : [];
    showMessages(container, control, diagnostics, items);
  }
  renderCurl();
  if (unchecked) {
    problem($("summary-mtls"), unchecked);
    return;
  }
  // The summary counts what is shown: the pane's findings (duplicate keys
  // included, which the form's own reading of the pane cannot see), the
  // request's, those under the path names and the gateway URL's; names not
  // yet started on are still to fill in.
  const pending = waiting.map((name) => pendingName(controls[name]));
  const named = PATH_FIELDS.filter((name) => !waiting.includes(name))
    .flatMap((name) => [...(report.fields[name] ?? []), ...encodedName(controls[name].value)]);
  const shown = [...found, ...requestOnly, ...named, ...gatewayFindings, ...contextProblems];
  renderVerdict($("summary-mtls"), shown, pending);
}

/** The gateway URL's own findings, as the last judgement of it left them. */
let gatewayFindings = [];

/** Judges the gateway URL in a call that is otherwise right, and shows what it
 * draws beside its input: when the URL or the profile changes, not on every
 * edit of the body. Both tabs' summaries count these findings. */
function judgeGateway() {
  const gateway = $("gateway");
  const own = gatewayProblems(gateway.value.trim());
  if (own) {
    // What the demo makes of the field (the host a path is added to) is wrong before any call is: said as such.
    gatewayFindings = [{ severity: "error", code: "", message: own[0], help: own[1] }];
    showMessages(gateway.closest(".field"), gateway, gatewayFindings);
    return;
  }
  const base = gatewayBase();
  const url = `${base}/apiops/projects/P/apiProxies/A/settings/mtls/`;
  const headers = { Authorization: "Bearer t", "Content-Type": "application/json" };
  const { diagnostics } = lintRequest({ method: "PATCH", url, headers, body: "{}" }, { profile });
  // Only what starts in the gateway's part of the request line (`PATCH <base>`): the rest is the demo's own.
  const end = "PATCH ".length + base.length;
  gatewayFindings = diagnostics.filter((d) => d.range.start.line === 1 && d.range.start.utf16Column - 1 < end);
  showMessages(gateway.closest(".field"), gateway, gatewayFindings);
}

/** What is wrong with the gateway field as the start of both calls' URLs, with what to write instead; null when nothing is. */
function gatewayProblems(text) {
  const example = "https://gateway.example.com";
  if (!text) return ["the gateway URL is empty", `write the gateway's address, such as ${example}`];
  const scheme = text.match(/^([A-Za-z][A-Za-z0-9+.-]*):\/\//)?.[1];
  if (scheme && !/^https?$/i.test(scheme)) return [`\`${scheme}://\` is no scheme for these calls`, `write https://, as in ${example}`];
  const rest = text.replace(/^([A-Za-z][A-Za-z0-9+.-]*:)?\/\/+/, "");
  const authority = rest.split(/[/?#]/)[0];
  if (/^(:\d*)?$/.test(authority)) return ["the gateway URL names no host", `write the host after the scheme, as in ${example}`];
  if (USERINFO.test(text)) {
    return ["the gateway URL holds a user name and password, which the calls do not use: the cURL command leaves them out", "remove them: the calls sign in with the bearer token"];
  }
  // `?` and `#` as typed or percent-encoded (`%3F`, pasted from an encoded link).
  const [mark] = text.match(/[?#]|%3f|%23/i) ?? [];
  if (mark) {
    // What follows is not quoted: a query may hold a token (`?access_token=...`).
    const what = mark.length > 1 ? `\`${mark}\` (an encoded \`${decodeURIComponent(mark)}\`)` : `\`${mark}\``;
    return [`the gateway URL holds ${what}, which would cut off the path the calls add after it`, `remove the \`${mark}\` and all that follows it`];
  }
  // Half of a UTF-16 pair (a character cut in two by a paste): no URL can carry it.
  if (!text.isWellFormed()) return cutCharacter("the gateway URL", "the address");
  // Only now is the URL quoted: it holds no query or fragment (and so no token) any more.
  if (/\s/.test(text)) return ["the gateway URL holds a space, which no address holds", `remove the space from \`${text}\``];
  // Only the path: a host may be named `apiops` (`https://apiops/gw`).
  const path = urlPath(rest);
  const apiops = path.search(/\/apiops(\/|$)/i);
  if (apiops >= 0) {
    return [`the gateway URL holds \`${path.slice(apiops)}\`, and each call's path starts with \`/apiops/projects/\`: it would be written twice`, `end the URL before \`/apiops\`, as in ${example}`];
  }
  return null;
}

/**
 * The path of a URL without its query, given from its host on (`gw.example.com/gw/`),
 * as the calls send it (`/x/../apiops` is `/apiops`); a URL that cannot be
 * read (a port out of range) is cut after its host.
 */
function urlPath(rest) {
  try {
    return new URL(`https://${rest}`).pathname;
  } catch {
    const slash = rest.indexOf("/");
    return slash < 0 ? "" : rest.slice(slash);
  }
}

function countSeverities(diagnostics) {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) summary[`${d.severity}s`] += 1;
  return summary;
}

function fixInJson(diagnostic) {
  json.value = applyFix(json.value, diagnostic.fix);
  onJsonInput();
  // The list is written again without the finding fixed: focus stays in it, at its heading.
  $("findings-title").focus();
}

/** The value a control gives its field; `undefined` leaves the field out. */
function controlValue(field, current) {
  switch (field) {
    case "enabled":
      return controls.enabled.value === WRITTEN ? current : { true: true, false: false }[controls.enabled.value];
    case "supportedProtocolList": {
      // The list as written, less what was unticked: its order, its repeats and the entries
      // no box stands for (a Java name, a typo) stay, each with its finding; what was ticked goes last.
      const boxes = protocolBoxes();
      const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
      const written = (Array.isArray(current) ? current : []).filter((p) => ticked.includes(p) || !boxes.some((b) => b.value === p));
      const list = [...written, ...ticked.filter((p) => !written.includes(p))];
      return list.length ? list : undefined;
    }
    case "hostnameVerifierType":
      return controls[field].value === WRITTEN ? current : controls[field].value || undefined;
    default:
      return controls[field].value === "" ? undefined : controls[field].value;
  }
}

function onFormInput(event) {
  const field = event.target.name;
  if (PATH_FIELDS.includes(field)) touched.add(event.target.id);
  const current = paneObject();
  // Only the field the user changed is rewritten, in place (a new one goes
  // last); a pane whose text is not a JSON object keeps its text until it
  // parses again.
  if (current && bodyFields.includes(field)) {
    json.value = withMember(json.value, field, controlValue(field, current[field]));
    // The choices follow what is now written; the inputs keep what is being typed.
    const written = paneObject();
    if (written) showChoices(written);
  }
  revalidateSoon();
}

function onJsonInput() {
  const parsed = paneObject();
  if (parsed) showInForm(parsed);
  revalidateSoon();
}

// ---------------------------------------------------- truststore assignment

const tsControls = {
  projectName: $("ts-projectName"),
  username: $("ts-username"),
  keystoreName: $("ts-keystoreName"),
};

function revalidateTruststore() {
  try {
    judgeTruststore();
  } catch (error) {
    problem($("summary-truststore"), error);
  }
}

function judgeTruststore() {
  const fields = {};
  for (const name of ["projectName", "username", "keystoreName"]) fields[name] = tsControls[name].value.toWellFormed();
  // The current settings are the PATCH's; the inventories count for both calls.
  const inventories = ["keystores", "adminKeystores"];
  const context = readContext(inventories);
  const report = validateForm(fields, { profile, endpoint: "truststore", ...context.options });
  const pending = [];
  let shown = [...report.other];
  for (const name of ["projectName", "username", "keystoreName"]) {
    const waiting = fields[name] === "" && !touched.has(tsControls[name].id);
    if (waiting) pending.push(pendingName(tsControls[name]));
    const diagnostics = waiting ? [] : [...(report.fields[name] ?? []), ...encodedName(tsControls[name].value)];
    shown = shown.concat(diagnostics);
    showMessages(tsControls[name].closest(".field"), tsControls[name], diagnostics);
  }
  shown = shown.concat(showContextProblems(context.problems, inventories));
  showFindings($("ts-findings"), report.other.map((d) => [d, null]), "Nothing else to report.");
  // A pasted response that cannot be read counts as an error: the check it was for is not made.
  renderVerdict($("summary-truststore"), [...shown, ...gatewayFindings], pending);
  const base = gatewayBase();
  const url = `${base}/apiops/projects/${segment(fields.projectName, "<projectName>")}/credentials/${segment(fields.username, "<username>")}/truststore/${segment(fields.keystoreName, "<keystoreName>")}/`;
  $("curl-truststore").textContent = `curl -X PUT ${quote(url)} \\\n  -H ${quote("Authorization: Bearer <token>")}`;
}

// ------------------------------------------------------------------ set-up

function buildChoices() {
  const { fields, protocols, verifiers } = constants();
  bodyFields = fields;
  $("protocols").replaceChildren(
    ...protocols.map((p) =>
      h("label", { class: p.deprecation ? "choice deprecated" : "choice" },
        h("input", { type: "checkbox", value: p.constant, name: "supportedProtocolList" }),
        h("code", {}, p.constant), " ", h("span", { class: "java" }, `Java ${p.javaName}`),
        p.deprecation ? h("span", { class: "hint" }, ` · ${p.deprecation}`) : null),
    ),
  );
  for (const v of verifiers) {
    controls.hostnameVerifierType.append(h("option", { value: v.constant }, `${v.constant}: ${v.meaning}`));
  }
}

function buildDownloads() {
  const wanted = schemaNames().filter((name) => name.startsWith("mtls-settings") || name.startsWith("truststore") || name === "error-response");
  const items = [];
  for (const name of wanted) {
    for (const draft of ["2020-12", "07"]) {
      const text = `${JSON.stringify(schema(name, draft), null, 2)}\n`;
      const href = URL.createObjectURL(new Blob([text], { type: "application/schema+json" }));
      const file = `${name}${draft === "07" ? ".draft-07" : ""}.json`;
      items.push(h("li", {}, h("a", { href, download: file }, file)));
    }
  }
  $("downloads").replaceChildren(...items);
}

function setUpTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  const select = (tab) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute("aria-controls")).hidden = !selected;
    }
    tab.focus();
  };
  for (const tab of tabs) {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const at = tabs.indexOf(tab);
      const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next !== undefined) {
        event.preventDefault();
        select(tabs[(next + tabs.length) % tabs.length]);
      }
    });
  }
}

async function main() {
  // The tabs work before the linter does; the forms wait for it (`inert`), so that nothing typed is lost or unchecked.
  setUpTabs();
  await init();
  $("version").textContent = version;
  buildChoices();
  buildDownloads();
  $("form-mtls").addEventListener("input", onFormInput);
  $("form-mtls").addEventListener("focusout", (event) => {
    if (PATH_FIELDS.includes(event.target.name)) {
      touched.add(event.target.id);
      revalidateMtls();
    }
  });
  json.addEventListener("input", onJsonInput);
  json.addEventListener("scroll", syncScroll);
  $("gateway").addEventListener("input", () => {
    judgeGateway();
    revalidateMtls();
    revalidateTruststore();
  });
  $("form-inventories").addEventListener("input", () => {
    revalidateMtls();
    revalidateTruststore();
  });
  for (const type of ["input", "focusout"]) {
    $("form-truststore").addEventListener(type, (event) => {
      touched.add(event.target.id);
      revalidateTruststore();
    });
  }
  for (const radio of document.querySelectorAll("input[name=profile]")) {
    radio.addEventListener("change", () => {
      profile = radio.value;
      judgeGateway();
      revalidateMtls();
      revalidateTruststore();
    });
  }
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText($(button.dataset.copy).textContent);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy refused: select the text instead";
      }
      setTimeout(() => (button.textContent = "Copy"), 2000);
    });
  }
  // A profile chosen while the linter loaded (the header is not inert) is the one used.
  profile = document.querySelector("input[name=profile]:checked")?.value ?? profile;
  json.value = JSON.stringify(formBody(), null, 2);
  showProtocolHint(undefined);
  judgeGateway();
  revalidateMtls();
  revalidateTruststore();
  $("status").textContent = "";
  $("status").hidden = true;
  $("main").inert = false;
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  // The forms stay inert: without the linter nothing on them would be checked.
  $("status").textContent = `The linter could not start (${error.message}): nothing on this page can be checked. Reload to try again.`;
  $("status").dataset.state = "error";
});
