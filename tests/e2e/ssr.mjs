// Shared by the server-rendering tests (react_ssr, leptos_ssr): start an example's
// server, sign a user up, and watch a page's first load.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { uniqueEmail, PASSWORD } from "./browser.mjs";

const started = [];

/** Starts `command args` with `env` added; resolves once it prints its URL. */
export async function startServer(command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const server = { child, stderr: "" };
  child.stderr.on("data", (chunk) => (server.stderr += chunk));
  started.push(server);
  server.url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) resolve(found[0].replace(/\/$/, ""));
    });
    child.on("exit", (code) => reject(new Error(`${command} exited (${code}): ${server.stderr}`)));
  });
  return server;
}

/** Stops every server startServer started. */
export function stopServers() {
  for (const server of started.splice(0)) server.child.kill();
}

/** Signs a new user up on `authUrl` in `context` (the cookie is host-wide: 127.0.0.1). */
export async function signUp(context, authUrl, name) {
  const response = await context.request.post(`${authUrl}/api/auth/sign-up/email`, {
    headers: { origin: authUrl },
    data: { email: uniqueEmail("ssr"), password: PASSWORD, name },
  });
  assert.equal(response.status(), 200, await response.text());
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
