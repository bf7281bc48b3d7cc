#!/usr/bin/env bash
# Builds examples/yew-ssr as Yew SSR apps are built: the server binary with feature
# `ssr` (yew's ServerRenderer, axum), and the browser half (the lib with `hydrate`) for
# wasm32, run through wasm-bindgen into the site's pkg/ as yew_ssr.js and
# yew_ssr_bg.wasm. Debug builds, sharing the workspace's target directory.
#   usage: scripts/build-yew-ssr.sh SITE_ROOT
# Then: SITE_ROOT=SITE_ROOT AUTH_URL=... PORT=... target/debug/yew-ssr
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
site=${1:?usage: build-yew-ssr.sh SITE_ROOT}
cd "$root"
# With rustc's warnings denied (make lint does not clippy this example).
cargo rustc --quiet -p yew-ssr --bin yew-ssr --features ssr -- -D warnings
cargo rustc --quiet -p yew-ssr --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings
rm -rf "$site" && mkdir -p "$site/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name yew_ssr \
  target/wasm32-unknown-unknown/debug/yew_ssr.wasm
echo "yew-ssr: server target/debug/yew-ssr, site $site"
