#!/usr/bin/env bash
# Builds examples/leptos-app and examples/yew-app for the browser into OUT_DIR/<app>/
# (release, wasm-bindgen --target web, wasm-opt -Oz) and prints each app's wasm size.
#   usage: scripts/build-examples.sh OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-examples.sh OUT_DIR}
cd "$root"
cargo build --quiet --release --target wasm32-unknown-unknown -p leptos-app -p yew-app
for app in leptos-app yew-app; do
  dir="$out/$app"
  rm -rf "$dir" && mkdir -p "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" \
    "target/wasm32-unknown-unknown/release/$app.wasm"
  # wasm-bindgen names its output after the file: <app>_bg.wasm and <app>.js.
  wasm="$dir/${app}_bg.wasm"
  tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers -o "$wasm.opt" "$wasm"
  mv "$wasm.opt" "$wasm"
  cp "examples/$app/index.html" "$dir/"
  printf 'example %s: wasm %s B (gzip %s B), JS glue gzip %s B\n' "$app" \
    "$(wc -c <"$wasm" | tr -d ' ')" "$(gzip -9c "$wasm" | wc -c | tr -d ' ')" \
    "$(gzip -9c "$dir/$app.js" | wc -c | tr -d ' ')"
done
