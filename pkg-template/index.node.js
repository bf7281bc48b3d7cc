// The main entry for Node, Bun, Deno and the server bundles made for them (the package's
// "node" condition): index.js with the .wasm's bytes handed over, so that a bundle takes
// them along (a .wasm file beside the package is left behind by server bundlers).
import base64 from "./wasm-bytes.js";
import { wasmSource } from "./wasm-source.js";

wasmSource.base64 = base64;
export * from "./index.js";
