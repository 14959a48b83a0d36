#!/usr/bin/env bash
# Benchmarks, one command from a clean checkout (docs/performance.md shows a run's output):
#   bash deploy/local/bench.sh
# Builds Release, starts its own PostgreSQL (instance `bench`, a fresh database each run),
# starts a silo and a socket edge and the conventional baseline node on ports of their own (run.sh
# may run beside it), measures `pgbench -N` on that PostgreSQL, drives system and baseline
# through the same load profiles with the bank simulator's `load` verb, prints one table, checks
# the ledger, runs the xunit benchmarks (Category=Benchmark) and stops everything on exit.
#
# Knobs (environment):
#   NONTAX_BENCH_SECONDS=15   measured seconds per run      NONTAX_BENCH_WARMUP=3  warm-up seconds
#   NONTAX_BENCH_CLIENTS=64   closed-loop clients           NONTAX_BENCH_PGBENCH_SECONDS=20
#   NONTAX_BENCH_NOTICES=3000 unpaid notices to hold before the confirmation runs
#   NONTAX_BENCH_XUNIT=1      0 skips the xunit benchmarks  NONTAX_BENCH_PG_PORT=55438
#   NONTAX_BENCH_DRAIN=180    at most this many seconds to let the system deliver what earlier runs
#                             left queued (refunds, unit confirmations) before confirm@half
#   NONTAX_BENCH_FILL=0       after the runs above, store this many notices in all (benchmarks/fill,
#                             NONTAX_BENCH_FILL_OPEN=100000 of them unpaid in the benchmark's unit)
#                             and measure the system's issue and confirm runs again (issue 7's
#                             "rates with 1,000,000 notices stored": NONTAX_BENCH_FILL=1000000)
#   NONTAX_BENCH_PORT_BASE=9300: edge (+0), edge health (+1), baseline (+20), peers' servers
#   (+31..+34), silo operations (+80); silo and gateway ports: NONTAX_BENCH_SILO_PORT=11311,
#   NONTAX_BENCH_GATEWAY_PORT=30300.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=deploy/local/postgres.sh
source deploy/local/postgres.sh

pg_port="${NONTAX_BENCH_PG_PORT:-55438}"
seconds="${NONTAX_BENCH_SECONDS:-15}"
warmup="${NONTAX_BENCH_WARMUP:-3}"
clients="${NONTAX_BENCH_CLIENTS:-64}"
pgbench_seconds="${NONTAX_BENCH_PGBENCH_SECONDS:-20}"
notices="${NONTAX_BENCH_NOTICES:-3000}"
drain_seconds="${NONTAX_BENCH_DRAIN:-180}"
fill="${NONTAX_BENCH_FILL:-0}"
fill_open="${NONTAX_BENCH_FILL_OPEN:-100000}"
base="${NONTAX_BENCH_PORT_BASE:-9300}"
edge_port=$((base)) edge_health=$((base + 1)) conventional_port=$((base + 20)) ops_port=$((base + 80))
silo_port="${NONTAX_BENCH_SILO_PORT:-11311}" gateway_port="${NONTAX_BENCH_GATEWAY_PORT:-30300}"

state="$repo/.state/bench"
run="$state/run-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$run"
echo "[bench] output of this run: $run"

