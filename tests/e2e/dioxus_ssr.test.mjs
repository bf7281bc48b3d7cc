// examples/dioxus-app (Dioxus fullstack: server rendering plus hydration, built by
// scripts/build-dioxus-app.sh as `dx build` lays it out) through the Rust SSR suite
// (rust_ssr.mjs), and Dioxus's own: a refresh that reads the same session re-renders
// nothing that uses use_session_status (its Status component counts its renders).
import { test } from "node:test";
import assert from "node:assert/strict";
import { SERVER_URL } from "./browser.mjs";
import { signUp } from "./ssr.mjs";
import { rustSsrSuite } from "./rust_ssr.mjs";

rustSsrSuite({
  name: "Dioxus fullstack",
  binary: "dioxus-app",
  env: (root) => ({ IP: "127.0.0.1", DIOXUS_PUBLIC_PATH: `${root}target/dioxus-site/public` }),
  port: Number(process.env.DIOXUS_SSR_PORT),
  user: "Dioxus",
  more: (suite) =>
    test("Dioxus fullstack: a refresh reading the same session re-renders nothing using use_session_status", async () => {
      const context = await suite.browser.newContext();
      await signUp(context, SERVER_URL, "Dioxus Steady");
      const seen = await suite.firstLoad(context, suite.main.url);
      const renders = () => seen.page.getAttribute("#status", "data-renders");
      assert.equal(await renders(), "1");
      const reads = seen.reads;
      await seen.page.click("#refresh");
      for (let i = 0; i < 50 && seen.reads === reads; i++) await seen.page.waitForTimeout(100);
      assert.equal(seen.reads, reads + 1, "the refresh read the session");
      await seen.page.waitForTimeout(500);
      console.log(`Dioxus: renders of Status after an equal refresh: ${await renders()} (1 before)`);
      assert.equal(await renders(), "1", "the equal read re-rendered nothing");
      await context.close();
    }),
});
