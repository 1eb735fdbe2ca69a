#!/usr/bin/env bash
# The civil-affairs bench (issue 13): a throw-away host on PostgreSQL (database guanjia_casework), bulk-loaded with PEOPLE case
# files and MONTHS months of visits and visit deadlines (bench/casework-load.sql), then the visit list and the month's figures
# through the HTTP API (Guanjia.Bench --casework) and the same queries raw in psql (bench/casework-raw.sql).
# Usage: bench/casework.sh [PEOPLE=1000000] [MONTHS=12] [bench options...]   (see bench/README.md)
set -euo pipefail

PEOPLE="${1:-1000000}"
MONTHS="${2:-12}"
shift $(( $# > 2 ? 2 : $# ))
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST_BIN=/tmp/gj-casework-host
PORT=5092
PG="Host=127.0.0.1;Port=5432;Username=guanjia;Password=guanjia"
export PGPASSWORD=guanjia
PSQL=(psql -X -q -h 127.0.0.1 -U guanjia)

[[ -f "$ROOT/src/Guanjia.Web/bin/Debug/net10.0/Guanjia.Web.dll" ]] || dotnet build "$ROOT/src/Guanjia.Web" -p:GuanjiaSkipWeb=true
rm -rf "$HOST_BIN"
cp -r "$ROOT/src/Guanjia.Web/bin/Debug/net10.0" "$HOST_BIN"
dotnet build "$ROOT/bench/Guanjia.Bench" -c Release -v quiet -nologo >/dev/null
"${PSQL[@]}" -d postgres -c 'DROP DATABASE IF EXISTS guanjia_casework WITH (FORCE)' -c 'CREATE DATABASE guanjia_casework'

WORK=$(mktemp -d /tmp/gj-casework-XXXXXX)
start_host() {
    (cd "$WORK" && exec env ASPNETCORE_ENVIRONMENT=Development Demo__Samples=false Jobs__Enabled=false Database__Provider=Postgres \
        "ConnectionStrings__Guanjia=$PG;Database=guanjia_casework" dotnet "$HOST_BIN/Guanjia.Web.dll" --urls "http://127.0.0.1:$PORT" \
        --contentRoot "$HOST_BIN" >>"$WORK/host.log" 2>&1) &
    HOST_PID=$!
    for _ in $(seq 1 90); do
        curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
        kill -0 "$HOST_PID" 2>/dev/null || { cat "$WORK/host.log"; exit 1; }
        sleep 1
    done
    echo "host did not start" >&2; exit 1
}
start_host
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true' EXIT

echo "loading $PEOPLE people, $MONTHS months of visits …"
SECONDS=0
"${PSQL[@]}" -d guanjia_casework -v people="$PEOPLE" -v months="$MONTHS" -f "$ROOT/bench/casework-load.sql"
echo "loaded in ${SECONDS}s"
"${PSQL[@]}" -d guanjia_casework -c "SELECT pg_size_pretty(pg_database_size('guanjia_casework')) AS database_size"

LAST=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y%m)
dotnet "$ROOT/bench/Guanjia.Bench/bin/Release/net10.0/Guanjia.Bench.dll" --url "http://127.0.0.1:$PORT" --label "postgres casework" \
    --casework "$LAST" --reads 200 --verifies 20 --warmup 10 "$@" || true

TOWN=$("${PSQL[@]}" -d guanjia_casework -At -c "SELECT id FROM organizations WHERE name = '东城街道'")
TPATH=$("${PSQL[@]}" -d guanjia_casework -At -c "SELECT path FROM organizations WHERE name = '东城街道'")
echo
echo "## raw PostgreSQL (psql, same queries, month $LAST)"
"${PSQL[@]}" -d guanjia_casework -v month="$LAST" -v town="$TOWN" -v tpath="$TPATH" -f "$ROOT/bench/casework-raw.sql" \
    | grep -E '^(Time|visit|figures|plans| *->| *Limit| *Index| *Sort| *Group| *Hash| *Finalize| *Gather| *Partial| *Filter| *Index Cond)' || true
echo "host log: $WORK/host.log"
