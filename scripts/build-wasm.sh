#!/usr/bin/env bash
# Builds the release wasm with the JS exports, runs wasm-bindgen (--target web) into
# OUT_DIR, shrinks the wasm with a current wasm-opt -Oz, and prints the shipped sizes.
#   usage: scripts/build-wasm.sh OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-wasm.sh OUT_DIR}
cd "$root"

cargo build --quiet --release --target wasm32-unknown-unknown --features js
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" \
  target/wasm32-unknown-unknown/release/better_auth_wasm.wasm
wasm="$out/better_auth_wasm_bg.wasm"
tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers \
  -o "$wasm.opt" "$wasm"
mv "$wasm.opt" "$wasm"

size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9c "$1" | wc -c | tr -d ' '; }
js="$out/better_auth_wasm.js"
printf 'shipped size: wasm %s B (gzip %s B), JS glue %s B (gzip %s B), total gzip %s B\n' \
  "$(size "$wasm")" "$(gz "$wasm")" "$(size "$js")" "$(gz "$js")" \
  "$(( $(gz "$wasm") + $(gz "$js") ))"
