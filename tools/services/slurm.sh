#!/usr/bin/env bash
# Single-node SLURM 22.05 cluster with accounting (slurmdbd + MariaDB) for the integration tests.
# Follows ../shared/docs/LOCAL-SERVICES.md. Idempotent: installs with apt only what is missing, writes the
# configuration, and starts only the daemons that are not already running. Needs root.
#
#   tools/services/slurm.sh [start]   install if needed, configure, start everything, wait until the node is idle
#   tools/services/slurm.sh status    print which daemons run and what sinfo says; exit 1 if the cluster is not usable
#   tools/services/slurm.sh dbd-stop  stop slurmdbd only (sacct then fails: the tools' fallback path)
#   tools/services/slurm.sh dbd-start start slurmdbd again and wait until sacct answers
#   tools/services/slurm.sh stop      stop slurmd, slurmctld, slurmdbd (MariaDB and munge keep running)
#
# Test settings: MinJobAge=300 (finished jobs stay visible to squeue/scontrol for 5 minutes), MaxArraySize=101
# (forces array splits), partition "short" with MaxTime=1 (time-limit tests) beside the default "debug".
# State, spool, pid files and logs live under $ECOD_SLURM_STATE (default /tmp/ecod-slurm), owned by slurm.
set -euo pipefail

STATE="${ECOD_SLURM_STATE:-/tmp/ecod-slurm}"
HOST="$(hostname)"
# Installed with apt-get install -y when missing (a fresh CI machine has none): slurmctld slurmd slurm-client munge slurmdbd mariadb-server
PACKAGES=(slurmctld slurmd slurm-client munge slurmdbd mariadb-server)
DB_NAME=slurm_acct_db
DB_USER=slurm

log() { echo "slurm.sh: $*" >&2; }
die() { log "$*"; exit 1; }
running() { pgrep -x "$1" >/dev/null 2>&1; }

require_root() { [[ $(id -u) -eq 0 ]] || die "must run as root (it installs packages and starts daemons)"; }

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # Package scripts try to start services through init; without an init system that may fail harmlessly.
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

wait_for() { # seconds description command...
    local seconds=$1 what=$2; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        (( SECONDS < deadline )) || die "timed out after ${seconds}s waiting for $what"
        sleep 0.5
    done
}

start_munge() {
    mkdir -p /run/munge && chown munge:munge /run/munge
    if [[ ! -s /etc/munge/munge.key ]]; then
        mkdir -p /etc/munge
        dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
        chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
    fi
    running munged || runuser -u munge -- /usr/sbin/munged
    wait_for 20 "munge" bash -c 'munge -n | unmunge'
}

db_password() {
    local file="$STATE/dbd.secret"
    if [[ ! -s $file ]]; then
        (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$file")
    fi
    cat "$file"
}

start_mariadb() {
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    if ! running mariadbd && ! running mysqld; then
        [[ -d /var/lib/mysql/mysql ]] || mysql_install_db --user=mysql >/dev/null
        setsid -f mysqld_safe --user=mysql </dev/null >/dev/null 2>&1
    fi
    wait_for 60 "MariaDB" mysqladmin ping
    local pass; pass="$(db_password)"
    mysql -u root <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$pass';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$pass';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
}

prepare_state() {
    mkdir -p "$STATE"/{ctld,spool,log,run}
    chown -R slurm:slurm "$STATE"
    chown root:root "$STATE/spool"   # slurmd runs as root
    chmod 755 "$STATE"
}

write_if_changed() { # path mode owner, content on stdin
    local path=$1 mode=$2 owner=$3 tmp
    tmp="$(mktemp)"
    cat > "$tmp"
    if [[ -f $path ]] && cmp -s "$tmp" "$path"; then rm -f "$tmp"; return 1; fi
    install -D -m "$mode" -o "${owner%:*}" -g "${owner#*:}" "$tmp" "$path"
    rm -f "$tmp"
    return 0
}

write_dbd_conf() {
    write_if_changed /etc/slurm/slurmdbd.conf 600 slurm:slurm <<CONF || true
# Written by EcodMini tools/services/slurm.sh
AuthType=auth/munge
DbdHost=localhost
SlurmUser=slurm
LogFile=$STATE/log/slurmdbd.log
PidFile=$STATE/run/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageUser=$DB_USER
StoragePass=$(db_password)
StorageLoc=$DB_NAME
CONF
}

node_memory_mb() {
    local total; total=$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo)
    local mb=$((total - 1024)); (( mb > 20000 )) && mb=20000; (( mb < 1000 )) && mb=1000
    echo "$mb"
}

