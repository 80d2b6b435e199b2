// The package's TypeScript declarations, checked by `tsc --strict` (types.test.mjs):
// every call as the README writes it, and mistakes the types must refuse.
import init, {
  applyFixes,
  constants,
  explain,
  lint,
  lintRequest,
  rules,
  schema,
  validateForm,
  version,
  type Diagnostic,
  type FormReport,
  type LintOptions,
  type Protocol,
} from "../../pkg/mtlslint.js";

await init();
const found: Diagnostic[] = lint('{"enabled": true}', { profile: "production", rules: { T005: "off" } });
// `null` is as good as absent, as the options' documentation says.
lint("{}", { profile: null, current: null, keystores: null, unsafe: null });
const first: Diagnostic | undefined = found[0];
if (first) {
  const column: number = first.range.start.utf16Column;
  const help: string | null = first.help;
  const safe: boolean = first.fix?.applicability === "safe";
  console.log(first.code, first.severity, column, help, safe);
}
const options: LintOptions = {
  // A saved response written inline, with the members the API returns beside the name.
  keystores: { status: "SUCCESS", resultList: [{ name: "ks-1", projectId: "p-1", keyStoreEnvironmentList: [] }] },
  adminKeystores: ["shared-ts"],
  permissions: ["API_MANAGEMENT+MANAGE"],
  current: { enabled: true, keyStoreId: "ks-1", supportedProtocolList: ["TLS_1_2"] },
};
const report = lintRequest({ method: "PATCH", url: "/apiops/projects/P/apiProxies/A/settings/mtls/", body: "{}" }, options);
const endpoint: "mtls" | "truststore" | null = report.endpoint;
const form: FormReport = validateForm({ enabled: true, keyStoreId: "" }, { endpoint: "mtls" });
const keystoreMessages: Diagnostic[] | undefined = form.fields["keyStoreId"];
const fixed: string = applyFixes('{"supportedProtocolList": ["TLSv1.2"]}', { unsafe: true }).text;
const protocol: Protocol = "TLS_1_3";
const javaNames: string[] = constants().protocols.map((p) => p.javaName);
const codes: string[] = rules().map((r) => r.code);
const text: string = explain("M001");
const body: Record<string, unknown> = schema("mtls-settings", "07");
const semver: string = version;
console.log(endpoint, keystoreMessages, fixed, protocol, javaNames, codes, text, body, semver);

// What a form leaves undefined is as good as absent, under exactOptionalPropertyTypes too.
declare const maybe: string | undefined;
lint("{}", { profile: undefined, keystores: maybe });
validateForm({ enabled: true, keyStoreId: maybe, projectName: null, apiProxyName: "A" });
lintRequest({ method: "PATCH", url: "/x", headers: undefined, body: maybe });

// A form's state, a body and an inventory typed with interfaces of the caller's own.
interface MtlsForm { enabled: boolean; keyStoreId: string; hostnameVerifierType: string }
interface Keystore { name: string; type: string }
declare const state: MtlsForm;
declare const listed: Keystore[];
validateForm(state);
lintRequest({ method: "PATCH", url: "/x", body: state });
lint("{}", { keystores: listed });
// @ts-expect-error: a form holds the calls' fields and path names only
validateForm({ enabled: true, keystoreID: "ks-1" });

// @ts-expect-error: the profiles are "standard" and "production"
lint("{}", { profile: "prod" });
// @ts-expect-error: options are checked by name
lint("{}", { profle: "production" });
// @ts-expect-error: rule levels are error, warning, info or off
lint("{}", { rules: { T005: "disabled" } });
// @ts-expect-error: a diagnostic's severity is one of three words
const wrong: "fatal" = first!.severity;
// @ts-expect-error: "07" or "2020-12"
schema("mtls-settings", "04");
console.log(wrong);
