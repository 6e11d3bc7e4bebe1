#!/usr/bin/env bash
# First paint on a phone's connection (issue 12: a cold dashboard at most 40 KB and usable within
# 1.5 s on Chromium at 400 ms a request and 50 KB/s; the dashboard and the goal page painted from
# their first answer). Builds Receta in Release and serves it in Production over https (a
# day-long self-signed certificate for 127.0.0.1) on SQLite in a temporary folder with the demo,
# then bench/Receta.FirstPaint loads the demo's dashboard and goal page cold RUNS times each in
# Debian's Chromium and asserts the budget on the medians (exit 1 when over). Removes what it made.
# Knobs: RUNS (cold loads of each page, default 20).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RUNS=${RUNS:-20}
out=artifacts/bench-first-paint # gitignored: the results of the last run

bench=bench/first-paint/run.sh
source bench/lib.sh

step "Checking tools"
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
install_missing "${missing[@]}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/receta-first-paint.XXXXXX")
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

step "Building (Release)"
for project in src/Receta.Web bench/Receta.FirstPaint; do
    dotnet build "$project" -c Release -v quiet -nologo >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; fail "building $project failed"; }
done
web_dll=$(dotnet msbuild src/Receta.Web -getProperty:TargetPath -p:Configuration=Release)
paint_dll=$(dotnet msbuild bench/Receta.FirstPaint -getProperty:TargetPath -p:Configuration=Release)

step "Receta on SQLite with the demo, over https"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=https://127.0.0.1:$port
(cd src/Receta.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$web_dll" --urls "$base" \
    --ConnectionStrings:Receta "Data Source=$tmp/receta.db" \
    --Kestrel:Certificates:Default:Path "$tmp/cert.pem" --Kestrel:Certificates:Default:KeyPath "$tmp/key.pem") >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 600); do
    kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "the server stopped"; }
    curl -kfsS "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -kfsS "$base/healthz" >/dev/null || { cat "$tmp/server.log" >&2; fail "no answer from /healthz within 60 s"; }

step "$RUNS cold loads of the dashboard and the goal page"
mkdir -p "$out"
set +e
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 dotnet "$paint_dll" "$base" "$RUNS" | tee "$out/results.md"
status=${PIPESTATUS[0]}
set -e
exit "$status"
