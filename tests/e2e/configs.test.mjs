// Every server configuration the seed documents describe, each run for real: its own
// Better Auth server (test-server/server.mjs with AUTH_CONFIG), Redis processes started
// and stopped here, Chromium pages of one device, and a second device in Node. Prints
// one line per configuration and scenario with its outcome and get-session requests,
// and asserts what a client can promise under each.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { launch, uniqueEmail, PASSWORD } from "./browser.mjs";
import { freePort, startProcess, stopProcess, startAuthServer } from "./servers.mjs";

/** The named configurations, shared with `make demo CONFIG=name`. */
const CONFIGS = JSON.parse(readFileSync(new URL("../../test-server/configs.json", import.meta.url)));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const matrix = [];
let browser;
before(async () => {
  browser = await launch({ args: ["--host-resolver-rules=MAP *.example.test 127.0.0.1"] });
});
after(async () => {
  await browser?.close();
  console.log(`server configuration matrix (${matrix.length} lines):\n${matrix.join("\n")}`);
});

/** A real redis-server on a free port, its data in an append-only file so a restart
 * (stop, then start) keeps it. */
async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "better-auth-wasm-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
    "--appendfsync", "always", "--dir", dir];
  let proc = null;
  const start = async () => {
    proc = (await startProcess("redis-server", args, {}, (line) => line.includes("Ready to accept connections"))).child;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => stopProcess(proc),
    start,
    remove: async () => {
      await stopProcess(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const route = async (url, method, path) => (await fetch(`${url}${path}`, { method })).json();
const reads = async (url) => (await route(url, "GET", "/__test/counts"))["/api/auth/get-session"] ?? 0;
const resetCounts = (url) => route(url, "POST", "/__test/reset");

/** A second device of the user, in Node, with its own cookie. */
async function otherDevice(url, email, origin = url) {
  const headers = { "content-type": "application/json", origin };
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(res.status, 200, "the other device signs in");
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return async (method, path, body) => {
    const answer = await fetch(`${url}/api/auth${path}`, {
      method,
      headers: { ...headers, cookie },
      body: body && JSON.stringify(body),
    });
    return answer.json();
  };
}

/** Two tabs of one device, each with a subscribed client of `authURL`. */
async function openDevice(pageURL, authURL, sessionOptions = {}) {
  const context = await browser.newContext();
  const tabs = [];
  for (let i = 0; i < 2; i += 1) {
    const page = await context.newPage();
    page.on("pageerror", (err) => console.error(`page error: ${err.message}`));
    await page.goto(`${pageURL}/store.html`);
    await page.waitForFunction(() => window.e2eReady === true);
    await page.evaluate(({ authURL, sessionOptions }) => {
      window.client = createAuthClient({ baseURL: authURL, sessionOptions });
      window.seen = [];
      window.client.useSession.subscribe((s) => {
        window.latest = s;
        window.seen.push(s.data?.user.email ?? null);
      });
    }, { authURL, sessionOptions: { refetchOnWindowFocus: false, ...sessionOptions } });
    tabs.push(page);
  }
  return { context, tabs };
}

/** Waits until the tab's store settles on `email` (null: signed out); the state. */
async function settledOn(page, email, timeout = 5000) {
  await page.waitForFunction(
    (email) => window.latest && !window.latest.isPending && !window.latest.isRefetching
      && (window.latest.data?.user.email ?? null) === email,
    email,
    { timeout },
  );
  return page.evaluate(() => ({ ...window.latest, error: window.latest.error }));
}

/** Refetches and returns the settled state. */
function refetched(page) {
  return page.evaluate(async () => {
    window.client.useSession.refetch();
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 500; i += 1) {
      const s = window.client.useSession.get();
      if (!s.isPending && !s.isRefetching) return { email: s.data?.user.email ?? null, error: s.error?.code ?? null, status: s.error?.status ?? null };
      await new Promise((r) => setTimeout(r, 10));
    }
    return { email: "unsettled", error: null };
  });
}

const call = (page, path, arg) =>
  page.evaluate(async ({ path, arg }) => {
    const fn = path.split(".").reduce((o, k) => o[k], window.client);
    const { data, error } = await fn(arg);
    return { data: data === undefined ? null : JSON.parse(JSON.stringify(data)), error: error?.code ?? null };
  }, { path, arg });

function record(config, scenario, outcome, requests) {
  const line = `${config.padEnd(20)} ${scenario.padEnd(18)} ${outcome} (get-session requests: ${requests})`;
  matrix.push(line);
  console.log(line);
}

/**
 * The scenarios every configuration runs: read, cross-tab, refresh, list, revoke
 * elsewhere (and what the cookie cache shows meanwhile), and a second user on the
 * device never seeing the first one's data.
 */
async function commonScenarios(
  name,
  server,
  { cacheSeconds = 0, pageURL = server.url, authURL = server.url, cookieDomain = null } = {},
) {
  const { context, tabs: [a, b] } = await openDevice(pageURL, authURL);
  const email = uniqueEmail(name);
  await settledOn(a, null);
  await resetCounts(server.url);
  assert.equal((await call(a, "signUp.email", { email, password: PASSWORD, name: "Config" })).error, null);
  await settledOn(a, email);
  let where = "";
  if (cookieDomain) {
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("session_token"));
    assert.equal(cookie.domain, `.${cookieDomain}`, "the session cookie is shared by the subdomains");
    where = `, cookie on .${cookieDomain} (CORS with credentials)`;
  }
  record(name, "read", `signed up: this tab shows the user${where}`, await reads(server.url));

  await settledOn(b, email);
  record(name, "cross-tab", "the other tab shows the user", await reads(server.url));

  await resetCounts(server.url);
  const refreshed = await call(a, "refreshSession");
  assert.equal(refreshed.data?.user.email, email);
  record(name, "refresh", "the session, past the cookie cache", await reads(server.url));

  const listed = await call(a, "listSessions");
  assert.equal(listed.error, null);
  assert.equal(listed.data.length, 1);
  assert.equal(listed.data.filter((s) => s.current).length, 1);
  record(name, "list", "1 session, marked current", 0);

  // Another device of the user revokes this device's session.
  const other = await otherDevice(server.url, email, authURL);
  const token = (await call(a, "getSession")).data.session.token;
  assert.equal((await other("GET", "/list-sessions")).length, 2, "the other device lists both");
  assert.equal((await other("POST", "/revoke-session", { token })).status, true);
  await resetCounts(server.url);
  const afterRevoke = await refetched(a);
  let outcome;
  if (cacheSeconds > 0) {
    // The cookie cache vouches for the session until its maxAge: the client cannot know.
    assert.equal(afterRevoke.email, email, "the cache still vouches");
    outcome = "refetch: still shown (the cookie cache vouches)";
  } else {
    assert.deepEqual(afterRevoke, { email: null, error: "INVALID_TOKEN", status: 0 });
    outcome = "refetch: signed out, INVALID_TOKEN";
  }
  const refreshedAfter = await call(a, "refreshSession");
  assert.equal(refreshedAfter.data, null, "refreshSession bypasses the cache");
  assert.equal(refreshedAfter.error, null);
  await settledOn(a, null);
  await settledOn(b, null);
  record(name, "revoke elsewhere", `${outcome}; refreshSession: null, both tabs signed out`, await reads(server.url));

  if (cacheSeconds > 0) {
    // A tab that only refetches (no bypass) sees the revocation once the cache expires.
    const { context: c2, tabs: [solo] } = await openDevice(pageURL, authURL);
    await call(solo, "signIn.email", { email, password: PASSWORD });
    await settledOn(solo, email);
    const soloToken = (await call(solo, "getSession")).data.session.token;
    await other("POST", "/revoke-session", { token: soloToken });
    const during = await refetched(solo);
    await sleep(cacheSeconds * 1000 + 500);
    const afterCache = await refetched(solo);
    assert.equal(during.email, email);
    assert.deepEqual(afterCache, { email: null, error: "INVALID_TOKEN", status: 0 });
    record(name, "cache expiry", `revoked: shown until the cache's ${cacheSeconds} s, then INVALID_TOKEN`, await reads(server.url));
    await c2.close();
  }

  // A second user signs in on this device: from then on no tab shows the first user.
  const second = uniqueEmail(`${name}-second`);
  for (const tab of [a, b]) await tab.evaluate(() => (window.seen = []));
  assert.equal((await call(a, "signUp.email", { email: second, password: PASSWORD, name: "Second" })).error, null);
  await settledOn(a, second);
  await settledOn(b, second);
  const shown = [...(await a.evaluate(() => window.seen)), ...(await b.evaluate(() => window.seen))];
  assert.ok(!shown.includes(email), `the first user's data was shown again: ${JSON.stringify(shown)}`);
  record(name, "next user", "a second user on the device: the first never shown again", await reads(server.url));
  await context.close();
  return email;
}

test("default configuration (database sessions, no cookie cache)", async () => {
  const server = await startAuthServer(CONFIGS.default);
  try {
    await commonScenarios("default", server);
  } finally {
    await server.stop();
  }
});

for (const strategy of ["compact", "jwt", "jwe"]) {
  test(`cookie cache, ${strategy}: a revoked session shows until maxAge; refreshSession bypasses it`, async () => {
    const name = `cookie-cache-${strategy}`;
    const server = await startAuthServer(CONFIGS[name]);
    try {
      await commonScenarios(name, server, { cacheSeconds: CONFIGS[name].session.cookieCache.maxAge });
    } finally {
      await server.stop();
    }
  });
}

test("short lifetime with sliding expiry: expiresAt moves after updateAge, SESSION_EXPIRED on time", async () => {
  const name = "short-lifetime";
  // Sessions last 6 s; a read more than 3 s after the last renewal renews them.
  const server = await startAuthServer(CONFIGS[name]);
  try {
    const { context, tabs: [a] } = await openDevice(server.url, server.url);
    const email = uniqueEmail(name);
    await call(a, "signUp.email", { email, password: PASSWORD, name: "Short" });
    const first = await settledOn(a, email);
    const firstExpiry = Date.parse(first.data.session.expiresAt);
    await sleep(3500);
    await resetCounts(server.url);
    await refetched(a);
    const renewed = await a.evaluate(() => Date.parse(window.client.useSession.get().data.session.expiresAt));
    assert.ok(renewed > firstExpiry + 2000, `expiresAt moved: ${firstExpiry} -> ${renewed}`);
    record(name, "sliding expiry", `a read past updateAge moved expiresAt ${((renewed - firstExpiry) / 1000).toFixed(1)} s later`, await reads(server.url));
    // No more reads: the store's expiry timer checks at expiresAt, not before.
    await resetCounts(server.url);
    const expired = await a.evaluate(async () => {
      for (let i = 0; i < 1200; i += 1) {
        const s = window.client.useSession.get();
        if (s.error?.code === "SESSION_EXPIRED") return { at: Date.now(), expiresAt: Date.parse(window.lastExpiresAt) };
        if (s.data) window.lastExpiresAt = s.data.session.expiresAt;
        await new Promise((r) => setTimeout(r, 10));
      }
      return null;
    });
    assert.ok(expired, "SESSION_EXPIRED came");
    const early = expired.expiresAt - expired.at;
    assert.ok(early <= 0, `SESSION_EXPIRED ${early} ms before expiresAt`);
    assert.ok(-early < 2000, `SESSION_EXPIRED ${-early} ms after expiresAt`);
    record(name, "expiry", `SESSION_EXPIRED ${-early} ms after expiresAt (never early)`, await reads(server.url));
    await context.close();
  } finally {
    await server.stop();
  }
});

test("remember-me off: a browser-session cookie, expiresAt still from the server", async () => {
  const name = "remember-me-off";
  const server = await startAuthServer(CONFIGS.default);
  try {
    const { context, tabs: [a] } = await openDevice(server.url, server.url);
    const email = uniqueEmail(name);
    await call(a, "signUp.email", { email, password: PASSWORD, name: "Forgetful" });
    await call(a, "signOut");
    await settledOn(a, null);
    await resetCounts(server.url);
    assert.equal((await call(a, "signIn.email", { email, password: PASSWORD, rememberMe: false })).error, null);
    const state = await settledOn(a, email);
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("session_token"));
    assert.equal(cookie.expires, -1, "a browser-session cookie");
    const lifetime = Date.parse(state.data.session.expiresAt) - Date.now();
    assert.ok(lifetime > 0, "expiresAt from the server");
    record(name, "read", `session cookie (no Max-Age); expiresAt in ${(lifetime / 3600e3).toFixed(1)} h`, await reads(server.url));
    await context.close();
  } finally {
    await server.stop();
  }
});

