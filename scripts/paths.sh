# Sourced by build.sh and serve.sh. The wasm carries the source locations of its panics; they
# should name a dependency's files as `yew-0.23.0/src/…`, not with this machine's
# `$HOME/.cargo/registry/src/index.crates.io-…/` in front. Cargo merges this variable with the
# `rustflags` in .cargo/config.toml. (The standard library's `/rustc/<commit>/library/…` paths
# are compiled into it and stay.)
remap_paths() {
  local cargo_home="${CARGO_HOME:-$HOME/.cargo}" flags="" dir
  # The registry's folders exist only once the crates are downloaded.
  cargo fetch --locked --target wasm32-unknown-unknown --quiet
  for dir in "$cargo_home"/registry/src/*/ "$PWD/"; do
    case "$dir" in *' '* | *'*'*) continue ;; esac # a path with a space cannot be passed here
    flags="$flags --remap-path-prefix=$dir="
  done
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags# }"
}
remap_paths
