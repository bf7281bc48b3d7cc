#!/usr/bin/env bash
# `make pkg`: the npm package in pkg/ (wasm shrunk by wasm-opt, the wasm-bindgen glue,
# the hand-written wrapper, types and adapters from pkg-template/), packed with
# `npm pack` into target/npm/, with the shipped sizes printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rm -rf pkg && mkdir -p pkg target/npm
scripts/build-wasm.sh pkg
rm -f pkg/*.d.ts pkg/.gitignore
cp pkg-template/* pkg/
rm -f target/npm/*.tgz
tarball=$(cd pkg && npm pack --silent --pack-destination "$root/target/npm")
size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9c "$1" | wc -c | tr -d ' '; }
br() { python3 -c 'import sys
try:
    import brotli
    print(len(brotli.compress(open(sys.argv[1], "rb").read(), quality=11)))
except ImportError:
    print("n/a")' "$1"; }
wasm=pkg/better_auth_wasm_bg.wasm
js_total=$(cat pkg/index.js pkg/better_auth_wasm.js | gzip -9c | wc -c | tr -d ' ')
echo "npm package: target/npm/$tarball ($(size "target/npm/$tarball") B)"
echo "shipped (core entry: wasm + glue + wrapper): wasm $(size "$wasm") B, gzip $(gz "$wasm") B;" \
  "JS $(( $(size pkg/index.js) + $(size pkg/better_auth_wasm.js) )) B, gzip $js_total B;" \
  "total gzip $(( $(gz "$wasm") + js_total )) B"
