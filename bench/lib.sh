# Sourced by the bench scripts: their messages, root for installing, and the Debian packages they need.
# The sourcing script names itself in $bench before sourcing.

step() { printf '\n==> %s\n' "$*" >&2; }
fail() { echo "$bench: $*" >&2; exit 1; }
as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else fail "installing needs root or sudo: $*"
    fi
}

# Checks for the .NET SDK, then installs the Debian packages named (those the caller found missing).
install_missing() { # package...
    command -v dotnet >/dev/null || fail "the .NET SDK (see global.json) is not installed"
    if (($#)); then
        step "Installing $*"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
    fi
}
