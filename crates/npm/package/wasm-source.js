// Where the wrapper finds the .wasm's bytes when it cannot fetch the file: set by
// entry.js in Node, Bun, Deno and server bundles; empty in a browser, which fetches it.
export const wasmSource = {};
