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
echo "npm package: target/npm/$tarball ($(wc -c <"target/npm/$tarball" | tr -d ' ') B)"
node scripts/size.mjs
