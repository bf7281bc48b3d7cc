#!/usr/bin/env bash
# Builds examples/leptos-app and examples/yew-app for the browser into OUT_DIR/<app>/
# (wasm-bindgen --target web). EXAMPLES_PROFILE=release (default dev, as the tests use
# them: a dev build compiles in a fraction of the time) builds them as they would ship,
# shrinks them with wasm-opt -Oz and prints each app's size.
#   usage: scripts/build-examples.sh OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-examples.sh OUT_DIR}
profile=${EXAMPLES_PROFILE:-dev}
cd "$root"
cargo build --quiet --profile "$profile" --target wasm32-unknown-unknown -p leptos-app -p yew-app
target_dir=target/wasm32-unknown-unknown/$([ "$profile" = dev ] && echo debug || echo "$profile")
for app in leptos-app yew-app; do
  dir="$out/$app"
  rm -rf "$dir" && mkdir -p "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" "$target_dir/$app.wasm"
  cp "examples/$app/index.html" "$dir/"
  [ "$profile" = release ] || continue
  # wasm-bindgen names its output after the file: <app>_bg.wasm and <app>.js.
  wasm="$dir/${app}_bg.wasm"
  tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers -o "$wasm.opt" "$wasm"
  mv "$wasm.opt" "$wasm"
  printf 'example %s: wasm %s B (gzip %s B), JS glue gzip %s B\n' "$app" \
    "$(wc -c <"$wasm" | tr -d ' ')" "$(gzip -9c "$wasm" | wc -c | tr -d ' ')" \
    "$(gzip -9c "$dir/$app.js" | wc -c | tr -d ' ')"
done
