#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a free loopback port and prints the exports to use it:
#   eval "$(bash ci/pg-up.sh)"
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi
DIR=$(mktemp -d -t pgci.XXXXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$DIR"   # initdb refuses to run as root
  AS="runuser -u postgres --"
else
  AS=""
fi
$AS "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
$AS "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
echo "export PGCI_DIR=$DIR PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres"
echo "export ConnectionStrings__Postgres='Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres'"
