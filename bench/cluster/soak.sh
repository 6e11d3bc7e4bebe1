#!/usr/bin/env bash
# The soak of "Many nodes behind nginx" (README): three nodes behind nginx (deploy/cluster.sh) under
# a steady rate of reads and writes for a long time, each node's memory and connections sampled.
# The rate defaults to half the capacity measured first (60 s as fast as the clients go). At the end
# every write is read back (bench/Receta.Load), and the summary says: errors, each node's memory drift
# after the warm-up, and its connections at the start and the end. Exits non-zero on any error, a
# drift beyond ±10 % or connections that grew. Everything is removed afterwards, on Ctrl-C too; the
# samples and the summary are kept in artifacts/bench-cluster/.
#
#   SOAK_MINUTES (30)  SOAK_RATE (half the measured capacity)  SOAK_CLIENTS (32)  SOAK_WRITES (0.3)
#   SOAK_SAMPLE_SECONDS (15)  SOAK_WARMUP_MINUTES (5, or a quarter of a shorter soak)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

minutes=${SOAK_MINUTES:-30}
clients=${SOAK_CLIENTS:-32}
every=${SOAK_SAMPLE_SECONDS:-15}
warmup=${SOAK_WARMUP_MINUTES:-$(awk -v m="$minutes" 'BEGIN { print (m >= 20 ? 5 : m / 4) }')}
results=$repo/artifacts/bench-cluster
samples=$results/soak-samples.csv
work=$(mktemp -d "${TMPDIR:-/tmp}/receta-soak.XXXXXX")
chmod 755 "$work"
export RECETA_CLUSTER_DIR=$work/cluster
mkdir -p "$results"
sampler=""

finish() {
    local code=$?
    [[ -z $sampler ]] || kill "$sampler" 2>/dev/null || true
    [[ ! -f $RECETA_CLUSTER_DIR/cluster.env ]] || deploy/cluster.sh stop || true
    rm -rf "$work"
    exit "$code"
}
trap finish EXIT
trap 'exit 130' INT TERM

command -v ss >/dev/null || { echo "soak: ss (iproute2) is needed" >&2; exit 1; }
echo "==> building the load tool (Release)"
dotnet build bench/Receta.Load -c Release -v quiet --nologo >/dev/null
load() { dotnet bench/Receta.Load/bin/Release/net10.0/Receta.Load.dll "$@"; }

echo "==> starting the cluster"
deploy/cluster.sh start >/dev/null
# shellcheck source=/dev/null
source "$RECETA_CLUSTER_DIR/cluster.env"
server=https://localhost:$https_port
cert=$RECETA_CLUSTER_DIR/tls/receta.crt

rate=${SOAK_RATE:-}
if [[ -z $rate ]]; then
    echo "==> measuring the capacity: $clients clients as fast as they go for 60 s"
    load --url "$server" --ca "$cert" --clients "$clients" --duration 60s --writes "${SOAK_WRITES:-0.3}" \
        --summary-out "$work/capacity.json" >"$work/capacity.txt" || { cat "$work/capacity.txt"; exit 1; }
    capacity=$(jq .requestsPerSecond "$work/capacity.json")
    rate=$(awk -v c="$capacity" 'BEGIN { printf "%d", c / 2 }')
    echo "capacity $capacity requests/s: soaking at $rate"
fi

# One line per node and sample: seconds, node, RSS (KiB), open files, connections from nginx, to PostgreSQL.
sample() {
    local began=$SECONDS n pid port
    echo "seconds,node,rss_kib,open_files,from_nginx,to_postgres" >"$samples"
    while true; do
        for ((n = 1; n <= nodes; n++)); do
            pid_var="node${n}_pid" port_var="node${n}_port"
            pid=${!pid_var} port=${!port_var}
            [[ -r /proc/$pid/status ]] || continue
            printf '%d,%d,%d,%d,%d,%d\n' $((SECONDS - began)) "$n" \
                "$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")" \
                "$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)" \
                "$(ss -Htn state established "( sport = :$port )" | wc -l)" \
                "$(ss -Htnp state established "( dport = :$pg_port )" | grep -c "pid=$pid," || true)" >>"$samples"
        done
        sleep "$every"
    done
}
sample &
sampler=$!

echo "==> soaking: $clients clients at $rate requests/s for $minutes min (samples every $every s, warm-up $warmup min)"
status=0
load --url "$server" --ca "$cert" --clients "$clients" --duration "${minutes}m" --rate "$rate" --writes "${SOAK_WRITES:-0.3}" \
    --summary-out "$results/soak-load.json" | tee "$results/soak-load.txt" || status=1
kill "$sampler" 2>/dev/null || true
sampler=""

echo
echo "==> each node after the warm-up (first and last three samples)"
awk -F, -v w="$warmup" '
    NR == 1 || $1 < w * 60 { next }
    { n = $2; i = ++count[n]; rss[n, i] = $3; conns[n, i] = $5 + $6; files[n, i] = $4 }
    function mean(a, n, from, to,   s, k) { s = 0; for (k = from; k <= to; k++) s += a[n, k]; return s / (to - from + 1) }
    END {
        bad = 0
        for (n in count) {
            c = count[n]
            if (c < 6) { printf "node %s: only %d samples after the warm-up\n", n, c; bad = 1; continue }
            first = mean(rss, n, 1, 3); last = mean(rss, n, c - 2, c)
            lo = hi = rss[n, 1]; for (k = 1; k <= c; k++) { if (rss[n, k] < lo) lo = rss[n, k]; if (rss[n, k] > hi) hi = rss[n, k] }
            drift = (last - first) / first * 100
            third = int(c / 3); if (third < 3) third = 3
            cstart = mean(conns, n, 1, third); cend = mean(conns, n, c - third + 1, c)
            printf "node %s: RSS %.0f -> %.0f MiB (%+.1f %%; %.0f to %.0f MiB), connections %.1f -> %.1f, open files %.0f -> %.0f\n",
                n, first / 1024, last / 1024, drift, lo / 1024, hi / 1024, cstart, cend, mean(files, n, 1, 3), mean(files, n, c - 2, c)
            if (drift > 10 || drift < -10) { printf "  memory drifted beyond 10 %%\n"; bad = 1 }
            if (cend > cstart * 1.1 + 2) { printf "  connections grew\n"; bad = 1 }
        }
        exit bad
    }' "$samples" | sort | tee "$results/soak-nodes.txt" || status=1

((status == 0)) && echo "==> PASS" || echo "==> FAIL"
exit "$status"
