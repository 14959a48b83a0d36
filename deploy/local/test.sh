#!/usr/bin/env bash
# The README's test command: starts a private PostgreSQL (installing it where missing), then
# builds and runs every test project. Stops PostgreSQL again on exit.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=deploy/local/postgres.sh
source deploy/local/postgres.sh

# The web tests drive Debian's Chromium through Playwright (never a downloaded browser).
if [[ ! -x /usr/bin/chromium ]]; then
    echo "[test] installing chromium (apt-get)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

# The e-bill tests check SM2 signatures with a second implementation: the OpenSSL command line.
if ! command -v openssl >/dev/null; then
    echo "[test] installing openssl (apt-get)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq openssl >/dev/null
fi

# The e-bill face (PDF) needs a CJK TrueType font; Debian's, never one committed.
if [[ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]]; then
    echo "[test] installing fonts-wqy-zenhei (apt-get)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq fonts-wqy-zenhei >/dev/null
fi

port="${NONTAX_TEST_PG_PORT:-55439}"
pg_start test "$port" --createdb
trap 'pg_stop test' EXIT
pg_export_env test "$port"
export NONTAX_TEST_PG_ADMIN="$NONTAX_PG_OWNER"
export NONTAX_TEST_PG_APP="$NONTAX_PG_APP"
export NONTAX_TEST_PG_EDGE="$NONTAX_PG_EDGE"
export NONTAX_TEST_PG_FRONTEND="$NONTAX_PG_FRONTEND"

log="$(mktemp)"
set +e
# Benchmarks print figures and have their own command (bench.sh); so does the fault soak (faults.sh).
dotnet test NonTaxGrains.sln -c Release --filter "Category!=Benchmark&Category!=FaultSoak" --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Style holds without review: what the build does not check (import order, whitespace) fails here.
if ! dotnet format NonTaxGrains.sln --verify-no-changes --no-restore >"$log.format" 2>&1; then
    echo "dotnet format: the code is not formatted to .editorconfig (run: dotnet format NonTaxGrains.sln)"
    head -n 20 "$log.format"
    status=1
fi
rm -f "$log.format"

# CI keeps only the tail of the output: repeat each failure (name, message, top of the stack) last.
if grep -qE '^ +Failed [A-Za-z]' "$log"; then
    echo "Failures:"
    awk '/^ +Failed [A-Za-z]/ { n = 25 } n > 0 { print; n-- }' "$log" | head -n 200
fi
# One closing line for CI: the sum over every test project's summary line.
awk '/^ *Passed: *[0-9]+ *$/ { p += $2 } /^ *Failed: *[0-9]+ *$/ { f += $2 } /^ *Skipped: *[0-9]+ *$/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
