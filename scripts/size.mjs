// The shipped size of the npm package in pkg/, measured as a user's bundler ships it,
// and the size gate of `make test`.
//
//   node scripts/size.mjs            prints the sizes
//   node scripts/size.mjs --check    also fails (exit 1) when a part grew past its
//                                    budget in size-budget.json, saying what grew
//
// Total: esbuild --bundle --minify of `import { createAuthClient } from "better-auth-wasm"` (entry.js)
// plus the .wasm, each gzipped at level 6, summed (the measure). Parts, each
// minified on its own with its imports left out: the wasm, the wasm-bindgen glue, the
// wrapper (index.js) and each framework entry (with the shared adapter.js).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(root, "pkg");
const esbuild = createRequire(join(root, "bench/package.json"))("esbuild");

const gzip = (bytes) => gzipSync(bytes, { level: 6 }).length;
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function minified(options) {
  const result = await esbuild.build({
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "error",
    absWorkingDir: pkg,
    external: ["react", "vue", "svelte", "svelte/*"],
    ...options,
  });
  return Buffer.from(result.outputFiles[0].contents);
}

const entry = (contents) => ({ stdin: { contents, resolveDir: pkg, loader: "js" } });
const alone = (file, external = []) => minified({ entryPoints: [join(pkg, file)], external: [...external, "react", "vue", "svelte"] });

const wasm = readFileSync(join(pkg, "better_auth_wasm_bg.wasm"));
const bundle = await minified(entry('export { createAuthClient } from "./entry.js";'));
const parts = {
  wasm,
  glue: await alone("better_auth_wasm.js"),
  wrapper: await alone("index.js", ["./better_auth_wasm.js"]),
  adapter: await alone("adapter.js", ["./index.js", "./entry.js"]),
  react: await alone("react.js", ["./index.js", "./adapter.js", "./entry.js"]),
  svelte: await alone("svelte.js", ["./index.js", "./adapter.js", "./entry.js"]),
  vue: await alone("vue.js", ["./index.js", "./adapter.js", "./entry.js"]),
  solid: await alone("solid.js", ["./index.js", "./adapter.js", "./entry.js", "solid-js"]),
};
const sizes = Object.fromEntries(Object.entries(parts).map(([name, bytes]) => [name, gzip(bytes)]));
sizes.total = gzip(bundle) + gzip(wasm);
const brotliTotal = brotli(bundle) + brotli(wasm);

console.log(
  `shipped (esbuild --bundle --minify of createAuthClient, plus the .wasm; gzip -6): ` +
    `total ${sizes.total} B (wasm ${sizes.wasm} B, JS ${gzip(bundle)} B); brotli ${brotliTotal} B; ` +
    `raw wasm ${wasm.length} B, JS ${bundle.length} B`,
);
console.log(
  "parts (gzip -6, each minified alone): " +
    Object.entries(sizes)
      .filter(([name]) => name !== "total")
      .map(([name, size]) => `${name} ${size}`)
      .join(", "),
);

if (process.argv.includes("--check")) {
  const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));
  const over = Object.entries(budget)
    .filter(([name]) => !name.startsWith("_"))
    .filter(([name, limit]) => !(name in sizes) || sizes[name] > limit);
  if (over.length > 0) {
    for (const [name, limit] of over) {
      console.error(
        name in sizes
          ? `size gate: ${name} is ${sizes[name]} B gzip, over its budget of ${limit} B by ${sizes[name] - limit} B`
          : `size gate: size-budget.json names "${name}", which this script does not measure`,
      );
    }
    console.error("size gate: cut the growth, or raise the budget in size-budget.json in a commit that says why.");
    process.exit(1);
  }
  console.log("size gate: every part within size-budget.json");
}
