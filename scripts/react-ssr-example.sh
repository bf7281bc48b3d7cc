#!/usr/bin/env bash
# Builds examples/react-ssr (Vite: client and SSR bundles) twice, for the side-by-side
# test: dist/ on the packed better-auth-wasm (target/npm, from make pkg), and
# dist-official/ on better-auth/react with only the import swapped. Both inside the
# example: the SSR bundle imports its packages from the example's node_modules.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tarball=$(ls "$root"/target/npm/better-auth-wasm-*.tgz)
cd "$root/examples/react-ssr"
npm ci --no-audit --no-fund --loglevel=error
npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
for client in ours official; do
  out=$([ "$client" = official ] && echo dist-official || echo dist)
  AUTH_CLIENT=$client npx vite build --outDir "$out/client"
  AUTH_CLIENT=$client npx vite build --ssr src/entry-server.jsx --outDir "$out/server"
done
echo "react-ssr example: built on better-auth-wasm (dist/) and better-auth/react (dist-official/)"
