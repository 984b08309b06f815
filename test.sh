#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test. Exit code: 0 when all pass.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# System packages: bubblewrap + prlimit for the sandboxed live tests, node/npm for real MCP servers, chromium.
pkgs=()
command -v bwrap >/dev/null 2>&1 || pkgs+=(bubblewrap)
command -v prlimit >/dev/null 2>&1 || pkgs+=(util-linux)
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
# Debian's Chromium for the browser tests (Playwright drives it through ExecutablePath; it never downloads one).
[ -x /usr/bin/chromium ] || pkgs+=(chromium)
if [ ${#pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "test.sh: missing ${pkgs[*]}; install them (apt-get install -y ${pkgs[*]})" >&2; exit 3; fi
  echo "test.sh: installing ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${pkgs[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${pkgs[@]}"; }
fi

# Real third-party MCP servers for the live tests, pinned by the lockfile; their install scripts never run.
echo "test.sh: installing npm fixtures"
(cd tests/fixtures/npm && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
# Real policy engines (Cedar, CEL, ajv, YAML, TOML) that the export tests run exported policies through.
(cd tests/policy-engines && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

echo "test.sh: restoring and building"
dotnet build Catalog.sln -c Release --nologo -v quiet

log="$(mktemp)"
status=0
dotnet test Catalog.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?
# One closing line over all test projects: 'N passed, N failed, N skipped'.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
