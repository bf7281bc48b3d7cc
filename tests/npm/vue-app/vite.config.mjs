// Plain Vite, no plugin (render functions); the .wasm is an asset found through the
// package's `new URL(..., import.meta.url)`.
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: { outDir: process.env.OUT_DIR, emptyOutDir: true },
  logLevel: "warn",
});
