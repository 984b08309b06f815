#!/usr/bin/env node
// Lists every tool of the npm MCP servers in a server.json seed file with the official TypeScript SDK client
// (@modelcontextprotocol/sdk Client + StdioClientTransport), starting each server exactly the way the crawler does:
//   - the package folder the crawler installed: <cache>/npm/<package with / as +>@<version>
//   - its bin chosen like NpmInstaller.FindBin (string bin; or the entry named like the unscoped package, else the first)
//   - `node <bin> <args>` with args/env built like crawler/Sources/PackageInputs.cs (placeholder-<NAME> for secrets)
//   - inside the same bubblewrap command as crawler/Sandbox/Bubblewrap.cs (prlimit, every namespace unshared so no
//     network, read-only system dirs, private /tmp and home, cleared environment with the same base variables).
// Usage: node list-tools.mjs --seeds FILE --cache DIR [--only PACKAGE] [--timeout SECONDS] [--no-sandbox]
// Output (stdout): a JSON array, one object per server: {package, version, ok, error, tools: [{name, hash}]} with
// tool names sorted (ordinal) and hash = sha256 of the canonical JSON of {name, title, description, inputSchema,
// annotations} (object keys sorted; absent fields left out). When the SDK's own validation rejects the tools/list
// result, ok is false, sdkRejected says why, and tools are those of the same request read without validation.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { createHash } from "node:crypto";
import { z } from "zod";
import fs from "node:fs";
import path from "node:path";

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const seedsFile = opt("--seeds");
const cache = path.resolve(opt("--cache", ".cache"));
const only = opt("--only");
const timeoutMs = Number(opt("--timeout", "30")) * 1000;
const sandbox = !argv.includes("--no-sandbox");
if (!seedsFile) { console.error("usage: list-tools.mjs --seeds FILE --cache DIR [--only PACKAGE]"); process.exit(2); }

const findOnPath = (program) => {
  for (const dir of (process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin").split(":")) {
    if (dir && fs.existsSync(path.join(dir, program))) return path.join(dir, program);
  }
  return null;
};

// --- crawler/Sources/PackageInputs.cs ---
const placeholder = (n) => `placeholder-${n}`;
const value = (input) => {
  const v = input.value ?? input.default ?? null;
  if (v !== null && v.includes("{") && v.includes("}")) return placeholder("template");
  return v;
};
function packageArgs(pkg) {
  const args = [];
  for (const a of pkg.packageArguments ?? []) {
    let v = value(a);
    const type = a.type ?? "positional";
    if (type === "named" && a.name) {
      if (v === null && !a.isRequired) continue;
      args.push(a.name);
      if (v !== null) args.push(v);
    } else {
      if (v === null && (a.isRequired || a.valueHint)) v = placeholder(a.valueHint ?? "arg");
      if (v !== null) args.push(v);
    }
  }
  return args;
}
function packageEnv(pkg) {
  const env = {};
  for (const v of pkg.environmentVariables ?? []) {
    if (!v.name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.name)) continue;
    const x = value(v);
    if (x !== null) env[v.name] = x;
    else if (v.isRequired || v.isSecret) env[v.name] = placeholder(v.name);
  }
  return env;
}

// --- crawler/Launch/NpmInstaller.cs ---
function findBin(folder, pkgName) {
  const root = path.join(folder, "node_modules", pkgName);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  let rel = null;
  if (typeof manifest.bin === "string") rel = manifest.bin;
  else if (manifest.bin && typeof manifest.bin === "object") {
    const unscoped = pkgName.includes("/") ? pkgName.slice(pkgName.indexOf("/") + 1) : pkgName;
    let first = null;
    for (const [k, v] of Object.entries(manifest.bin)) {
      if (typeof v !== "string") continue;
      first ??= v;
      if (k === unscoped) { rel = v; break; }
    }
    rel ??= first;
  }
  if (!rel) throw new Error("package declares no bin to run");
  const full = path.resolve(root, rel);
  if (!fs.existsSync(full)) throw new Error(`bin '${rel}' not found in package`);
  return full;
}

// --- crawler/Sandbox/Bubblewrap.cs (SandboxOptions defaults: 120 CPU s, 1024 files, 512 MB node heap) ---
const SandboxHome = "/home/sandbox";
const SystemDirs = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];
const EtcFiles = ["/etc/ssl", "/etc/ca-certificates", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
  "/etc/ld.so.conf.d", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/hosts", "/etc/localtime", "/etc/mime.types"];
function baseEnv(configured) {
  const env = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: SandboxHome, TMPDIR: "/tmp", LANG: "C.UTF-8",
    NODE_OPTIONS: "--max-old-space-size=512", NO_COLOR: "1", ...configured };
  return Object.fromEntries(Object.keys(env).sort().map((k) => [k, env[k]]));
}
function wrap(command, args, env, visible) {
  const bwrap = findOnPath("bwrap");
  if (!bwrap) throw new Error("bwrap not found");
  const prlimit = findOnPath("prlimit");
  const a = [];
  if (prlimit) a.push("--cpu=120", "--nofile=1024", "--", bwrap);
  a.push("--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL");
  for (const dir of SystemDirs) {
    let st = null;
    try { st = fs.lstatSync(dir); } catch { continue; }
    if (st.isSymbolicLink()) a.push("--symlink", fs.readlinkSync(dir), dir);
    else if (st.isDirectory()) a.push("--ro-bind", dir, dir);
  }
  for (const etc of EtcFiles) a.push("--ro-bind-try", etc, etc);
  a.push("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/home", "--dir", SandboxHome);
  for (const p of [...new Set(visible)].sort()) {
    if (p === "/usr" || p.startsWith("/usr/") || p === "/tmp") continue;
    a.push("--ro-bind", p, p);
  }
  a.push("--remount-ro", "/", "--chdir", "/tmp", "--clearenv");
  for (const [k, v] of Object.entries(baseEnv(env))) a.push("--setenv", k, v);
  a.push("--", command, ...args);
  return prlimit ? { file: prlimit, args: a } : { file: bwrap, args: a };
}

