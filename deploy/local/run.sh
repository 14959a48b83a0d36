#!/usr/bin/env bash
# Starts the whole system in the foreground: PostgreSQL (instance "dev", 127.0.0.1:55432),
# migrations, one silo, the socket edge, the frontend, with the sandbox bureau seeded.
# Ctrl-C stops every process cleanly, then PostgreSQL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO="$(pwd)"
source deploy/local/postgres.sh

PG_PORT_DEV=55432
CONFIG="${CONFIGURATION:-Debug}"
LOGS="$REPO/.state/dev/logs"
PIDS=()

shutdown() {
    trap - INT TERM EXIT
    echo
    echo "[run] stopping..."
    # Clients first, then the silo (it leaves the cluster and finishes in-flight calls), then PostgreSQL.
    local pid
    for pid in "${PIDS[@]:1}" "${PIDS[0]:-}"; do
        [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    pg_stop dev || true
    echo "[run] stopped"
    exit 0
}
trap shutdown INT TERM EXIT

echo "[run] building ($CONFIG)..."
dotnet build NonTaxGrains.sln -c "$CONFIG" -v quiet -nologo

pg_start dev "$PG_PORT_DEV"
pg_export_env dev "$PG_PORT_DEV"
export ConnectionStrings__NonTax="$NONTAX_PG_APP"
export Orleans__AdvertisedIP=127.0.0.1
mkdir -p "$LOGS"

bin() { echo "$REPO/src/$1/bin/$CONFIG/net10.0/$2.dll"; }

# Migrations run in the silo before it joins the cluster (Database:MigrateOnStart=true).
ConnectionStrings__NonTaxOwner="$NONTAX_PG_OWNER" Sandbox__Seed=true \
    dotnet "$(bin Silo/NonTax.Silo NonTax.Silo)" > >(tee "$LOGS/silo.log") 2>&1 &
PIDS+=($!)
dotnet "$(bin SocketEdge/NonTax.SocketEdge NonTax.SocketEdge)" > >(tee "$LOGS/edge.log") 2>&1 &
PIDS+=($!)
dotnet "$(bin Frontend/NonTax.Frontend NonTax.Frontend)" > >(tee "$LOGS/frontend.log") 2>&1 &
PIDS+=($!)

cat <<INFO

[run] NonTaxGrains is starting (logs also in .state/dev/logs/):
  PostgreSQL            127.0.0.1:$PG_PORT_DEV  database nontax (roles nontax_owner / nontax_app; passwords in .state/dev/secrets.env)
  Silo                  silo port 11111, gateway 30000
  Operations (silo)     http://localhost:8080/health   http://localhost:8080/dashboard
  Socket edge (banks)   tcp://localhost:9100           health http://localhost:8081/health
  Frontend              http://localhost:5000          health http://localhost:5000/health
Press Ctrl-C to stop.

INFO

# Stay in the foreground until Ctrl-C or until a process exits on its own.
wait -n "${PIDS[@]}" || true
echo "[run] a process exited; shutting everything down"
