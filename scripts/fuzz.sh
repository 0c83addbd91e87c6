#!/usr/bin/env bash
# Fuzzes the engine: each target in fuzz/ for a bounded time, one after the other.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS is the time per target (default 60); the targets default to all four. Works on stable
# Rust: without a sanitizer, cargo-fuzz needs no nightly flags (libFuzzer still catches panics,
# hangs and runaway memory). Fails when a target finds a crash, a hang or an out-of-memory input;
# libFuzzer then saves the input under fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(load_assessment parse_expression decode_share_code restore_state)
fi
case $SECONDS_PER_TARGET in
    '' | *[!0-9]*)
        echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
        exit 2
        ;;
esac

export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    echo "==> Installing cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

# Release build with debug assertions and overflow checks, no sanitizer (the engine has no
# unsafe code), so stable Rust is enough.
FLAGS=(--sanitizer none --release --debug-assertions)

echo "==> Building the fuzz targets"
cargo fuzz build "${FLAGS[@]}"

mkdir -p fuzz/target/logs
failed=()
summary=()
for target in "${TARGETS[@]}"; do
    corpus=fuzz/corpus/$target
    mkdir -p "$corpus"
    seeds=(fuzz/seeds/"$target")
    extra=()
    case $target in
        load_assessment) seeds+=(e2e/fixtures) extra+=(-max_len=16384) ;;
        parse_expression) extra+=(-dict=fuzz/dict/expression.dict) ;;
    esac

    # Inputs that once crashed must keep passing.
    regressions=fuzz/regressions/$target
    if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
        echo "==> $target: replaying $regressions"
        if ! cargo fuzz run "${FLAGS[@]}" "$target" "$regressions" -- -runs=0; then
            failed+=("$target (regression)")
            continue
        fi
    fi

    echo "==> $target: fuzzing for ${SECONDS_PER_TARGET}s"
    log=fuzz/target/logs/$target.log
    status=0
    cargo fuzz run "${FLAGS[@]}" "$target" "$corpus" "${seeds[@]}" -- \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "${extra[@]}" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    tail -n 5 "$log"
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        summary+=("$target: FAILED after ${runs:-?} executions (see $log and fuzz/artifacts/$target/)")
    else
        summary+=("$target: ${runs:-?} executions, no crash")
    fi
done

echo
echo "==> Summary"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