write_slurm_conf() {
    write_if_changed /etc/slurm/slurm.conf 644 root:root <<CONF
# Written by EcodMini tools/services/slurm.sh (single-node test cluster)
ClusterName=local
SlurmctldHost=$HOST
SlurmUser=slurm
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/run/slurmctld.pid
SlurmdPidFile=$STATE/run/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=5
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MinJobAge=300
MaxArraySize=101
KillWait=5
NodeName=$HOST CPUs=$(nproc) RealMemory=$(node_memory_mb) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
PartitionName=short Nodes=ALL Default=NO MaxTime=1 State=UP
CONF
}

start_dbd() {
    running slurmdbd || /usr/sbin/slurmdbd </dev/null >/dev/null 2>&1
    wait_for 30 "slurmdbd to accept connections" sacctmgr -n -P list cluster
}

stop_daemon() { # name
    local name=$1 pid
    running "$name" || return 0
    pkill -x "$name" || true
    for _ in $(seq 1 40); do running "$name" || return 0; sleep 0.25; done
    pid=$(pgrep -x "$name" || true)
    [[ -n $pid ]] && kill -9 $pid 2>/dev/null || true
}

node_usable() {
    local state; state=$(sinfo -h -n "$HOST" -o '%t' 2>/dev/null | head -1)
    [[ $state == idle* || $state == mix* || $state == alloc* || $state == comp* ]]
}

start_all() {
    require_root
    local began=$SECONDS
    install_packages
    id slurm >/dev/null 2>&1 || die "user slurm is missing after installing the packages"
    prepare_state
    start_munge
    start_mariadb
    write_dbd_conf
    local changed=0
    write_slurm_conf && changed=1   # before slurmdbd: sacctmgr reads slurm.conf too
    start_dbd
    if running slurmctld && (( changed )); then
        log "slurm.conf changed: reconfiguring"
        scontrol reconfigure || true
    fi
    running slurmctld || /usr/sbin/slurmctld </dev/null >/dev/null 2>&1
    wait_for 30 "slurmctld" scontrol ping
    # Register the cluster in accounting (idempotent; slurmctld also does it on its first start).
    sacctmgr -i add cluster local >/dev/null 2>&1 || true
    running slurmd || /usr/sbin/slurmd </dev/null >/dev/null 2>&1
    local state; state=$(sinfo -h -n "$HOST" -o '%t' 2>/dev/null | head -1 || true)
    if [[ $state == down* || $state == drain* || $state == fail* ]]; then
        scontrol update NodeName="$HOST" State=RESUME >/dev/null 2>&1 || true
    fi
    wait_for 60 "node $HOST to become idle" node_usable
    log "cluster ready in $((SECONDS - began))s (state under $STATE)"
}

status() {
    local ok=0
    for d in munged mariadbd slurmdbd slurmctld slurmd; do
        if running "$d"; then echo "$d: running"; else echo "$d: stopped"; fi
    done
    sinfo 2>&1 || ok=1
    node_usable || ok=1
    return $ok
}

case "${1:-start}" in
    start) start_all ;;
    status) status ;;
    dbd-stop) require_root; stop_daemon slurmdbd; log "slurmdbd stopped" ;;
    dbd-start) require_root; start_dbd; log "slurmdbd running" ;;
    stop) require_root; stop_daemon slurmd; stop_daemon slurmctld; stop_daemon slurmdbd; log "SLURM daemons stopped" ;;
    *) die "unknown command '$1' (start, status, dbd-stop, dbd-start, stop)" ;;
esac
