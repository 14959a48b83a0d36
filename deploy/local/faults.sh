#!/usr/bin/env bash
# The fault soak (docs/reliability.md "Fault table"):
#   bash deploy/local/faults.sh [MINUTES] [--seed N]        # default 10 minutes, a random seed
# Builds Release, then runs the soak test (Category=FaultSoak): its own PostgreSQL instance
# (faults-soak, port NONTAX_FAULT_PG_PORT, default 55470, a fresh database each run), three silos
# and two edge nodes as processes, the bank simulator's load on both edges, and every fault kind
# from a schedule drawn from the seed. Prints the fault table (also in .state/fault-table-soak.md)
# and exits non-zero if any promise broke. A failing run repeats with the seed it printed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

minutes=10
seed=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --seed=*) seed="${1#--seed=}"; shift ;;
        [0-9]*) minutes="$1"; shift ;;
        *) echo "usage: $0 [MINUTES] [--seed N]" >&2; exit 2 ;;
    esac
done

export NONTAX_FAULT_MINUTES="$minutes"
export NONTAX_FAULT_PG_PORT="${NONTAX_FAULT_PG_PORT:-55470}"
[[ -n "$seed" ]] && export NONTAX_FAULT_SEED="$seed"

echo "[faults] building (Release)..."
dotnet build NonTaxGrains.sln -c Release -v quiet -nologo | grep -E " error |Warn|Elapsed" || true
echo "[faults] soak of $minutes minutes${seed:+, seed $seed}"
set +e
dotnet test tests/NonTax.Integration.Tests -c Release --no-build --filter "Category=FaultSoak" --logger "console;verbosity=normal"
status=$?
set -e
[[ -f .state/fault-table-soak.md ]] && cat .state/fault-table-soak.md
exit "$status"
