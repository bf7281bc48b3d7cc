// The official client as an app ships it: bundled and minified by esbuild.
export { createAuthClient } from "better-auth/client";
export { atom } from "nanostores";
