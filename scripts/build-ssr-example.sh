#!/usr/bin/env bash
# Builds a Rust server-rendering example with a server half (a binary, feature `ssr`)
# and a browser half (the lib, feature `hydrate`, for wasm32, run through wasm-bindgen
# into SITE_ROOT/pkg/ as <name>.js and <name>_bg.wasm, the package's name with `_`).
# - examples/leptos-ssr: the steps cargo-leptos takes from its
#   [package.metadata.leptos] (cargo-leptos itself is a long compile). Then:
#   LEPTOS_SITE_ROOT=SITE_ROOT AUTH_URL=... PORT=... target/debug/leptos-ssr
# - examples/yew-ssr: yew's ServerRenderer server and its hydrating lib. Then:
#   SITE_ROOT=SITE_ROOT AUTH_URL=... PORT=... target/debug/yew-ssr
# Debug builds (as `cargo leptos build` makes them), sharing the workspace's target
# directory, with rustc's warnings denied (make lint does not clippy these examples).
#   usage: scripts/build-ssr-example.sh PACKAGE SITE_ROOT
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
package=${1:?usage: build-ssr-example.sh PACKAGE SITE_ROOT}
site=${2:?usage: build-ssr-example.sh PACKAGE SITE_ROOT}
name=${package//-/_}
cd "$root"
cargo rustc --quiet -p "$package" --bin "$package" --features ssr -- -D warnings
cargo rustc --quiet -p "$package" --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings
rm -rf "$site" && mkdir -p "$site/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name "$name" \
  "target/wasm32-unknown-unknown/debug/$name.wasm"
echo "$package: server target/debug/$package, site $site"
