#!/usr/bin/env bash
# Runs a command with a real Better Auth test server beside it, then stops the server
# by pid, whatever the command's outcome (its exit code is kept).
#
# Sets for the command:
#   BA_TEST_SERVER_URL       the server's origin, such as http://127.0.0.1:41234
#   WASM_BINDGEN_TEST_ADDRESS the address wasm-bindgen-test serves the test page on
#   BA_TEST_PAGE_ORIGIN      that page's origin (allowed by CORS and trustedOrigins)
#   BA_TEST_REFUSED_URL      an http URL on a port where nothing listens
#   BA_TEST_SHORT_SERVER_URL a second server whose sessions are fresh for 1 s and expire
#                            after 3 s (SESSION_NOT_FRESH and SESSION_EXPIRED tests)
#   BA_TEST_LIMITED_SERVER_URL a third with Better Auth's rate limiter on: 3 requests per
#                            path per 4 s (sign-in/up: its own 3 per 10 s)
#   BA_TEST_RENEWING_SERVER_URL a fourth whose sessions any read renews 1 s after the last
#                            renewal (updateAge 1 s: Set-Cookie forwarding by ServerClient)
#   BA_TEST_OIDC_URL         a local OpenID Connect provider (test-server/oidc-provider.mjs),
#                            the main server's generic OAuth provider "local-oidc"
# Optional input: DB_FILE (keep the SQLite file), STATIC_DIR, EXTRA_ORIGINS (comma list).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

page_port=$("$here/free-port.sh")
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$page_port"
export BA_TEST_PAGE_ORIGIN="http://127.0.0.1:$page_port"
export BA_TEST_REFUSED_URL="http://127.0.0.1:$("$here/free-port.sh")"

log_dir=$(mktemp -d)
pids=()
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$log_dir"
}
trap stop_servers EXIT

# start_server NAME [VAR=VALUE...]: starts a server and waits for its ready line
# (SCRIPT: test-server/server.mjs, or another that prints one).
start_server() {
  local name=$1
  shift
  env "$@" TEST_FAULTS=1 ALLOWED_ORIGINS="$BA_TEST_PAGE_ORIGIN${EXTRA_ORIGINS:+,$EXTRA_ORIGINS}" \
    node "$root/test-server/${SCRIPT:-server.mjs}" >"$log_dir/$name.ready" 2>"$log_dir/$name.stderr" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 300); do
    [ -s "$log_dir/$name.ready" ] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "test server $name did not start:" >&2
  cat "$log_dir/$name.stderr" >&2
  return 1
}

url_of() { python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["url"])' <"$log_dir/$1.ready"; }
SCRIPT=oidc-provider.mjs start_server oidc
BA_TEST_OIDC_URL=$(url_of oidc)
start_server main OIDC_ISSUER="$BA_TEST_OIDC_URL"
start_server short FRESH_AGE=1 SESSION_EXPIRES_IN=3
start_server limited RATE_LIMIT=1 RATE_LIMIT_WINDOW=4 RATE_LIMIT_MAX=3
start_server renewing AUTH_CONFIG='{"session":{"updateAge":1}}'
BA_TEST_SERVER_URL=$(url_of main)
BA_TEST_SHORT_SERVER_URL=$(url_of short)
BA_TEST_LIMITED_SERVER_URL=$(url_of limited)
BA_TEST_RENEWING_SERVER_URL=$(url_of renewing)
export BA_TEST_SERVER_URL BA_TEST_SHORT_SERVER_URL BA_TEST_LIMITED_SERVER_URL BA_TEST_RENEWING_SERVER_URL BA_TEST_OIDC_URL
echo "test servers: $BA_TEST_SERVER_URL, short sessions $BA_TEST_SHORT_SERVER_URL, rate-limited $BA_TEST_LIMITED_SERVER_URL, renewing $BA_TEST_RENEWING_SERVER_URL; test page: $BA_TEST_PAGE_ORIGIN"

set +e
"$@"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  for log in "$log_dir"/*.stderr; do
    [ -s "$log" ] || continue
    echo "--- $(basename "$log") ---" >&2
    tail -n 40 "$log" >&2
  done
fi
exit "$status"
