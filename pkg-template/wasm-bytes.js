// The .wasm's bytes where a runtime cannot fetch the file beside the module: none in a
// browser, which fetches it (see wasm-bytes.node.js, the "node" condition's).
export default null;
