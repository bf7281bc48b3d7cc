#!/usr/bin/env bash
# Builds each framework app of tests/frameworks/ the way its users build it, twice: on
# better-auth's own entry, and with only that import swapped to better-auth-wasm's
# (the packed package of `make pkg`, installed beside it). Out: target/frameworks/APP-official
# and target/frameworks/APP-ours, each with its build output.
#   usage: scripts/build-framework-apps.sh [APP...]   (default: every app)
# SvelteKit 3 and Nuxt 4 need Node >= 22.17: the Node that scripts/setup.sh installs
# in tools/node22 runs their installs and builds (and their servers, in the tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tarball=$(ls "$root"/target/npm/better-auth-wasm-*.tgz)
export PATH="$root/tools/node22/node_modules/node/bin:$PATH"
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(sveltekit nuxt next solid)
# Each app's packages (npm ci when its lock file changed) and the packed package, all
# apps at once: mostly waiting on the registry.
install() {
  local src="tests/frameworks/$1" stamp="tests/frameworks/$1/node_modules/.setup-lock-stamp"
  if ! cmp -s "$src/package-lock.json" "$stamp" 2>/dev/null; then
    (cd "$src" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    cp "$src/package-lock.json" "$stamp"
  fi
  (cd "$src" && npm install --no-save --no-audit --no-fund --loglevel=error "$tarball")
}
pids=()
for app in "${apps[@]}"; do
  install "$app" >"target/frameworks-install-$app.log" 2>&1 &
  pids+=($!)
done
for i in "${!apps[@]}"; do
  wait "${pids[$i]}" || { cat "target/frameworks-install-${apps[$i]}.log" >&2; exit 1; }
done
for app in "${apps[@]}"; do
  src="tests/frameworks/$app"
  for build in official ours; do
    out="target/frameworks/$app-$build"
    rm -rf "$out" && mkdir -p "$out"
    tar -C "$src" --exclude=node_modules --exclude=build --exclude=.svelte-kit --exclude=.nuxt --exclude=.output --exclude=.vinxi --exclude=.next --exclude=.next-turbopack --exclude=.next-webpack -cf - . | tar -C "$out" -xf -
    # A hard-linked copy (Turbopack refuses a node_modules linked from outside its root).
    cp -al "$root/$src/node_modules" "$out/node_modules"
    if [ "$build" = ours ]; then
      # Only the import swapped: better-auth/X becomes better-auth-wasm/X.
      grep -rl --exclude=package*.json 'better-auth/' "$out" | xargs sed -i -E 's#(["'"'"'])better-auth/(svelte|vue|react|solid|client)(["'"'"'])#\1better-auth-wasm/\2\3#g'
    fi
    echo "building $app on $build"
    (cd "$out" && npm run --silent build >build.log 2>&1) || { cat "$out/build.log" >&2; exit 1; }
  done
done
