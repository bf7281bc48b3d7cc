#!/usr/bin/env bash
# Tests of what users run, in real Chromium tabs (node's test runner, playwright-core,
# Debian's Chromium) against the real test server, which serves every page:
#   - the npm package: packed (make pkg), type-checked by a strict TypeScript consumer,
#     built into React, Vue and Svelte apps by Vite, and loaded by a plain ESM page;
#   - the drop-in scenario, bundled on better-auth/client and on this package;
#   - the Leptos and Yew example apps (examples/), built for wasm;
#   - the server-rendering examples: React on Vite SSR, Leptos SSR plus hydrate;
#   - multi-page behaviour of the store and session management (tests/e2e/*.test.mjs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/build-pkg.sh
tarball=$(ls target/npm/better-auth-wasm-*.tgz)

echo "npm consumers: installing $tarball"
(cd tests/npm && npm install --no-save --no-audit --no-fund --loglevel=error "$root/$tarball")
if grep -nE "([:<,|(]|=>)\s*any\b" crates/npm/package/*.d.ts; then
  echo "public types must not use any" >&2
  exit 1
fi
echo "tsc --strict --noEmit against the packed package"
(cd tests/npm && npx tsc -p ts-consumer/tsconfig.json)
# A migrated app: better-auth-wasm/client typed with better-auth's own types.
(cd tests/npm && npx tsc -p ts-consumer/tsconfig.dropin.json)
echo "tsc: ok"
(cd tests/npm && node --test adapters.test.mjs)
# better-auth's own client tests, on both clients, in happy-dom and jsdom (vitest).
(cd tests/peer && npm install --no-save --no-audit --no-fund --loglevel=error "$root/$tarball" && node run.mjs)

www=target/e2e-www
rm -rf "$www" && mkdir -p "$www"
cp -r pkg "$www/pkg"
cp tests/e2e/www/* "$www/"
# The official client plugins, bundled for the plugin test (better-auth from bench/).
NODE_PATH=bench/node_modules bench/node_modules/.bin/esbuild tests/e2e/official-plugins-entry.mjs \
  --bundle --format=esm --minify --log-level=warning --outfile="$www/official-plugins.js"
# The drop-in scenario, bundled on the official client and, with only its import of
# better-auth/client swapped, on this package (its .wasm beside the bundle).
node scripts/bundle-dropin.mjs "$www"
for app in react vue svelte; do
  (cd tests/npm && OUT_DIR="$root/$www/$app" npx vite build --config $app-app/vite.config.mjs)
done
mkdir -p "$www/plain"
cp tests/npm/plain/index.html "$www/plain/"
cp -r tests/npm/node_modules/better-auth-wasm "$www/plain/better-auth-wasm"
cp -r www-demo "$www/demo" && rm -rf "$www/demo/pkg" && cp -r pkg "$www/demo/pkg"
scripts/build-examples.sh "$www"
scripts/react-ssr-example.sh
scripts/build-ssr-example.sh leptos-ssr target/leptos-ssr-site
scripts/build-ssr-example.sh yew-ssr target/yew-ssr-site
scripts/build-dioxus-app.sh target/dioxus-site
scripts/build-framework-apps.sh
echo "vite build, plain page, demo and example apps: ok"

# The SSR examples' pages call Better Auth from their own origins (the React one's
# sign-out, the Leptos, Yew and Dioxus ones' clients): the servers trust them.
# The framework apps (one at a time on FRAMEWORK_PORT) hand /api/auth to Better Auth with
# their page's origin.
export REACT_SSR_PORT=$(scripts/free-port.sh) LEPTOS_SSR_PORT=$(scripts/free-port.sh) YEW_SSR_PORT=$(scripts/free-port.sh) DIOXUS_SSR_PORT=$(scripts/free-port.sh) FRAMEWORK_PORT=$(scripts/free-port.sh)
EXTRA_ORIGINS="http://127.0.0.1:$REACT_SSR_PORT,http://127.0.0.1:$LEPTOS_SSR_PORT,http://127.0.0.1:$YEW_SSR_PORT,http://127.0.0.1:$DIOXUS_SSR_PORT,http://127.0.0.1:$FRAMEWORK_PORT" STATIC_DIR="$www" \
  scripts/with-test-server.sh node --test --test-concurrency=1 tests/e2e/ tests/npm/node.test.mjs
