#!/usr/bin/env bash
# Hot reads against the framework's ceiling (issue: progress, roadmap and the goal list for a
# signed-in token at >= 0.5x the requests/s of a minimal ASP.NET Core JSON endpoint, wrk -t2 -c32,
# same machine, Release, p99 reported), and the dashboard.
#
# Builds both apps in Release, then serves on 127.0.0.1 the ceiling (bench/Receta.Ceiling, one
# minimal-API JSON endpoint) for the whole run, and, one after the other, Receta on SQLite in a
# temporary folder (and on PostgreSQL in a temporary cluster when PROVIDERS includes postgres),
# seeded through the API with one account, a goal with 365 entries and 12 milestones, and a token.
# Each URL is warmed, then measured with wrk right after the ceiling is: a shared machine's speed
# drifts by half within minutes, so each ratio is to the ceiling measured next to it. The table
# gives requests/s, p50 and p99 of both, and the ratio. Removes what it made, also when interrupted.
# Knobs: DURATION (wrk seconds per URL, default 15), WARMUP (seconds before each, 10), CONNECTIONS (32), THREADS (2),
# PROVIDERS ("sqlite postgres").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
DURATION=${DURATION:-15} CONNECTIONS=${CONNECTIONS:-32} THREADS=${THREADS:-2} WARMUP=${WARMUP:-10}
PROVIDERS=${PROVIDERS:-sqlite postgres}
out=artifacts/bench-hot-reads # gitignored: the results of the last run

bench=bench/hot-reads/run.sh
source bench/lib.sh

