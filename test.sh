#!/usr/bin/env bash
# The one test command. On a fresh Debian machine it installs what the tests need (PostgreSQL server
# binaries, Chromium, nginx, Node.js with npm, and Spectral from npm as pinned in tools/spectral/package-lock.json),
# builds the solution once, runs every test project, and ends with the totals
# counted from the TRX reports, alone on the last line: "N passed, N failed".
# Exits non-zero when a test failed, the run broke, or no test ran at all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Browsers come from Debian's chromium package; no tool may download one of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

results=TestResults/trx
started=$SECONDS

step() { printf '\n==> %s\n' "$*"; }

count_results() { # sums the TRX reports' counters into $passed and $failed (executed tests only)
    local trx counters name value
    passed=0 failed=0
    for trx in "$results"/*.trx; do
        [[ -f $trx ]] || continue
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
        for name in passed failed error timeout aborted; do
            value=$(sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
            if [[ $name == passed ]]; then passed=$((passed + ${value:-0})); else failed=$((failed + ${value:-0})); fi
        done
    done
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "test.sh: installing needs root or sudo: $*" >&2
        return 1
    fi
}

step "Checking tools"
command -v dotnet >/dev/null || { echo "test.sh: the .NET SDK (see global.json) is not installed" >&2; exit 1; }
missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
    step "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
# Spectral lints the OpenAPI document (OpenApiLintTests). npm ci installs exactly the lock file, again
# whenever the lock file is newer than the install; no package's install script runs (none is needed).
spectral=tools/spectral
if [[ ! -x $spectral/node_modules/.bin/spectral || $spectral/package-lock.json -nt $spectral/node_modules/.package-lock.json ]]; then
    step "Installing Spectral (npm ci in $spectral)"
    # Without it the other tests still run; OpenApiLintTests fails and says so.
    (cd "$spectral" && npm ci --ignore-scripts --no-audit --no-fund) || echo "test.sh: installing Spectral failed" >&2
fi
echo "dotnet $(dotnet --version); $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' '); $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'); $(/usr/sbin/nginx -v 2>&1 || echo 'nginx ?'); node $(node --version 2>/dev/null || echo '?'); spectral $("$spectral"/node_modules/.bin/spectral --version 2>/dev/null || echo '?')"

step "Building (Release)"
if ! dotnet build Receta.slnx -c Release; then
    echo "test.sh: the build failed" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

step "Testing"
rm -rf "$results"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# --timeout ends a hung test project (exit code 3) long before CI's own limit would.
set +e
dotnet test --solution Receta.slnx -c Release --no-build --no-progress --timeout 30m \
    --results-directory "$results" -- --report-xunit-trx 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

count_results
echo
echo "test.sh: $((SECONDS - started)) s; TRX reports in $results/"
# Two test projects writing a report of the same name would silently lose tests: cross-check.
reported_passed=$(sed -n 's/^ *succeeded: *\([0-9]*\)$/\1/p' "$log" | tail -n 1)
reported_failed=$(sed -n 's/^ *failed: *\([0-9]*\)$/\1/p' "$log" | tail -n 1)
if [[ -n $reported_passed && -n $reported_failed ]] && ((reported_passed + reported_failed != passed + failed)); then
    echo "test.sh: the TRX reports count $((passed + failed)) tests but the run reported $((reported_passed + reported_failed)); was a report overwritten?" >&2
    ((status != 0)) || status=1
fi
if ((passed + failed == 0)); then
    echo "test.sh: no test ran" >&2
    ((status != 0)) || status=1
elif ((failed > 0)); then
    ((status != 0)) || status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
