#!/usr/bin/env python3
"""Picks the held-out tools from the crawler's store and writes them unlabelled, in the shape of
shared/data/labeled-tools.dev.jsonl (server = npm package name), for labelling by hand.

Usage: python3 data/heldout/sample_tools.py DB SEEDS OUT.jsonl
At most 25 tools per server: every tool that looks like delete/exec/payment (regex RISKY on name + description) is
kept, the rest filled by a seeded random sample (seed 20261122); if the risky ones alone are more than 25, a seeded
sample of them. Tools are ordered by server, then name.
"""
import json, random, re, sqlite3, sys

RISKY = re.compile(r"delet|remov|drop|destroy|purg|exec|run_|_run|\brun\b|eval|shell|command|script|terminal|"
                   r"pay|refund|charge|transfer|invoice|cancel|terminat|revok|kill|reset|wipe|truncat|sql|query", re.I)
CAP = 25

def main():
    db, seeds, out = sys.argv[1:4]
    con = sqlite3.connect(db)
    docs = json.load(open(seeds))
    rows = []
    for doc in docs:
        pkg = next(p for p in doc["packages"] if p.get("registryType") == "npm")
        tools = con.execute(
            "select t.name, v.definition from tools t join tool_versions v on v.server_id=t.server_id and v.tool_name=t.name "
            "and v.hash=t.current_hash where t.server_id=? and t.removed_at is null order by t.name", (doc["name"],)).fetchall()
        defs = [json.loads(d) for _, d in tools]
        rng = random.Random(f"20261122/{pkg['identifier']}")
        if len(defs) > CAP:
            risky = [d for d in defs if RISKY.search(d["name"]) or RISKY.search((d.get("description") or "")[:200])]
            rest = [d for d in defs if d not in risky]
            if len(risky) >= CAP:
                chosen = rng.sample(risky, CAP)
            else:
                chosen = risky + rng.sample(rest, CAP - len(risky))
            defs = sorted(chosen, key=lambda d: d["name"])
        for d in defs:
            ann = d.get("annotations")
            if isinstance(ann, dict):
                # The store's definition JSON carries the C# record's computed IsEmpty; it is not part of the tool.
                ann = {k: v for k, v in ann.items() if k != "isEmpty"} or None
            d = {**d, "annotations": ann}
            rows.append({"server": pkg["identifier"], "name": d["name"], "title": d.get("title"),
                         "description": d.get("description"), "inputSchema": d.get("inputSchema"),
                         "annotations": d.get("annotations"), "label": None})
    with open(out, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out}: {len(rows)} tools from {len({r['server'] for r in rows})} servers", file=sys.stderr)

if __name__ == "__main__":
    main()
