#!/usr/bin/env bash
# Coverage-guided fuzzing of the CNNONTAX decoders: frame reader, envelope parser, MAC check and
# every typed voucher parser (tests/NonTax.Protocol.Fuzz; docs/reliability.md "Fuzzing").
#
#   bash deploy/local/fuzz.sh [SECONDS]      # default 600; NONTAX_FUZZ_SECONDS works too
#
# Installs its tools where missing (AFL++ from Debian's packages, the SharpFuzz command line as a
# local .NET tool under .state/tools), publishes the fuzz target, instruments NonTax.Protocol.dll
# with SharpFuzz and runs afl-fuzz from the committed seed corpus. Prints the executions done, the
# rate and what was found; exits 1 when a crash or hang was saved (the inputs are under
# .state/fuzz/findings/default/{crashes,hangs}: add each to the corpus once fixed, and the test
# suite replays it forever after).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
seconds="${1:-${NONTAX_FUZZ_SECONDS:-600}}"
state="$repo/.state/fuzz"
tools="$repo/.state/tools"
corpus="$repo/tests/NonTax.Protocol.Fuzz/corpus"

fuzz_log() { echo "[fuzz] $*" >&2; }

if ! command -v afl-fuzz >/dev/null; then
    fuzz_log "installing AFL++ (apt-get)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq afl++ >&2
fi
if [[ ! -x "$tools/sharpfuzz" ]]; then
    fuzz_log "installing SharpFuzz.CommandLine 2.3.0 into $tools"
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >&2
fi

rm -rf "$state/app"
mkdir -p "$state"
fuzz_log "publishing the fuzz target (Release)"
dotnet publish tests/NonTax.Protocol.Fuzz -c Release -o "$state/app" -v quiet -nologo >&2
# Only the library under test is instrumented: coverage of the runtime and SharpFuzz is noise.
"$tools/sharpfuzz" "$state/app/NonTax.Protocol.dll" >&2

# A fresh run each time: its counts are this run's alone.
rm -rf "$state/findings"
fuzz_log "afl-fuzz for ${seconds}s from $(find "$corpus" -type f | wc -l) seeds"
export AFL_SKIP_BIN_CHECK=1            # the target is dotnet, instrumented inside the managed assembly
export AFL_NO_UI=1
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_AFFINITY=1                # the machine's cores are shared with builds and tests
set +e
afl-fuzz -V "$seconds" -i "$corpus" -o "$state/findings" -t 5000 -m none -- \
    dotnet "$state/app/NonTax.Protocol.Fuzz.dll" >"$state/afl.log" 2>&1
status=$?
set -e
stats="$state/findings/default/fuzzer_stats"
if [[ ! -f "$stats" ]]; then
    fuzz_log "afl-fuzz did not start (exit $status); the end of its log:"
    tail -n 30 "$state/afl.log" >&2
    exit 1
fi

value() { sed -nE "s/^$1 *: *//p" "$stats" | head -n 1; }
execs="$(value execs_done)"
crashes="$(value saved_crashes)"
hangs="$(value saved_hangs)"
echo "fuzz: $execs executions in $(value run_time)s ($(value execs_per_sec)/s at the end), corpus $(value corpus_count) inputs, edges found $(value edges_found), crashes $crashes, hangs $hangs"
if [[ "${crashes:-0}" != 0 || "${hangs:-0}" != 0 ]]; then
    fuzz_log "findings in $state/findings/default/crashes and hangs; replay one: dotnet $state/app/NonTax.Protocol.Fuzz.dll replay DIR"
    exit 1
fi
