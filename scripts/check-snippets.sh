#!/usr/bin/env bash
# Fails when the library and the npm crate (whose browser test binary links both) have
# more than 3 JavaScript snippet modules (`#[wasm_bindgen(module
# = "/...")]` or `inline_js`). The wasm-bindgen test page fetches all of them at once, and
# wasm-bindgen-test-runner's server (tiny_http) now and then leaves one of 4 or 5
# parallel fetches unanswered: the page never loads, and a browser test binary fails
# after 5 minutes with "Failed to detect test as having been run". With 3 it loads.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
modules=$( (grep -rhoE 'module = "/[^"]+"' src crates/npm/src || true) | sort -u)
inline=$( (grep -rho 'inline_js' src crates/npm/src || true) | wc -l)
count=$(( $(printf '%s' "$modules" | grep -c . || true) + inline ))
if [ "$count" -gt 3 ]; then
  echo "check-snippets: the crate has $count JS snippet modules (at most 3):" >&2
  printf '%s\n' "$modules" >&2
  echo "check-snippets: put the new JavaScript in one of these modules (see this script for why)." >&2
  exit 1
fi
echo "check-snippets: $count JS snippet modules (at most 3)"
