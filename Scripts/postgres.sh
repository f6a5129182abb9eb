#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server:
#   Scripts/postgres.sh COMMAND [ARGUMENT ...]
#
# Finds PostgreSQL's server binaries (installing Debian's `postgresql` package where they are missing
# and the user is root), creates a cluster in a temporary directory, starts it listening on a Unix
# socket in that directory only (no TCP), runs the command with PGHOST, PGPORT, PGDATABASE, PGUSER and
# QAF_POSTGRES (a libpq connection string) set, then stops the server and removes the directory,
# whether the command succeeded or not. The command's exit status is the script's.
#
# Environment: QAF_POSTGRES_BIN, a directory holding initdb and pg_ctl, overrides the search.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: Scripts/postgres.sh COMMAND [ARGUMENT ...]" >&2
    exit 64
fi

find_binaries() {
    if [ -n "${QAF_POSTGRES_BIN:-}" ] && [ -x "$QAF_POSTGRES_BIN/initdb" ]; then
        echo "$QAF_POSTGRES_BIN"
        return 0
    fi
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return 0
    fi
    local directory
    for directory in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) \
        /opt/homebrew/opt/postgresql*/bin /usr/local/opt/postgresql*/bin /usr/local/pgsql/bin; do
        if [ -x "$directory/initdb" ]; then
            echo "$directory"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

if ! bin=$(find_binaries); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "postgres.sh: PostgreSQL's server is missing; installing Debian's postgresql and libpq-dev" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql libpq-dev >/dev/null \
            || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql libpq-dev >/dev/null; }
        bin=$(find_binaries) || { echo "postgres.sh: installed postgresql but found no initdb" >&2; exit 69; }
    else
        echo "postgres.sh: no PostgreSQL server binaries (initdb, pg_ctl) found; install PostgreSQL" \
            "(Debian: apt-get install postgresql libpq-dev) or set QAF_POSTGRES_BIN" >&2
        exit 69
    fi
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/qaf-postgres.XXXXXX")
# The server refuses to run as root: the cluster belongs to an unprivileged user when we are root.
owner=$(id -un)
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    owner=postgres
    id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    chown "$owner" "$root"
    chmod 755 "$root"
    as_owner() { runuser -u "$owner" -- "$@"; }
fi
data="$root/data"
socket="$root"
port=5432
started=0

cleanup() {
    local status=$?
    if [ "$started" = 1 ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$root"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_owner "$bin/initdb" -D "$data" -U "$owner" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; exit 70; }
# Unix socket only: listen_addresses is empty, so nothing listens on TCP.
as_owner "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$socket' -p $port -c fsync=on" start >/dev/null \
    || { cat "$root/server.log" >&2; exit 70; }
started=1
as_owner "$bin/createdb" -h "$socket" -p "$port" -U "$owner" qaf

export PGHOST="$socket" PGPORT="$port" PGUSER="$owner" PGDATABASE=qaf
export QAF_POSTGRES="host=$socket port=$port user=$owner dbname=qaf"
export QAF_POSTGRES_BIN="$bin"
echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | grep -oE '[0-9]+\.[0-9]+' | head -1) on $socket (no TCP)" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
