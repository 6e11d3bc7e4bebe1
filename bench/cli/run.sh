#!/usr/bin/env bash
# receta against Taskwarrior, as connections.md §6 asks: "receta log and receta status with 10,000
# items take at most half the wall time of Taskwarrior's task add and task next with as many tasks".
#
# Publishes receta natively (AOT) into artifacts/bench-cli, starts the web app (Release, SQLite in a
# temporary folder, no demo, on a free loopback port), seeds one account with 20 goals of 500
# milestones each (10,000 in all) through the API, seeds Taskwarrior with 10,000 pending tasks in a
# temporary TASKDATA, then times both with hyperfine in alternating rounds and prints the medians and
# the ratios receta/task (the target: at most 0.5). Talks to 127.0.0.1 only; removes what it made,
# also when interrupted. Knobs: ROUNDS (default 4), RUNS per command and round (10), WARMUP (2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ROUNDS=${ROUNDS:-4} RUNS=${RUNS:-10} WARMUP=${WARMUP:-2}
GOALS=20 MILESTONES=500 TASKS=$((GOALS * MILESTONES))
out=artifacts/bench-cli # gitignored: the native receta and the results of the last run

bench=bench/cli/run.sh
source bench/lib.sh

step "Checking tools"
missing=()
command -v task >/dev/null || missing+=(taskwarrior)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v clang >/dev/null || missing+=(clang)
[[ -e /usr/include/zlib.h ]] || missing+=(zlib1g-dev)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
install_missing "${missing[@]}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/receta-bench.XXXXXX")
server=
cleanup() {
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Publishing receta (Native AOT) into $out/receta"
dotnet publish src/Receta.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out/receta" -v quiet -nologo >"$tmp/publish.log" 2>&1 \
    || { cat "$tmp/publish.log" >&2; fail "publishing receta failed"; }
receta=$PWD/$out/receta/receta

step "Building the web app (Release)"
dotnet build src/Receta.Web -c Release -v quiet -nologo >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; fail "the build failed"; }
web_dll=$(dotnet msbuild src/Receta.Web -getProperty:TargetPath -p:Configuration=Release)

step "Starting it on SQLite in a temporary folder"
# Production, as it would be deployed: plain http is redirected to https for the pages only; the
# API and /healthz answer over plain http (SecurityHeaders). Port 0: Kestrel picks a free one and says which.
(cd src/Receta.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$web_dll" --urls http://127.0.0.1:0 \
    --ConnectionStrings:Receta "Data Source=$tmp/receta.db" --Receta:Demo false) >"$tmp/server.log" 2>&1 &
server=$!
base=
for _ in $(seq 600); do
    kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "the server stopped"; }
    base=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$tmp/server.log" | head -n 1)
    [[ -n $base ]] && curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    base=
    sleep 0.1
done
[[ -n $base ]] || { cat "$tmp/server.log" >&2; fail "no answer from /healthz within 60 s"; }
api=$base/api/v1
echo "server: $base (pid $server)" >&2

step "Seeding receta: an account, a token, $GOALS goals with a measure, a habit, 30 entries and $MILESTONES milestones each"
seed_started=$SECONDS
json=(-H 'Content-Type: application/json')
curl -sS --fail-with-body "$api/auth/register" "${json[@]}" -o /dev/null \
    -d '{"email":"bench@receta.example","password":"a long passphrase for timing","displayName":"Bench","timeZone":"UTC"}'
token=$(curl -sS --fail-with-body "$api/auth/tokens" "${json[@]}" \
    -d '{"email":"bench@receta.example","password":"a long passphrase for timing","name":"bench"}' | jq -r .token)
