#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the case-store tests and print its URL, for
#   export CLAIMSIFT_TEST_PG="$(bash .ci/postgres.sh)"
# and stop it afterwards with `bash .ci/postgres.sh stop`.
# Installs Debian's postgresql package when no server is installed (as root, with apt-get), runs the
# server as a non-root user on a free port with trust auth on loopback only, and reuses a cluster it
# started before if that one still answers (idempotent). It fails soft: on any problem it says why on
# stderr, prints nothing on stdout and exits 0, so the PostgreSQL tests skip with a reason instead of CI
# failing on a machine that cannot run a server.
set -u

ROOT="${CLAIMSIFT_PG_DIR:-${TMPDIR:-/tmp}/claimsift-pg}"
DATA="$ROOT/data"
say() { echo "postgres.sh: $*" >&2; }
soft_fail() { say "$*; the PostgreSQL tests will be skipped"; exit 0; }

server_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && echo "$d"; done | sort -V | tail -n 1
}

install_server() {
  [ "$(id -u)" = 0 ] || return 1
  command -v apt-get >/dev/null || return 1
  say "installing postgresql from Debian's packages"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
}

BIN="$(server_bin)"
if [ -z "$BIN" ]; then
  install_server || soft_fail "cannot install postgresql (needs root and apt-get)"
  BIN="$(server_bin)"
fi
[ -n "$BIN" ] || soft_fail "no PostgreSQL server binaries under /usr/lib/postgresql"

# The server refuses to run as root: use the package's postgres user, or make a system user for it.
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  RUN_AS=postgres
  if ! id "$RUN_AS" >/dev/null 2>&1; then
    RUN_AS=claimsift-pg
    id "$RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home "$RUN_AS" >&2 || soft_fail "cannot create a user to run the server"
  fi
  as_user() { runuser -u "$RUN_AS" -- "$@"; }
fi

url_for() { echo "postgresql://postgres@127.0.0.1:$1/postgres"; }

if [ "${1:-}" = stop ]; then
  [ -f "$DATA/postmaster.pid" ] && as_user "$BIN/pg_ctl" stop -D "$DATA" -m fast >/dev/null 2>&1
  exit 0
fi

# Reuse a cluster this script started earlier when it still answers.
if [ -f "$ROOT/port" ] && [ -f "$DATA/postmaster.pid" ]; then
  PORT="$(cat "$ROOT/port")"
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 3; then
    url_for "$PORT"
    exit 0
  fi
  as_user "$BIN/pg_ctl" stop -D "$DATA" -m immediate >/dev/null 2>&1
fi

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')" \
  || soft_fail "cannot find a free port"
rm -rf "$ROOT" && mkdir -p "$ROOT" || soft_fail "cannot make $ROOT"
[ "$(id -u)" = 0 ] && chown "$RUN_AS" "$ROOT"
as_user "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-sync >"$ROOT/initdb.log" 2>&1 \
  || soft_fail "initdb failed (see $ROOT/initdb.log)"
as_user "$BIN/pg_ctl" start -D "$DATA" -w -t 30 -l "$ROOT/server.log" \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$ROOT -c fsync=off" >/dev/null 2>&1 \
  || soft_fail "the server did not start (see $ROOT/server.log)"
echo "$PORT" >"$ROOT/port"
"$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 10 || soft_fail "the server does not answer on port $PORT"
say "PostgreSQL running on 127.0.0.1:$PORT (data in $DATA)"
url_for "$PORT"
