#!/usr/bin/env bash
# `make bench` (and, with BENCH_SMOKE=1, its tiny smoke run in `make test`): builds the
# npm package and the official client's bundle, serves both from the real test server,
# and runs bench/run.mjs in headless Chromium.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/build-pkg.sh >/dev/null
www=target/bench-www
rm -rf "$www" && mkdir -p "$www"
cp -r pkg "$www/pkg"
cp bench/www/* "$www/"
(cd bench && npx esbuild official-entry.js --bundle --minify --format=esm --log-level=warning --outfile="$root/$www/official.js")
(cd bench && npx esbuild official-size-entry.js --bundle --minify --format=esm --log-level=warning --outfile="$root/$www/official-size.js")
# Ours as an app ships it too: one bundle, the .wasm beside it.
(cd bench && npx esbuild ours-size-entry.js --bundle --minify --format=esm --log-level=warning --outfile="$root/$www/ours-size.js")
(cd bench && npx esbuild ours-entry.js --bundle --minify --format=esm --log-level=warning --outfile="$root/$www/ours.js")
cp pkg/better_auth_wasm_bg.wasm "$www/"
if [ -z "${BENCH_SMOKE:-}" ]; then
  echo "the 20 largest items of the shipped wasm (twiggy top, on a copy that keeps names):"
  named=target/ship/better_auth_wasm_named.wasm
  wasm-bindgen --target web --out-dir target/ship/named --out-name better_auth_wasm target/ship/wasm32-unknown-unknown/release/better_auth_wasm_npm.wasm
  tools/node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue -o "$named" target/ship/named/better_auth_wasm_bg.wasm
  twiggy top -n 20 "$named" | cut -c1-160
fi
STATIC_DIR="$www" BENCH_WWW="$root/$www" scripts/with-test-server.sh node bench/run.mjs