auth=(-H "Authorization: Bearer $token")
start=$(date -u -d '30 days ago' +%F)
target=$(date -u -d '335 days' +%F)
for g in $(seq -w 1 "$GOALS"); do
    id=$(curl -sS --fail-with-body "$api/goals" "${auth[@]}" "${json[@]}" -d "{\"title\":\"Goal $g\",\"purpose\":\"Benchmark goal $g\",\
\"startDate\":\"$start\",\"targetDate\":\"$target\",\"weeklyCapacityHours\":10,\
\"measure\":{\"unit\":\"pages\",\"start\":0,\"target\":3000,\"aggregation\":\"sum\"}}" | jq -r .id)
    [[ $g == 07 ]] && log_goal=$id # the goal receta log names
    curl -sS --fail-with-body "$api/goals/$id/habits" "${auth[@]}" "${json[@]}" -o /dev/null -d '{"title":"Read","times":5,"perDays":7}'
    # One curl per goal with every request of that goal (one connection, in order: writes to one goal
    # are serialized anyway, docs/adr/0001); the goals in parallel.
    jq -n -r --arg url "$api/goals/$id" --arg auth "Authorization: Bearer $token" --argjson n "$MILESTONES" \
        --argjson start "$(date -u -d "$start" +%s)" '
        def request($path; $body): "url = \(($url + $path) | tojson)",
            "header = \($auth | tojson)", "header = \"Content-Type: application/json\"",
            "data = \($body | tojson | tojson)", "output = /dev/null", "write-out = \"%{http_code}\\n\"", "next";
        (range(0; 30) as $d | request("/entries"; {date: ($start + $d * 86400 | strftime("%Y-%m-%d")), value: 8})),
        (range(1; $n + 1) as $i | request("/milestones";
            {title: "Step \($i)", dueDate: ($start + ($i * 365 / $n | floor) * 86400 | strftime("%Y-%m-%d")), estimateHours: 2}))
        ' | sed '$d' >"$tmp/seed-$g.curl"
done
printf '%s\n' "$tmp"/seed-*.curl | xargs -P 4 -I{} curl -sS -K {} >"$tmp/seed-codes.txt"
created=$(grep -c '^201$' "$tmp/seed-codes.txt" || true)
((created == GOALS * (30 + MILESTONES))) || { sort "$tmp/seed-codes.txt" | uniq -c >&2; fail "seeding: $created of $((GOALS * (30 + MILESTONES))) requests created something"; }
echo "seeded $created entries and milestones in $((SECONDS - seed_started)) s" >&2

# receta, isolated from the user's own configuration and queue.
export RECETA_SERVER=$base RECETA_TOKEN=$token XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state NO_COLOR=1
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"
"$receta" status >/dev/null || fail "receta status failed"
"$receta" log "Goal 07" 1 >/dev/null || fail "receta log failed"

step "Seeding Taskwarrior: $TASKS pending tasks in a temporary TASKDATA"
# Taskwarrior's defaults (gc, hooks, verbosity), except that it never asks (confirmation=off) and no
# first-run notice about its news (news.version); TASKRC names the file, so no sample rc is offered.
export TASKDATA=$tmp/task TASKRC=$tmp/taskrc
mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=off\nnews.version=%s\n' "$TASKDATA" "$(task --version)" >"$TASKRC"
# Like the receta side: 20 projects, a due date on a fifth of them, some priorities and tags.
jq -n -c --argjson n "$TASKS" --argjson now "$(date -u +%s)" '
    def stamp($t): $t | strftime("%Y%m%dT%H%M%SZ");
    range(1; $n + 1) as $i | {description: "Task \($i)", status: "pending", entry: stamp($now - 86400 * 30 + $i),
        project: "project\($i % 20)"}
    + (if $i % 5 == 0 then {due: stamp($now + 86400 * ($i % 365))} else {} end)
    + (if $i % 7 == 0 then {priority: (["H", "M", "L"][$i % 3])} else {} end)
    + (if $i % 11 == 0 then {tags: ["bench"]} else {} end)' >"$tmp/tasks.json"
task import "$tmp/tasks.json" >/dev/null 2>&1 || fail "task import failed"
pending=$(task status:pending count 2>/dev/null)
((pending == TASKS)) || fail "Taskwarrior has $pending pending tasks, not $TASKS"

