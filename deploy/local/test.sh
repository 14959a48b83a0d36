#!/usr/bin/env bash
# Runs every test of the solution. Starts its own PostgreSQL instance "test" on 127.0.0.1:55439
# (installing the server package when missing), hands the connection strings to the tests, and
# stops PostgreSQL again whatever happens. Exits with dotnet test's code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/local/postgres.sh

PORT=55439
stop_pg() { pg_stop test || true; }
trap stop_pg EXIT

pg_start test "$PORT" --createdb
pg_export_env test "$PORT"
# The integration fixture creates a fresh database per run with the owner role (CREATEDB).
export NONTAX_TEST_PG_ADMIN="$NONTAX_PG_OWNER"
export NONTAX_TEST_PG_APP="$NONTAX_PG_APP"

set +e
dotnet test NonTaxGrains.sln --logger "console;verbosity=normal"
code=$?
set -e
exit "$code"