pids=()
sampler=""
stop_services() {
    [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
    sampler=""
    # Baseline and edge first, then the silo so it leaves the cluster.
    local i
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM "${pids[$i]}" 2>/dev/null || true
        wait "${pids[$i]}" 2>/dev/null || true
    done
    pids=()
}
stop_all() {
    trap - INT TERM EXIT
    stop_services
    pg_stop bench
    echo "[bench] stopped"
}
trap stop_all INT TERM EXIT

echo "[bench] building (Release)..."
dotnet build NonTaxGrains.sln -c Release -v quiet -nologo | grep -E " error |Warn|Elapsed" || true
bin() { echo "$repo/$1/bin/Release/net10.0/$2.dll"; }
simulator() { dotnet "$(bin src/BankSimulator/NonTax.BankSimulator NonTax.BankSimulator)" "$@"; }

# A fresh database per run: rates depend on how much is stored, and runs must compare.
pg_start bench "$pg_port" --createdb
pg_psql -c "DROP DATABASE IF EXISTS nontax WITH (FORCE)" -c "DROP DATABASE IF EXISTS pgbench WITH (FORCE)"
pg_start bench "$pg_port" --createdb
pg_export_env bench "$pg_port"

# Secrets and peers of this benchmark instance only; the peers' own servers move off run.sh's ports.
if [[ ! -s "$state/token-key" ]]; then (umask 077; head -c 32 /dev/urandom | base64 >"$state/token-key"); fi
if [[ ! -s "$state/ops-api-token" ]]; then (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$state/ops-api-token"); fi
generated="$(bash deploy/local/sandbox-peers.sh "$state/peers")"
peers="$state/sandbox-peers.json"
sed -e "s/: 9201 }/: $((base + 31)) }/" -e "s/: 9202 }/: $((base + 32)) }/" -e "s/: 9203 }/: $((base + 33)) }/" \
    -e "s/: 9204,/: $((base + 34)),/" "$generated" >"$peers"
chmod 600 "$peers"

wait_http() {
    local url="$1" what="$2" i
    for i in $(seq 1 180); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "[bench] $what is up"; return 0; fi
        sleep 1
    done
    echo "[bench] $what did not come up at $url" >&2
    return 1
}

export ConnectionStrings__NonTax="$NONTAX_PG_APP" ConnectionStrings__NonTaxOwner="$NONTAX_PG_OWNER"
export Security__TokenKey="$(cat "$state/token-key")" Operations__ApiToken="$(cat "$state/ops-api-token")"
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
export Orleans__ClusterId=nontax-bench Orleans__ServiceId=nontax-bench
(cd src/Silo/NonTax.Silo && exec env Orleans__SiloPort="$silo_port" Orleans__GatewayPort="$gateway_port" Operations__Port="$ops_port" \
    dotnet "$(bin src/Silo/NonTax.Silo NonTax.Silo)" --Sandbox:Seed=true --Sandbox:PeersFile="$peers" \
    --Sandbox:BaseDataFile="$repo/deploy/local/sandbox-bureau.json") >"$run/silo.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$ops_port/health/live" "silo (pid ${pids[0]})"
(cd src/SocketEdge/NonTax.SocketEdge && exec env ConnectionStrings__NonTax="$NONTAX_PG_EDGE" ConnectionStrings__NonTaxOwner= \
    Edge__Port="$edge_port" Edge__HealthPort="$edge_health" \
    dotnet "$(bin src/SocketEdge/NonTax.SocketEdge NonTax.SocketEdge)") >"$run/edge.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$edge_health/health" "socket edge (pid ${pids[1]})"
NONTAX_CONVENTIONAL_PG="$NONTAX_PG_OWNER" dotnet "$(bin benchmarks/NonTax.ConventionalNode NonTax.ConventionalNode)" \
    --port "$conventional_port" --peers "$peers" >"$run/conventional.log" 2>&1 &
pids+=($!)
sleep 2
echo "[bench] conventional node (pid ${pids[2]}) on $conventional_port"

# The database's commit ceiling, same server, same minutes.
echo "[bench] pgbench -N, 8 clients, ${pgbench_seconds}s..."
export PGPASSWORD="$NONTAX_OWNER_PASSWORD"
"$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U nontax_owner pgbench
"$PG_BIN/pgbench" -i -q -s 10 -h 127.0.0.1 -p "$pg_port" -U nontax_owner pgbench >"$run/pgbench-init.txt" 2>&1
"$PG_BIN/pgbench" -N -c 8 -j 2 -T "$pgbench_seconds" -h 127.0.0.1 -p "$pg_port" -U nontax_owner pgbench >"$run/pgbench.txt" 2>&1
unset PGPASSWORD
tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$run/pgbench.txt" | head -n 1)"
echo "[bench] pgbench -N: $tps TPS"

# CPU per process every 5 s while the load runs (docs/performance.md reads it).
(while true; do { date -u +%T; top -b -n 1 -w 160 | sed -n '1,5p;7,16p'; } >>"$run/top.txt"; sleep 5; done) &
sampler=$!
echo "silo ${pids[0]} edge ${pids[1]} conventional ${pids[2]}" >"$run/pids.txt"

# CPU per request survives a noisy machine better than a rate: CPU milliseconds (user + system) of
# each process, read from /proc around every load run (PostgreSQL: all its processes together).
hz="$(getconf CLK_TCK)"
cpu_ms() { awk -v hz="$hz" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu_ms() {
    local pid total=0
    for pid in $(pgrep -u postgres 2>/dev/null); do total=$((total + $(cpu_ms "$pid"))); done
    echo "$total"
}
cpu_sample() { echo "$(cpu_ms "${pids[0]}") $(cpu_ms "${pids[1]}") $(cpu_ms "${pids[2]}") $(pg_cpu_ms)"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# Live managed heap of a process (dotnet-gcdump forces a full collection first): with the number
# of notice grains it holds, a figure per grain that RSS (heap growth, caches) only bounds.
gcdump="$state/tools/dotnet-gcdump"
if [[ ! -x "$gcdump" ]]; then
    dotnet tool install --tool-path "$state/tools" dotnet-gcdump --version 10.0.750501 >/dev/null 2>&1 \
        || echo "[bench] dotnet-gcdump could not be installed: heap figures are left out"
fi
heap() { # pid name: "<live heap bytes> <PaymentNoticeGrain objects>", or "0 0"
    local dump="$run/$2.gcdump"
    if [[ -x "$gcdump" ]] && "$gcdump" collect -p "$1" -o "$dump" >/dev/null 2>&1; then
        "$gcdump" report "$dump" | awk '/GC Heap bytes/ { gsub(",", "", $1); bytes = $1 }
            / NonTax\.Grains\.Notices\.PaymentNoticeGrain / { gsub(",", "", $2); grains = $2 }
            END { print bytes + 0, grains + 0 }'
    else
        echo "0 0"
    fi
}
echo "label silo_ms edge_ms baseline_ms postgres_ms" >"$run/cpu.txt"

json="$run/runs.jsonl"
common=(--peers "$peers" --warmup "$warmup" --duration "$seconds" --concurrency "$clients" --json "$json" --ledger "$NONTAX_PG_OWNER")
count() { [[ -f "$1" ]] && wc -l <"$1" || echo 0; }
load() { # target port schema label args...
    local target="$1" port="$2" schema="$3" label="$4"
    shift 4
    echo "[bench] $target/$label"
    local before after
    before="$(cpu_sample)"
    # A broken ledger (exit 3) or a failed run is reported in the table; the other runs still go on.
    simulator load --edge "127.0.0.1:$port" "${common[@]}" --ledger-schema "$schema" --label "$target/$label" "$@" \
        | tee -a "$run/load.txt" | grep -vE '^json: ' || echo "[bench] $target/$label: the load run failed (see $run/load.txt)"
    after="$(cpu_sample)"
    paste -d' ' <(echo "$before" | tr ' ' '\n') <(echo "$after" | tr ' ' '\n') \
        | awk -v label="$target/$label" '{ d[NR] = $2 - $1 } END { print label, d[1], d[2], d[3], d[4] }' >>"$run/cpu.txt"
}
queued() {
    pg_psql -d nontax -tAc "SELECT (SELECT count(*) FROM nontax.pending_handovers)
        + (SELECT count(*) FROM nontax.outbound_messages WHERE status = 'pending')"
}
drain() { # serve every peer until nothing is queued for delivery, or drain_seconds pass
    local started=$SECONDS left server
    # dotnet itself in the background, not the simulator() function: killing a function's subshell
    # would leave the servers holding the peers' ports the next run binds.
    dotnet "$(bin src/BankSimulator/NonTax.BankSimulator NonTax.BankSimulator)" serve --peers "$peers" --seconds "$drain_seconds" \
        >"$run/drain.txt" 2>&1 &
    server=$!
    left="$(queued)"
    while ((left > 0 && SECONDS - started < drain_seconds)); do
        sleep 2
        left="$(queued)"
    done
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    echo "[bench] drained for $((SECONDS - started)) s; $left hand-overs and outbound messages still queued" | tee -a "$run/drain-summary.txt"
}
top_up() { # target port file wanted: issue unmeasured notices until the file holds `wanted` codes
    local have need
    have="$(count "$3")" need=$(($4 - $(count "$3")))
    if ((need > 0)); then
        echo "[bench] $1: issuing $need more notices for the confirmation runs (not measured; $have held)"
        simulator load --edge "127.0.0.1:$2" --peers "$peers" --profile issue --pre-issue "$need" --warmup 0 --duration 0 \
            --concurrency "$clients" --unpaid-out "$3" --label "$1/top-up" >>"$run/load.txt"
    fi
}

for target in system baseline; do
    if [[ $target == system ]]; then port=$edge_port schema=nontax serve=(--serve); else port=$conventional_port schema=conventional serve=(); fi
    dir="$run/$target"
    mkdir -p "$dir"
    rss_before="$(rss_kib "${pids[0]}")"
    [[ $target == system ]] && heap_before="$(heap "${pids[0]}" silo-before)"
    load "$target" "$port" "$schema" issue --profile issue --unpaid-out "$dir/unpaid.txt"
    load "$target" "$port" "$schema" query --profile query --codes "$dir/unpaid.txt"
    top_up "$target" "$port" "$dir/unpaid.txt" "$notices"
    if [[ $target == system ]]; then
        # Every notice issued so far is an active grain (idle collection is minutes away): the
        # silo's resident memory grown since start-up, per notice, is an upper bound per grain.
        rss_after="$(rss_kib "${pids[0]}")" active="$(count "$dir/unpaid.txt")"
        ((active > 0)) && echo "silo RSS ${rss_before} KiB before, ${rss_after} KiB with ${active} notice grains active:" \
            "$(((rss_after - rss_before) * 1024 / active)) bytes per notice grain," \
            "$(((rss_after - rss_before) * 100000 / active / 1024)) MiB per 100,000" | tee "$run/memory.txt"
        read -r heap_bytes_before _ <<<"$heap_before"
        read -r heap_bytes_after notice_grains <<<"$(heap "${pids[0]}" silo-after)"
        ((heap_bytes_after > 0 && notice_grains > 0)) && echo "silo live managed heap (dotnet-gcdump) ${heap_bytes_before} bytes before," \
            "${heap_bytes_after} bytes with ${notice_grains} PaymentNoticeGrain objects:" \
            "$(((heap_bytes_after - heap_bytes_before) / notice_grains)) bytes per notice grain," \
            "$(((heap_bytes_after - heap_bytes_before) * 100000 / notice_grains / 1048576)) MiB per 100,000" | tee -a "$run/memory.txt"
    fi
    load "$target" "$port" "$schema" confirm --profile confirm --codes "$dir/unpaid.txt" \
        --unpaid-out "$dir/left.txt" --paid-out "$dir/paid.txt" "${serve[@]}"
    load "$target" "$port" "$schema" duplicate --profile duplicate --paid "$dir/paid.txt" "${serve[@]}"
    # Latency where it matters: an open loop at half the closed loop's saturated rate.
    half="$(simulator bench-table --peers "$peers" --json "$json" --rate-of "$target/confirm" | awk '{ printf "%d", $1 / 2 }')"
    ((half >= 1)) || half=1
    top_up "$target" "$port" "$dir/left.txt" $((half * (warmup + seconds) * 11 / 10))
    # The hand-overs of the runs before (5617 refunds, 5996 to the unit platform) follow the replies
    # and take CPU after them: let the peers' servers take them before latency is measured, or
    # confirm@half measures the previous burst's backlog (docs/performance.md).
    [[ $target == system ]] && drain
    load "$target" "$port" "$schema" "confirm@half" --profile confirm --rate "$half" --codes "$dir/left.txt" "${serve[@]}"
done
stored_notices() { pg_psql -d nontax -tAc "SELECT count(*) FROM nontax.notices"; }
echo "system runs above: $(stored_notices) notices stored when they ended" | tee "$run/scale.txt"
if ((fill > 0)); then
    # Templates: one unpaid notice of the benchmark's unit, and one it was paid for exactly once
    # (no duplicate, no refund), so every key the copies carry is replaced.
    open_template="$(pg_psql -d nontax -tAc "SELECT pay_code FROM nontax.notices WHERE status = 'unpaid' AND unit_code = '0104901' LIMIT 1")"
    paid_template="$(pg_psql -d nontax -tAc "SELECT n.pay_code FROM nontax.notices n WHERE n.status = 'paid' AND n.unit_code = '0104901'
        AND (SELECT count(*) FROM nontax.payment_confirmations p WHERE p.pay_code = n.pay_code) = 1
        AND (SELECT count(*) FROM nontax.business_facts f WHERE f.subject = n.pay_code) = 2 LIMIT 1")"
    have="$(stored_notices)"
    paid_fill=$((fill - have - fill_open))
    ((paid_fill >= 0)) || paid_fill=0
    echo "[bench] storing $fill_open unpaid and $paid_fill paid notices more (benchmarks/fill/notices.sql; not measured)..."
    started=$SECONDS
    pg_psql -d nontax -v open="$fill_open" -v paid="$paid_fill" -v open_template="$open_template" \
        -v paid_template="$paid_template" <benchmarks/fill/notices.sql
    echo "filled in $((SECONDS - started)) s: $(stored_notices) notices stored" | tee -a "$run/scale.txt"
    # Stored notices nobody touched since the fill: their grains are not active, so a confirmation
    # reads the notice from a grain_state of $fill rows first.
    pg_psql -d nontax -tAc "SELECT pay_code FROM nontax.notices WHERE status = 'unpaid' AND pay_code LIKE '3206822677%'
        ORDER BY random() LIMIT 50000" >"$run/system/stored-unpaid.txt"
    dir="$run/system-filled"
    mkdir -p "$dir"
    load system "$edge_port" nontax issue@filled --profile issue --unpaid-out "$dir/unpaid.txt"
    top_up system "$edge_port" "$dir/unpaid.txt" "$notices"
    load system "$edge_port" nontax confirm@filled --profile confirm --codes "$dir/unpaid.txt" --paid-out "$dir/paid.txt" --serve
    load system "$edge_port" nontax confirm-stored@filled --profile confirm --codes "$run/system/stored-unpaid.txt" --serve
    {
        echo
        echo "rates with $(stored_notices) notices stored against the same runs before the fill (issue 7: within 10 %):"
        for path in issue confirm; do
            before="$(simulator bench-table --peers "$peers" --json "$json" --rate-of "system/$path")"
            after="$(simulator bench-table --peers "$peers" --json "$json" --rate-of "system/$path@filled")"
            awk -v p="$path" -v b="$before" -v a="$after" 'BEGIN { printf "%-8s before %7.0f/s  filled %7.0f/s  filled:before %.2f×\n", p, b, a, (b > 0 ? a / b : 0) }'
        done
        echo "confirm-stored: confirmations of notices stored by the fill (inactive grains, read from the database):" \
            "$(simulator bench-table --peers "$peers" --json "$json" --rate-of "system/confirm-stored@filled" | awk '{ printf "%.0f/s", $1 }')"
    } | tee -a "$run/scale.txt"
fi

# The xunit benchmarks open their own silos and connection pools: free PostgreSQL's connection
# slots first (with the services still up they ran out: 53300).
stop_services

{
    echo
    echo "NonTaxGrains benchmark $(date -u +%FT%TZ) — $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB,"\
        "$("$PG_BIN/postgres" --version), pgbench -N 8 clients ${pgbench_seconds}s: $tps TPS"
    echo "closed loop: $clients clients, short connections, warm-up ${warmup}s, measured ${seconds}s (less where the pool of"
    echo "unpaid notices ran out); confirm@half: open loop at half the closed loop's confirmation rate; rates per second"
    echo
    simulator bench-table --peers "$peers" --json "$json" --pgbench "$tps"
    echo
    echo "CPU per request, ms (user + system over warm-up and measured window, divided by rate x (warm-up + measured)):"
    echo "run silo edge baseline postgres"
    # Requests of a run ~ its rate x (warm-up + measured); the JSON line per run gives the rate.
    awk -v span=$((warmup + seconds)) '
        FNR == NR { if (match($0, /"label":"[^"]*"/)) { l = substr($0, RSTART + 9, RLENGTH - 10);
                    if (match($0, /"rate":[0-9.]+/)) rate[l] = substr($0, RSTART + 7, RLENGTH - 7) } next }
        # A negative delta means processes ended during the run (their CPU left the sum): no figure.
        function per(ms, n) { return ms < 0 ? "n/a" : sprintf("%.2f", ms / n) }
        FNR > 1 && rate[$1] > 0 { n = rate[$1] * span;
                    print $1, per($2, n), per($3, n), per($4, n), per($5, n) }' "$json" "$run/cpu.txt"
    [[ -f "$run/memory.txt" ]] && cat "$run/memory.txt"
    cat "$run/scale.txt"
    [[ -f "$run/drain-summary.txt" ]] && cat "$run/drain-summary.txt"
} | tee "$run/table.txt"

if [[ "${NONTAX_BENCH_XUNIT:-1}" != 0 ]]; then
    echo
    echo "[bench] xunit benchmarks (Category=Benchmark)"
    export NONTAX_TEST_PG_ADMIN="$NONTAX_PG_OWNER" NONTAX_TEST_PG_APP="$NONTAX_PG_APP"
    export NONTAX_TEST_PG_EDGE="$NONTAX_PG_EDGE" NONTAX_TEST_PG_FRONTEND="$NONTAX_PG_FRONTEND"
    dotnet test tests/NonTax.Integration.Tests -c Release --no-build --filter "Category=Benchmark" \
        --logger "console;verbosity=detailed" 2>&1 | tee "$run/xunit.txt" \
        | grep -E "writes/s|confirmations/s|Passed!|Failed!|error" || true
fi
echo "[bench] raw output: $run"
