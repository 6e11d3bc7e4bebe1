#!/usr/bin/env bash
# The load test of "Many nodes behind nginx" (README): deploy/cluster.sh starts PostgreSQL, three
# nodes and nginx; bench/Receta.Load sends a mix of reads and writes (each with an Idempotency-Key)
# through nginx and kills one node with SIGKILL a third of the way in; every acknowledged write is
# then read back through the API. Then the command line and a page are used through nginx. Exits
# non-zero when a write was lost or duplicated, a request failed that was not in flight on the killed
# node, the CLI failed or the page did not answer 200. Everything is removed afterwards, on Ctrl-C too;
# the summary and the logs are kept in artifacts/bench-cluster/.
#
#   LOAD_CLIENTS (32)  LOAD_DURATION (90s)  LOAD_WRITES (0.3)  LOAD_KILL_NODE (2)  LOAD_KILL_AFTER (a third)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

clients=${LOAD_CLIENTS:-32}
duration=${LOAD_DURATION:-90s}
kill_node=${LOAD_KILL_NODE:-2}
results=$repo/artifacts/bench-cluster
work=$(mktemp -d "${TMPDIR:-/tmp}/receta-load.XXXXXX")
# PostgreSQL's and nginx's own users must reach the cluster's folder inside.
chmod 755 "$work"
export RECETA_CLUSTER_DIR=$work/cluster
mkdir -p "$results"

finish() {
    local code=$?
    if [[ -f $RECETA_CLUSTER_DIR/cluster.env ]]; then
        mkdir -p "$results/logs"
        cp "$RECETA_CLUSTER_DIR"/nginx/logs/*.log "$results/logs/" 2>/dev/null || true
        for log in "$RECETA_CLUSTER_DIR"/node-*/node.log; do [[ -f $log ]] && cp "$log" "$results/logs/$(basename "$(dirname "$log")").log"; done
        deploy/cluster.sh stop || true
    fi
    rm -rf "$work"
    exit "$code"
}
trap finish EXIT
trap 'exit 130' INT TERM

echo "==> building the load tool and the command line (Release)"
dotnet build bench/Receta.Load -c Release -v quiet --nologo >/dev/null
dotnet build src/Receta.Cli -c Release -v quiet --nologo >/dev/null

echo "==> starting the cluster"
deploy/cluster.sh start
# shellcheck source=/dev/null
source "$RECETA_CLUSTER_DIR/cluster.env"
pid_var="node${kill_node}_pid" port_var="node${kill_node}_port"
cert=$RECETA_CLUSTER_DIR/tls/receta.crt
server=https://localhost:$https_port

echo "==> load through nginx ($clients clients, $duration), node $kill_node killed on the way"
status=0
dotnet bench/Receta.Load/bin/Release/net10.0/Receta.Load.dll \
    --url "$server" --ca "$cert" --clients "$clients" --duration "$duration" --writes "${LOAD_WRITES:-0.3}" \
    --kill-pid "${!pid_var}" ${LOAD_KILL_AFTER:+--kill-after "$LOAD_KILL_AFTER"} --killed-node "127.0.0.1:${!port_var}" \
    --nginx-log "$RECETA_CLUSTER_DIR/nginx/logs/access.log" \
    --state-out "$work/state.json" --summary-out "$results/load-summary.json" | tee "$results/load.txt" || status=1

echo "==> the command line through nginx, one node down"
export SSL_CERT_FILE=$cert XDG_CONFIG_HOME=$work/cli/config XDG_STATE_HOME=$work/cli/state
RECETA_SERVER=$server RECETA_TOKEN=$(jq -r .token "$work/state.json")
export RECETA_SERVER RECETA_TOKEN
receta() { dotnet src/Receta.Cli/bin/Release/net10.0/receta.dll "$@"; }
goal=$(jq -r .goalId "$work/state.json")
for command in "status" "log $goal 1 --note after-the-kill" "status $goal" "goals"; do
    # shellcheck disable=SC2086
    if receta $command >"$work/cli.out" 2>&1; then
        echo "receta $command: ok"
    else
        echo "receta $command: FAILED"; cat "$work/cli.out"; status=1
    fi
done
page=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$cert" "$server/signin")
echo "GET /signin: $page"; [[ $page == 200 ]] || status=1
deploy/cluster.sh status || true

((status == 0)) && echo "==> PASS" || echo "==> FAIL"
exit "$status"
