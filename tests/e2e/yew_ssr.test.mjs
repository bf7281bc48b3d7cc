// examples/yew-ssr (yew's ServerRenderer plus hydration) through the Rust SSR suite
// (rust_ssr.mjs).
import { rustSsrSuite } from "./rust_ssr.mjs";

rustSsrSuite({
  name: "Yew SSR",
  binary: "yew-ssr",
  env: (root) => ({ SITE_ROOT: `${root}target/yew-ssr-site` }),
  port: Number(process.env.YEW_SSR_PORT),
  user: "Yew",
});
