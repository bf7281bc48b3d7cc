// The Rust server-rendering examples, each in Chromium against the real test servers:
// examples/leptos-ssr (Leptos SSR plus hydrate, axum, built by
// scripts/build-ssr-example.sh as cargo-leptos would) and examples/yew-ssr (yew's
// ServerRenderer plus hydration, axum, the same script), and examples/dioxus-app
// (Dioxus fullstack, scripts/build-dioxus-app.sh). The server reads the request's
// session with ServerClient while rendering, the page carries it, and the browser's
// store starts from it (provide_rendered_session, RenderedSessionProvider,
// use_rendered_session).
//
// Signed in: 0 get-session requests from the browser on first load, "Loading" never
// painted (a MutationObserver installed before any script), no hydration warning;
// signed out likewise; a session renewed during the render reaches the cookie jar;
// Better Auth unreachable, slow or misaddressed renders signed out with a typed error
// logged, within the timeout, and the page hydrates and reads for itself; a garbage
// session cookie renders signed out. (There is no official Leptos or Yew client to
// compare with: react_ssr.test.mjs prints better-auth/react on the same page shape.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, SERVER_URL } from "./browser.mjs";
import { startServer, stopServers, signUp, firstLoad as load, hydrationWarnings, checkFailedReads, checkRenewal } from "./ssr.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const RENEWING_URL = process.env.BA_TEST_RENEWING_SERVER_URL;
const TIMEOUT_MS = 1500;

/** The suite for one example: `name` as printed, `binary` under target/debug, its
 * own environment (`env(root)`), the port the test servers trust for it, and the name
 * its users sign up with; `more(suite)` adds the example's own tests, with
 * `suite.browser`, `suite.main` (its server) and `suite.firstLoad`. */
export function rustSsrSuite({ name, binary, env, port, user, more }) {
  let browser;
  let main;
  before(async () => {
    browser = await launch();
    // On the port the test servers trust: the browser calls Better Auth from this origin.
    main = await startExample(SERVER_URL, port);
  });
  after(async () => {
    await browser?.close();
    await stopServers();
  });

  function startExample(authUrl, port = 0) {
    return startServer(`${ROOT}target/debug/${binary}`, [], {
      AUTH_URL: authUrl,
      PORT: String(port),
      AUTH_TIMEOUT_MS: String(TIMEOUT_MS),
      ...env(ROOT),
    });
  }

  const firstLoad = (context, url) => load(context, url, () => document.body.hasAttribute("data-hydrated"));

  test(`${name}: signed in: rendered by the server with the session, hydrated with no read and no loading state`, async () => {
    const context = await browser.newContext();
    await signUp(context, SERVER_URL, `${user} Reader`);
    const seen = await firstLoad(context, main.url);
    console.log(
      `${name} first load, signed in: server HTML ${JSON.stringify(seen.html)}, painted ${JSON.stringify(seen.texts)}, get-session ${seen.reads}, hydration warnings ${hydrationWarnings(seen.console).length}`,
    );
    assert.equal(seen.html, `Signed in as ${user} Reader`);
    assert.deepEqual(seen.texts, [`Signed in as ${user} Reader`], "never painted anything else");
    assert.equal(seen.reads, 0, "no get-session request from the browser");
    assert.deepEqual(seen.console, []);
    // Hydrated for real: the button works (sign-out through the browser's client).
    await seen.page.click("#sign-out");
    await seen.page.locator("#status").filter({ hasText: "Signed out" }).waitFor({ timeout: 5000 });
    await context.close();
  });

  test(`${name}: signed out: the signed-out view from the server, no flash, no read`, async () => {
    const context = await browser.newContext();
    const seen = await firstLoad(context, main.url);
    assert.equal(seen.html, "Signed out");
    assert.deepEqual(seen.texts, ["Signed out"]);
    assert.equal(seen.reads, 0);
    assert.deepEqual(seen.console, []);
    await context.close();
  });

  test(`${name}: a garbage session cookie renders signed out, and the client agrees`, async () => {
    const context = await browser.newContext();
    await context.addCookies([
      { name: "better-auth.session_token", value: "forged.c2lnbmF0dXJl", domain: "127.0.0.1", path: "/" },
    ]);
    const seen = await firstLoad(context, main.url);
    assert.equal(seen.html, "Signed out");
    assert.deepEqual(seen.texts, ["Signed out"]);
    assert.deepEqual(seen.console, []);
    await context.close();
  });

  test(`${name}: a session renewed during the render (updateAge) reaches the browser's cookie jar`, async () => {
    const server = await startExample(RENEWING_URL);
    await checkRenewal({ browser, server, renewingUrl: RENEWING_URL, userName: `${user} Renewed` });
  });

  test(`${name}: Better Auth unreachable, slow or misaddressed: signed out with a typed error, in time, and the page hydrates`, async () => {
    await checkFailedReads({
      browser,
      serverUrl: SERVER_URL,
      refusedUrl: process.env.BA_TEST_REFUSED_URL,
      timeoutMs: TIMEOUT_MS,
      userName: `${user} Slow`,
      // The trusted instance for the slow case: the browser's own read reaches Better Auth.
      exampleFor: (url) => (url === SERVER_URL ? main : startExample(url)),
      load: firstLoad,
    });
  });
  more?.({ get browser() { return browser; }, get main() { return main; }, firstLoad });
}
