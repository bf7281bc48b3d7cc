#!/usr/bin/env bash
# `make demo`: builds the npm package into www-demo/pkg, then runs the real Better Auth server
# serving the demo page on 127.0.0.1, with its SQLite file kept in demo-data/.
# DEMO_PORT picks the port (default 3000); CONFIG one of the named server configurations
# of test-server/configs.json (default: "default"; a Redis one starts its own
# redis-server). Stop with Ctrl-C.
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
config_name=${CONFIG:-default}
auth_config=$(CONFIG_NAME="$config_name" node -e '
  const configs = require("./test-server/configs.json");
  const config = configs[process.env.CONFIG_NAME];
  if (!config || process.env.CONFIG_NAME.startsWith("_")) {
    const names = Object.keys(configs).filter((n) => !n.startsWith("_")).join(", ");
    console.error(`unknown CONFIG "${process.env.CONFIG_NAME}": one of ${names}`);
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(config));
')
if [[ "$auth_config" == *'"redis":true'* ]]; then
  redis_port=$(scripts/free-port.sh)
  redis_dir=$(mktemp -d)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --dir "$redis_dir" --daemonize no >"$redis_dir/log" 2>&1 &
  redis_pid=$!
  trap 'kill $redis_pid 2>/dev/null; rm -rf "$redis_dir"' EXIT
  auth_config=${auth_config//'"redis":true'/"\"redis\":\"redis://127.0.0.1:$redis_port\""}
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
# The demo's own database per configuration (a Redis one keeps sessions only in Redis).
db_file="$root/demo-data/auth.sqlite"
[ "$config_name" = default ] || db_file="$root/demo-data/auth-$config_name.sqlite"
echo "starting the Better Auth server ($config_name configuration) and the demo..."
AUTH_CONFIG=$auth_config BETTER_AUTH_SECRET=$(cat demo-data/secret) RATE_LIMIT=1 \
PORT=$port DB_FILE="$db_file" STATIC_DIR="$root/www-demo" \
  node test-server/server.mjs | while IFS= read -r line; do
    case "$line" in
      *'"ready":true'*)
        url=$(printf '%s' "$line" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
        echo "demo ready: open $url/ (Ctrl-C to stop)" ;;
      *) echo "$line" ;;
    esac
  done