for (const freshAge of [2, 0]) {
  test(`freshAge ${freshAge}: isFresh and SESSION_NOT_FRESH agree with the server`, async () => {
    const name = `fresh-age-${freshAge}`;
    const server = await startAuthServer(CONFIGS[name]);
    try {
      const { context, tabs: [a] } = await openDevice(server.url, server.url);
      await call(a, "signUp.email", { email: uniqueEmail(name), password: PASSWORD, name: "Fresh" });
      const check = () =>
        a.evaluate(async (freshAge) => {
          const { data } = await window.client.getSession();
          const listed = await window.client.listSessions();
          return { fresh: window.isFresh(data.session, freshAge), listError: listed.error?.code ?? null };
        }, freshAge);
      const young = await check();
      await sleep(2500);
      const old = await check();
      assert.deepEqual(young, { fresh: true, listError: null });
      assert.deepEqual(
        old,
        freshAge === 0 ? { fresh: true, listError: null } : { fresh: false, listError: "SESSION_NOT_FRESH" },
      );
      record(
        name,
        "freshness",
        `at 0 s: isFresh ${young.fresh}, list ok; at 2.5 s: isFresh ${old.fresh}, list ${old.listError ?? "ok"}`,
        await reads(server.url),
      );
      await context.close();
    } finally {
      await server.stop();
    }
  });
}