const canonical = (x) => {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x && typeof x === "object") {
    return `{${Object.keys(x).sort().filter((k) => x[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(x[k])}`).join(",")}}`;
  }
  return JSON.stringify(x);
};
const hashTool = (t) => createHash("sha256").update(canonical({ name: t.name, title: t.title, description: t.description,
  inputSchema: t.inputSchema, annotations: t.annotations })).digest("hex");

// The timer is kept referenced: if the server exits without the SDK settling the request, the timeout still fires.
const withTimeout = (p, ms, what) => {
  let timer;
  const t = new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`${what} timed out after ${ms / 1000} s`)), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
};

async function listServer(doc) {
  const pkg = (doc.packages ?? []).find((p) => (p.registryType ?? p.registry_type) === "npm");
  const out = { package: pkg.identifier, version: pkg.version, ok: false, error: null, tools: [] };
  let transport;
  const stderr = [];
  try {
    const folder = path.join(cache, "npm", `${pkg.identifier.replaceAll("/", "+")}@${pkg.version}`);
    if (!fs.existsSync(folder)) throw new Error(`not installed in the crawler cache: ${folder}`);
    const bin = findBin(folder, pkg.identifier);
    const node = findOnPath("node") ?? "node";
    const args = [bin, ...packageArgs(pkg)];
    const env = packageEnv(pkg);
    let params;
    if (sandbox) {
      const w = wrap(node, args, env, [folder]);
      params = { command: w.file, args: w.args, env: { PATH: "/usr/local/bin:/usr/bin:/bin" }, stderr: "pipe" };
    } else {
      params = { command: node, args, env: { ...baseEnv(env), HOME: fs.mkdtempSync("/tmp/refclient-home-") }, stderr: "pipe" };
    }
    transport = new StdioClientTransport(params);
    let closed = null;
    const closedEarly = new Promise((_, rej) => { closed = rej; });
    closedEarly.catch(() => { });
    transport.onclose = () => closed(new Error("server exited (connection closed)"));
    transport.stderr?.on("data", (d) => { if (stderr.length < 50) stderr.push(String(d)); });
    const client = new Client({ name: "catalog-reference-client", version: "0.0.0" }, { capabilities: {} });
    await withTimeout(Promise.race([client.connect(transport), closedEarly]), timeoutMs, "initialize");
    const list = async (strict) => {
      const tools = [];
      let cursor;
      do {
        const params = cursor ? { cursor } : {};
        // Strict: the SDK's own listTools (validates the result against the MCP schema). Lenient: the same request
        // through the SDK with a permissive result schema, used only to report what a strict SDK client rejected.
        const page = await withTimeout(strict ? client.listTools(params)
          : client.request({ method: "tools/list", params }, z.object({ tools: z.array(z.any()), nextCursor: z.string().optional() }).passthrough()),
          timeoutMs, "tools/list");
        tools.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    };
    let tools;
    try {
      tools = await list(true);
    } catch (e) {
      if (!/invalid|expected/i.test(String(e?.message))) throw e;
      out.sdkRejected = String(e.message).replace(/\s+/g, " ").slice(0, 200);
      tools = await list(false);
    }
    out.ok = !out.sdkRejected;
    out.tools = tools.map((t) => ({ name: t.name, hash: hashTool(t) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    await client.close();
  } catch (e) {
    out.error = String(e?.message ?? e).slice(0, 300);
    const tail = stderr.join("").trim().split("\n").slice(-2).join(" | ").slice(0, 300);
    if (tail) out.stderr = tail;
  } finally {
    try { await transport?.close(); } catch { }
  }
  return out;
}

const docs = JSON.parse(fs.readFileSync(seedsFile, "utf8"));
const results = [];
for (const doc of docs) {
  const pkg = (doc.packages ?? []).find((p) => (p.registryType ?? p.registry_type) === "npm");
  if (!pkg || (only && pkg.identifier !== only)) continue;
  const r = await listServer(doc);
  console.error(`${r.package}@${r.version}: ${r.ok ? `${r.tools.length} tools`
    : r.sdkRejected ? `SDK REJECTED the tools/list result (${r.tools.length} tools raw): ${r.sdkRejected}` : `FAILED ${r.error}`}`);
  results.push(r);
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
process.exit(0);
