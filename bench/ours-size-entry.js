// What an app ships for this package: createAuthClient only (plus the .wasm beside it).
export { createAuthClient } from "../target/bench-www/pkg/index.js";
