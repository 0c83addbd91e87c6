#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) the widget needs, at pinned versions.
# Idempotent: each step checks first and does nothing when the tool is already there.
#
#   scripts/setup.sh build   # wasm32 target, wasm-bindgen-cli, trunk, npm packages (wasm-opt)
#   scripts/setup.sh test    # the above, plus Debian's chromium and chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Not --locked: its lockfile pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (about a quarter of an hour, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version --force
fi

# npm packages: binaryen (wasm-opt), and the browser test tools. Reinstalled when the lockfile changes.
stamp=node_modules/.package-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
fi

if [ "${1:-build}" = "test" ]; then
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        say "Installing Debian's chromium and chromium-driver"
        SUDO=""
        [ "$(id -u)" -eq 0 ] || SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
fi
