// The server killed and restarted mid-session: the page keeps its session data with a
// typed NETWORK error while the server is down, makes a bounded number of requests, and
// recovers on its own when the server is back (its SQLite file is kept).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { launch, uniqueEmail, PASSWORD } from "./browser.mjs";

const serverScript = new URL("../../test-server/server.mjs", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "better-auth-wasm-restart-"));
let browser;
let server;

/** Starts a server on `port` (0: any) with the kept SQLite file; resolves to its URL. */
function startServer(port) {
  const child = spawn("node", [serverScript], {
    env: {
      ...process.env,
      PORT: String(port),
      DB_FILE: join(dataDir, "auth.sqlite"),
      // The page comes from the e2e server; this server must accept it.
      ALLOWED_ORIGINS: process.env.BA_TEST_SERVER_URL,
      STATIC_DIR: "",
      TEST_FAULTS: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      server = child;
      resolve(JSON.parse(line).url);
    });
  });
}

function killServer() {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGKILL");
  return exited;
}

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

test("server killed and restarted: data kept, typed error, bounded requests, recovery", async () => {
  const url = await startServer(0);
  const port = new URL(url).port;
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page comes from the e2e server; its client talks to this one.
  await page.goto(`${process.env.BA_TEST_SERVER_URL}/store.html`);
  await page.waitForFunction(() => window.e2eReady === true);
  const email = uniqueEmail("restart");
  await page.evaluate(async ({ url, email, password }) => {
    window.requests = 0;
    const realFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input).startsWith(url)) window.requests += 1;
      return realFetch(input, init);
    };
    window.client = createAuthClient({
      baseURL: url,
      sessionOptions: { retryAttempts: 6, timeoutMs: 1000 },
    });
    const { error } = await window.client.signUp.email({ email, password, name: "Restart" });
    if (error) throw new Error(error.code);
    window.client.useSession.subscribe((s) => (window.latest = s));
  }, { url, email, password: PASSWORD });
  await page.waitForFunction(() => window.latest?.data && !window.latest.isRefetching);

  await killServer();
  const before = await page.evaluate(() => {
    window.requests = 0;
    window.client.useSession.refetch();
    return Date.now();
  });
  await page.waitForFunction(() => window.latest?.error?.code === "NETWORK");
  const down = await page.evaluate(() => ({
    email: window.latest.data?.user.email,
    code: window.latest.error.code,
  }));
  assert.deepEqual(down, { email, code: "NETWORK" }, "data kept while the server is down");

  await new Promise((resolve) => setTimeout(resolve, 1500));
  await startServer(port); // same port, same SQLite file
  await page.waitForFunction(() => window.latest && !window.latest.error && window.latest.data, null, {
    timeout: 40_000,
  });
  const after = await page.evaluate(() => ({
    email: window.latest.data.user.email,
    requests: window.requests,
    at: Date.now(),
  }));
  console.log(
    `restart: recovered ${after.at - before} ms after the kill with ${after.requests} get-session requests in all`,
  );
  assert.equal(after.email, email, "the session survived the restart");
  assert.ok(after.requests <= 7, `bounded retries: ${after.requests}`);
  await context.close();
});
