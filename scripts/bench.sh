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
STATIC_DIR="$www" BENCH_WWW="$root/$www" scripts/with-test-server.sh node bench/run.mjs
