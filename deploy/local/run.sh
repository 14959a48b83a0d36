#!/usr/bin/env bash
# The README's run command: PostgreSQL (installed where missing), migrations, one silo, the
# socket edge and the frontend, with the sandbox bureau seeded. Runs in the foreground; Ctrl-C
# stops everything cleanly (the silo leaves the cluster, PostgreSQL shuts down).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=deploy/local/postgres.sh
source deploy/local/postgres.sh

pg_port="${NONTAX_PG_PORT:-55432}"
state="$repo/.state/dev"
pg_start dev "$pg_port"
pg_export_env dev "$pg_port"

# Local secrets, made once per machine and never committed.
command -v curl >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq curl; }
# The e-bill face (PDF) is drawn with Debian's CJK TrueType font (EBills:Rendering:FontPath).
[[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq fonts-wqy-zenhei; }
if [[ ! -s "$state/token-key" ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 >"$state/token-key")
fi
if [[ ! -s "$state/web-admin-password" ]]; then
    # The web app's initial administrator (user admin), changed at first sign-in. Upper and lower
    # case, digits and a symbol around the random part, so it keeps the bureau's password rule.
    (umask 077; printf 'Nt-%s-9a\n' "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" >"$state/web-admin-password")
fi
peers_file="$(bash deploy/local/sandbox-peers.sh "$state")"

echo "[run] building (Release)..."
dotnet build NonTaxGrains.sln -c Release -v quiet -nologo | grep -E "error|Warn|Elapsed" || true
bin() { echo "$repo/src/$1/bin/Release/net10.0/$2.dll"; }

# Each process connects as its own role (docs/operations.md "Database roles"); only the silo
# gets the owner's connection string, for migrations.
export ConnectionStrings__NonTax="$NONTAX_PG_APP"
export Security__TokenKey="$(cat "$state/token-key")"
# The operator API takes named machine tokens (docs/operations.md "Machine tokens"); the local
# operator's is minted below once the silo has migrated the database. No break-glass
# Operations__ApiToken is set here.
export EBills__Keys__Directory="$state/ebill-keys" EBills__Keys__GenerateSandboxKeys=true
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
logs="$state/logs"
mkdir -p "$logs"

pids=()
sms_pid=""
stopping=""
stop_all() {
    trap - INT TERM EXIT
    stopping=yes
    echo "[run] stopping..."
    # Frontend and edge first, then the silo so it can leave the cluster, then the database.
    for pid in "${pids[@]:2}" "${pids[@]:1:1}" "${pids[@]:0:1}"; do
        # TERM, not INT: background jobs of a script start with SIGINT ignored.
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n "$sms_pid" ]]; then kill -TERM "$sms_pid" 2>/dev/null || true; wait "$sms_pid" 2>/dev/null || true; fi
    pg_stop dev
    echo "[run] stopped"
}
trap stop_all INT TERM EXIT

wait_http() {
    local url="$1" what="$2" i
    for i in $(seq 1 120); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "[run] $what is up: $url"; return 0; fi
        sleep 1
    done
    echo "[run] $what did not come up at $url" >&2
    return 1
}

# The sandbox's SMS gateway: a loopback stand-in (the simulator's sms-gateway verb) that takes the
# alert SMS of the duty roster below and prints them into its log; nothing leaves the machine.
(cd "$repo" && exec dotnet "$(bin BankSimulator/NonTax.BankSimulator NonTax.BankSimulator)" sms-gateway --port 9290 --peers "$peers_file") \
    > >(tee "$logs/sms-gateway.log") 2>&1 &
sms_pid=$!

(cd "$repo/src/Silo/NonTax.Silo" && export ConnectionStrings__NonTaxOwner="$NONTAX_PG_OWNER" && exec dotnet "$(bin Silo/NonTax.Silo NonTax.Silo)" \
    --Sandbox:Seed=true --Sandbox:PeersFile="$peers_file" --Sandbox:BaseDataFile="$repo/deploy/local/sandbox-bureau.json" \
    --Refunds:ReserveBank=D3206820105 \
    --Sms:Url=http://127.0.0.1:9290/sms/ --Sms:Account=sandbox \
    --Alerts:Roster:0:Name=值班员 --Alerts:Roster:0:Phone=13800000000 --Alerts:Roster:0:Role=duty \
    --Alerts:Roster:0:From=00:00 --Alerts:Roster:0:To=00:00 --Alerts:Roster:0:MinSeverity=Warning \
    --Remittance:Treasuries:4:Code=3206820000 --Remittance:Treasuries:4:Name=国家金库如皋市支库 \
    --Remittance:Treasuries:3:Code=3206000000 --Remittance:Treasuries:3:Name=国家金库南通市中心支库 \
    --Remittance:Treasuries:2:Code=3200000000 --Remittance:Treasuries:2:Name=国家金库江苏省分库) > >(tee "$logs/silo.log") 2>&1 &
