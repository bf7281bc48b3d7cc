// A Svelte app built with Vite (@sveltejs/vite-plugin-svelte) from the packed npm
// package, driven by tests/e2e/npm.test.mjs.
import { mount } from "svelte";
import App from "./App.svelte";

mount(App, { target: document.getElementById("app") });
