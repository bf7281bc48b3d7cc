// Where the wrapper finds the .wasm's bytes when it cannot fetch the file: set by
// index.node.js (the "node" condition's entry); empty in a browser, which fetches it.
export const wasmSource = {};
