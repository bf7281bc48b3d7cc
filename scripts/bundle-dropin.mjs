// Bundles tests/e2e/dropin-scenario.mjs twice into OUT_DIR: dropin-official.js on
// better-auth/client, and dropin-ours.js with only the import of "better-auth/client"
// resolved to this package (pkg/index.js; its .wasm is copied beside the bundle).
// esbuild from bench/node_modules, where better-auth is installed.
//   usage: node scripts/bundle-dropin.mjs OUT_DIR
import { createRequire } from "node:module";
import { copyFileSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const out = resolve(process.argv[2]);
const require = createRequire(resolve(root, "bench/package.json"));
const esbuild = require("esbuild");
const swap = {
  name: "swap-the-import",
  setup(build) {
    build.onResolve({ filter: /^better-auth\/client$/ }, () => ({ path: resolve(root, "pkg/index.js") }));
  },
};
for (const client of ["official", "ours"]) {
  await esbuild.build({
    entryPoints: [resolve(root, "tests/e2e/dropin-scenario.mjs")],
    bundle: true,
    format: "esm",
    logLevel: "warning",
    nodePaths: [resolve(root, "bench/node_modules")],
    plugins: client === "ours" ? [swap] : [],
    outfile: resolve(out, `dropin-${client}.js`),
  });
}
copyFileSync(resolve(root, "pkg/better_auth_wasm_bg.wasm"), resolve(out, "better_auth_wasm_bg.wasm"));
