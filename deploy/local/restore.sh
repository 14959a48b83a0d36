#!/usr/bin/env bash
# Restores a backup made by deploy/local/backup.sh (docs/operations.md "Backup and restore").
#
#   bash deploy/local/restore.sh dump FILE.dump [--database NAME] [--no-migrate]
#       into a fresh database (created when absent; refused when it already holds the schema),
#       then the migrations (newer scripts than the backup's, and every process role's grants)
#   bash deploy/local/restore.sh base BACKUP_DIR INSTANCE PORT [--archive DIR] [--until TIME]
#       a fresh instance from a base backup, replaying archived WAL up to TIME
#       (e.g. '2026-12-02 10:15:00+00') or to the end of the archive
#
# Which server for `dump`: as in backup.sh — the local instance (NONTAX_INSTANCE, default dev, on
# NONTAX_PG_PORT, default 55432) or the server of the libpq variables when PGHOST is set; PGUSER
# is then the role that will own the restored schema (nontax_owner). The migrations run through
# the silo's `migrate` command (NONTAX_SILO_DLL, default the Release build; built when missing).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/postgres.sh
source "$repo/deploy/local/postgres.sh"

restore_log() { echo "[restore] $*" >&2; }

usage() {
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

verify_checksum() {
    local file="$1"
    if [[ -f "$file.sha256" ]]; then
        (cd "$(dirname "$file")" && sha256sum --quiet -c "$(basename "$file").sha256") \
            || { restore_log "checksum mismatch: $file is damaged"; exit 1; }
    else
        restore_log "no checksum file beside $file; restoring unchecked"
    fi
}

# Runs SQL against database $1 of the target server as the restoring role.
target_psql() {
    local database="$1"
    shift
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$database" "$@"
}

cmd_dump() {
    [[ $# -ge 1 ]] || usage
    local file="$1" database="" migrate=yes
    shift
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --database) database="$2"; shift 2 ;;
            --no-migrate) migrate=""; shift ;;
            *) usage ;;
        esac
    done
    [[ -f "$file" ]] || { restore_log "no such backup file: $file"; exit 1; }
    verify_checksum "$file"
    PG_BIN="$(pg_find_bin)"
    "$PG_BIN/pg_restore" --list "$file" >/dev/null || { restore_log "$file is not a pg_dump custom-format archive"; exit 1; }

    local local_instance=""
    if [[ -z "${PGHOST:-}" ]]; then
        local_instance="${NONTAX_INSTANCE:-dev}"
        PG_PORT="${NONTAX_PG_PORT:-55432}"
        pg_paths "$local_instance"
        [[ -f "$PG_SECRETS" ]] || { restore_log "no instance '$local_instance' (start it: bash deploy/local/postgres.sh start $local_instance $PG_PORT)"; exit 1; }
        # shellcheck disable=SC1090
        source "$PG_SECRETS"
        export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER="$NONTAX_OWNER_ROLE" PGPASSWORD="$NONTAX_OWNER_PASSWORD"
    fi
    export PGPORT="${PGPORT:-5432}"
    database="${database:-${PGDATABASE:-$NONTAX_DB}}"
    local owner="${PGUSER:-$NONTAX_OWNER_ROLE}"

    local exists
    exists="$(target_psql postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '${database//\'/\'\'}'")"
    if [[ -z "$exists" ]]; then
        restore_log "creating database $database (owner $owner)"
        if [[ -n "$local_instance" ]]; then
            pg_psql -c "CREATE DATABASE \"$database\" OWNER \"$owner\""
        else
            target_psql postgres -c "CREATE DATABASE \"$database\""
        fi
    elif [[ -n "$(target_psql "$database" -tA -c "SELECT 1 FROM pg_namespace WHERE nspname = 'nontax'")" ]]; then
        # Restoring over live data would mix two histories; the operator drops or renames it first.
        restore_log "database $database already holds the nontax schema; restore into a fresh database (--database NAME)"
        exit 1
    fi
    # Same shape as postgres.sh gives a new database: only the owner creates objects.
    if [[ -n "$local_instance" ]]; then
        pg_psql -d "$database" -c "ALTER SCHEMA public OWNER TO $NONTAX_OWNER_ROLE" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC"
    else
        target_psql "$database" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC"
    fi

    restore_log "restoring $file into $database on $PGHOST:$PGPORT"
    # One transaction: a restore that fails leaves the database empty, never half filled.
    "$PG_BIN/pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction -d "$database" "$file"

    if [[ -n "$migrate" ]]; then
        local dll="${NONTAX_SILO_DLL:-$repo/src/Silo/NonTax.Silo/bin/Release/net10.0/NonTax.Silo.dll}"
        if [[ ! -f "$dll" ]]; then
            restore_log "building the silo (Release) for its migrate command"
            dotnet build "$repo/src/Silo/NonTax.Silo" -c Release -v quiet -nologo >&2
        fi
        restore_log "applying migrations and grants"
        local cs="Host=$PGHOST;Port=$PGPORT;Database=$database;Username=$owner"
        if [[ -n "${PGPASSWORD:-}" ]]; then cs="$cs;Password=$PGPASSWORD"; fi
        ConnectionStrings__NonTaxOwner="$cs" ConnectionStrings__NonTax="$cs" \
            dotnet "$dll" migrate >&2
    fi
    restore_log "restored into database $database"
    echo "$database"
}

