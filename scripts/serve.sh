#!/usr/bin/env bash
# Builds the release bundle and serves it at http://127.0.0.1:8080 (rebuilding on change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
. scripts/paths.sh
exec trunk serve --release --offline --minify --address 127.0.0.1 --port 8080 "$@"
