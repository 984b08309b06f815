// Runs an exported policy through the real engine of its format and prints JSON decisions for a request table.
// Usage: node check.mjs <format> <policy-file> [requests.json] [schemas-dir]
//   requests.json: [{"server": "<alias>", "tool": "<name>", "args": {...}}]
// Output: {"ok": bool, "errors": [...], "decisions": [{server, tool, args, decision}], "rateLimits": [...], "document": ...}
// decision is one of allow | ask | deny | hide. Exit code 0 when ok, 1 when the file fails its engine or schema.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import * as celjs from '@marcbachmann/cel-js';
import * as bufcel from '@bufbuild/cel';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import * as TOML from 'smol-toml';

const here = dirname(fileURLToPath(import.meta.url));
const [format, file, requestsFile, schemasDir] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const requests = requestsFile ? JSON.parse(readFileSync(requestsFile, 'utf8')) : [];
const errors = [];
const decisions = [];
const rateLimits = [];
let document = null;
const schemaPath = (name) => join(schemasDir ?? join(here, '..', '..', '..', 'shared', 'reference', 'schemas'), name);

function ajvCheck(ajv, schema, doc, what) {
  const validate = ajv.compile(schema);
  if (!validate(doc)) errors.push(`${what}: ${ajv.errorsText(validate.errors)}`);
}

function yamlDocs(t) {
  const docs = YAML.parseAllDocuments(t);
  for (const d of docs) for (const e of d.errors) errors.push(`yaml: ${e.message}`);
  return docs.map((d) => d.toJS());
}

// Both CEL engines must parse the rule and agree on its value.
function cel(expr, vars) {
  celjs.parse(expr);
  bufcel.parse(expr);
  const a = celjs.evaluate(expr, vars);
  const b = bufcel.run(expr, vars);
  const bv = bufcel.isCelError?.(b) ? (() => { throw new Error(String(b.message ?? b)); })() : b;
  if (a !== bv) throw new Error(`CEL engines disagree on ${expr}: cel-js ${a}, bufbuild ${bv}`);
  return a;
}

function celSafe(expr, vars, where) {
  try { return cel(expr, vars); } catch (e) { errors.push(`${where}: ${e.message}`); return null; }
}

function condHolds(c, args, state = {}) {
  const [root, ...rest] = c.path.split('.');
  let v = root === 'args' ? args : state;
  for (const k of rest) v = v == null ? undefined : v[k];
  if (root === 'state' && v === undefined) v = 0; // a counter nobody has touched yet
  switch (c.op) {
    case 'eq': return v === c.value;
    case 'neq': return v !== c.value;
    case 'in': return Array.isArray(c.value) && c.value.includes(v);
    case 'not_in': return Array.isArray(c.value) && !c.value.includes(v);
    case 'lt': return typeof v === 'number' && v < c.value;
    case 'lte': return typeof v === 'number' && v <= c.value;
    case 'gt': return typeof v === 'number' && v > c.value;
    case 'gte': return typeof v === 'number' && v >= c.value;
    case 'regex': return typeof v === 'string' && new RegExp(c.value).test(v);
    case 'contains': return typeof v === 'string' && v.includes(c.value);
    case 'exists': return (v !== undefined) === c.value;
    default: errors.push(`unknown op ${c.op}`); return false;
  }
}