cmd_base() {
    [[ $# -ge 3 ]] || usage
    local backup="$1" instance="$2" port="$3" archive="" until=""
    shift 3
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --archive) archive="$2"; shift 2 ;;
            --until) until="$2"; shift 2 ;;
            *) usage ;;
        esac
    done
    [[ -f "$backup/base.tar.gz" ]] || { restore_log "$backup holds no base.tar.gz"; exit 1; }
    (cd "$backup" && sha256sum --quiet -c SHA256SUMS) || { restore_log "checksum mismatch in $backup"; exit 1; }
    PG_BIN="$(pg_find_bin)"
    pg_paths "$instance"
    if [[ -f "$PG_DATA/PG_VERSION" ]]; then
        restore_log "instance '$instance' already has a data directory ($PG_DATA); pick a new instance name"
        exit 1
    fi
    mkdir -p "$PG_STATE" "$PG_HOME"
    chmod 700 "$PG_STATE"
    if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$PG_HOME"; fi
    pg_as_owner mkdir -p "$PG_DATA" "$PG_SOCKET"
    pg_as_owner chmod 700 "$PG_DATA" "$PG_SOCKET"
    restore_log "unpacking $backup into $PG_DATA"
    tar -xzf "$backup/base.tar.gz" -C "$PG_DATA"
    tar -xzf "$backup/pg_wal.tar.gz" -C "$PG_DATA/pg_wal"
    {
        if [[ -n "$archive" ]]; then
            echo "restore_command = 'cp \"$(cd "$archive" && pwd)/%f\" \"%p\"'"
        else
            echo "restore_command = '/bin/false'"
        fi
        if [[ -n "$until" ]]; then echo "recovery_target_time = '$until'"; fi
        echo "recovery_target_action = 'promote'"
        # The copy must not archive into the original's archive as if it were that server.
        echo "archive_mode = 'off'"
    } >>"$PG_DATA/postgresql.auto.conf"
    touch "$PG_DATA/recovery.signal"
    if [[ $EUID -eq 0 ]]; then chown -R postgres:postgres "$PG_DATA"; fi
    ln -sfn "$PG_DATA" "$PG_STATE/pgdata"

    restore_log "replaying WAL (instance '$instance', port $port)"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOGFILE" -w -t 600 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_SOCKET -c max_connections=200 -c timezone=UTC" start >/dev/null
    local i
    for i in $(seq 1 600); do
        if [[ "$(pg_as_owner "$PG_BIN/psql" -X -tA -h "$PG_SOCKET" -p "$port" -U postgres -d postgres -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" == "f" ]]; then
            break
        fi
        sleep 1
    done
    # The roles came with the backup; postgres.sh gives them this instance's own passwords.
    pg_start "$instance" "$port"
    restore_log "instance '$instance' restored on 127.0.0.1:$port (log: $PG_LOGFILE)"
}

case "${1:-}" in
    dump) shift; cmd_dump "$@" ;;
    base) shift; cmd_base "$@" ;;
    *) usage ;;
esac
