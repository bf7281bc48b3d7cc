#!/usr/bin/env bash
# Installs every tool the project needs, and only what is missing: a second run
# installs nothing and takes seconds. Called by the make targets.
#
#   - Rust target wasm32-unknown-unknown, rustfmt and clippy (rustup)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (cargo install)
#   - Chromium and ChromeDriver (Debian packages) for headless browser tests
#   - redis-server (Debian package) for the secondary-storage server configurations
#   - npm packages of test-server/ (the real Better Auth server), tools/ (wasm-opt,
#     playwright-core), tools/node22/ (Node 22 from the npm registry, for SvelteKit 3 and
#     Nuxt 4), tests/npm/ (TypeScript, Vite, React, Vue for the npm tests) and
#     tests/peer/ (vitest, happy-dom, jsdom: better-auth's own client tests, ported)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf 'setup: %s\n' "$*"; }

# Rust target and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "installing rustup component $component"
    rustup component add "$component"
  fi
done

# The shipped wasm is built with nightly's -Zbuild-std (scripts/build-wasm.sh): the
# nightly toolchain (on the machine image; installed if missing) and its rust-src.
if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (minimal)"
  rustup toolchain install nightly --profile minimal
fi
if ! rustup component list --installed --toolchain nightly | grep -q '^rust-src'; then
  say "installing rust-src for nightly"
  rustup component add rust-src --toolchain nightly
fi

# The MSRV check (make lint): the toolchain of Cargo.toml's rust-version, minimal.
msrv=$(awk -F'"' '/^rust-version = / { print $2; exit }' Cargo.toml)
if ! rustup toolchain list | grep -q "^$msrv-"; then
  say "installing Rust $msrv (the MSRV, minimal) for make lint's check"
  rustup toolchain install "$msrv" --profile minimal
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$wanted" ]; then
  say "could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  say "installing wasm-bindgen-cli $wanted (found: ${have:-none}); this takes a few minutes"
  # Not --locked: a dependency pinned in its lock file is missing from the registry here.
  cargo install wasm-bindgen-cli --version "$wanted"
fi

# twiggy, for `make bench` only (SETUP_BENCH=1): where the wasm's bytes are.
if [ -n "${SETUP_BENCH:-}" ] && ! command -v twiggy >/dev/null; then
  say "installing twiggy (cargo install; make bench only)"
  cargo install twiggy --version 0.8.0
fi

# Chromium and its driver, from Debian.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Redis, for the test server's secondary-storage configurations (make test starts and
# stops its own redis-server processes on free ports; none runs as a service).
if ! command -v redis-server >/dev/null; then
  say "installing redis-server (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  # Debian starts a system service on install: the tests use their own processes.
  (service redis-server stop || systemctl stop redis-server || true) >/dev/null 2>&1
fi

# npm packages, reinstalled only when the lock file changed.
for dir in test-server tools tools/node22 tests/npm tests/peer bench; do
  stamp="$dir/node_modules/.setup-lock-stamp"
  if ! cmp -s "$dir/package-lock.json" "$stamp" 2>/dev/null; then
    say "npm ci in $dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
done

say "ok (wasm-bindgen $wanted, $(chromium --version 2>/dev/null | head -n 1), node $(node --version))"
