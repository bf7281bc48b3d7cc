#!/usr/bin/env bash
# Builds the npm package's release wasm (crates/npm), runs wasm-bindgen (--target web) into
# OUT_DIR, shrinks the wasm with a current wasm-opt -Oz, shortens the names the wasm and
# its glue share, and prints the shipped sizes.
#   usage: scripts/build-wasm.sh OUT_DIR
#
# The shipped build uses the nightly toolchain (installed by scripts/setup.sh) to
# rebuild std with panics that abort at once: std's panic path otherwise keeps
# core::fmt and every panic message in the wasm (about 20 KB). The same code is built
# and tested on stable by the test targets. SHIP_TOOLCHAIN=stable builds this one on
# stable too (bigger).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-wasm.sh OUT_DIR}
cd "$root"

# -reference-types: JS values live in wasm-bindgen's JS-side slab instead of an
# externref table, whose management the wasm would carry (-740 B of wasm, +240 B of
# glue). Needs std rebuilt without them: the stable build (prebuilt std) and the Rust
# faces' builds keep the default.
# -Zcross-crate-inline-threshold=always: every function (std's included, rebuilt
# here) may be inlined where it is used, as if marked #[inline]: -3.0 KB of wasm gzip
# against rustc's defaults. Measured beside it: the MIR inliner (-Zinline-mir,
# thresholds 25-500: -1.7 KB at best alone, nothing on top of this), LLVM's inline
# thresholds, opt-level s, std's optimize_for_size: no further gain.
if [ "${SHIP_TOOLCHAIN:-nightly}" = nightly ]; then
  target_dir=target/ship
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Ctarget-feature=-reference-types -Zcross-crate-inline-threshold=always" \
    cargo +nightly build --quiet --release --target wasm32-unknown-unknown -p better-auth-wasm-npm \
    -Zbuild-std=std,panic_abort --target-dir "$target_dir"
else
  target_dir=target/ship-stable
  cargo build --quiet --release --target wasm32-unknown-unknown -p better-auth-wasm-npm \
    --target-dir "$target_dir"
fi
mkdir -p "$out"
# --encode-into always: no fallback for a TextEncoder without encodeInto (every browser
# since 2020 and Node 12 have it; -42 B).
wasm-bindgen --target web --encode-into always --out-dir "$out" --out-name better_auth_wasm \
  "$target_dir/wasm32-unknown-unknown/release/better_auth_wasm_npm.wasm"
wasm="$out/better_auth_wasm_bg.wasm"
js="$out/better_auth_wasm.js"
# --flatten --rereloop then -Oz, --gufa, -Oz: about 750 B gzip less than -Oz alone
# (measured against -O3, --monomorphize, --type-ssa and other orders). The target
# features section only tells wasm-bindgen, which has run: stripped (-115 B).
# --low-memory-unused (-125 B): the first 1 KB of memory is the far end of Rust's
# 1 MiB stack, never reached. Not taken: --traps-never-happen (-370 B), because a trap
# (an abort) would become undefined behaviour.
tools/node_modules/.bin/wasm-opt --flatten --rereloop -Oz --gufa -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-multivalue --strip-debug --strip-producers --strip-target-features \
  -o "$wasm.opt" "$wasm"
mv "$wasm.opt" "$wasm"
node scripts/minify-wasm-names.mjs "$wasm" "$js"

size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9c "$1" | wc -c | tr -d ' '; }
printf 'shipped size: wasm %s B (gzip %s B), JS glue %s B (gzip %s B), total gzip %s B\n' \
  "$(size "$wasm")" "$(gz "$wasm")" "$(size "$js")" "$(gz "$js")" \
  "$(( $(gz "$wasm") + $(gz "$js") ))"
