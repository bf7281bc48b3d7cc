// better-auth-wasm/client: the main entry under better-auth's own entry name, typed with
// better-auth's client types (client.d.ts), for apps that swap only the import (with
// entry.js: the wasm's bytes in Node and server bundles).
export * from "./entry.js";
