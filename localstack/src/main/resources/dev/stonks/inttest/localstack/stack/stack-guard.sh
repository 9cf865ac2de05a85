#!/usr/bin/env bash
# The guard of one local stack: the backstop for an owner (the CLI) killed with SIGKILL.
#
#   stack-guard.sh STACK_DIR OWNER_PID OWNER_START_TICKS [GRACE_SECONDS]
#
# Waits until the owner process is gone (its pid no longer runs with the recorded start ticks, field 22 of
# /proc/<pid>/stat), then gives the stack's services up to GRACE_SECONDS (60) to cancel their runs, tear down and
# exit on their own, SIGKILLs each service of STACK_DIR/stack.pids that is still the very process recorded, stops
# the broker and the other components (PostgreSQL, the S3 store: SIGTERM, SIGKILL after 15 s), deletes STACK_DIR/kafka
# and STACK_DIR/components (a resident stack keeps its data outside STACK_DIR) and marks the stack closed. Exits at once when
# STACK_DIR/closed appears (the stack was stopped normally).
set -u

dir=$1
owner_pid=$2
owner_ticks=$3
grace=${4:-60}
pids_file=$dir/stack.pids
closed=$dir/closed

log() { echo "[$(date -u +%Y-%m-%dT%H:%M:%SZ)] guard: $*"; }

# start ticks of a live process (not a zombie); fails when there is none
ticks_of() {
    local stat rest
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    rest=${stat##*) }
    # shellcheck disable=SC2086
    set -- $rest
    [[ $1 == Z || $1 == X ]] && return 1
    echo "${20}"
}

# whether pid $1 is still the process that started at ticks $2
same() {
    local t
    t=$(ticks_of "$1") && [[ $t == "$2" ]]
}

# the recorded lines of one kind still running: "name pid ticks" each
running() {
    local kind name pid ticks
    [[ -f $pids_file ]] || return 0
    while read -r kind name pid ticks; do
        if [[ $kind == "$1" ]] && same "$pid" "$ticks"; then
            echo "$name $pid $ticks"
        fi
    done < "$pids_file"
}

closed_exit() {
    log "stack closed; exiting"
    exit 0
}

log "watching owner pid $owner_pid of $dir"
while same "$owner_pid" "$owner_ticks"; do
    [[ -e $closed ]] && closed_exit
    sleep 1
done
[[ -e $closed ]] && closed_exit

log "owner pid $owner_pid is gone; the services have ${grace} s to exit"
deadline=$((SECONDS + grace))
while (( SECONDS < deadline )); do
    [[ -e $closed ]] && closed_exit
    [[ -z $(running service) ]] && break
    sleep 1
done

while read -r name pid ticks; do
    [[ -z $name ]] && continue
    # look again right before the signal: never a recycled pid
    if same "$pid" "$ticks"; then
        log "SIGKILL $name (pid $pid)"
        kill -KILL "$pid" 2>/dev/null
    fi
done < <(running service)

# stops one recorded process: SIGTERM, SIGKILL after 15 s
stop_gently() {
    local name=$1 pid=$2 ticks=$3
    if same "$pid" "$ticks"; then
        log "stopping $name (pid $pid)"
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 150); do
            same "$pid" "$ticks" || break
            sleep 0.1
        done
        if same "$pid" "$ticks"; then
            log "SIGKILL $name (pid $pid)"
            kill -KILL "$pid" 2>/dev/null
        fi
    fi
}

while read -r name pid ticks; do
    [[ -z $name ]] && continue
    stop_gently "$name" "$pid" "$ticks"
done < <(running kafka; running component)

rm -rf -- "$dir/kafka" "$dir/components"
echo "cleaned up by the guard after owner pid $owner_pid was gone" > "$closed"
log "done"
