#!/usr/bin/env bash
# The adversarial suite against the packed package in pkg/ (make pkg), on the real test
# server: ADVERSARIAL_CASES hostile bodies (default 60; make bench runs 2,000) and
# ADVERSARIAL_ENV_CASES misbehaving environments (default 12; make bench runs 200), and
# ADVERSARIAL_TRAFFIC_CASES of each traffic part: foreign cross-tab storms, extreme option
# sets, and 25 times as many malformed requests to the server (default 6; bench 100).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f pkg/better_auth_wasm_bg.wasm ] || scripts/build-pkg.sh
www=target/adversarial-www
rm -rf "$www" && mkdir -p "$www"
cp -r pkg "$www/pkg"
cp tests/e2e/www/store.html "$www/"
STATIC_DIR="$www" scripts/with-test-server.sh node --test --test-concurrency=1 tests/e2e/adversarial_*.test.mjs
