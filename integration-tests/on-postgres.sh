#!/usr/bin/env bash
# Runs the tests (./mvnw verify, or what the arguments select) with the suite server, the one most integration
# tests share, on PostgreSQL instead of H2: a PostgreSQL of its own from Debian's postgresql package (initdb +
# pg_ctl in integration-tests/target/suite-postgres, port IT_SUITE_PG_PORT or 25433), stopped at the end.
# PostgresIT and ScaleOutIT run on PostgreSQL in every ./mvnw verify already; this runs all the others there too
# (not in CI: it doubles the suite's time).   Usage: integration-tests/on-postgres.sh [maven arguments]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
folder=$root/integration-tests/target/suite-postgres
port=${IT_SUITE_PG_PORT:-25433}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { echo "needs Debian's postgresql package (initdb, pg_ctl)" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$folder" && mkdir -p "$folder"
[ "$(id -u)" != 0 ] || chown postgres "$folder"
as_postgres "$pg_bin/initdb" -D "$folder/data" -U p2p -A trust -E UTF8 --no-sync > "$folder/initdb.log"
as_postgres "$pg_bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-p $port -k $folder -c listen_addresses=localhost -c fsync=off" start > /dev/null
trap 'as_postgres "$pg_bin/pg_ctl" -D "$folder/data" -m fast stop > /dev/null || true' EXIT
as_postgres "$pg_bin/createdb" -h localhost -p "$port" -U p2p p2p
cd "$root"
./mvnw -B verify "-Dit.suite.database=-Dp2p.db.driver=postgresql -Dp2p.db.url=jdbc:postgresql://localhost:$port/p2p -Dp2p.db.user=p2p -Dp2p.db.password=p2p" "$@"