pids+=($!)
wait_http http://127.0.0.1:8080/health/live "silo"

# The local operator's machine token (ops.read, ops.write; 30 days) in .state/dev/ops-api-token:
# kept while the silo accepts it, minted anew at first start, after expiry or revocation, or when
# the file still holds a shared token of an earlier version.
if [[ -s "$state/ops-api-token" ]] && curl -fsS -o /dev/null -H "Authorization: Bearer $(cat "$state/ops-api-token")" http://127.0.0.1:8080/ops/peers 2>/dev/null; then
    echo "[run] operator API token: .state/dev/ops-api-token (machine token, still valid)"
else
    token_name="local-operator-$(date -u +%Y%m%d%H%M%S)"
    (umask 077; cd "$repo/src/Silo/NonTax.Silo" && ConnectionStrings__NonTaxOwner="$NONTAX_PG_OWNER" dotnet "$(bin Silo/NonTax.Silo NonTax.Silo)" \
        machine-token create --name "$token_name" --permissions ops.read,ops.write --days 30 --purpose "run.sh local operator" >"$state/ops-api-token.new")
    mv "$state/ops-api-token.new" "$state/ops-api-token"
    echo "[run] operator API token: minted machine token $token_name into .state/dev/ops-api-token (30 days)"
fi

(cd "$repo/src/SocketEdge/NonTax.SocketEdge" && export ConnectionStrings__NonTax="$NONTAX_PG_EDGE" && exec dotnet "$(bin SocketEdge/NonTax.SocketEdge NonTax.SocketEdge)") > >(tee "$logs/edge.log") 2>&1 &
pids+=($!)
(cd "$repo/src/Frontend/NonTax.Frontend" && export ConnectionStrings__NonTax="$NONTAX_PG_FRONTEND" && export Web__InitialAdminPassword="$(cat "$state/web-admin-password")" && exec dotnet "$(bin Frontend/NonTax.Frontend NonTax.Frontend)") > >(tee "$logs/frontend.log") 2>&1 &
pids+=($!)
wait_http http://127.0.0.1:8081/health "socket edge health"
wait_http http://127.0.0.1:5000/health "frontend"

cat <<INFO

  NonTaxGrains sandbox is running (finance node F320682, 如皋市)
  ─────────────────────────────────────────────────────────────
  Bank TCP endpoint (CNNONTAX):   127.0.0.1:9100
  Socket edge health:             http://127.0.0.1:8081/health
  Silo health:                    http://127.0.0.1:8080/health
  Orleans Dashboard:              http://127.0.0.1:8080/dashboard  (password: the operator machine token, any user name)
  Operator API:                   http://127.0.0.1:8080/ops/peers  (Authorization: Bearer \$(cat .state/dev/ops-api-token))
  Frontend:                       http://127.0.0.1:5000   (health: /health; API description: /openapi/v1.json)
  Web sign-in:                    user admin, first password in .state/dev/web-admin-password (changed at first sign-in)
  Payer page:                     http://127.0.0.1:5000/pay/<payment code>
  Monitoring wall:                http://127.0.0.1:5000/wall
  PostgreSQL:                     127.0.0.1:$pg_port database nontax (secrets: .state/dev/secrets.env)
  Sandbox peers and tokens:       $peers_file
  Try the bank simulator:         dotnet src/BankSimulator/NonTax.BankSimulator/bin/Release/net10.0/NonTax.BankSimulator.dll demo
  Alert SMS (sandbox gateway):    http://127.0.0.1:9290/sms/ → .state/dev/logs/sms-gateway.log (duty 13800000000, all day)
  Logs:                           .state/dev/logs/
  Ctrl-C stops everything.

INFO
wait -n "${pids[@]}" || true
[[ -n "$stopping" ]] || echo "[run] a process exited; shutting down" >&2
