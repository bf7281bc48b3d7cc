// Shared by the server-rendering tests (react_ssr, leptos_ssr): start an example's
// server, sign a user up, and watch a page's first load.
import assert from "node:assert/strict";
import { startProcess, stopProcess } from "./servers.mjs";
import { uniqueEmail, PASSWORD } from "./browser.mjs";

const started = [];

/** Starts `command args` with `env` added; resolves once it prints its URL. `stderr`
 * collects what it logs from then on. */
export async function startServer(command, args, env) {
  const found = (line) => line.match(/http:\/\/127\.0\.0\.1:\d+(?=\/)/)?.[0];
  const { child, value } = await startProcess(command, args, env, found);
  const server = { child, url: value, stderr: "" };
  child.stderr.on("data", (chunk) => (server.stderr += chunk));
  started.push(server);
  return server;
}

/** Stops every server startServer started. */
export function stopServers() {
  return Promise.all(started.splice(0).map((server) => stopProcess(server.child)));
}

/** Signs a new user up on `authUrl` in `context` (the cookie is host-wide: 127.0.0.1). */
export async function signUp(context, authUrl, name) {
  const response = await context.request.post(`${authUrl}/api/auth/sign-up/email`, {
    headers: { origin: authUrl },
    data: { email: uniqueEmail("ssr"), password: PASSWORD, name },
  });
  assert.equal(response.status(), 200, await response.text());
}

/** Signs a new user up on `authUrl` with plain fetch; resolves their Cookie header. */
export async function signUpCookie(authUrl, name) {
  const response = await fetch(`${authUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: authUrl },
    body: JSON.stringify({ name, email: uniqueEmail(name), password: PASSWORD }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/**
 * Loads `url` in a new page of `context` and watches it: what the server's HTML showed
 * in #status, every text #status had (a MutationObserver installed before any script),
 * the browser's get-session requests, and console warnings and errors. Waits until
 * `hydrated` (a function run in the page) is true, then 1.5 s for a mount read, focus
 * or hydration fix-up to happen if it is going to.
 */
export async function firstLoad(context, url, hydrated) {
  const page = await context.newPage();
  const seen = { reads: 0, console: [], page };
  page.on("request", (request) => {
    if (request.url().includes("/get-session")) seen.reads += 1;
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") seen.console.push(message.text());
  });
  page.on("pageerror", (err) => seen.console.push(String(err)));
  await page.addInitScript(() => {
    window.statusTexts = [];
    const record = () => {
      const text = document.getElementById("status")?.textContent;
      if (text !== undefined && text !== window.statusTexts.at(-1)) window.statusTexts.push(text);
    };
    new MutationObserver(record).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const begun = Date.now();
  const response = await page.goto(url);
  seen.loadMs = Date.now() - begun;
  // Frameworks separate text parts with comments (<!-- --> in React, <!> in Leptos).
  seen.html = (await response.text()).match(/id="status"[^>]*>(.*?)<\/p>/)?.[1].replace(/<!--?[^>]*-?->|<!>/g, "");
  await page.waitForFunction(hydrated);
  await page.waitForTimeout(1500);
  seen.texts = await page.evaluate(() => window.statusTexts);
  return seen;
}

// React's production build reports a hydration mismatch as minified errors 418/423/425;
// Leptos logs "hydration error".
export const hydrationWarnings = (messages) =>
  messages.filter((m) => /hydrat|did not match|server rendered|Minified React error #(418|423|425)/i.test(m));

/** Makes the test server's next get-session slower than `ms`. */
async function slowNextRead(serverUrl, ms) {
  const fault = await fetch(`${serverUrl}/__test/faults`, {
    method: "POST",
    body: JSON.stringify({ path: "/api/auth/get-session", delayMs: ms }),
  });
  assert.equal(fault.status, 200);
}

/**
 * The cases where the server cannot read the session while rendering: Better Auth
 * unreachable, misaddressed (a 404), slower than the render's timeout. Each renders
 * signed out in time with the typed error on the server's stderr, with no hydration
 * warning; the client reads for itself, finding nobody, or the user when Better Auth was
 * only slow. `exampleFor(url)` gives a started example whose Better Auth is `url` (for
 * the slow case, `serverUrl`, whose origin the example's page may call); `load` is the
 * test's firstLoad; `check(seen, case)` adds the framework's own checks.
 */
export async function checkFailedReads({ browser, serverUrl, refusedUrl, timeoutMs, userName, exampleFor, load, check }) {
  const cases = [
    { name: "unreachable", url: refusedUrl, code: "NETWORK", then: ["Signed out"] },
    { name: "misaddressed (wrong AUTH_URL)", url: `${serverUrl}/not-here`, code: "NOT_FOUND", then: ["Signed out"] },
    { name: "slower than the timeout", url: serverUrl, code: "TIMEOUT", slow: true, then: ["Signed out", `Signed in as ${userName}`] },
  ];
  for (const item of cases) {
    const server = await exampleFor(item.url);
    const context = await browser.newContext();
    if (item.slow) {
      await signUp(context, serverUrl, userName);
      await slowNextRead(serverUrl, timeoutMs + 1500);
    }
    const logged = server.stderr.length;
    const seen = await load(context, server.url);
    const log = server.stderr.slice(logged);
    console.log(`${item.name}: signed out in ${seen.loadMs} ms, logged ${log.trim().split("\n").at(-1)}`);
    assert.equal(seen.html, "Signed out", item.name);
    assert.deepEqual(seen.texts, item.then, item.name);
    assert.ok(seen.reads >= 1, `${item.name}: the client read for itself`);
    assert.ok(seen.loadMs < timeoutMs + 1000, `${item.name}: page in ${seen.loadMs} ms`);
    assert.match(log, new RegExp(`session read failed during render: ${item.code}: `), item.name);
    assert.deepEqual(hydrationWarnings(seen.console), [], item.name);
    await check?.(seen, item);
    await context.close();
  }
}

/**
 * A session Better Auth renews while the example renders (its server's updateAge is
 * 1 s) reaches the browser's cookie jar: the session cookie's expiry moves forward.
 * `server` is the started example in front of `renewingUrl`.
 */
export async function checkRenewal({ browser, server, renewingUrl, userName }) {
  const context = await browser.newContext();
  await signUp(context, renewingUrl, userName);
  const expiry = async () =>
    (await context.cookies(server.url)).find((c) => c.name === "better-auth.session_token")?.expires;
  const before = await expiry();
  assert.ok(before > 0, "signed up with a persistent session cookie");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const html = await (await context.request.get(server.url)).text();
  assert.match(html.replace(/<!--?[^>]*-?->|<!>/g, ""), new RegExp(`Signed in as ${userName}`));
  const renewed = await expiry();
  console.log(`session cookie expiry moved by the render's read: +${(renewed - before).toFixed(1)} s`);
  assert.ok(renewed >= before + 1, `the renewed cookie arrived (${before} -> ${renewed})`);
  await context.close();
}
