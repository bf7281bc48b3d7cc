// Plain Vite, no plugin: esbuild compiles the JSX. AUTH_CLIENT=official builds the same
// app on better-auth/react (only the import swapped), for the side-by-side test.
import { defineConfig } from "vite";

const official = process.env.AUTH_CLIENT === "official";

export default defineConfig({
  root: import.meta.dirname,
  esbuild: { jsx: "automatic" },
  resolve: official ? { alias: { "better-auth-wasm/react": "better-auth/react" } } : {},
  build: { emptyOutDir: true },
  logLevel: "warn",
});
