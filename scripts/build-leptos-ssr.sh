#!/usr/bin/env bash
# Builds examples/leptos-ssr the way cargo-leptos does from its [package.metadata.leptos]
# (cargo-leptos itself is a long compile, and these are its steps): the server binary
# with feature `ssr`, and the browser half (the lib with `hydrate`) for wasm32, run
# through wasm-bindgen into the site's pkg/ as leptos_ssr.js and leptos_ssr_bg.wasm.
# Debug builds, as `cargo leptos build` makes them.
#   usage: scripts/build-leptos-ssr.sh SITE_ROOT
# Then: LEPTOS_SITE_ROOT=SITE_ROOT AUTH_URL=... PORT=... target/debug/leptos-ssr
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
site=${1:?usage: build-leptos-ssr.sh SITE_ROOT}
cd "$root"
# With rustc's warnings denied (make lint does not clippy this example).
cargo rustc --quiet -p leptos-ssr --bin leptos-ssr --features ssr -- -D warnings
cargo rustc --quiet -p leptos-ssr --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings
rm -rf "$site" && mkdir -p "$site/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name leptos_ssr \
  target/wasm32-unknown-unknown/debug/leptos_ssr.wasm
echo "leptos-ssr: server target/debug/leptos-ssr, site $site"
