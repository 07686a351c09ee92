#!/usr/bin/env bash
# A throw-away PostgreSQL server for the connectors' SQL tests (Debian's `postgresql` binaries).
#   url=$(bash scripts/pg-test-server.sh start DIR)   # initdb in DIR, start on 127.0.0.1:<free port>, print the URL
#   bash scripts/pg-test-server.sh stop DIR           # stop it and delete DIR
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user (or `nobody`).
# Trust authentication on loopback only; the data directory is deleted on stop.
set -euo pipefail
cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test-server: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
  exit 1
fi
as_user() {
  if [ "$(id -u)" = "0" ]; then
    local u=postgres
    id -u postgres >/dev/null 2>&1 || u=nobody
    runuser -u "$u" -- "$@"
  else
    "$@"
  fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    mkdir -p "$dir/data"
    if [ "$(id -u)" = "0" ]; then
      u=postgres
      id -u postgres >/dev/null 2>&1 || u=nobody
      chown "$u" "$dir" "$dir/data"
    fi
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_user "$bin/initdb" -D "$dir/data" -U crmkit --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://crmkit@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
