#!/usr/bin/env bash
# Ten million entries (issue 11, item 2): p99 of progress, roadmap and dashboard at 100k users
# within 1.5x of the same at 1k users, on PostgreSQL and on SQLite.
#
# For each provider: for each size an empty database (SQLite: a file in a temporary folder;
# PostgreSQL: a database on one throwaway cluster) filled by bench/Receta.Scale generate (3 goals
# and 100 entries per user, the same history lengths per goal at every size); then one Receta.Web
# node in Release per database, and bench/Receta.Scale measure reading them in turn (one read at a
# time, every read the first of its user and goal on its node). Prints the generation times,
# p50/p99/max per view and size, and each size's p99 over the smallest's.
# Removes what it made, also when interrupted.
# Knobs: SIZES ("1000 100000" users), PROVIDERS ("postgres sqlite"), SAMPLES (1000 reads per view),
# SEED (1), KEEP (1: leave every database, and the PostgreSQL cluster, in place and print where,
# to EXPLAIN its queries).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
SIZES=${SIZES:-1000 100000} PROVIDERS=${PROVIDERS:-postgres sqlite} SAMPLES=${SAMPLES:-1000} SEED=${SEED:-1} KEEP=${KEEP:-}
out=artifacts/bench-scale # gitignored: the results of the last run

bench=bench/scale/run.sh
source bench/lib.sh

step "Checking tools"
missing=()
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
[[ $PROVIDERS != *postgres* ]] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
install_missing "${missing[@]}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/receta-scale.XXXXXX")
chmod 755 "$tmp"
servers=() pg_data=
stop_servers() {
    local pid
    for pid in "${servers[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    servers=()
}
cleanup() {
    stop_servers
    if [[ -z $KEEP ]]; then
        if [[ -n $pg_data ]]; then pg_ctl_as stop -D "$pg_data" -m immediate >/dev/null 2>&1 || true; fi
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
as_postgres() { # initdb and pg_ctl refuse to run as root
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
pg_ctl_as() { as_postgres "$pg_bin/pg_ctl" "$@"; }

step "Building (Release)"
for project in src/Receta.Web bench/Receta.Scale; do
    dotnet build "$project" -c Release -v quiet -nologo >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; fail "building $project failed"; }
done
web_dll=$(dotnet msbuild src/Receta.Web -getProperty:TargetPath -p:Configuration=Release)
scale_dll=$(dotnet msbuild bench/Receta.Scale -getProperty:TargetPath -p:Configuration=Release)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_server() { # name args...: a node on a free port, its address in $base
    local name=$1 server; shift
    base=http://127.0.0.1:$(free_port)
    (cd src/Receta.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$web_dll" "$@" --Receta:Demo false --Scheduler:Enabled false --urls "$base") >"$tmp/server-$name.log" 2>&1 &
    server=$!
    servers+=("$server")
    for _ in $(seq 600); do
        kill -0 "$server" 2>/dev/null || { cat "$tmp/server-$name.log" >&2; fail "the server stopped"; }
        curl -fsS "$base/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$tmp/server-$name.log" >&2
    fail "no answer from /healthz within 60 s"
}

start_postgres() {
    [[ -n $pg_bin ]] || fail "PostgreSQL's binaries are not installed"
    pg_data=$tmp/pg
    mkdir -p "$pg_data" && chown postgres "$pg_data" 2>/dev/null || true
    as_postgres "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
    pg_port=$(free_port)
    # A bigger WAL for the bulk load (fewer checkpoints); otherwise the defaults, durable commits included.
    pg_ctl_as start -D "$pg_data" -w -l "$pg_data/log" \
        -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB -c max_wal_size=8GB" >/dev/null
}

mkdir -p "$out"
results="$out/results.md"
{
    echo "bench/scale/run.sh: one read at a time, at most $SAMPLES per view and size, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "| provider | users | entries | generated in s | view | reads | p50 ms | p99 ms | max ms | p99 / smallest's |"
    echo "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|"
} >"$results"

connection_of() { # provider users
    case $1 in
        sqlite) echo "Data Source=$tmp/receta-$2.db" ;;
        postgres) echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=receta_$2;Command Timeout=0" ;;
        *) fail "unknown provider $1" ;;
    esac
}

for provider in $PROVIDERS; do
    [[ $provider != postgres ]] || start_postgres
    provider_args=()
    [[ $provider != postgres ]] || provider_args=(--Database:Provider postgres)
    declare -A generated=()
    for users in $SIZES; do
        step "$provider: generating $users users, $((users * 100)) entries"
        started=$(date +%s.%N)
        dotnet "$scale_dll" generate --provider "$provider" --connection "$(connection_of "$provider" "$users")" \
            --users "$users" --seed "$SEED" | tee "$out/generate-$provider-$users.txt"
        generated[$users]=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
    done

    step "$provider: measuring $SIZES users, one node each"
    targets=()
    for users in $SIZES; do
        start_server "$provider-$users" "${provider_args[@]}" --ConnectionStrings:Receta "$(connection_of "$provider" "$users")"
        targets+=(--target "$users=$base")
    done
    summary="$out/measure-$provider.json"
    dotnet "$scale_dll" measure "${targets[@]}" --seed "$SEED" --samples "$SAMPLES" --summary-out "$summary" | tee "$out/measure-$provider.txt"
    stop_servers
    for users in $SIZES; do
        jq -r --arg p "$provider" --arg g "${generated[$users]}" --argjson u "$users" '
            (.nodes[0].views) as $first | .nodes[] | select(.users == $u) | .users as $n | .entries as $e | .views | to_entries[]
            | "| \($p) | \($n) | \($e) | \($g) | \(.key) | \(.value.count) | \(.value.p50Ms) | \(.value.p99Ms) | \(.value.maxMs) | \((.value.p99Ms / $first[.key].p99Ms * 100 | round) / 100) |"' "$summary" >>"$results"
    done
    unset generated

    if [[ -z $KEEP ]]; then
        case $provider in
            sqlite) rm -f "$tmp"/receta-*.db* ;;
            postgres) pg_ctl_as stop -D "$pg_data" -m fast >/dev/null; pg_data= ;;
        esac
    else
        for users in $SIZES; do echo "kept: $(connection_of "$provider" "$users")" >&2; done
    fi
done

echo
cat "$results"
