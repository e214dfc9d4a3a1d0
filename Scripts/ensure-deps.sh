#!/usr/bin/env bash
# Installs (or names) the Debian packages ChunkScope needs. Sourced by Scripts/demo and Scripts/test.
# Usage: ensure_deps [extra-package …]
ensure_deps() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "chunkscope: Swift 6 is not on PATH; install it from swift.org first." >&2
        return 1
    fi
    local wanted=(pkg-config libncurses-dev libcurl4-openssl-dev libsqlite3-dev "$@")
    local missing=()
    local p
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ]; then
        echo "chunkscope: installing ${missing[*]}" >&2
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; then
            apt-get update -q >/dev/null 2>&1 || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null || {
                echo "chunkscope: apt-get could not install: ${missing[*]}" >&2
                return 1
            }
        fi
    else
        echo "chunkscope: missing system packages. Run:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi
}

# Makes sure the Python venv DIR exists and can import MODULE, installing PACKAGE (default: MODULE)
# with pip on first use. Usage: ensure_python_venv DIR MODULE [PACKAGE]
ensure_python_venv() {
    local venv="$1" module="$2" package="${3:-$2}"
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import $module" 2>/dev/null; then return 0; fi
    echo "chunkscope: setting up $package in $venv" >&2
    python3 -m venv "$venv" 2>/dev/null || { ensure_deps python3-venv && python3 -m venv "$venv"; } || return 1
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$package"
}
