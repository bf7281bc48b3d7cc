#!/usr/bin/env bash
# Runs examples/axum-ssr against the real test servers (under with-test-server.sh):
# a request with a signed-in user's cookies renders that user, one without renders
# signed out; a session Better Auth renews during the render (updateAge 1 s on the
# renewing server) reaches the browser as Set-Cookie; an unreachable Better Auth
# renders signed out with a typed error. Stops the examples by pid.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --quiet -p axum-ssr
auth=$BA_TEST_RENEWING_SERVER_URL
port=$(scripts/free-port.sh)
down_port=$(scripts/free-port.sh)
AUTH_URL="$auth" PORT="$port" target/debug/axum-ssr >/dev/null &
pid=$!
AUTH_URL="$BA_TEST_REFUSED_URL" PORT="$down_port" target/debug/axum-ssr >/dev/null &
down_pid=$!
trap 'kill "$pid" "$down_pid" 2>/dev/null || true' EXIT
for p in "$port" "$down_port"; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$p/" && break; sleep 0.1; done
done

jar=$(mktemp)
headers=$(mktemp)
trap 'kill "$pid" "$down_pid" 2>/dev/null || true; rm -f "$jar" "$headers"' EXIT
curl -s -c "$jar" -H "origin: $auth" -H "content-type: application/json" \
  -d "{\"email\":\"ssr-$RANDOM$RANDOM@example.com\",\"password\":\"correct-horse-battery\",\"name\":\"Ssr User\"}" \
  "$auth/api/auth/sign-up/email" >/dev/null
signed_in=$(curl -s -b "$jar" "http://127.0.0.1:$port/")
signed_out=$(curl -s "http://127.0.0.1:$port/")
sleep 1.5
renewed=$(curl -s -D "$headers" -b "$jar" "http://127.0.0.1:$port/")
down=$(curl -s -b "$jar" "http://127.0.0.1:$down_port/")
echo "axum-ssr with cookie: $signed_in"
echo "axum-ssr without: $signed_out"
echo "axum-ssr after updateAge: $(grep -ci '^set-cookie: better-auth.session_token=' "$headers") session cookie(s) forwarded"
echo "axum-ssr with Better Auth down: $down"
grep -q "Signed in as Ssr User" <<<"$signed_in"
grep -q "Signed out" <<<"$signed_out"
grep -q "Signed in as Ssr User" <<<"$renewed"
grep -qi '^set-cookie: better-auth.session_token=.*Max-Age' "$headers"
grep -q "Signed out" <<<"$down" && grep -q "NETWORK" <<<"$down"
echo "axum-ssr: ok"
