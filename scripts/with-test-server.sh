#!/usr/bin/env bash
# Runs a command with a real Better Auth test server beside it, then stops the server
# by pid, whatever the command's outcome (its exit code is kept).
#
# Sets for the command:
#   BA_TEST_SERVER_URL       the server's origin, such as http://127.0.0.1:41234
#   WASM_BINDGEN_TEST_ADDRESS the address wasm-bindgen-test serves the test page on
#   BA_TEST_PAGE_ORIGIN      that page's origin (allowed by CORS and trustedOrigins)
#   BA_TEST_REFUSED_URL      an http URL on a port where nothing listens
# Optional input: DB_FILE (keep the SQLite file), STATIC_DIR, EXTRA_ORIGINS (comma list).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

page_port=$("$here/free-port.sh")
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$page_port"
export BA_TEST_PAGE_ORIGIN="http://127.0.0.1:$page_port"
export BA_TEST_REFUSED_URL="http://127.0.0.1:$("$here/free-port.sh")"

log_dir=$(mktemp -d)
ready_file="$log_dir/ready"
TEST_FAULTS=1 ALLOWED_ORIGINS="$BA_TEST_PAGE_ORIGIN${EXTRA_ORIGINS:+,$EXTRA_ORIGINS}" \
  node "$root/test-server/server.mjs" >"$ready_file" 2>"$log_dir/stderr" &
server_pid=$!
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$log_dir"
}
trap stop_server EXIT

for _ in $(seq 1 300); do
  [ -s "$ready_file" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "test server exited before it was ready:" >&2
    cat "$log_dir/stderr" >&2
    exit 1
  fi
  sleep 0.1
done
if [ ! -s "$ready_file" ]; then
  echo "test server not ready after 30 s:" >&2
  cat "$log_dir/stderr" >&2
  exit 1
fi
BA_TEST_SERVER_URL=$(python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["url"])' <"$ready_file")
export BA_TEST_SERVER_URL
echo "test server: $BA_TEST_SERVER_URL (pid $server_pid), test page: $BA_TEST_PAGE_ORIGIN"

set +e
"$@"
status=$?
set -e
if [ "$status" -ne 0 ] && [ -s "$log_dir/stderr" ]; then
  echo "--- test server stderr ---" >&2
  tail -n 40 "$log_dir/stderr" >&2
fi
exit "$status"
