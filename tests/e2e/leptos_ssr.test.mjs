// examples/leptos-ssr (Leptos SSR plus hydrate) through the Rust SSR suite (rust_ssr.mjs).
import { rustSsrSuite } from "./rust_ssr.mjs";

rustSsrSuite({
  name: "Leptos SSR",
  binary: "leptos-ssr",
  env: (root) => ({ LEPTOS_SITE_ROOT: `${root}target/leptos-ssr-site` }),
  port: Number(process.env.LEPTOS_SSR_PORT),
  user: "Leptos",
});
