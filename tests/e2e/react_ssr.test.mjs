// examples/react-ssr (Vite SSR, React) in Chromium against the real test servers: the
// page is rendered with the session Better Auth reads from the request's cookies, and
// the client hydrates from it. Built twice by scripts/e2e.sh: on this package, and on
// better-auth/react with only the import swapped (its hydrateSession), measured side by
// side on the same page shape (scripts/react-ssr-example.sh).
//
// For this package: signed in, the browser makes 0 get-session requests on first load,
// a MutationObserver installed before any script never sees "Loading" painted, the
// console shows no hydration warning; signed out likewise; a session renewed during the
// render (updateAge 1 s) reaches the cookie jar; Better Auth unreachable, slow or not
// Better Auth renders signed out with a typed error logged, within the timeout, and the
// page still hydrates (then reads for itself); a garbage session cookie renders signed
// out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, SERVER_URL } from "./browser.mjs";
import { startServer, stopServers, signUp, firstLoad as load, hydrationWarnings, checkFailedReads, checkRenewal } from "./ssr.mjs";

const EXAMPLE = new URL("../../examples/react-ssr/", import.meta.url).pathname;
const RENEWING_URL = process.env.BA_TEST_RENEWING_SERVER_URL;
const TIMEOUT_MS = 1500;

let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await stopServers();
});

/** Starts the example's server (`build`: ours or official) against `authUrl`. */
async function startExample(build, authUrl, port = 0) {
  const server = await startServer(process.execPath, [`${EXAMPLE}server.mjs`], {
    AUTH_URL: authUrl,
    PORT: String(port || 0),
    AUTH_TIMEOUT_MS: String(TIMEOUT_MS),
    DIST_DIR: `${EXAMPLE}${build === "ours" ? "dist" : "dist-official"}`,
  });
  servers.push(server);
  return server;
}

/** The first load, hydrated once the page's client exists; with the store's state. */
async function firstLoad(context, url) {
  const seen = await load(context, url, () => window.authClient !== undefined);
  seen.state = await seen.page.evaluate(() => {
    const { data, isPending, error } = window.authClient.$store.atoms.session.get();
    return { name: data?.user.name ?? null, isPending, error: error?.code ?? null };
  });
  return seen;
}

test("signed in: rendered by the server, hydrated with no read and no loading state; beside better-auth/react", async () => {
  const rows = [];
  for (const build of ["ours", "official"]) {
    // Ours on the port the test servers trust (its sign-out below is a POST).
    const server = await startExample(build, SERVER_URL, build === "ours" ? Number(process.env.REACT_SSR_PORT) : 0);
    const context = await browser.newContext();
    await signUp(context, SERVER_URL, "Ssr Reader");
    const seen = await firstLoad(context, server.url);
    rows.push({ build, ...seen });
    await context.close();
  }
  console.log("React SSR first load, signed in (same page shape, same run):");
  console.log("client    server HTML                  painted                                  get-session  hydration errors  console errors");
  for (const row of rows) {
    console.log(
      `${row.build.padEnd(9)} ${JSON.stringify(row.html).padEnd(28)} ${JSON.stringify(row.texts).padEnd(40)} ${String(row.reads).padEnd(12)} ${String(hydrationWarnings(row.console).length).padEnd(17)} ${row.console.length}`,
    );
  }
  for (const message of rows[1].console) console.log(`official console: ${message.slice(0, 160)}`);
  const ours = rows[0];
  assert.equal(ours.html, "Signed in as Ssr Reader");
  assert.deepEqual(ours.texts, ["Signed in as Ssr Reader"], "never painted anything else");
  assert.equal(ours.reads, 0, "no get-session request from the browser");
  assert.deepEqual(ours.console, []);
  assert.deepEqual(ours.state, { name: "Ssr Reader", isPending: false, error: null });

  // The page works after hydration: sign out through the example's /api/auth.
  const context = await browser.newContext();
  await signUp(context, SERVER_URL, "Ssr Leaver");
  const server = servers[0];
  const seen = await firstLoad(context, server.url);
  await seen.page.click("#sign-out");
  await seen.page.locator("#status").filter({ hasText: "Signed out" }).waitFor({ timeout: 5000 });
  await context.close();
});

test("signed out: the signed-out view from the server, no flash, no read", async () => {
  const server = servers[0] ?? (await startExample("ours", SERVER_URL));
  const context = await browser.newContext();
  const seen = await firstLoad(context, server.url);
  assert.equal(seen.html, "Signed out");
  assert.deepEqual(seen.texts, ["Signed out"]);
  assert.equal(seen.reads, 0);
  assert.deepEqual(seen.console, []);
  assert.deepEqual(seen.state, { name: null, isPending: false, error: null });
  await context.close();
});

test("a garbage session cookie renders signed out, and the client agrees", async () => {
  const server = servers[0] ?? (await startExample("ours", SERVER_URL));
  const context = await browser.newContext();
  await context.addCookies([
    { name: "better-auth.session_token", value: "forged.c2lnbmF0dXJl", domain: "127.0.0.1", path: "/" },
  ]);
  const seen = await firstLoad(context, server.url);
  assert.equal(seen.html, "Signed out");
  assert.deepEqual(seen.texts, ["Signed out"]);
  assert.deepEqual(seen.console, []);
  assert.equal(seen.state.name, null);
  await context.close();
});

test("a session renewed during the render (updateAge) reaches the browser's cookie jar", async () => {
  const server = await startExample("ours", RENEWING_URL);
  await checkRenewal({ browser, server, renewingUrl: RENEWING_URL, userName: "Ssr Renewed" });
});

test("Better Auth unreachable, slow or not Better Auth: signed out with a typed error, in time, and the page hydrates", async () => {
  await checkFailedReads({
    browser,
    serverUrl: SERVER_URL,
    refusedUrl: process.env.BA_TEST_REFUSED_URL,
    timeoutMs: TIMEOUT_MS,
    userName: "Ssr Slow",
    exampleFor: (url) => startExample("ours", url),
    load: firstLoad,
    async check(seen, { name, slow }) {
      // Hydrated: React owns the root, and the store agrees with the page.
      const owned = await seen.page.evaluate(() =>
        Object.keys(document.getElementById("root")).some((k) => k.startsWith("__reactContainer")),
      );
      assert.ok(owned, name);
      assert.equal(seen.state.name, slow ? "Ssr Slow" : null, name);
      assert.equal(seen.state.isPending, false, name);
    },
  });
});
