#!/usr/bin/env bash
# Stops and removes a server started by pg-up.sh: bash ci/pg-down.sh "$PGCI_DIR"
set -u
DIR=${1:-}
[ -n "$DIR" ] && [ -d "$DIR" ] || exit 0
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ "$(id -u)" = 0 ]; then AS="runuser -u postgres --"; else AS=""; fi
$AS "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$DIR"
