#!/usr/bin/env bash
# Ten million entries (issue 11, item 2): p99 of progress, roadmap and dashboard at 100k users
# within 1.5x of the same at 1k users, on PostgreSQL and on SQLite.
#
# For each provider and each size: an empty database (SQLite: a file in a temporary folder;
# PostgreSQL: a database on a throwaway cluster), filled by bench/Receta.Scale generate (3 goals
# and 100 entries per user, the same history lengths per goal at every size), then Receta.Web in
# Release on it, and bench/Receta.Scale measure (one read at a time, every read the first of its
# user and goal). Prints the generation times, p50/p99/max per view, and p99(largest)/p99(smallest).
# Removes what it made, also when interrupted.
# Knobs: SIZES ("1000 100000" users), PROVIDERS ("postgres sqlite"), SAMPLES (1000 reads per view),
# SEED (1), KEEP (1: leave the last database of each provider in place and print where it is,
# to EXPLAIN its queries).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
SIZES=${SIZES:-1000 100000} PROVIDERS=${PROVIDERS:-postgres sqlite} SAMPLES=${SAMPLES:-1000} SEED=${SEED:-1} KEEP=${KEEP:-}
out=artifacts/bench-scale # gitignored: the results of the last run

step() { printf '\n==> %s\n' "$*" >&2; }
fail() { echo "bench/scale/run.sh: $*" >&2; exit 1; }
as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else fail "installing needs root or sudo: $*"
    fi
}

step "Checking tools"
command -v dotnet >/dev/null || fail "the .NET SDK (see global.json) is not installed"
missing=()
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
[[ $PROVIDERS != *postgres* ]] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if ((${#missing[@]})); then
    step "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/receta-scale.XXXXXX")
chmod 755 "$tmp"
server= pg_data=
stop_server() {
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    server=
}
cleanup() {
    stop_server
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

start_server() { # args...
    base=http://127.0.0.1:$(free_port)
    (cd src/Receta.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$web_dll" "$@" --Receta:Demo false --Scheduler:Enabled false --urls "$base") >"$tmp/server.log" 2>&1 &
    server=$!
    for _ in $(seq 600); do
        kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "the server stopped"; }
        curl -fsS "$base/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$tmp/server.log" >&2
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
rm -f "$out/ratios.txt"
results="$out/results.md"
{
    echo "bench/scale/run.sh: one read at a time, $SAMPLES per view, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "| provider | users | entries | generated in s | view | reads | p50 ms | p99 ms | max ms |"
    echo "|---|---:|---:|---:|---|---:|---:|---:|---:|"
} >"$results"

for provider in $PROVIDERS; do
    [[ $provider != postgres ]] || start_postgres
    first= last=
    for users in $SIZES; do
        entries=$((users * 100))
        case $provider in
            sqlite) connection="Data Source=$tmp/receta-$users.db" args=() ;;
            postgres)
                connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=receta_$users;Command Timeout=0"
                args=(--Database:Provider postgres) ;;
            *) fail "unknown provider $provider" ;;
        esac
        step "$provider: generating $users users, $entries entries"
        started=$(date +%s.%N)
        dotnet "$scale_dll" generate --provider "$provider" --connection "$connection" --users "$users" --entries "$entries" --seed "$SEED" | tee "$out/generate-$provider-$users.txt"
        generated=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')

        step "$provider: measuring at $users users"
        start_server "${args[@]}" --ConnectionStrings:Receta "$connection"
        summary="$out/measure-$provider-$users.json"
        dotnet "$scale_dll" measure --url "$base" --users "$users" --entries "$entries" --seed "$SEED" --samples "$SAMPLES" --summary-out "$summary"
        stop_server
        jq -r --arg p "$provider" --arg g "$generated" '.users as $u | .entries as $e | .views | to_entries[]
            | "| \($p) | \($u) | \($e) | \($g) | \(.key) | \(.value.count) | \(.value.p50Ms) | \(.value.p99Ms) | \(.value.maxMs) |"' "$summary" >>"$results"
        first=${first:-$summary} last=$summary
        if [[ -z $KEEP || $users != "${SIZES##* }" ]]; then
            case $provider in
                sqlite) rm -f "$tmp/receta-$users.db"* ;;
                postgres) as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "DROP DATABASE receta_$users" ;;
            esac
        else
            echo "kept: $connection" >&2
        fi
    done
    if [[ $first != "$last" ]]; then
        {
            echo
            echo "$provider: p99 at $(jq .users "$last") users / p99 at $(jq .users "$first") users"
            jq -r -s '.[0].views as $a | .[1].views | to_entries[] | "  \(.key): \(.value.p99Ms) / \($a[.key].p99Ms) = \((.value.p99Ms / $a[.key].p99Ms * 100 | round) / 100)"' "$first" "$last"
        } >>"$out/ratios.txt"
    fi
    if [[ $provider == postgres && -z $KEEP ]]; then pg_ctl_as stop -D "$pg_data" -m fast >/dev/null; pg_data=; fi
done

cat "$results"
[[ ! -f $out/ratios.txt ]] || { echo; cat "$out/ratios.txt"; rm -f "$out/ratios.txt"; }
