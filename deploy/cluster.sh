#!/usr/bin/env bash
# Receta as several nodes behind nginx, on one machine: PostgreSQL, three nodes (Production, one
# database) and nginx with deploy/nginx/receta.conf in front of them, ending TLS with a self-signed
# certificate. Everything listens on 127.0.0.1 and lives in one folder, removed again on stop.
#
#   deploy/cluster.sh start        start it all in the background and say where it is
#   deploy/cluster.sh status       each process, and each node's /healthz
#   deploy/cluster.sh kill N       kill -9 node N (1, 2, 3): see nginx take it out
#   deploy/cluster.sh revive N     start node N again
#   deploy/cluster.sh stop         stop it all and remove the folder
#   deploy/cluster.sh run          start, wait for Ctrl-C, stop
#
# Settings (environment):
#   RECETA_CLUSTER_DIR  the folder (default ${TMPDIR:-/tmp}/receta-cluster)
#   RECETA_NODES        how many nodes (3)
#   RECETA_HTTPS_PORT   nginx's port (8443; a free one when taken), RECETA_NODE_PORT the first node's (5001)
#   RECETA_APP          a published Receta.Web to run instead of publishing src/Receta.Web here
#   RECETA_DEMO         seed José's demo journey (true)
#   RECETA_GC_SERVER    1 for the Server GC in each node (0: the workstation GC, for nodes sharing cores)
#   RECETA_KEEP=1       keep the folder (logs, database) on stop
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${RECETA_CLUSTER_DIR:-${TMPDIR:-/tmp}/receta-cluster}
state=$dir/cluster.env
started_ok=0

say() { printf 'cluster: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "installing needs root or sudo: $*"
    fi
}

# PostgreSQL refuses to run as root: as root its tools run as the postgres user.
as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
    local bin
    for bin in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        [[ -x $bin/initdb ]] && { echo "$bin"; return; }
    done
    return 1
}

