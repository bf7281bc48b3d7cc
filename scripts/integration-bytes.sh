#!/usr/bin/env bash
# What each Rust front-end integration adds to its example app's wasm: each example
# (examples/leptos-app, examples/yew-app, the web half of examples/dioxus-app) built for
# release twice, as it is and with feature `without-auth` (the same framework mounting a
# static view instead, so the client, the integration and the example's session views
# all drop out), each shrunk with wasm-opt -Oz; prints gzip sizes and the difference
# (an upper bound for the integration: it includes the example's own session views and
# what of the framework only they use), and, as a lower bound, twiggy's sum of the
# functions named better_auth_wasm:: in the same build (names kept, before wasm-opt).
# Part of `make bench`: release builds of three frameworks take minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=target/integration-bytes
rm -rf "$out" && mkdir -p "$out"
gz() { gzip -9c "$1" | wc -c | tr -d ' '; }
measure() { # app features label -> "wasm_gzip glue_gzip"
  local app=$1 features=$2 label=$3 dir="$out/$1-$3"
  cargo build --quiet --release --target wasm32-unknown-unknown -p "$app" ${features:+--features "$features"}
  mkdir -p "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name app \
    "target/wasm32-unknown-unknown/release/$app.wasm"
  tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers -o "$dir/app.wasm" "$dir/app_bg.wasm"
  echo "$(gz "$dir/app.wasm") $(gz "$dir/app.js")"
}
printf '%-12s %14s %14s %s\n' example "with (gzip B)" "without" "client at most; library's functions at least (raw B)"
for spec in "leptos-app::" "yew-app::" "dioxus-app:web:web,"; do
  IFS=: read -r app with without <<<"$spec"
  read -r w_wasm w_js <<<"$(measure "$app" "$with" with)"
  read -r b_wasm b_js <<<"$(measure "$app" "${without}without-auth" without)"
  ours=$(twiggy top -n 1000000 -f csv "$out/$app-with/app_bg.wasm" |
    awk -F, '/better_auth_wasm::/ { sum += $(NF-3) } END { print sum + 0 }')
  printf '%-12s %14s %14s %s\n' "$app" "$((w_wasm + w_js))" "$((b_wasm + b_js))" \
    "+$((w_wasm + w_js - b_wasm - b_js)) (wasm +$((w_wasm - b_wasm)), glue +$((w_js - b_js))); $ours"
done
