#!/usr/bin/env python3
"""Compares what the crawler stored for each server with what the official TS SDK client listed.

Usage: compare.py SEEDS DB REFERENCE_JSON > live-vs-reference.md
  SEEDS          the server.json seed file both sides started the servers from
  DB             the crawler's store (SQLite) after `catalog crawl --seeds SEEDS --db DB`
  REFERENCE_JSON the output of list-tools.mjs for the same seeds and cache

Our side: the last crawl attempt per server (status, error) and the current tools with their provenance, read from
the store; a tool's full definition is tool_versions.definition. The definition hash here is sha256 of the canonical
JSON of {name, title, description, inputSchema, annotations} on both sides (keys sorted), so the comparison does not
depend on the store's own hash scheme.
"""
import hashlib, json, sqlite3, sys


def canon_js(x):
    # Mirrors list-tools.mjs: JSON.stringify of strings/numbers, keys sorted, undefined fields left out.
    if isinstance(x, list):
        return "[" + ",".join(canon_js(v) for v in x) + "]"
    if isinstance(x, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canon_js(x[k]) for k in sorted(x)) + "}"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


def tool_hash(d, normalize=False):
    t = {k: d[k] for k in ("name", "title", "description", "inputSchema", "annotations") if d.get(k) is not None}
    if normalize and isinstance(t.get("annotations"), dict):
        # The store's definition JSON carries the C# record's computed `isEmpty` inside annotations (not sent by the
        # server); compared once as stored and once without it.
        t["annotations"] = {k: v for k, v in t["annotations"].items() if k != "isEmpty"}
    return hashlib.sha256(canon_js(t).encode("utf-8")).hexdigest()


def main():
    seeds, db, ref = sys.argv[1:4]
    docs = json.load(open(seeds))
    reference = {(r["package"], r["version"]): r for r in json.load(open(ref))}
    con = sqlite3.connect(db)
    rows = []
    for doc in docs:
        pkg = next(p for p in doc["packages"] if p.get("registryType") == "npm")
        key = (pkg["identifier"], pkg["version"])
        sid = doc["name"]  # the crawler's server id for a seed document is its name
        att = con.execute("select status, error, provenance, tool_count from crawl_attempts where server_id=? order by run_id desc limit 1", (sid,)).fetchone()
        tools = con.execute(
            "select t.name, t.provenance, v.definition from tools t join tool_versions v on v.server_id=t.server_id and v.tool_name=t.name and v.hash=t.current_hash "
            "where t.server_id=? and t.removed_at is null", (sid,)).fetchall()
        ours = {n: (p, json.loads(d)) for n, p, d in tools}
        r = reference.get(key)
        rows.append((pkg, doc, att, ours, r))

    print("| # | package@version | our status | our provenance | our tools | SDK tools | same names | same definitions | notes |")
    print("|---|---|---|---|---|---|---|---|---|")
    sdk_lists = same = 0
    defs_same_norm = []
    rest = []
    for i, (pkg, doc, att, ours, r) in enumerate(rows, 1):
        status, error, prov, _ = att if att else ("-", "no attempt", "-", 0)
        provs = sorted({p for p, _ in ours.values()}) or [prov]
        sdk_ok = bool(r and r["ok"] and r["tools"])
        sdk_n = len(r["tools"]) if r and r["ok"] else None
        notes = []
        same_names = same_defs = "-"
        if sdk_ok:
            sdk_lists += 1
            sdk_names = {t["name"] for t in r["tools"]}
            same_names = "yes" if sdk_names == set(ours) else "no"
            if same_names == "yes":
                same += 1
                sdk_h = {t["name"]: t["hash"] for t in r["tools"]}
                diff = [n for n in ours if tool_hash(ours[n][1]) != sdk_h[n]]
                diff_norm = [n for n in ours if tool_hash(ours[n][1], normalize=True) != sdk_h[n]]
                same_defs = "yes" if not diff else f"as stored: {len(diff)} differ; without `isEmpty`: " + (
                    "all same" if not diff_norm else f"{len(diff_norm)} differ ({', '.join(sorted(diff_norm)[:3])})")
                defs_same_norm.append(not diff_norm)
            else:
                only_ours = sorted(set(ours) - sdk_names)
                only_sdk = sorted(sdk_names - set(ours))
                if only_ours: notes.append(f"only ours: {', '.join(only_ours[:5])}{'…' if len(only_ours) > 5 else ''}")
                if only_sdk: notes.append(f"only SDK: {', '.join(only_sdk[:5])}{'…' if len(only_sdk) > 5 else ''}")
        else:
            if r and r.get("sdkRejected"):
                raw = {t["name"] for t in r["tools"]}
                notes.append(f"SDK client rejected the tools/list result (schema validation: {r['sdkRejected'][:90]}…); "
                             f"the same result read without validation has {len(raw)} tools, names "
                             f"{'the same as ours' if raw == set(ours) else 'different from ours'}")
            else:
                why = (r or {}).get("error") or "not run"
                notes.append(f"SDK: {why}")
            rest.append((pkg, ours, provs))
        if error and (status.lower() != "ok" or "static" in (error or "")):
            notes.append(f"ours: {error[:160]}")
        line = (f"| {i} | `{pkg['identifier']}@{pkg['version']}` | {status} | {'/'.join(provs)} | {len(ours)} | "
                f"{sdk_n if sdk_n is not None else 'fails'} | {same_names} | {same_defs} | {'; '.join(notes).replace('|', '/')} |")
        print(line)
    print()
    pct = 100.0 * same / sdk_lists if sdk_lists else 0.0
    print(f"Tool definitions (name, title, description, inputSchema, annotations) identical to the SDK's, ignoring the stored `isEmpty`: "
          f"{sum(defs_same_norm)} of {len(defs_same_norm)} servers with the same names.")
    print()
    print(f"**Figure: of the {sdk_lists} servers where the SDK client lists tools, the crawler lists the same set of tool names for {same} ({pct:.1f}%).**")
    with_static = [(p, o, pv) for p, o, pv in rest if o and all(x.lower() != "live" for x in pv)]
    print()
    print(f"Of the other {len(rest)} servers (the SDK client lists no tools without real credentials or services), static extraction gave tools "
          f"with provenance for {len(with_static)}: " + ", ".join(f"`{p['identifier']}@{p['version']}` ({len(o)} tools, provenance {'/'.join(pv)})" for p, o, pv in with_static) + ".")
    live_rest = [(p, o) for p, o, pv in rest if o and any(x.lower() == "live" for x in pv)]
    if live_rest:
        print(f"Listed live by the crawler although the strict SDK client lists nothing for {len(live_rest)}: "
              + ", ".join(f"`{p['identifier']}@{p['version']}` ({len(o)})" for p, o in live_rest) + ".")
    none = [f"{p['identifier']}@{p['version']}" for p, o, pv in rest if not o]
    if none:
        print(f"No tools at all for {len(none)}: " + ", ".join(f"`{n}`" for n in none) + ".")


if __name__ == "__main__":
    main()