// Measured on Better Auth 1.7.25 (the issue expected the oldest to be revoked): a
// sign-in past the limit is active, but its account is not added to the device's list,
// and no earlier account is revoked.
test("multi-session maximumSessions: what a sign-in past the limit does to the device", async () => {
  const name = "max-sessions-2";
  const server = await startAuthServer(CONFIGS[name]);
  try {
    const { context, tabs: [a] } = await openDevice(server.url, server.url);
    const emails = [uniqueEmail(`${name}-1`), uniqueEmail(`${name}-2`), uniqueEmail(`${name}-3`)];
    for (const email of emails) {
      assert.equal((await call(a, "signUp.email", { email, password: PASSWORD, name: "Max" })).error, null);
      await settledOn(a, email);
    }
    const accounts = await call(a, "multiSession.listDeviceSessions");
    const listed = accounts.data.map((s) => s.user.email);
    console.log(`device accounts after 3 sign-ups with maximumSessions 2: ${JSON.stringify(listed.map((e) => emails.indexOf(e) + 1))}`);
    assert.deepEqual(listed.sort(), emails.slice(0, 2).sort(), "the first two stay listed");
    await resetCounts(server.url);
    const now = await refetched(a);
    assert.equal(now.email, emails[2], "the newest is the active session");
    // The listed ones were not revoked: switching to the oldest works.
    const oldest = accounts.data.find((s) => s.user.email === emails[0]);
    const switched = await call(a, "multiSession.setActive", { sessionToken: oldest.session.token });
    assert.equal(switched.error, null);
    await settledOn(a, emails[0]);
    record(
      name,
      "sign-in past limit",
      "the 3rd account is active but not listed on the device; none revoked (switching to the 1st works)",
      await reads(server.url),
    );
    await context.close();
  } finally {
    await server.stop();
  }
});

