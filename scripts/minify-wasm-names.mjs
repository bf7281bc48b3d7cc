// Shortens the names the wasm and its wasm-bindgen glue share: wasm-bindgen's import
// names carry a 16-digit hash each, and its closure exports run to 200 characters, all
// written twice (in the .wasm and in the JS). wasm-opt renames them
// (--minify-imports-and-exports-and-modules) and prints the mapping; this script runs it
// and applies the same mapping to the glue.
//   usage: node scripts/minify-wasm-names.mjs WASM GLUE_JS
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const [wasm, glue] = process.argv.slice(2);
if (!wasm || !glue) {
  console.error("usage: minify-wasm-names.mjs WASM GLUE_JS");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wasmOpt = join(root, "tools/node_modules/.bin/wasm-opt");
const features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
const out = `${wasm}.min`;
const printed = execFileSync(wasmOpt, [...features, "--minify-imports-and-exports-and-modules", "-o", out, wasm], {
  encoding: "utf8",
  maxBuffer: 1 << 24,
});
const map = JSON.parse(printed.slice(printed.indexOf("{")));

let js = readFileSync(glue, "utf8");
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const identifier = /^[A-Za-z_$][\w$]*$/;
const objectKey = (short) => (identifier.test(short) ? short : JSON.stringify(short));
// wasm-bindgen imports some functions of a crate's JS modules (snippets) straight from
// them: `"./snippets/...js": importN` beside the glue's own `import0`. wasm-opt puts every
// import in one module, so those become members of import0 (`short: importN.name`).
const namespaces = new Map();
for (const [, module, namespace] of js.matchAll(/^\s*("\.\/snippets\/[^"]+"): (import\d+),\n/gm)) {
  namespaces.set(JSON.parse(module), namespace);
}
js = js.replace(/^\s*"\.\/snippets\/[^"]+": import\d+,\n/gm, "");
const fromSnippets = [];
const modules = new Set();
for (const [module, name, short] of map.imports) {
  if (namespaces.has(module)) {
    fromSnippets.push(`${objectKey(short)}: ${namespaces.get(module)}.${name},`);
    continue;
  }
  modules.add(module);
  // The import object's keys: `name: function(...)`.
  const key = new RegExp(`(^|[\\s,{])${escape(name)}(?=\\s*:)`, "gm");
  const before = js;
  js = js.replace(key, (_, lead) => `${lead}${objectKey(short)}`);
  if (js === before) throw new Error(`import ${name} not found in ${glue}`);
}
for (const [name, short] of map.exports) {
  const use = new RegExp(`\\bwasm\\.${escape(name)}\\b`, "g");
  js = js.replace(use, identifier.test(short) ? `wasm.${short}` : `wasm[${JSON.stringify(short)}]`);
}
if (modules.size !== 1) throw new Error(`expected one import module, found ${[...modules].join(", ")}`);
const [module] = modules;
const moduleKey = `${JSON.stringify(module)}: import0`;
if (fromSnippets.length) {
  if (!js.includes("const import0 = {")) throw new Error("the glue's import0 object was not found");
  js = js.replace("const import0 = {", `const import0 = {\n        ${fromSnippets.join("\n        ")}`);
}
if (!js.includes(moduleKey)) throw new Error(`the glue's import object (${moduleKey}) was not found`);
const shortModule = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(out)))[0]?.module;
js = js.replace(moduleKey, `${JSON.stringify(shortModule)}: import0`);

// Every export the glue reads must exist in the renamed module.
const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(out))).map((e) => e.name));
for (const [, name] of js.matchAll(/\bwasm\.([\w$]+)/g)) {
  if (!exported.has(name)) throw new Error(`the glue reads wasm.${name}, which the renamed module does not export`);
}
renameSync(out, wasm);
writeFileSync(glue, js);