step "Timing: $ROUNDS rounds of $RUNS runs (after $WARMUP warm-up runs) of each command, the order swapped every round"
uptime >&2
results=$out/results
rm -rf "$results" && mkdir -p "$results"
pair() { # name receta-command task-command: ROUNDS hyperfine rounds alternating which goes first
    local name=$1 r
    for ((r = 1; r <= ROUNDS; r++)); do
        local commands=("$2" "$3")
        ((r % 2 == 0)) && commands=("$3" "$2")
        hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$results/$name-$r.json" "${commands[@]}" >&2
    done
}
PATH=$PWD/$out/receta:$PATH
pair log 'receta log "Goal 07" 1' 'task add Something'
pair status 'receta status' 'task next limit:20'
# The server caches each goal's computed views per version (docs/adr/0001): in the pair above only the
# first run recomputes the goal that receta log changed. This one recomputes it before every run, as
# a "receta log" followed by "receta status" would.
step "receta status just after a receta log"
hyperfine -N --style basic --warmup "$WARMUP" --runs $((ROUNDS * RUNS)) --prepare 'receta log "Goal 07" 1' \
    --export-json "$results/after-log-1.json" 'receta status' >&2
# Where the time of receta status goes: the client's own start (no request), and the server's answer alone.
step "Where the time goes"
# The client: its start alone (--version), and with its commands built (--help); no request.
hyperfine -N --style basic --warmup "$WARMUP" --runs $((ROUNDS * RUNS)) --export-json "$results/parts-1.json" \
    'receta --version' 'receta --help' >&2
# The server: its answers as curl times them on one connection (curl's own start left out): what
# receta log asks (the goal list to find "Goal 07", then the entry) and receta status (the dashboard),
# the dashboard also just after an entry (the changed goal's views recomputed, the others cached).
n=$((ROUNDS * RUNS))
jq -n -r --arg base "$api" --arg goal "$log_goal" --arg auth "Authorization: Bearer $token" --argjson n "$n" '
    def request($tag; $path; $body): "url = \(($base + $path) | tojson)", "header = \($auth | tojson)",
        (if $body then "header = \"Content-Type: application/json\"", "data = \($body | tojson | tojson)" else empty end),
        "output = /dev/null", "write-out = \("\($tag) %{http_code} %{time_total}\n" | tojson)", "next";
    (range(0; $n) | request("goals"; "/goals?limit=1000"; null), request("dashboard"; "/dashboard"; null)),
    (range(0; $n) | request("entry"; "/goals/\($goal)/entries"; {date: (now | strftime("%Y-%m-%d")), value: 1}),
        request("dashboard-after-entry"; "/dashboard"; null))' | sed '$d' >"$tmp/parts.curl"
curl -sS -K "$tmp/parts.curl" >"$results/server-times.txt"
if grep -qv ' 20[01] ' "$results/server-times.txt"; then fail "a request of the server timings failed (see $results/server-times.txt)"; fi
load=$(uptime | sed 's/.*load average: //')

median() { # name piece-of-the-command: its median over every round, in ms
    jq -s --arg p "$2" '[.[].results[] | select(.command | contains($p)) | .times[]] | sort
        | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end * 1000' "$results/$1"-*.json
}
server_median() { # label: the median of curl's time_total for that request, in ms
    awk -v l="$1" '$1 == l { print $3 * 1000 }' "$results/server-times.txt" | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
row() { printf '%-40s %10.1f %10.1f %8.2f\n' "$1" "$2" "$3" "$(jq -n "$2 / $3")"; }
{
    echo
    printf '%-40s %10s %10s %8s\n' "medians of $n runs" "receta ms" "task ms" "ratio"
    row 'receta log / task add' "$(median log receta)" "$(median log task)"
    row 'receta status / task next limit:20' "$(median status receta)" "$(median status task)"
    row '  (receta status just after a log)' "$(median after-log receta)" "$(median status task)"
    echo "target: ratio <= 0.50"
    printf 'client: receta --version %.1f ms, receta --help %.1f ms\n' "$(median parts 'receta --version')" "$(median parts 'receta --help')"
    printf 'server: GET /goals %.1f ms, POST entry %.1f ms, GET /dashboard %.1f ms (%.1f ms just after an entry)\n' \
        "$(server_median goals)" "$(server_median entry)" "$(server_median dashboard)" "$(server_median dashboard-after-entry)"
    echo "load average at the end: $load; $(nproc) cores; $(date -u +%F)"
} | tee "$results/summary.txt"