install_missing() {
    local missing=()
    command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
    pg_bin >/dev/null || missing+=(postgresql)
    command -v openssl >/dev/null || missing+=(openssl)
    command -v curl >/dev/null || missing+=(curl)
    command -v runuser >/dev/null || missing+=(util-linux)
    if ((${#missing[@]})); then
        say "installing ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    fi
    command -v dotnet >/dev/null || [[ -n ${RECETA_APP:-} ]] || die "the .NET SDK (see global.json) is not installed"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The wanted port when it is free, otherwise any free one.
pick_port() {
    local port=$1
    while port_taken "$port" || [[ " ${picked:-} " == *" $port "* ]]; do
        port=$((20000 + RANDOM % 30000))
    done
    picked="${picked:-} $port"
    echo "$port"
}

load_state() {
    [[ -f $state ]] || die "no cluster in $dir (start one with: $0 start)"
    # shellcheck source=/dev/null
    source "$state"
}

save() { echo "$1=$2" >>"$state"; }

alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

wait_healthy() { # url pid log
    local url=$1 pid=$2 log=$3 deadline=$((SECONDS + 180))
    until curl -fs -o /dev/null --max-time 5 ${4:+--cacert "$4"} "$url"; do
        if [[ -n $pid ]] && ! alive "$pid"; then
            tail -n 40 "$log" >&2 || true
            die "the process behind $url died; its log is $log"
        fi
        ((SECONDS < deadline)) || die "$url did not answer within 180 s; see $log"
        sleep 1
    done
}

start_postgres() {
    local bin port
    bin=$(pg_bin) || die "PostgreSQL's server binaries were not found under /usr/lib/postgresql"
    port=$(pick_port 55432)
    mkdir -p "$dir/pg/sockets" "$dir/pg/log"
    if [[ $(id -u) -eq 0 ]]; then
        chown -R postgres: "$dir/pg"
        runuser -u postgres -- test -x "$dir/pg" || die "the postgres user cannot reach $dir: every folder above it must be searchable (chmod 755)"
    fi
    as_postgres "$bin/initdb" -D "$dir/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-instructions >"$dir/pg/log/initdb.log"
    as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log/postgres.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k '$dir/pg/sockets' -c max_connections=300" start >/dev/null
    save pg_bin "$bin"
    save pg_port "$port"
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -c "CREATE ROLE receta LOGIN" -c "CREATE DATABASE receta OWNER receta" >/dev/null
    say "PostgreSQL on 127.0.0.1:$port (database receta, role receta)"
}

publish() {
    if [[ -n ${RECETA_APP:-} ]]; then
        [[ -f $RECETA_APP/Receta.Web.dll ]] || die "RECETA_APP=$RECETA_APP holds no Receta.Web.dll"
        save app "$(cd "$RECETA_APP" && pwd)"
        return
    fi
    say "publishing src/Receta.Web (Release) into $dir/app"
    dotnet publish "$repo/src/Receta.Web" -c Release -o "$dir/app" --nologo -v quiet >"$dir/publish.log" 2>&1 \
        || { tail -n 30 "$dir/publish.log" >&2; die "publishing failed; see $dir/publish.log"; }
    save app "$dir/app"
}

make_certificate() {
    mkdir -p "$dir/tls"
    openssl req -x509 -newkey rsa:2048 -sha256 -days 30 -nodes -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$dir/tls/receta.key" -out "$dir/tls/receta.crt" 2>/dev/null
    chmod 600 "$dir/tls/receta.key"
}

start_node() { # N
    local n=$1 port_var="node${1}_port" port folder pid
    port=${!port_var}
    folder=$dir/node-$n
    mkdir -p "$folder"
    # setsid: a Ctrl-C in the terminal that started the cluster does not reach the nodes.
    # ASPNETCORE_CONTENTROOT: the node runs in its own folder, but its appsettings.json (the log
    # levels among them) and wwwroot are the app's; without it each node logged every statement and
    # request at Information into node.log, as no deployment would.
    # DOTNET_gcServer=0: three nodes share this machine's cores. The Server GC, made for a process
    # that has the cores to itself, gives each node a heap per core and a gen1 budget it let fill
    # with garbage for twenty minutes (a node's memory rose by a fifth and fell back); the
    # workstation GC collects it each minute (README, the soak).
    (
        cd "$folder"
        exec env ASPNETCORE_ENVIRONMENT=Production \
            ASPNETCORE_CONTENTROOT="$app" \
            DOTNET_gcServer="${RECETA_GC_SERVER:-0}" \
            ASPNETCORE_URLS="http://127.0.0.1:$port" \
            Database__Provider=postgres \
            ConnectionStrings__Receta="Host=127.0.0.1;Port=$pg_port;Database=receta;Username=receta" \
            ForwardedHeaders__KnownProxies=127.0.0.1 \
            Receta__PublicUrl="https://localhost:$https_port" \
            HTTPS_PORT="$https_port" \
            Receta__Demo="${RECETA_DEMO:-true}" \
            Email__Folder="$dir/mail" \
            setsid dotnet "$app/Receta.Web.dll" </dev/null >>"$folder/node.log" 2>&1
    ) &
    pid=$!
    sed -i "/^node${n}_pid=/d" "$state"
    save "node${n}_pid" "$pid"
    eval "node${n}_pid=$pid"
}

write_nginx_config() {
    local conf=$dir/nginx/receta.conf servers="" n port_var
    mkdir -p "$dir/nginx/logs" "$dir/nginx/temp"
    cp "$repo/deploy/nginx/nginx.conf" "$dir/nginx/nginx.conf"
    for ((n = 1; n <= nodes; n++)); do
        port_var="node${n}_port"
        servers+="    server 127.0.0.1:${!port_var} max_fails=1 fail_timeout=10s;\n"
    done
    # The operator's file, with this cluster's nodes, port and certificate in place of the examples.
    awk -v servers="$servers" -v port="$https_port" -v tls="$dir/tls" '
        /^[ \t]*server [0-9.]+:[0-9]+ / { if (!done) { printf "%s", servers; done = 1 } next }
        /^[ \t]*listen 127\.0\.0\.1:[0-9]+ ssl;/ { sub(/127\.0\.0\.1:[0-9]+/, "127.0.0.1:" port) }
        /^[ \t]*ssl_certificate / { sub(/ [^ ]+;/, " " tls "/receta.crt;") }
        /^[ \t]*ssl_certificate_key / { sub(/ [^ ]+;/, " " tls "/receta.key;") }
        { print }
    ' "$repo/deploy/nginx/receta.conf" >"$conf"
    [[ $(grep -c "^    server 127.0.0.1:" "$conf") -eq $nodes ]] || die "could not put the nodes into $conf"
    grep -q "listen 127.0.0.1:$https_port ssl;" "$conf" || die "could not put the port into $conf"
}

nginx_cmd() { "$(command -v nginx || echo /usr/sbin/nginx)" -p "$dir/nginx/" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/logs/error.log" "$@"; }

start_nginx() {
    write_nginx_config
    nginx_cmd -t -q || die "nginx refused $dir/nginx/receta.conf"
    nginx_cmd
    # The master writes its pid once it has gone into the background.
    local i
    for ((i = 0; i < 100; i++)); do [[ -s $dir/nginx/nginx.pid ]] && break; sleep 0.1; done
    save nginx_pid "$(cat "$dir/nginx/nginx.pid")"
}

cmd_start() {
    [[ ! -f $state ]] || die "a cluster is already in $dir ($0 status, $0 stop)"
    install_missing
    # Workers of nginx (nobody) must reach its temporary folders inside.
    mkdir -p "$dir" && chmod 755 "$dir"
    : >"$state"
    trap 'if ((started_ok == 0)); then say "start failed; stopping what was started"; cmd_stop; fi' EXIT
    trap 'exit 130' INT TERM
    nodes=${RECETA_NODES:-3}
    save nodes "$nodes"
    https_port=$(pick_port "${RECETA_HTTPS_PORT:-8443}")
    save https_port "$https_port"
    local n first=${RECETA_NODE_PORT:-5001}
    for ((n = 1; n <= nodes; n++)); do
        eval "node${n}_port=$(pick_port $((first + n - 1)))"
        local port_var="node${n}_port"
        save "node${n}_port" "${!port_var}"
    done
    start_postgres
    load_state
    publish
    load_state
    make_certificate
    # All at once: a node waits while another migrates or seeds (PostgreSQL advisory lock).
    for ((n = 1; n <= nodes; n++)); do start_node "$n"; done
    for ((n = 1; n <= nodes; n++)); do
        local port_var="node${n}_port" pid_var="node${n}_pid"
        wait_healthy "http://127.0.0.1:${!port_var}/healthz" "${!pid_var}" "$dir/node-$n/node.log"
        say "node $n on 127.0.0.1:${!port_var} (pid ${!pid_var}) is healthy"
    done
    start_nginx
    wait_healthy "https://127.0.0.1:$https_port/healthz" "" "$dir/nginx/logs/error.log" "$dir/tls/receta.crt"
    started_ok=1
    local self=$0
    [[ -z ${RECETA_CLUSTER_DIR:-} ]] || self="RECETA_CLUSTER_DIR=$dir $0"
    cat <<EOF

Receta is up behind nginx: https://localhost:$https_port/ (self-signed certificate: $dir/tls/receta.crt)
  demo sign-in      demo@receta.example / apollo-17-dreamer (unless RECETA_DEMO=false)
  the API           curl --cacert $dir/tls/receta.crt https://localhost:$https_port/api/v1/...
  the CLI           SSL_CERT_FILE=$dir/tls/receta.crt receta login --server https://localhost:$https_port
  nodes             $(for ((n = 1; n <= nodes; n++)); do p="node${n}_port"; printf '127.0.0.1:%s ' "${!p}"; done)(logs in $dir/node-N/node.log)
  nginx             $dir/nginx/logs/access.log, error.log
  PostgreSQL        127.0.0.1:$pg_port, database receta
  kill a node       $self kill 2      (and: $self revive 2)
  stop it all       $self stop
EOF
}

stop_pid() { # pid: TERM, then KILL after 15 s
    local pid=$1 i
    alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do alive "$pid" || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
    [[ -f $state ]] || { say "no cluster in $dir"; return 0; }
    # shellcheck source=/dev/null
    source "$state"
    local n pid_var
    if [[ -n ${nginx_pid:-} ]]; then stop_pid "$nginx_pid"; fi
    for ((n = 1; n <= ${nodes:-0}; n++)); do
        pid_var="node${n}_pid"
        if [[ -n ${!pid_var:-} ]]; then stop_pid "${!pid_var}"; fi
    done
    if [[ -n ${pg_bin:-} && -f $dir/pg/data/postmaster.pid ]]; then
        as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w -t 30 stop >/dev/null || true
    fi
    if [[ ${RECETA_KEEP:-0} == 1 ]]; then
        rm -f "$state"
        say "stopped; kept $dir"
    else
        rm -rf "$dir"
        say "stopped and removed $dir"
    fi
}

cmd_status() {
    load_state
    local n port_var pid_var health code=0
    for ((n = 1; n <= nodes; n++)); do
        port_var="node${n}_port" pid_var="node${n}_pid"
        health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${!port_var}/healthz" || true)
        if alive "${!pid_var}"; then
            echo "node $n  127.0.0.1:${!port_var}  pid ${!pid_var}  /healthz $health"
        else
            echo "node $n  127.0.0.1:${!port_var}  not running"
            code=1
        fi
    done
    alive "$nginx_pid" && echo "nginx   https://localhost:$https_port/  pid $nginx_pid" || { echo "nginx   not running"; code=1; }
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && echo "postgres 127.0.0.1:$pg_port" || { echo "postgres not answering"; code=1; }
    return "$code"
}

cmd_kill() {
    load_state
    local n=${1:?usage: $0 kill N} pid_var
    pid_var="node${n}_pid"
    [[ -n ${!pid_var:-} ]] || die "there is no node $n"
    kill -KILL "${!pid_var}" && say "node $n (pid ${!pid_var}) killed with SIGKILL"
}

cmd_revive() {
    load_state
    local n=${1:?usage: $0 revive N} pid_var port_var
    pid_var="node${n}_pid" port_var="node${n}_port"
    [[ -n ${!port_var:-} ]] || die "there is no node $n"
    ! alive "${!pid_var:-}" || die "node $n is running"
    start_node "$n"
    pid_var="node${n}_pid"
    wait_healthy "http://127.0.0.1:${!port_var}/healthz" "${!pid_var}" "$dir/node-$n/node.log"
    say "node $n is back on 127.0.0.1:${!port_var} (pid ${!pid_var})"
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    kill) cmd_kill "${2:-}" ;;
    revive) cmd_revive "${2:-}" ;;
    run)
        cmd_start
        trap 'trap - EXIT; cmd_stop' EXIT
        trap 'exit 0' INT TERM
        say "running; Ctrl-C stops it all"
        while true; do sleep 3600 & wait $!; done
        ;;
    *)
        sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
