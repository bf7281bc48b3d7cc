#!/usr/bin/env bash
# Multi-page tests (tests/e2e/*.test.mjs, node's test runner + playwright-core + Debian
# Chromium) against the real test server, which serves the built wasm and the pages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
www=target/e2e-www
rm -rf "$www" && mkdir -p "$www"
scripts/build-wasm.sh "$www/pkg"
cp tests/e2e/www/* "$www/"
STATIC_DIR="$www" scripts/with-test-server.sh node --test --test-concurrency=1 tests/e2e/
