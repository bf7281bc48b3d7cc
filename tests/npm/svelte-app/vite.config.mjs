// Vite with the official Svelte plugin; the .wasm is an asset found through the
// package's `new URL(..., import.meta.url)`.
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [svelte()],
  build: { outDir: process.env.OUT_DIR, emptyOutDir: true },
  logLevel: "warn",
});
