// This package as an app ships it, bundled by esbuild, plus the glue's init (the same
// module instance) so the bench can read the wasm's memory.
export { createAuthClient } from "../target/bench-www/pkg/index.js";
export { default as initWasm } from "../target/bench-www/pkg/better_auth_wasm.js";
