#!/usr/bin/env bash
# Backups of the NonTaxGrains database (docs/operations.md "Backup and restore").
#
#   bash deploy/local/backup.sh dump [--out DIR]        # logical backup (pg_dump, custom format): a small site
#   bash deploy/local/backup.sh base [--out DIR]        # physical base backup (pg_basebackup) of the whole instance
#   bash deploy/local/backup.sh archive-on ARCHIVE_DIR  # turn on WAL archiving into ARCHIVE_DIR (production)
#   bash deploy/local/backup.sh archive-status          # what the instance archived last, and failures
#
# Which server: the local instance of deploy/local/postgres.sh (NONTAX_INSTANCE, default dev, on
# port NONTAX_PG_PORT, default 55432), or any server named by the standard libpq variables when
# PGHOST is set (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD or ~/.pgpass). `dump` needs a
# role that can read every table (the owner, nontax_owner); `base` needs a role with REPLICATION
# (locally the postgres superuser over the private socket).
#
# A dump is a consistent snapshot as of the moment pg_dump's transaction starts: everything
# committed before that moment is in it, nothing committed later is. Files are written mode 600:
# they hold personal data and the peers' token ciphertext (useless without Security:TokenKey,
# which is never in a backup; keep that key in a separate safe place).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/postgres.sh
source "$repo/deploy/local/postgres.sh"

backup_log() { echo "[backup] $*" >&2; }

usage() {
    sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Sets libpq variables for the chosen server; LOCAL=yes when it is a postgres.sh instance.
backup_target() {
    PG_BIN="$(pg_find_bin)"
    if [[ -n "${PGHOST:-}" ]]; then
        LOCAL=""
        export PGPORT="${PGPORT:-5432}" PGDATABASE="${PGDATABASE:-$NONTAX_DB}"
        return
    fi
    LOCAL=yes
    local instance="${NONTAX_INSTANCE:-dev}"
    PG_PORT="${NONTAX_PG_PORT:-55432}"
    pg_paths "$instance"
    if [[ ! -f "$PG_SECRETS" ]]; then
        backup_log "no instance '$instance' in $PG_STATE (set NONTAX_INSTANCE/NONTAX_PG_PORT, or PGHOST and friends)"
        exit 1
    fi
    # shellcheck disable=SC1090
    source "$PG_SECRETS"
    export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGDATABASE="$NONTAX_DB" PGUSER="$NONTAX_OWNER_ROLE"
    export PGPASSWORD="$NONTAX_OWNER_PASSWORD"
}

out_dir() {
    local dir="${1:-$repo/.state/backups}"
    mkdir -p "$dir"
    chmod 700 "$dir"
    (cd "$dir" && pwd)
}

stamp() { date -u +%Y%m%dT%H%M%SZ; }

cmd_dump() {
    local out=""
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --out) out="$2"; shift 2 ;;
            *) usage ;;
        esac
    done
    backup_target
    out="$(out_dir "$out")"
    local file="$out/$PGDATABASE-$(stamp).dump"
    backup_log "dumping database $PGDATABASE on $PGHOST:$PGPORT to $file"
    # No owners and no grants in the file: a restore makes the restoring owner own everything and
    # the migrator grants each process role again, so a dump restores into any instance.
    (umask 077; "$PG_BIN/pg_dump" --format=custom --compress=6 --no-owner --no-privileges \
        --file="$file.partial" "$PGDATABASE")
    mv "$file.partial" "$file"
    (cd "$out" && umask 077 && sha256sum "$(basename "$file")" >"$(basename "$file").sha256")
    backup_log "done: $(du -h "$file" | cut -f1) (checksum in $file.sha256)"
    echo "$file"
}

cmd_base() {
    local out=""
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --out) out="$2"; shift 2 ;;
            *) usage ;;
        esac
    done
    backup_target
    out="$(out_dir "$out")"
    local dir="$out/base-$(stamp)"
    backup_log "base backup of $PGHOST:$PGPORT to $dir"
    # Tar format, compressed, with the WAL needed to make it consistent streamed alongside: the
    # backup alone restores to the moment it ended; with the WAL archive, to any later moment.
    if [[ -n "$LOCAL" ]]; then
        # The server's user writes it next to the cluster (it may not enter the operator's
        # directories), then it moves to the backup directory and to the operator.
        local staging="$PG_HOME/base-backup-$$"
        pg_as_owner "$PG_BIN/pg_basebackup" -h "$PG_SOCKET" -p "$PG_PORT" -U postgres \
            -D "$staging" --format=tar --gzip --wal-method=stream --checkpoint=fast --label="nontax $(stamp)"
        mv "$staging" "$dir"
        if [[ $EUID -eq 0 ]]; then
            chown -R "$(id -u):$(id -g)" "$dir"
        fi
    else
        (umask 077; "$PG_BIN/pg_basebackup" -D "$dir" --format=tar --gzip --wal-method=stream \
            --checkpoint=fast --label="nontax $(stamp)")
    fi
    chmod -R go-rwx "$dir"
    (cd "$dir" && sha256sum ./*.tar.gz >SHA256SUMS)
    backup_log "done: $(du -sh "$dir" | cut -f1)"
    echo "$dir"
}

cmd_archive_on() {
    [[ $# -eq 1 ]] || usage
    local archive="$1"
    backup_target
    mkdir -p "$archive"
    archive="$(cd "$archive" && pwd)"
    if [[ -n "$LOCAL" && $EUID -eq 0 ]]; then
        chown postgres:postgres "$archive"
    fi
    chmod 700 "$archive"
    # The command never overwrites a segment already archived (a second copy of a name means two
    # servers archive to one place: fail loudly instead) and copies through a temporary name so a
    # half-written segment is never taken for a whole one.
    local command="test ! -f '$archive/%f' && cp '%p' '$archive/%f.tmp' && mv '$archive/%f.tmp' '$archive/%f'"
    # One statement per -c: ALTER SYSTEM refuses to run inside the implicit transaction of a
    # multi-statement string.
    local settings=(-c "ALTER SYSTEM SET wal_level = 'replica'" -c "ALTER SYSTEM SET archive_mode = 'on'"
        -c "ALTER SYSTEM SET archive_timeout = '60s'" -c "ALTER SYSTEM SET archive_command = \$cmd\$$command\$cmd\$")
    if [[ -n "$LOCAL" ]]; then
        pg_psql "${settings[@]}" >/dev/null
        backup_log "archiving configured into $archive; restarting instance '${NONTAX_INSTANCE:-dev}' (archive_mode needs it)"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w restart >/dev/null
        pg_psql -c "SELECT pg_switch_wal()" >/dev/null
    else
        "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "${settings[@]}"
        backup_log "archiving configured into $archive on $PGHOST; restart the server once for archive_mode to take effect"
    fi
    echo "$archive"
}

cmd_archive_status() {
    backup_target
    local query="SELECT archived_count, last_archived_wal, last_archived_time, failed_count, last_failed_wal, last_failed_time FROM pg_stat_archiver"
    if [[ -n "$LOCAL" ]]; then
        pg_psql -c "$query"
    else
        "$PG_BIN/psql" -X -c "$query"
    fi
}

case "${1:-}" in
    dump) shift; cmd_dump "$@" ;;
    base) shift; cmd_base "$@" ;;
    archive-on) shift; cmd_archive_on "$@" ;;
    archive-status) shift; cmd_archive_status "$@" ;;
    *) usage ;;
esac
