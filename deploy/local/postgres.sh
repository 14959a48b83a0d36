#!/usr/bin/env bash
# A private PostgreSQL server for local runs and tests.
#
#   bash deploy/local/postgres.sh start <instance> <port> [--createdb]
#   bash deploy/local/postgres.sh stop  <instance>
#   bash deploy/local/postgres.sh env   <instance>     # prints export lines for connection strings
#
# or `source` it and call the functions (pg_start, pg_stop, pg_export_env).
#
# Layout: <repo>/.state/<instance>/ holds secrets.env (passwords, generated on first init, never
# committed) and a symlink "pgdata" to the real cluster directory. The cluster itself lives under
# /var/tmp/nontax-<hash of repo path>-<instance>/ because initdb/postgres refuse to run as root and
# the postgres user usually cannot traverse a clone under /root. When not run as root, the
# cluster runs as the calling user and lives directly under .state/.
set -euo pipefail

NONTAX_REPO="${NONTAX_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
NONTAX_DB="${NONTAX_DB:-nontax}"
NONTAX_OWNER_ROLE=nontax_owner
NONTAX_APP_ROLE=nontax_app
# One login role per process (docs/operations.md "Database roles"): the silo uses nontax_app, the
# socket edge nontax_edge, the frontend nontax_frontend; only migrations use nontax_owner.
NONTAX_EDGE_ROLE=nontax_edge
NONTAX_FRONTEND_ROLE=nontax_frontend

pg_log() { echo "[postgres] $*" >&2; }

# Finds the newest installed server; installs the distribution's package only when none exists.
pg_find_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
        if [[ $EUID -ne 0 ]]; then
            pg_log "no PostgreSQL server found under /usr/lib/postgresql; install the 'postgresql' package (needs root)"
            return 1
        fi
        pg_log "installing PostgreSQL (apt-get)..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    # Binaries copied in without the package lack its system user; the server must not run as root.
    if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
        pg_log "creating the postgres system user"
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    echo "$dir"
}

# Runs a command as the user that owns the cluster.
pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_paths() {
    local instance="$1"
    PG_STATE="$NONTAX_REPO/.state/$instance"
    if [[ $EUID -eq 0 ]]; then
        local hash
        hash="$(printf '%s' "$NONTAX_REPO" | sha256sum | cut -c1-12)"
        PG_HOME="/var/tmp/nontax-$hash-$instance"
    else
        PG_HOME="$PG_STATE/server"
    fi
    PG_DATA="$PG_HOME/pgdata"
    PG_SOCKET="$PG_HOME/run"
    PG_LOGFILE="$PG_HOME/postgres.log"
    PG_SECRETS="$PG_STATE/secrets.env"
}

pg_random_password() {
    tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 || true
}

