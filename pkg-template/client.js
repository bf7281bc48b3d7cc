// better-auth-wasm/client: the main entry under better-auth's own entry name, typed with
// better-auth's client types (client.d.ts), for apps that swap only the import. By the
// package's name: Node and server bundles take its "node" entry (the wasm's bytes).
export * from "better-auth-wasm";