step "Checking tools"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
[[ $PROVIDERS != *postgres* ]] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
install_missing "${missing[@]}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/receta-hot-reads.XXXXXX")
chmod 755 "$tmp"
server= ceiling= pg_data=
stop() { # pid
    if [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}
stop_server() { stop "$server"; server=; }
cleanup() {
    stop_server
    stop "$ceiling"
    if [[ -n $pg_data ]]; then pg_ctl_as stop -D "$pg_data" -m immediate >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
pg_ctl_as() { # initdb and pg_ctl refuse to run as root
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$pg_bin/pg_ctl" "$@"; else "$pg_bin/pg_ctl" "$@"; fi
}

step "Building (Release)"
for project in src/Receta.Web bench/Receta.Ceiling; do
    dotnet build "$project" -c Release -v quiet -nologo >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; fail "building $project failed"; }
done
web_dll=$(dotnet msbuild src/Receta.Web -getProperty:TargetPath -p:Configuration=Release)
ceiling_dll=$(dotnet msbuild bench/Receta.Ceiling -getProperty:TargetPath -p:Configuration=Release)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts a server on a free loopback port and waits for $2 to answer.
start_server() { # dir probe dll args...
    local dir=$1 probe=$2; shift 2
    base=http://127.0.0.1:$(free_port)
    (cd "$dir" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$@" --urls "$base") >"$tmp/$(basename "$dir").log" 2>&1 &
    server=$!
    for _ in $(seq 600); do
        kill -0 "$server" 2>/dev/null || { cat "$tmp/$(basename "$dir").log" >&2; fail "the server stopped"; }
        curl -fsS "$base$probe" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$tmp/$(basename "$dir").log" >&2
    fail "no answer from $probe within 60 s"
}

# wrk's summary as "requests/s p50_ms p99_ms non2xx+errors"
wrk_args() { # header: wrk's arguments, with the header when there is one
    args=(-t"$THREADS" -c"$CONNECTIONS" --latency)
    [[ -z $1 ]] || args+=(-H "$1")
}

# Warms: the JIT's second tier, pools, caches (3 s left the first read measured still warming).
warm() { # url [header]
    local args; wrk_args "${2:-}"
    wrk "${args[@]}" -d"${WARMUP}s" "$1" >/dev/null
}

measure() { # url [header]
    local url=$1 args; wrk_args "${2:-}"
    wrk "${args[@]}" -d"${DURATION}s" "$url" >"$tmp/wrk.txt"
    cp "$tmp/wrk.txt" "$out/$(date +%s%N).wrk.txt"
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { bad += $NF }
        /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
        END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$tmp/wrk.txt"
}

mkdir -p "$out"
results="$out/results.md"

step "The ceiling: a minimal ASP.NET Core JSON endpoint, served throughout"
start_server bench/Receta.Ceiling / "$ceiling_dll"
ceiling=$server ceiling_url=$base/ server=
warm "$ceiling_url"
{
    echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "| provider | read | requests/s | p50 ms | p99 ms | errors | ceiling requests/s | ceiling p99 ms | ratio to ceiling |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$results"

seed() { # api: one account, a goal of a year with an entry a day and 12 milestones, a token
    local api=$1 auth goal m
    curl -fsS "$api/auth/register" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"a long passphrase of mine","displayName":"Bench","timeZone":"America/Los_Angeles"}' >/dev/null
    token=$(curl -fsS "$api/auth/tokens" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"a long passphrase of mine","name":"bench"}' | jq -r .token)
    auth="Authorization: Bearer $token"
    goal=$(curl -fsS "$api/goals" -H "$auth" -H 'Content-Type: application/json' \
        -d '{"title":"Bench","purpose":"Measure","startDate":"2026-01-01","targetDate":"2027-06-30","measure":{"unit":"hours","start":0,"target":1000,"aggregation":"sum"}}' | jq -r .id)
    for day in $(seq 0 364); do
        printf '{"date":"%s","value":%d}\n' "$(date -u -d "2026-01-01 +$day days" +%F)" $((day % 4 + 1))
    done | while read -r body; do
        curl -fsS "$api/goals/$goal/entries" -H "$auth" -H 'Content-Type: application/json' -d "$body" >/dev/null
    done
    for i in $(seq 1 12); do
        curl -fsS "$api/goals/$goal/milestones" -H "$auth" -H 'Content-Type: application/json' \
            -d "{\"title\":\"Step $i\",\"dueDate\":\"$(date -u -d "2026-01-01 +$((i * 30)) days" +%F)\",\"estimateHours\":$((i + 5))}" >/dev/null
    done
    goal_id=$goal
}

for provider in $PROVIDERS; do
    args=(--Receta:Demo false)
    case $provider in
        sqlite) args+=(--ConnectionStrings:Receta "Data Source=$tmp/receta.db") ;;
        postgres)
            [[ -n $pg_bin ]] || fail "PostgreSQL's binaries are not installed"
            pg_data=$tmp/pg
            mkdir -p "$pg_data" && chown postgres "$pg_data" 2>/dev/null || true
            if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres >/dev/null
            else "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres >/dev/null; fi
            pg_port=$(free_port)
            pg_ctl_as start -D "$pg_data" -w -l "$pg_data/log" \
                -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" >/dev/null
            args+=(--Database:Provider postgres --ConnectionStrings:Receta "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=receta")
            ;;
        *) fail "unknown provider $provider" ;;
    esac
    step "Receta on $provider"
    start_server src/Receta.Web /healthz "$web_dll" "${args[@]}"
    seed "$base/api/v1"
    for read in "progress:/api/v1/goals/$goal_id/progress" "roadmap:/api/v1/goals/$goal_id/roadmap" "goal list:/api/v1/goals" \
        "dashboard:/api/v1/dashboard"; do
        name=${read%%:*} path=${read#*:}
        curl -fsS "$base$path" -H "Authorization: Bearer $token" >/dev/null || fail "GET $path did not answer 2xx"
        warm "$base$path" "Authorization: Bearer $token"
        read -r ceiling_rps _ ceiling_p99 ceiling_bad < <(measure "$ceiling_url")
        [[ $ceiling_bad == 0 ]] || fail "the ceiling answered $ceiling_bad errors"
        read -r rps p50 p99 bad < <(measure "$base$path" "Authorization: Bearer $token")
        ratio=$(awk -v a="$rps" -v b="$ceiling_rps" 'BEGIN { printf "%.2f", a / b }')
        echo "| $provider | $name | $rps | $p50 | $p99 | $bad | $ceiling_rps | $ceiling_p99 | $ratio |" >>"$results"
        echo "$provider $name: $rps requests/s, p99 $p99 ms; ceiling $ceiling_rps; ratio $ratio" >&2
    done
    stop_server
done

cat "$results"
