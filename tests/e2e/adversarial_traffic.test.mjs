// The adversarial suite's traffic parts, each a seeded generator:
//   - foreign cross-tab traffic: another page of the origin floods our channel and the
//     official client's localStorage key with random sequences of valid, unknown and
//     malformed messages; the subscribed page must throw nothing, stay within the
//     documented ceiling of reads, and agree with the server once the storm is over;
//   - extreme options: random values (negative, NaN, Infinity, huge, strings, objects)
//     for every session option; createAuthClient must not throw, the store must settle,
//     and no option may make a tight loop of requests;
//   - malformed requests to the test server (loopback only, bounded in count and
//     time): random methods, paths, headers and bodies; the server must keep serving.
//
// ADVERSARIAL_TRAFFIC_CASES sets the number of cases of each part (make test: 6; make
// bench: 100); ADVERSARIAL_SEED the seed (printed, to replay a failure).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import {
  launch, openPages, subscribeAll, shownAt, uniqueEmail, PASSWORD, SERVER_URL, testRoute,
  getSessionCount, rng,
} from "./browser.mjs";

const CASES = Number(process.env.ADVERSARIAL_TRAFFIC_CASES ?? 6);
const SEED = Number(process.env.ADVERSARIAL_SEED ?? Date.now() % 1e9);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const pickFrom = (next) => (list) => list[Math.floor(next() * list.length)];

/** One foreign message: where it goes and what it says. */
function foreignMessage(next) {
  const pick = pickFrom(next);
  const own = ["signed-in", "signed-out", "updated", "fetching", "changed"];
  const triggers = ["signout", "getSession", "updateUser", "updateSession", "", null, 7];
  const junk = () => pick([42, null, "", "x".repeat(Math.floor(next() * 70000)), { a: 1 }, [1, 2], true, "{"]);
  switch (pick(["own", "own", "ownJunk", "official", "official", "officialJunk"])) {
    case "own": return { to: "channel", value: pick(own) };
    case "ownJunk": return { to: "channel", value: junk() };
    case "official":
      return {
        to: "storage",
        value: JSON.stringify({
          event: "session",
          data: { trigger: pick(triggers) },
          clientId: pick(["official-client", "better-auth-wasm:forged", undefined]),
          timestamp: Date.now() + next(),
        }),
      };
    default:
      return {
        to: "storage",
        value: pick(["{", "null", "[]", '{"event":"session"}', '{"event":"session","data":1}', String(junk())]),
      };
  }
}

