// The adversarial suite's environment part: a seeded generator of misbehaving pages
// (a fetch wrapper that throws, hangs, returns no Promise, rejects late or mangles the
// answer; BroadcastChannel missing or throwing; localStorage throwing; the page hidden
// and shown during reads), each a fresh browser context. Every call must settle with
// data or a typed error, the store must settle, nothing may be thrown at the page, and
// once fetch behaves again the client must recover.
//
// ADVERSARIAL_ENV_CASES sets the number of cases (make test: 12; make bench: 200);
// ADVERSARIAL_SEED the seed (printed, to replay a failure).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, SERVER_URL, rng } from "./browser.mjs";

const CASES = Number(process.env.ADVERSARIAL_ENV_CASES ?? 12);
const SEED = Number(process.env.ADVERSARIAL_SEED ?? Date.now() % 1e9);

const FETCH_MODES = ["throw", "nonPromise", "hang", "rejectLater", "fakeResponse", "mangle", "ok"];

/** Case `i`: the fetch modes in turn (each one met in every 7 cases), the rest random. */
function misbehaviour(next, i) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  return {
    fetch: FETCH_MODES[i % FETCH_MODES.length],
    mangle: { status: pick([200, 204, 400, 404, 429, 500, 503]), body: pick(["", "<html>", "{", "null", "[]", '{"message":1,"code":{}}']) },
    broadcast: pick(["ok", "missing", "throwing"]),
    storage: pick(["ok", "throwing"]),
    flipVisibility: next() < 0.5,
  };
}

/** Runs in the page before any of its scripts: breaks what `m` says, for the auth API only. */
function install(m) {
  const realFetch = window.fetch.bind(window);
  window.__restore = () => {
    window.fetch = realFetch;
  };
  window.fetch = (input, init) => {
    if (!String(input?.url ?? input).includes("/api/auth/")) return realFetch(input, init);
    switch (m.fetch) {
      case "throw": throw new TypeError("a wrapper failed");
      case "nonPromise": return 42;
      case "hang": return new Promise(() => {});
      case "rejectLater": return new Promise((_, reject) => setTimeout(() => reject(new Error("later")), 50));
      case "fakeResponse": return Promise.resolve({ ok: true, status: 200, json: () => ({}) });
      case "mangle": return Promise.resolve(new Response(m.mangle.body, { status: m.mangle.status }));
      default: return realFetch(input, init);
    }
  };
  if (m.broadcast === "missing") delete window.BroadcastChannel;
  if (m.broadcast === "throwing") {
    window.BroadcastChannel = class {
      constructor() {
        throw new DOMException("blocked", "SecurityError");
      }
    };
  }
  if (m.storage === "throwing") {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
  }
  if (m.flipVisibility) {
    let hidden = false;
    Object.defineProperty(document, "visibilityState", { get: () => (hidden ? "hidden" : "visible") });
    setInterval(() => {
      hidden = !hidden;
      document.dispatchEvent(new Event("visibilitychange"));
    }, 37);
  }
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test(`misbehaving environments (${CASES} generated cases): settled, typed, nothing thrown, recovered`, async () => {
  const next = rng(SEED);
  const violations = [];
  const seen = {};
  for (let i = 0; i < CASES; i += 1) {
    const m = misbehaviour(next, i);
    const key = `${m.fetch}/${m.broadcast}/${m.storage}${m.flipVisibility ? "/flip" : ""}`;
    seen[m.fetch] = (seen[m.fetch] ?? 0) + 1;
    const context = await browser.newContext();
    const page = await context.newPage();
    const thrown = [];
    page.on("pageerror", (err) => thrown.push(err.message));
    await page.addInitScript(install, m);
    await page.goto(`${SERVER_URL}/store.html`);
    await page.waitForFunction(() => window.e2eReady === true, null, { timeout: 10000 });
    const outcome = await page.evaluate(async () => {
      const problems = [];
      const settle = (promise, ms = 3000) =>
        Promise.race([promise, new Promise((r) => setTimeout(() => r("hang"), ms))]);
      const client = createAuthClient({
        baseURL: location.origin,
        sessionOptions: { timeoutMs: 800, retryAttempts: 1, refetchOnWindowFocus: false },
      });
      const states = [];
      client.useSession.subscribe((s) => states.push(s));
      for (const [name, call] of [
        ["getSession", () => client.getSession()],
        ["signIn.email", () => client.signIn.email({ email: "nobody@example.com", password: "wrong-password" })],
        ["listSessions", () => client.listSessions()],
      ]) {
        const result = await settle(call());
        if (result === "hang") problems.push(`${name} did not settle`);
        else if (result.error && typeof result.error.code !== "string") problems.push(`${name}: an error without a code`);
      }
      const until = async (check, ms) => {
        const end = Date.now() + ms;
        while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
        return check();
      };
      if (!(await until(() => !client.useSession.get().isPending, 3000))) problems.push("the store stayed pending");
      window.__restore();
      client.useSession.refetch();
      const recovered = await until(() => {
        const s = client.useSession.get();
        return !s.isPending && !s.isRefetching && !s.error;
      }, 4000);
      if (!recovered) problems.push(`no recovery: ${JSON.stringify(client.useSession.get().error)}`);
      return problems;
    });
    for (const problem of outcome) violations.push({ case: i, key, problem });
    for (const message of thrown) violations.push({ case: i, key, problem: `thrown at the page: ${message}` });
    await context.close();
  }
  console.log(
    `adversarial environments: seed ${SEED}, ${CASES} cases (fetch modes ${JSON.stringify(seen)}); violations ${violations.length}`,
  );
  assert.deepEqual(violations, [], `seed ${SEED}`);
});