pg_psql() {
    pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_start() {
    local instance="$1" port="$2" createdb="${3:-}"
    PG_PORT="$port"
    PG_BIN="$(pg_find_bin)"
    pg_paths "$instance"
    mkdir -p "$PG_STATE"
    chmod 700 "$PG_STATE"

    if [[ ! -f "$PG_SECRETS" ]]; then
        (umask 077; : >"$PG_SECRETS")
    fi
    # Passwords are generated once per role; roles added later get theirs on the next start.
    local variable
    for variable in NONTAX_OWNER_PASSWORD NONTAX_APP_PASSWORD NONTAX_EDGE_PASSWORD NONTAX_FRONTEND_PASSWORD; do
        grep -q "^$variable=" "$PG_SECRETS" || echo "$variable=$(pg_random_password)" >>"$PG_SECRETS"
    done
    # shellcheck disable=SC1090
    source "$PG_SECRETS"

    mkdir -p "$PG_HOME"
    if [[ $EUID -eq 0 ]]; then
        chown postgres:postgres "$PG_HOME"
        chmod 700 "$PG_HOME"
    fi
    pg_as_owner mkdir -p "$PG_SOCKET"
    pg_as_owner chmod 700 "$PG_SOCKET"
    ln -sfn "$PG_DATA" "$PG_STATE/pgdata"

    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
        pg_log "initialising cluster '$instance' in $PG_DATA ($("$PG_BIN/initdb" --version))"
        # Local socket access is trust (the socket dir is private to the server's user);
        # TCP always needs a password.
        pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    fi

    if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        pg_log "cluster '$instance' already running"
    else
        pg_log "starting cluster '$instance' on 127.0.0.1:$port"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOGFILE" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_SOCKET -c max_connections=200 -c timezone=UTC" \
            start >/dev/null
    fi
    local i
    for i in $(seq 1 60); do
        if pg_as_owner "$PG_BIN/pg_isready" -q -h "$PG_SOCKET" -p "$port"; then break; fi
        sleep 0.5
    done
    pg_as_owner "$PG_BIN/pg_isready" -q -h "$PG_SOCKET" -p "$port"

    local owner_opts="NOCREATEDB"
    [[ "$createdb" == "--createdb" ]] && owner_opts="CREATEDB"
    # Roles and database: created when absent, passwords re-applied from secrets.env so the two
    # never drift apart.
    pg_psql -v owner_pw="$NONTAX_OWNER_PASSWORD" -v app_pw="$NONTAX_APP_PASSWORD" \
        -v edge_pw="$NONTAX_EDGE_PASSWORD" -v frontend_pw="$NONTAX_FRONTEND_PASSWORD" <<SQL
SELECT format('CREATE ROLE %I LOGIN', r) FROM unnest(ARRAY['$NONTAX_OWNER_ROLE', '$NONTAX_APP_ROLE', '$NONTAX_EDGE_ROLE', '$NONTAX_FRONTEND_ROLE']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE $NONTAX_OWNER_ROLE LOGIN $owner_opts NOSUPERUSER NOCREATEROLE PASSWORD :'owner_pw';
ALTER ROLE $NONTAX_APP_ROLE LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE PASSWORD :'app_pw';
ALTER ROLE $NONTAX_EDGE_ROLE LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE PASSWORD :'edge_pw';
ALTER ROLE $NONTAX_FRONTEND_ROLE LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE PASSWORD :'frontend_pw';
SELECT format('CREATE DATABASE %I OWNER %I', '$NONTAX_DB', '$NONTAX_OWNER_ROLE')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$NONTAX_DB') \gexec
SQL
    # The owner role owns the public schema, so migrations can create the Orleans tables there,
    # and nobody else may create objects in it.
    pg_psql -d "$NONTAX_DB" <<SQL
CREATE SCHEMA IF NOT EXISTS public;
ALTER SCHEMA public OWNER TO $NONTAX_OWNER_ROLE;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
    pg_log "cluster '$instance' ready: 127.0.0.1:$port database $NONTAX_DB (log: $PG_LOGFILE)"
}

pg_stop() {
    local instance="$1"
    PG_BIN="$(pg_find_bin)"
    pg_paths "$instance"
    if [[ -f "$PG_DATA/PG_VERSION" ]] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        pg_log "stopping cluster '$instance'"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    fi
}

# Exports Npgsql connection strings for the owner (migrations, test fixtures) and each process's role.
pg_export_env() {
    local instance="$1" port="$2"
    pg_paths "$instance"
    # shellcheck disable=SC1090
    source "$PG_SECRETS"
    local base="Host=127.0.0.1;Port=$port;Database=$NONTAX_DB"
    export NONTAX_PG_OWNER="$base;Username=$NONTAX_OWNER_ROLE;Password=$NONTAX_OWNER_PASSWORD"
    export NONTAX_PG_APP="$base;Username=$NONTAX_APP_ROLE;Password=$NONTAX_APP_PASSWORD"
    export NONTAX_PG_EDGE="$base;Username=$NONTAX_EDGE_ROLE;Password=$NONTAX_EDGE_PASSWORD"
    export NONTAX_PG_FRONTEND="$base;Username=$NONTAX_FRONTEND_ROLE;Password=$NONTAX_FRONTEND_PASSWORD"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    cmd="${1:-}"
    case "$cmd" in
        start) pg_start "$2" "$3" "${4:-}" ;;
        stop) pg_stop "$2" ;;
        env)
            pg_export_env "$2" "$3"
            echo "export NONTAX_PG_OWNER='$NONTAX_PG_OWNER'"
            echo "export NONTAX_PG_APP='$NONTAX_PG_APP'"
            echo "export NONTAX_PG_EDGE='$NONTAX_PG_EDGE'"
            echo "export NONTAX_PG_FRONTEND='$NONTAX_PG_FRONTEND'"
            ;;
        *) echo "usage: $0 start <instance> <port> [--createdb] | stop <instance> | env <instance> <port>" >&2; exit 2 ;;
    esac
fi
