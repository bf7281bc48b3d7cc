// #wasm-bytes outside Node, Bun and Deno: none (a browser fetches the .wasm).
export default null;
