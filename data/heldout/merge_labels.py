#!/usr/bin/env python3
"""Joins the unlabelled sample with data/heldout/labels.txt into data/heldout/tools.jsonl.

Usage: python3 data/heldout/merge_labels.py UNLABELLED.jsonl data/heldout/labels.txt data/heldout/tools.jsonl
"""
import json, sys

CAT = {"R": "Read", "W": "Write", "D": "Destructive"}
TAG = {"c": "code-execution", "f": "financial", "k": "credentials", "i": "identity-access", "e": "external-communication"}

def main():
    src, labels, out = sys.argv[1:4]
    rows = [json.loads(l) for l in open(src)]
    seen, kept = set(), []
    for line in open(labels):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        idx, name, cat = int(parts[0]), parts[1], parts[2]
        rest = parts[3:]
        row = rows[idx]
        assert row["name"] == name, (idx, name, row["name"])
        seen.add(idx)
        if cat == "X":
            continue
        sure = "?" not in rest
        tags = []
        for p in rest:
            if p != "?":
                tags += [TAG[t] for t in p.split(",")]
        row["label"] = {"category": CAT[cat], "tags": tags, "sure": sure}
        kept.append(row)
    missing = set(range(len(rows))) - seen
    assert not missing, f"unlabelled: {sorted(missing)}"
    with open(out, "w") as f:
        for r in kept:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out}: {len(kept)} labelled tools ({len(rows) - len(kept)} left out as not tools)", file=sys.stderr)

if __name__ == "__main__":
    main()
