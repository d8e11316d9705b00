#!/usr/bin/env bash
# Starts a PostgreSQL 15 server on loopback for the tests and prints its connection as shell exports:
#   eval "$(tools/services/postgres.sh)"
# Idempotent: a running server is reused, the test role and database are created only when missing.
# Uses the stock cluster (pg_ctlcluster 15 main) when it exists; otherwise a throw-away initdb cluster under
# ${ECOD_TEST_PG_DIR:-/tmp/ecodmini-pg} (also when ECOD_TEST_PG_CLUSTER=initdb). Progress goes to stderr; stdout holds only the export lines.
# Run as root (CI) or as the postgres user. Installs postgresql-15 with apt when it is missing.
set -euo pipefail

role="${ECOD_TEST_PG_USER:-ecodmini_test}"
password="${ECOD_TEST_PG_PASSWORD:-ecodmini_test_pw}"
database="${ECOD_TEST_PG_DATABASE:-ecodmini_test}"
host=127.0.0.1
log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  log "PostgreSQL 15 is not installed: installing postgresql-15 with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql-15 >&2
fi
bin=/usr/lib/postgresql/15/bin

if [ "${ECOD_TEST_PG_CLUSTER:-stock}" = stock ] && command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main"' | grep -q .; then
  port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $3 }')
  if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $4 }' | grep -q online; then
    log "starting the stock cluster 15/main on port $port"
    pg_ctlcluster 15 main start >&2
  fi
  socket=/var/run/postgresql
else
  dir="${ECOD_TEST_PG_DIR:-/tmp/ecodmini-pg}"
  port="${ECOD_TEST_PG_PORT:-54329}"
  socket="$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "creating a throw-away cluster in $dir/data"
    mkdir -p "$dir"
    chown postgres:postgres "$dir" 2>/dev/null || true
    as_postgres "$bin/initdb" -D "$dir/data" --auth-local=peer --auth-host=scram-sha-256 -U postgres >/dev/null
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "starting the throw-away cluster on $host:$port"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=$host" start >&2
  fi
fi

for _ in $(seq 1 30); do
  as_postgres "$bin/pg_isready" -q -h "$socket" -p "$port" && break
  sleep 1
done
as_postgres "$bin/pg_isready" -q -h "$socket" -p "$port" || { log "server on port $port did not become ready"; exit 1; }

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres -d postgres "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
  log "creating role $role"
  psql_admin -c "CREATE ROLE \"$role\" LOGIN CREATEDB PASSWORD '$password'"
else
  psql_admin -c "ALTER ROLE \"$role\" LOGIN CREATEDB PASSWORD '$password'"
fi
# Tests drop their databases WITH (FORCE), which must also end an autovacuum worker that happens to be in them.
psql_admin -c "GRANT pg_signal_backend TO \"$role\"" 2>/dev/null
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  log "creating database $database"
  psql_admin -c "CREATE DATABASE \"$database\" OWNER \"$role\""
fi
log "ready: $role@$host:$port/$database"

cat <<OUT
export ECOD_TEST_PG_HOST='$host'
export ECOD_TEST_PG_PORT='$port'
export ECOD_TEST_PG_USER='$role'
export ECOD_TEST_PG_PASSWORD='$password'
export ECOD_TEST_PG_DATABASE='$database'
OUT
