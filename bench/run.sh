#!/usr/bin/env bash
# Starts a throw-away Guanjia host on 127.0.0.1:5090 with a fresh database, drives it with Guanjia.Bench,
# then stops it. Usage: bench/run.sh sqlite|postgres [bench options...]   (see bench/README.md)
#
# The host runs from a copy of the built output (/tmp/gj-bench-host), so the bench never builds or locks
# the solution's own bin/obj folders. PostgreSQL: the role guanjia/guanjia on 127.0.0.1:5432 (as .ci/run
# creates it) gets a fresh database guanjia_bench.
set -euo pipefail

DB="${1:-}"
[[ "$DB" == sqlite || "$DB" == postgres ]] || { echo "usage: bench/run.sh sqlite|postgres [bench options]" >&2; exit 2; }
shift

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST_BIN=/tmp/gj-bench-host
PORT=5090
PG="Host=127.0.0.1;Port=5432;Username=guanjia;Password=guanjia"

if [[ ! -f "$ROOT/src/Guanjia.Web/bin/Debug/net10.0/Guanjia.Web.dll" ]]; then
    dotnet build "$ROOT/src/Guanjia.Web"
fi
rm -rf "$HOST_BIN"
cp -r "$ROOT/src/Guanjia.Web/bin/Debug/net10.0" "$HOST_BIN"
dotnet build "$ROOT/bench/Guanjia.Bench" -c Release -v quiet -nologo >/dev/null

WORK=$(mktemp -d /tmp/gj-bench-XXXXXX)
env_args=(ASPNETCORE_ENVIRONMENT=Development)
if [[ "$DB" == postgres ]]; then
    export PGPASSWORD=guanjia
    psql -X -q -h 127.0.0.1 -U guanjia -d postgres -c 'DROP DATABASE IF EXISTS guanjia_bench WITH (FORCE)' -c 'CREATE DATABASE guanjia_bench'
    env_args+=(Database__Provider=Postgres "ConnectionStrings__Guanjia=$PG;Database=guanjia_bench")
fi

# --contentRoot: appsettings*.json are read from the content root, which is otherwise the working directory.
# The working directory stays $WORK, so the SQLite file lands in $WORK/data/guanjia.db.
(cd "$WORK" && exec env "${env_args[@]}" dotnet "$HOST_BIN/Guanjia.Web.dll" --urls "http://127.0.0.1:$PORT" \
    --contentRoot "$HOST_BIN" >"$WORK/host.log" 2>&1) &
HOST_PID=$!
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    kill -0 "$HOST_PID" 2>/dev/null || { cat "$WORK/host.log"; exit 1; }
    sleep 1
done

dotnet "$ROOT/bench/Guanjia.Bench/bin/Release/net10.0/Guanjia.Bench.dll" --url "http://127.0.0.1:$PORT" --label "$DB" "$@"
echo "host log: $WORK/host.log"
