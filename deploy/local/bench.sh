#!/usr/bin/env bash
# Benchmarks: print figures measured in the same run against a baseline (ratios hold on noisy
# machines, absolute rates do not). Not part of the test command. Starts its own PostgreSQL.
#   NONTAX_BENCH_ROUNDS=50 bash deploy/local/bench.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=deploy/local/postgres.sh
source deploy/local/postgres.sh

port="${NONTAX_BENCH_PG_PORT:-55438}"
pg_start bench "$port" --createdb
trap 'pg_stop bench' EXIT
pg_export_env bench "$port"
export NONTAX_TEST_PG_ADMIN="$NONTAX_PG_OWNER"
export NONTAX_TEST_PG_APP="$NONTAX_PG_APP"

dotnet test tests/NonTax.Integration.Tests -c Release --filter "Category=Benchmark" \
    --logger "console;verbosity=detailed" 2>&1 | grep -E "writes/s|confirmations/s|Passed!|Failed!|error" || true
