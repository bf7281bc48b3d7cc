// The package's main entry as bundlers and runtimes resolve it ("better-auth-wasm"):
// index.js, whose createAuthClient here first hands over the .wasm's bytes where a page
// cannot fetch the file (Node, Bun, Deno, and the server bundles made for them: the
// "node" condition of #wasm-bytes; elsewhere that import is null). Not a side effect of
// loading this module: the package says it has none, and bundlers would drop it. A plain
// <script type="module"> page imports index.js itself, which fetches the .wasm.
import base64 from "#wasm-bytes";
import { createAuthClient as create } from "./index.js";
import { wasmSource } from "./wasm-source.js";

export * from "./index.js";

/** index.js's createAuthClient, with the .wasm's bytes where they are needed. */
export function createAuthClient(options) {
  if (base64) wasmSource.base64 = base64;
  return create(options);
}