test("cross-subdomain cookies: the app on one subdomain, Better Auth on another", async () => {
  const name = "cross-subdomain";
  const port = await freePort();
  const app = `http://app.example.test:${port}`;
  const server = await startAuthServer(
    { publicHost: "auth.example.test", cookieDomain: "example.test" },
    { port, origins: [app] },
  );
  try {
    assert.equal(server.url, `http://auth.example.test:${port}`);
    await commonScenarios(name, { ...server, url: `http://127.0.0.1:${port}` }, {
      pageURL: app,
      authURL: server.url,
      cookieDomain: "example.test",
    });
  } finally {
    await server.stop();
  }
});

for (const inDatabase of [false, true]) {
  test(`Redis secondary storage${inDatabase ? " and the database" : " only"}: same behaviour; Redis stopped mid-test`, async () => {
    const name = inDatabase ? "redis+database" : "redis-only";
    const redis = await startRedis();
    const server = await startAuthServer({ ...CONFIGS[name], redis: redis.url });
    try {
      const email = await commonScenarios(name, server);
      // A device signed in, then Redis stops: the server fails, the client keeps its
      // last good data with a typed error, then recovers when Redis is back.
      const { context, tabs: [a] } = await openDevice(server.url, server.url, { retryAttempts: 1 });
      await call(a, "signIn.email", { email, password: PASSWORD });
      await settledOn(a, email);
      await redis.stop();
      await resetCounts(server.url);
      const down = await refetched(a);
      assert.equal(down.email, email, "the last good data is kept");
      assert.equal(down.status, 500, JSON.stringify(down));
      await redis.start();
      await sleep(700); // the server's Redis client reconnects
      const back = await refetched(a);
      assert.deepEqual(back, { email, error: null, status: null });
      record(name, "redis stopped", `500 ${down.error} while down: data kept; recovered when Redis came back`, await reads(server.url));
      await context.close();
    } finally {
      await server.stop();
      await redis.remove();
    }
  });
}
