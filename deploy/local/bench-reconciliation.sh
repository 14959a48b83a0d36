#!/usr/bin/env bash
# Reconciliation benchmark (issue 9; docs/performance.md "Reconciliation of a large day"), one
# command from a clean checkout:
#   bash deploy/local/bench-reconciliation.sh
# Builds the silo (Release), starts its own PostgreSQL (instance `bench-recon`, a fresh database
# each run) and, for each size, fills one bank's day with SQL (benchmarks/fill/reconciliation.sql:
# the system's accepted payments and the bank's 2555 as the edge stores it, one record missing and
# one a cent off), starts a fresh silo, asks its day grain to compare the stored file (the operator
# API's re-run: ReconciliationDayGrain → ReconciliationStore, the SQL the edge's prompt runs) and
# prints the wall time, the differences found and the peak memory (VmHWM) of the silo process and
# of the PostgreSQL backend that ran the comparison.
#
# Knobs (environment):
#   NONTAX_BENCH_RECON_SIZES="250000 500000 1000000"   records per day, one run each
#   NONTAX_BENCH_PG_PORT=55440   NONTAX_BENCH_PORT_BASE=9400 (silo operations +80)
#   NONTAX_BENCH_SILO_PORT=11331 NONTAX_BENCH_GATEWAY_PORT=30330
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=deploy/local/postgres.sh
source deploy/local/postgres.sh

pg_port="${NONTAX_BENCH_PG_PORT:-55440}"
sizes="${NONTAX_BENCH_RECON_SIZES:-250000 500000 1000000}"
base="${NONTAX_BENCH_PORT_BASE:-9400}"
ops_port=$((base + 80))
silo_port="${NONTAX_BENCH_SILO_PORT:-11331}" gateway_port="${NONTAX_BENCH_GATEWAY_PORT:-30330}"
day="2026-11-02"

state="$repo/.state/bench-reconciliation"
run="$state/run-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$run"
echo "[bench-recon] output of this run: $run"

silo=""
stop_silo() {
    if [[ -n "$silo" ]]; then
        kill -TERM "$silo" 2>/dev/null || true
        wait "$silo" 2>/dev/null || true
    fi
    silo=""
}
stop_all() {
    trap - INT TERM EXIT
    stop_silo
    pg_stop bench-recon
    echo "[bench-recon] stopped"
}
trap stop_all INT TERM EXIT

echo "[bench-recon] building the silo (Release)..."
dotnet build src/Silo/NonTax.Silo/NonTax.Silo.csproj -c Release -v quiet -nologo | grep -E " error |Elapsed" || true

pg_start bench-recon "$pg_port" --createdb
pg_psql -c "DROP DATABASE IF EXISTS nontax WITH (FORCE)"
pg_start bench-recon "$pg_port" --createdb
pg_export_env bench-recon "$pg_port"

if [[ ! -s "$state/token-key" ]]; then (umask 077; head -c 32 /dev/urandom | base64 >"$state/token-key"); fi
if [[ ! -s "$state/ops-api-token" ]]; then (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$state/ops-api-token"); fi
export ConnectionStrings__NonTax="$NONTAX_PG_APP" ConnectionStrings__NonTaxOwner="$NONTAX_PG_OWNER"
export Security__TokenKey="$(cat "$state/token-key")" Operations__ApiToken="$(cat "$state/ops-api-token")"
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
export Orleans__ClusterId=nontax-bench-recon Orleans__ServiceId=nontax-bench-recon

start_silo() { # log file
    (cd src/Silo/NonTax.Silo && exec env Orleans__SiloPort="$silo_port" Orleans__GatewayPort="$gateway_port" Operations__Port="$ops_port" \
        dotnet "$repo/src/Silo/NonTax.Silo/bin/Release/net10.0/NonTax.Silo.dll") >"$1" 2>&1 &
    silo=$!
    local i
    for i in $(seq 1 180); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$ops_port/health/live" 2>/dev/null; then return 0; fi
        sleep 1
    done
    echo "[bench-recon] the silo did not come up (see $1)" >&2
    return 1
}
kib() { awk -v k="$2" '$1 == k ":" { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# The PostgreSQL backends of the benchmark database (not the ones of other instances on the machine).
backends() { pg_psql -d nontax -tAc "SELECT pid FROM pg_stat_activity WHERE datname = 'nontax' AND pid <> pg_backend_pid()"; }

>"$run/migrate.txt" 2>&1 dotnet "$repo/src/Silo/NonTax.Silo/bin/Release/net10.0/NonTax.Silo.dll" migrate \
    || { echo "[bench-recon] migration failed (see $run/migrate.txt)" >&2; exit 1; }
echo "[bench-recon] PostgreSQL: $(pg_psql -tAc "SELECT 'shared_buffers ' || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem')")"
printf '%-9s %-12s %9s %9s %7s %7s %12s %12s %14s\n' records bank fill_s compare_s matched diffs silo_hwm_MiB silo_rss_MiB pg_backend_MiB | tee "$run/table.txt"
n=0
for records in $sizes; do
    n=$((n + 1))
    bank="D32068290$(printf '%02d' "$n")"
    started=$(date +%s.%N)
    pg_psql -d nontax -q -v bank="$bank" -v day="$day" -v records="$records" -f benchmarks/fill/reconciliation.sql >>"$run/fill.txt"
    fill_s=$(echo "$(date +%s.%N) - $started" | bc)

    # A fresh silo per size: its VmHWM is then this comparison's peak, not an earlier one's.
    start_silo "$run/silo-$records.log"
    started=$(date +%s.%N)
    curl -fsS -X POST -H "Authorization: Bearer $(cat "$state/ops-api-token")" -H "X-Operator: bench" \
        "http://127.0.0.1:$ops_port/ops/reconciliation/${day//-/}/$bank/rerun" >"$run/day-$records.json"
    compare_s=$(echo "$(date +%s.%N) - $started" | bc)
    silo_hwm=$(( $(kib "$silo" VmHWM) / 1024 ))
    silo_rss=$(( $(kib "$silo" VmRSS) / 1024 ))
    pg_hwm=0
    for pid in $(backends); do
        hwm=$(( $(kib "$pid" VmHWM) / 1024 ))
        (( hwm > pg_hwm )) && pg_hwm=$hwm
    done
    stop_silo
    read -r matched diffs < <(pg_psql -d nontax -tAF' ' -c "SELECT matched_count, differences FROM nontax.reconciliation_files
        WHERE bank_node = '$bank' AND business_day = '$day' AND msg_no = '2555'")
    printf '%-9s %-12s %9.1f %9.1f %7s %7s %12s %12s %14s\n' "$records" "$bank" "$fill_s" "$compare_s" "$matched" "$diffs" \
        "$silo_hwm" "$silo_rss" "$pg_hwm" | tee -a "$run/table.txt"
done
pg_psql -d nontax -tAc "SELECT bank_node, diff_type, field, record_key, bank_value, finance_value FROM nontax.reconciliation_differences
    WHERE business_day = '$day' ORDER BY bank_node, record_key" | tee "$run/differences.txt"