const checks = {
  toolhive() {
    const docs = yamlDocs(text);
    document = docs;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(schemaPath('toolhive-mcpserver.schema.json'), 'utf8'));
    for (const doc of docs) {
      ajvCheck(ajv, schema, doc, `MCPServer ${doc?.metadata?.name}`);
      const inline = doc?.spec?.authzConfig?.inline ?? {};
      const policies = (inline.policies ?? []).join('\n');
      const parsed = cedar.checkParsePolicySet({ staticPolicies: policies });
      if (parsed.type !== 'success') { errors.push(`cedar parse: ${JSON.stringify(parsed.errors)}`); continue; }
      const ents = cedar.checkParseEntities({ entities: JSON.parse(inline.entitiesJson ?? '[]') });
      if (ents.type !== 'success') errors.push(`cedar entities: ${JSON.stringify(ents.errors)}`);
      // Arguments are optional context attributes: numbers are Long, everything else String.
      const argNames = new Set([...policies.matchAll(/context has (arg_\w+)/g)].map((m) => m[1]));
      const numeric = new Set(requests.flatMap((r) => Object.entries(r.args ?? {}).filter(([, v]) => typeof v === 'number').map(([k]) => `arg_${k}`)));
      const ctx = [...argNames].sort().map((a) => `${a}?: ${numeric.has(a) ? 'Long' : 'String'}`).join(', ');
      const schemaText = `entity THVGroup; entity MCP; entity Client in [THVGroup] { claim_sub?: String };
        entity Tool in [MCP] { name: String, operation: String, feature: String, readOnlyHint?: Bool, destructiveHint?: Bool, idempotentHint?: Bool, openWorldHint?: Bool };
        action call_tool appliesTo { principal: [Client], resource: [Tool], context: { ${ctx} } };`;
      const v = cedar.validate({ schema: schemaText, policies: { staticPolicies: policies }, validationSettings: { mode: 'strict' } });
      if (v.type !== 'success' || v.validationErrors.length) errors.push(`cedar validate: ${JSON.stringify(v.validationErrors ?? v.errors)}`);
      for (const t of doc?.spec?.rateLimiting?.tools ?? []) {
        const b = t.shared ?? t.perUser;
        rateLimits.push({ server: doc.metadata.name, tool: t.name, max: b.maxTokens, window: b.refillPeriod });
      }
      for (const r of requests.filter((q) => q.server === doc.metadata.name)) {
        const context = Object.fromEntries(Object.entries(r.args ?? {}).map(([k, val]) => [`arg_${k}`, val]));
        const entities = [{ uid: { type: 'Tool', id: r.tool }, attrs: { name: r.tool, operation: 'call', feature: 'tool' }, parents: [{ type: 'MCP', id: r.server }] }];
        const res = cedar.isAuthorized({
          principal: { type: 'Client', id: 'alice' }, action: { type: 'Action', id: 'call_tool' }, resource: { type: 'Tool', id: r.tool },
          context, policies: { staticPolicies: policies }, entities,
        });
        if (res.type !== 'success') { errors.push(`cedar authorize: ${JSON.stringify(res.errors)}`); continue; }
        if (res.response.diagnostics.errors.length) errors.push(`cedar eval ${r.tool}: ${JSON.stringify(res.response.diagnostics.errors)}`);
        decisions.push({ ...r, decision: res.response.decision === 'allow' ? 'allow' : 'deny' });
      }
    }
  },

  agentgateway() {
    const doc = YAML.parse(text);
    document = doc;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const f of ['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'const']) ajv.addFormat(f, true);
    ajvCheck(ajv, JSON.parse(readFileSync(schemaPath('agentgateway-config.json'), 'utf8')), doc, 'agentgateway config');
    const rules = doc.binds.flatMap((b) => b.listeners.flatMap((l) => l.routes.flatMap((rt) => rt.policies?.mcpAuthorization?.rules ?? [])));
    for (const r of requests) {
      const vars = { mcp: { tool: { name: r.tool, target: r.server } } };
      let deny = false, allow = false, requireOk = true, hasAllow = false;
      for (const rule of rules) {
        const [kind, expr] = typeof rule === 'string' ? ['allow', rule] : Object.entries(rule)[0];
        const val = celSafe(expr, vars, `${kind} ${expr}`);
        if (kind === 'deny' && val === true) deny = true;
        if (kind === 'require' && val !== true) requireOk = false;
        if (kind === 'allow') { hasAllow = true; if (val === true) allow = true; }
      }
      const ok = !deny && requireOk && (allow || !hasAllow);
      decisions.push({ ...r, decision: ok ? 'allow' : 'deny' });
    }
  },

  envoy() {
    const doc = YAML.parse(text);
    document = doc;
    const crd = YAML.parseAllDocuments(readFileSync(schemaPath('eaig-mcproutes-crd.yaml'), 'utf8')).map((d) => d.toJS()).find((d) => d?.kind === 'CustomResourceDefinition');
    const version = crd.spec.versions.find((v) => v.name === doc.apiVersion.split('/')[1]);
    // strictTypes off: the CRD puts 'pattern' under allOf without a type; the x-kubernetes-* keywords are no-ops.
    const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true });
    addFormats(ajv);
    for (const k of ['x-kubernetes-validations', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type']) ajv.addKeyword(k);
    ajvCheck(ajv, version.schema.openAPIV3Schema, doc, 'MCPRoute');
    const auth = doc.spec.securityPolicy.authorization;
    for (const r of requests) {
      const backend = doc.spec.backendRefs.find((b) => b.name === r.server);
      if (!backend || !(backend.toolSelector?.include ?? []).includes(r.tool)) { decisions.push({ ...r, decision: 'hide' }); continue; }
      const vars = { request: { method: 'POST', path: doc.spec.path, headers: {}, mcp: { method: 'tools/call', backend: r.server, tool: r.tool, params: { name: r.tool, arguments: r.args ?? {} } } } };
      let action = auth.defaultAction ?? 'Deny';
      for (const rule of auth.rules ?? []) {
        const targetOk = !rule.target || rule.target.tools.some((t) => t.backend === r.server && t.tool === r.tool);
        const celOk = !rule.cel || celSafe(rule.cel, vars, `rule ${rule.cel}`) === true;
        if (targetOk && celOk) { action = rule.action; break; }
      }
      decisions.push({ ...r, decision: action === 'Allow' ? 'allow' : 'deny' });
    }
  },

  'claude-code'() {
    const doc = JSON.parse(text);
    document = doc;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajvCheck(ajv, JSON.parse(readFileSync(schemaPath('claude-code-settings.json'), 'utf8')), doc, 'claude-code settings');
    const p = doc.permissions ?? {};
    for (const list of ['allow', 'ask', 'deny']) {
      for (const rule of p[list] ?? []) if (!/^mcp__[A-Za-z0-9_-]+(__([A-Za-z0-9_-]+|\*))?$/.test(rule)) errors.push(`not an mcp__server__tool rule: ${rule}`);
    }
    const matches = (rule, name, server) => rule === name || rule === `mcp__${server}` || rule === `mcp__${server}__*`;
    for (const r of requests) {
      const name = `mcp__${r.server}__${r.tool}`;
      const hit = (list) => (p[list] ?? []).some((rule) => matches(rule, name, r.server));
      decisions.push({ ...r, decision: hit('deny') ? 'deny' : hit('ask') ? 'ask' : hit('allow') ? 'allow' : 'ask' });
    }
  },

  codex() {
    const doc = TOML.parse(text);
    document = doc;
    for (const [name, s] of Object.entries(doc.mcp_servers ?? {})) {
      for (const k of ['enabled_tools', 'disabled_tools']) if (s[k] && !Array.isArray(s[k])) errors.push(`${name}.${k} is not a list`);
      const modes = ['auto', 'prompt', 'writes', 'approve'];
      if (s.default_tools_approval_mode && !modes.includes(s.default_tools_approval_mode)) errors.push(`${name}: bad default_tools_approval_mode`);
      for (const [t, c] of Object.entries(s.tools ?? {})) if (c.approval_mode && !modes.includes(c.approval_mode)) errors.push(`${name}.${t}: bad approval_mode`);
    }
    for (const r of requests) {
      const s = doc.mcp_servers?.[r.server];
      let d = 'deny';
      if (s && !(s.disabled_tools ?? []).includes(r.tool) && (!s.enabled_tools || s.enabled_tools.includes(r.tool))) {
        const mode = s.tools?.[r.tool]?.approval_mode ?? s.default_tools_approval_mode ?? 'auto';
        d = mode === 'approve' || mode === 'auto' ? 'allow' : 'ask';
      }
      decisions.push({ ...r, decision: d });
    }
  },

  docker() {
    const doc = YAML.parse(text);
    document = doc;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) errors.push('tools.yaml must be a map');
    for (const [k, v] of Object.entries(doc ?? {})) if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) errors.push(`${k}: not a list of tool names`);
    for (const r of requests) decisions.push({ ...r, decision: doc?.[r.server] === undefined ? 'allow' : doc[r.server].includes(r.tool) ? 'allow' : 'deny' });
  },

  // PolicyLayer has no engine: validate against the project-owned schema and simulate its documented semantics.
  policylayer() {
    const doc = JSON.parse(text);
    document = doc;
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajvCheck(ajv, JSON.parse(readFileSync(join(here, 'schemas', 'policylayer.schema.json'), 'utf8')), doc, 'policylayer policy');
    const counters = Object.values(doc.tools ?? {}).flatMap((t) => (t.limits ?? []).map((l) => l.counter));
    if (new Set(counters).size !== counters.length) errors.push('counter names are not unique');
    for (const [tool, t] of Object.entries(doc.tools ?? {})) for (const l of t.limits ?? []) rateLimits.push({ server: '', tool, max: l.max, window: l.window });
    for (const r of requests) {
      const t = doc.tools?.[r.tool];
      let d;
      if ((doc.hide ?? []).includes(r.tool) || (doc.hide ?? []).includes('*')) d = 'hide';
      else if (!t) d = doc.default === 'allow' ? 'allow' : 'deny';
      else if ((t.deny_if ?? []).some((x) => x.conditions.every((c) => condHolds(c, r.args ?? {})))) d = 'deny';
      else if (!(t.require ?? []).every((c) => condHolds(c, r.args ?? {}))) d = 'deny';
      else d = 'allow';
      decisions.push({ ...r, decision: d });
    }
  },

  // Intercept has no engine here: print the parsed YAML (C# checks the documented validation rules) and simulate it.
  intercept() {
    const docs = yamlDocs(text);
    document = docs;
    for (const [i, doc] of docs.entries()) {
      for (const r of requests.filter((q) => q.server === String(i))) {
        const t = doc.tools?.[r.tool];
        let d;
        if ((doc.hide ?? []).includes(r.tool)) d = 'hide';
        else if (!t) d = doc.default === 'deny' ? 'deny' : 'allow';
        else d = (t.rules ?? []).every((rule) => rule.action !== 'deny' && (rule.conditions ?? []).every((c) => condHolds(c, r.args ?? {}, {}))) ? 'allow' : 'deny';
        decisions.push({ ...r, decision: d });
      }
      for (const [tool, t] of Object.entries(doc.tools ?? {})) for (const rule of t.rules ?? []) if (rule.rate_limit) {
        const [max, window] = rule.rate_limit.split('/');
        rateLimits.push({ server: String(i), tool, max: Number(max), window });
      }
    }
  },
};

if (!checks[format]) { console.log(JSON.stringify({ ok: false, errors: [`unknown format ${format}`] })); process.exit(2); }
try { checks[format](); } catch (e) { errors.push(`${format}: ${e.stack ?? e}`); }
console.log(JSON.stringify({ ok: errors.length === 0, errors, decisions, rateLimits, document }));
process.exit(errors.length === 0 ? 0 : 1);
