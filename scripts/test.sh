#!/usr/bin/env bash
# Runs every check and test. This is the project's one test command (`make test`); CI runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting (cargo fmt --check)"
cargo fmt --all --check

step "Lints, host (cargo clippy -D warnings)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Lints, wasm32 (cargo clippy -D warnings)"
cargo clippy --target wasm32-unknown-unknown --locked -p sextant-engine --lib -- -D warnings
cargo clippy --target wasm32-unknown-unknown --locked -p sextant-widget --lib --tests -- -D warnings

step "Native tests (cargo test --workspace)"
cargo test --workspace --locked

step "Browser component tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --locked -p sextant-widget

step "Release build (trunk build --release)"
scripts/build.sh

step "Release size"
node scripts/size-report.mjs dist

step "End-to-end tests (Playwright + axe-core on the release build)"
npm run --silent test:e2e
