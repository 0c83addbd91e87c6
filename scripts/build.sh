#!/usr/bin/env bash
# Builds the release bundle into dist/ with trunk, offline, using the pinned wasm-bindgen and
# the npm binaryen's wasm-opt (-Oz).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
. scripts/paths.sh
trunk build --release --offline --minify "$@"
node scripts/sri.mjs dist
