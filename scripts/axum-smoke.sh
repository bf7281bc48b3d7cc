#!/usr/bin/env bash
# Runs examples/axum-ssr against the real test server (under with-test-server.sh):
# a request with a signed-in user's cookies renders that user, one without renders
# signed out. Stops the example by pid.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --quiet -p axum-ssr
port=$(scripts/free-port.sh)
AUTH_URL="$BA_TEST_SERVER_URL" PORT="$port" target/debug/axum-ssr >/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

jar=$(mktemp)
curl -s -c "$jar" -H "origin: $BA_TEST_SERVER_URL" -H "content-type: application/json" \
  -d "{\"email\":\"ssr-$RANDOM$RANDOM@example.com\",\"password\":\"correct-horse-battery\",\"name\":\"Ssr User\"}" \
  "$BA_TEST_SERVER_URL/api/auth/sign-up/email" >/dev/null
signed_in=$(curl -s -b "$jar" "http://127.0.0.1:$port/")
signed_out=$(curl -s "http://127.0.0.1:$port/")
rm -f "$jar"
echo "axum-ssr with cookie: $signed_in"
echo "axum-ssr without: $signed_out"
grep -q "Signed in as Ssr User" <<<"$signed_in"
grep -q "Signed out" <<<"$signed_out"
echo "axum-ssr: ok"
