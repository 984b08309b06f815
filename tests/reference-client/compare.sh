#!/usr/bin/env bash
# Reproduces data/heldout/live-vs-reference.md: crawls the held-out servers with the catalog crawler, lists the same
# servers with the official TypeScript SDK client (list-tools.mjs, same installed packages, same bubblewrap sandbox),
# and compares them per server.
# Usage (from the repository root): tests/reference-client/compare.sh [DB] [CACHE]
#   SKIP_CRAWL=1 reuses an existing DB (the crawl also fills CACHE, which list-tools.mjs needs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
db="${1:-/tmp/heldout.db}"
cache="${2:-/tmp/heldout-cache}"
seeds="$root/data/heldout/servers.json"
here="$root/tests/reference-client"
if [ "${SKIP_CRAWL:-0}" != 1 ]; then
  rm -f "$db"
  "$root/catalog" crawl --seeds "$seeds" --db "$db" --cache "$cache" --concurrency 2
fi
[ -d "$here/node_modules/@modelcontextprotocol/sdk" ] || (cd "$here" && npm ci --no-audit --no-fund)
node "$here/list-tools.mjs" --seeds "$seeds" --cache "$cache" > "$here/.reference.json"
python3 "$here/compare.py" "$seeds" "$db" "$here/.reference.json"
