#!/usr/bin/env bash
# Real service restarts for bench/rehearsal (run as root; each leaves its service running again):
#   bench/rehearsal-faults.sh slurmctld <job-name> <down-seconds>
#       waits until tasks named <job-name> are queued or running, stops slurmctld (its pid file), keeps it down for
#       <down-seconds>, starts it again with its saved state, and waits until it answers. Prints one line of figures.
#   bench/rehearsal-faults.sh postgres <database>
#       waits until the import has committed rows into <database> (ECOD_TEST_PG_* name the server), restarts the
#       server (fast shutdown: open connections are cut), waits until it accepts connections. Prints one line.
set -euo pipefail
wait_for() { local seconds=$1; shift; local deadline=$((SECONDS + seconds)); until "$@" >/dev/null 2>&1; do (( SECONDS < deadline )) || return 1; sleep 0.2; done; }

slurmctld_restart() {
    local name=$1 down=$2 pidfile pid queued
    pidfile=$(/usr/bin/scontrol show config | awk -F'= ' '/^SlurmctldPidFile/ {print $2}')
    wait_for 300 bash -c "[ -n \"\$(/usr/bin/squeue --noheader --name '$name' --format=%i)\" ]" || { echo "slurmctld: no task of $name queued"; exit 1; }
    queued=$(/usr/bin/squeue --noheader --array --name "$name" --format=%i | wc -l)
    pid=$(cat "$pidfile")
    kill -TERM "$pid"
    wait_for 60 bash -c "! kill -0 $pid" || { echo "slurmctld $pid did not stop"; exit 1; }
    local stopped=$SECONDS
    sleep "$down"
    /usr/sbin/slurmctld </dev/null >/dev/null 2>&1
    wait_for 60 /usr/bin/scontrol ping || { echo "slurmctld did not come back"; exit 1; }
    echo "slurmctld restarted: down $((SECONDS - stopped)) s with $queued task(s) queued or running"
}

postgres_restart() {
    local database=$1 rows=0
    export PGPASSWORD="$ECOD_TEST_PG_PASSWORD"
    count() { psql -X -tA -h "$ECOD_TEST_PG_HOST" -p "${ECOD_TEST_PG_PORT:-5432}" -U "$ECOD_TEST_PG_USER" -d "$database" \
                   -c 'SELECT count(*) FROM pdb_analysis.partition_proteins' 2>/dev/null || echo 0; }
    local deadline=$((SECONDS + 300))
    until rows=$(count); (( rows > 0 )); do (( SECONDS < deadline )) || { echo "postgres: no row imported"; exit 1; }; sleep 0.1; done
    local began=$SECONDS
    if command -v pg_lsclusters >/dev/null && pg_lsclusters -h | awk '$1 == "15" && $2 == "main" && $4 == "online"' | grep -q .; then
        pg_ctlcluster 15 main restart -m fast
    else
        local dir="${ECOD_TEST_PG_DIR:-/tmp/ecodmini-pg}"
        runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$dir/data" -m fast -w restart >/dev/null
    fi
    wait_for 60 pg_isready -q -h "$ECOD_TEST_PG_HOST" -p "${ECOD_TEST_PG_PORT:-5432}" || { echo "postgres did not come back"; exit 1; }
    echo "postgres restarted after $rows chain(s) were in: down about $((SECONDS - began)) s"
}

case "${1:-}" in
    slurmctld) slurmctld_restart "$2" "$3" ;;
    postgres) postgres_restart "$2" ;;
    *) echo "usage: $0 slurmctld <job-name> <down-seconds> | postgres <database>" >&2; exit 2 ;;
esac