test(`foreign cross-tab traffic (${CASES} generated storms): nothing thrown, reads bounded, state agrees after`, async () => {
  const next = rng(SEED);
  const violations = [];
  let highestPerMinute = 0;
  let messagesSent = 0;
  const context = await browser.newContext();
  const [ours, foreign] = await openPages(context, 2);
  const thrown = [];
  ours.on("pageerror", (err) => thrown.push(err.message));
  await subscribeAll([ours], { refetchOnWindowFocus: false });
  const email = uniqueEmail("storm");
  await ours.evaluate(
    ({ email, password }) => window.client.signUp.email({ email, password, name: "Storm" }),
    { email, password: PASSWORD },
  );
  await shownAt(ours, email);
  const channel = `better-auth-wasm:${SERVER_URL}/api/auth`;
  for (let i = 0; i < CASES; i += 1) {
    const count = 20 + Math.floor(next() * 200);
    const storm = Array.from({ length: count }, () => ({ ...foreignMessage(next), gapMs: Math.floor(next() * next() * 40) }));
    messagesSent += count;
    await new Promise((r) => setTimeout(r, 600)); // reads of the last case finish
    await testRoute("POST", "/__test/reset");
    const started = Date.now();
    await foreign.evaluate(async ({ channel, storm }) => {
      const bc = new BroadcastChannel(channel);
      for (const message of storm) {
        if (message.to === "channel") bc.postMessage(message.value);
        else localStorage.setItem("better-auth.message", String(message.value));
        if (message.gapMs) await new Promise((r) => setTimeout(r, message.gapMs));
      }
      bc.close();
    }, { channel, storm });
    await new Promise((r) => setTimeout(r, 700)); // the reads the storm owes
    const seconds = (Date.now() - started) / 1000;
    const reads = await getSessionCount();
    // The documented ceiling for foreign traffic: a burst of 4, then one read per 500 ms.
    const ceiling = 4 + Math.ceil(seconds / 0.5) + 1;
    highestPerMinute = Math.max(highestPerMinute, Math.round((reads / seconds) * 60));
    if (reads > ceiling) violations.push({ case: i, problem: `${reads} reads in ${seconds.toFixed(1)} s (ceiling ${ceiling})` });
    // The server's truth is unchanged: after a read the page shows the same user.
    const agreed = await ours.evaluate(async (email) => {
      window.client.useSession.refetch();
      for (let t = 0; t < 300; t += 1) {
        const s = window.client.useSession.get();
        if (!s.isPending && !s.isRefetching && s.data?.user.email === email) return true;
        await new Promise((r) => setTimeout(r, 10));
      }
      return JSON.stringify(window.client.useSession.get());
    }, email);
    if (agreed !== true) violations.push({ case: i, problem: `no agreement after the storm: ${agreed}` });
  }
  for (const message of thrown) violations.push({ problem: `thrown at the page: ${message}` });
  console.log(
    `adversarial cross-tab: seed ${SEED}, ${CASES} storms, ${messagesSent} foreign messages; highest read rate ${highestPerMinute}/min over a storm of 1-6 s, its burst of 4 included; violations ${violations.length}`,
  );
  await context.close();
  assert.deepEqual(violations, [], `seed ${SEED}`);
});

/** A random value for an option: in range, out of range, or not a number at all. */
function extremeValue(next) {
  const pick = pickFrom(next);
  return pick([
    0, -1, -1e12, 1e-9, 0.4, 1, 2 ** 31, 2 ** 53, 1e308, NaN, Infinity, -Infinity,
    "5", "", null, undefined, true, false, {}, [], () => 1, Math.floor(next() * 100000),
  ]);
}

// Every session option the npm package reads (OPTION_KEYS in crates/npm/package/index.js),
// and one it does not.
const OPTION_KEYS = [
  "refetchOnWindowFocus", "refetchOnReconnect", "refetchWhenOffline", "crossTabSync", "refetchInterval",
  "focusThrottleMs", "dedupeWindowMs", "timeoutMs", "retryAttempts", "noSuchOption",
];

