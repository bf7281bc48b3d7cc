#!/usr/bin/env bash
# `make demo`: builds the npm package into www-demo/pkg, then runs the real Better Auth server
# serving the demo page on 127.0.0.1, with its SQLite file kept in demo-data/.
# DEMO_PORT picks the port (default 3000). Stop with Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/build-pkg.sh
rm -rf www-demo/pkg && cp -r pkg www-demo/pkg
mkdir -p demo-data
# The demo's own secret, made once beside its database (which it keeps): never the
# tests' fixed one, readable only by its owner.
if [ ! -s demo-data/secret ]; then
  (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > demo-data/secret)
fi
port=${DEMO_PORT:-3000}
echo "starting the Better Auth server and the demo..."
BETTER_AUTH_SECRET=$(cat demo-data/secret) RATE_LIMIT=1 \
PORT=$port DB_FILE="$root/demo-data/auth.sqlite" STATIC_DIR="$root/www-demo" \
  node test-server/server.mjs | while IFS= read -r line; do
    case "$line" in
      *'"ready":true'*)
        url=$(printf '%s' "$line" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
        echo "demo ready: open $url/ (Ctrl-C to stop)" ;;
      *) echo "$line" ;;
    esac
  done
