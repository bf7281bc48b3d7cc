// The peer suite runs on one client at a time, with only the import swapped:
// PEER_CLIENT=official resolves "client-under-test/X" to better-auth/X, anything else to
// better-auth-wasm/X. PEER_DOM picks the DOM of the tests' window (happy-dom, as
// better-auth's own tests use, or jsdom).
import { defineConfig } from "vitest/config";

const pkg = process.env.PEER_CLIENT === "official" ? "better-auth" : "better-auth-wasm";

export default defineConfig({
  resolve: { alias: [{ find: /^client-under-test\/(.*)$/, replacement: `${pkg}/$1` }] },
  test: {
    environment: process.env.PEER_DOM ?? "happy-dom",
    include: ["*.test.mjs"],
    // As in better-auth's own setup: its client and Solid go through Vite (Solid's
    // browser build); this package loads as an app's dependencies do, unprocessed.
    server: { deps: { inline: [/node_modules\/better-auth\//, /solid-js/] } },
  },
});