test(`extreme options (${CASES} generated option sets): no throw, the store settles, no tight loop`, async () => {
  const next = rng(SEED + 1);
  const violations = [];
  let highestPerMinute = 0;
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  const thrown = [];
  page.on("pageerror", (err) => thrown.push(err.message));
  for (let i = 0; i < CASES; i += 1) {
    const options = {};
    for (const key of OPTION_KEYS) if (next() < 0.7) options[key] = extremeValue(next);
    await testRoute("POST", "/__test/reset");
    const started = Date.now();
    const outcome = await page.evaluate(async (serialized) => {
      // Functions and undefined do not survive the trip into the page: rebuild them.
      const options = Object.fromEntries(
        Object.entries(serialized).map(([k, v]) => [k, v === "__fn" ? () => 1 : v === "__undef" ? undefined : v]),
      );
      let client;
      try {
        client = createAuthClient({ baseURL: location.origin, sessionOptions: options });
      } catch (err) {
        return `createAuthClient threw: ${err.message}`;
      }
      const unsubscribe = client.useSession.subscribe(() => {});
      for (let t = 0; t < 300 && client.useSession.get().isPending; t += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const settled = !client.useSession.get().isPending;
      window.dispatchEvent(new Event("focus"));
      document.dispatchEvent(new Event("visibilitychange"));
      window.dispatchEvent(new Event("online"));
      await new Promise((r) => setTimeout(r, 1500));
      unsubscribe();
      return settled ? null : "the store stayed pending";
    }, Object.fromEntries(Object.entries(options).map(([k, v]) => [k, typeof v === "function" ? "__fn" : v === undefined ? "__undef" : v])));
    const seconds = (Date.now() - started) / 1000;
    const reads = await getSessionCount();
    highestPerMinute = Math.max(highestPerMinute, Math.round((reads / seconds) * 60));
    if (outcome) violations.push({ case: i, options, problem: outcome });
    // The ceiling of 500 reads a minute on its own, with slack for the 2-second window.
    if (reads > 10) violations.push({ case: i, options, problem: `${reads} reads in ${seconds.toFixed(1)} s` });
  }
  for (const message of thrown) violations.push({ problem: `thrown at the page: ${message}` });
  console.log(
    `adversarial options: seed ${SEED + 1}, ${CASES} option sets; highest read rate ${highestPerMinute}/min over each set's 2 s; violations ${violations.length}`,
  );
  await context.close();
  assert.deepEqual(violations, [], `seed ${SEED + 1}`);
});

/** Sends one raw request on a connection of its own (Node's default agent keeps
 * connections alive: a later request on one the server dropped after a malformed
 * request reads ECONNRESET, which is no failure of the server); resolves with the
 * status, or the error's code. */
function rawRequest({ method, path, headers, body }) {
  const { hostname, port } = new URL(SERVER_URL);
  return new Promise((resolve) => {
    const req = request({ hostname, port, method, path, headers, timeout: 3000, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
      res.on("error", () => resolve("response error"));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (err) => resolve(err.code ?? err.message));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

test(`malformed requests to the test server (${CASES * 25} generated): it keeps serving`, async () => {
  const next = rng(SEED + 2);
  const pick = pickFrom(next);
  const statuses = {};
  const junk = () => Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(33 + Math.floor(next() * 90))).join("");
  for (let i = 0; i < CASES * 25; i += 1) {
    const path = pick([
      "/api/auth/get-session", "/api/auth/sign-in/email", "/api/auth/sign-up/email", "/api/auth/sign-out",
      "/api/auth/list-sessions", "/api/auth/revoke-session", "/api/auth/multi-session/set-active",
      "/api/auth/%E0%A4%A", "/api/auth/..%2f..%2fetc/passwd", "//", "/api/auth/" + encodeURIComponent(junk()),
      "/api/auth/get-session?" + junk().replace(/[#\s]/g, ""), "/store.html", "/../../etc/passwd",
    ]);
    const body = pick([undefined, "", "{", "null", "[]", '{"email":1,"password":{}}', junk(), "x".repeat(70000), '{"a":'.repeat(5000)]);
    const headers = {};
    if (next() < 0.7) headers["content-type"] = pick(["application/json", "text/plain", "multipart/form-data", junk().replace(/[^\x21-\x7e]/g, "")]);
    if (next() < 0.3) headers.origin = pick(["http://evil.example", "null", SERVER_URL]);
    if (next() < 0.3) headers.cookie = pick(["better-auth.session_token=" + junk(), "a=b; ".repeat(200), "=;=;="]);
    const status = await rawRequest({ method: pick(["GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"]), path, headers, body });
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const ok = await rawRequest({ method: "GET", path: "/api/auth/ok" });
  const session = await rawRequest({ method: "GET", path: "/api/auth/get-session" });
  console.log(`adversarial requests: seed ${SEED + 2}, ${CASES * 25} sent, answers ${JSON.stringify(statuses)}; after: /ok ${ok}, get-session ${session}`);
  assert.equal(ok, 200, "the server still serves");
  assert.equal(session, 200);
  assert.equal(statuses[500] ?? 0, 0, "no request made the server fail");
});
