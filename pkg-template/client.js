// better-auth-wasm/client: the main entry under better-auth's own entry name, typed with
// better-auth's client types (client.d.ts), for apps that swap only the import.
export * from "./index.js";
