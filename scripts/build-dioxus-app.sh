#!/usr/bin/env bash
# Builds examples/dioxus-app the way `dx build --platform web` (Dioxus fullstack) lays it
# out (the dx CLI itself is a long compile, and these are its steps, debug as `dx build`
# makes them, but the web half's assertions): the server binary with feature `server`; the app for wasm32 with feature
# `web`, run through wasm-bindgen into SITE/public/wasm/ with dx's loader appended; and
# dx's default index.html loading it. The builds share the workspace's target directory.
#   usage: scripts/build-dioxus-app.sh SITE
# Then: DIOXUS_PUBLIC_PATH=SITE/public IP=127.0.0.1 PORT=... AUTH_URL=... target/debug/dioxus-app
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
site=${1:?usage: build-dioxus-app.sh SITE}
cd "$root"
# With rustc's warnings denied (make lint does not clippy this example).
cargo rustc --quiet -p dioxus-app --bin dioxus-app --features server -- -D warnings
# Without debug assertions, as `dx build --release` ships it: with them, feature
# `fullstack` turns on Dioxus's devtools, whose page keeps asking the server for dx's
# hot-reload socket (`dx serve`'s, not a served app's), with console errors. Dev profile
# otherwise, for compile time.
cargo rustc --quiet -p dioxus-app --bin dioxus-app --target wasm32-unknown-unknown --features web \
  --config profile.dev.debug-assertions=false -- -D warnings
rm -rf "$site" && mkdir -p "$site/public/wasm"
wasm-bindgen --target web --no-typescript --out-dir "$site/public/wasm" --out-name dioxus-app \
  target/wasm32-unknown-unknown/debug/dioxus-app.wasm
# dx's loader (dioxus-cli's write_js_glue_shim): load the wasm; its start function runs
# main (the app's launch, which hydrates).
cat >>"$site/public/wasm/dioxus-app.js" <<'JS'

__wbg_init({ module_or_path: "/wasm/dioxus-app_bg.wasm" }).then((wasm) => {
  if (wasm.__wbindgen_start == undefined) wasm.main();
});
JS
# dx's index.html for the web platform (assets/web/prod.index.html) with its script.
cat >"$site/public/index.html" <<'HTML'
<!DOCTYPE html>
<html>
    <head>
        <title>better-auth-wasm: Dioxus fullstack</title>
        <meta content="text/html;charset=utf-8" http-equiv="Content-Type">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta charset="UTF-8">
        <link rel="icon" href="data:,">
    </head>
    <body>
        <div id="main"></div>
        <script type="module" async src="/wasm/dioxus-app.js"></script>
    </body>
</html>
HTML
echo "dioxus-app: server target/debug/dioxus-app, site $site/public"
