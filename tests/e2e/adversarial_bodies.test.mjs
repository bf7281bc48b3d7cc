// The adversarial suite's first part: hostile get-session bodies, made by a seeded
// generator (not a list), served by the real test server's fault hook to a real page,
// through the transport, the wasm's decoders and the store. Each case must settle (no
// hang), give data or a typed error, and leave the client working; the requests it
// causes are counted.
//
// ADVERSARIAL_CASES sets the number of cases (make test: 60; make bench: 2,000);
// ADVERSARIAL_SEED the seed (printed, to replay a failure).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openPages, testRoute, getSessionCount, SERVER_URL, rng } from "./browser.mjs";

const CASES = Number(process.env.ADVERSARIAL_CASES ?? 60);
const SEED = Number(process.env.ADVERSARIAL_SEED ?? Date.now() % 1e9);
const FIXTURE = JSON.parse(readFileSync(new URL("../fixtures/get-session.json", import.meta.url), "utf8"));

/** One hostile body, as the text the server sends. */
function hostileBody(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (n) => Math.floor(next() * n);
  const copy = () => JSON.parse(JSON.stringify(FIXTURE));
  const wrongValue = () =>
    pick([null, 0, -1, 1e308, true, "", "x".repeat(int(5000)), [], {}, [[[]]], { a: { b: {} } }]);
  const oddDate = () =>
    pick([
      "2026-11-22T10:00:00Z", "2026-11-22T10:00:00.1234567Z", "2026-11-22T10:00:00+05:30",
      "2026-11-22T10:00:00.000-00:00", "2026-02-30T10:00:00.000Z", "2026-11-22 10:00:00",
      "+275760-09-13T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
      "2026-11-22T24:00:00.000Z", "2026-11-22T23:59:60.000Z", "not a date", "",
    ]);
  const deep = (levels) => "[".repeat(levels) + "]".repeat(levels);
  const kind = int(9);
  switch (kind) {
    case 0: { // a field of the session or user of the wrong type
      const body = copy();
      const part = pick(["session", "user"]);
      body[part][pick(Object.keys(body[part]))] = wrongValue();
      return { kind: "wrong type", text: JSON.stringify(body) };
    }
    case 1: { // a field missing
      const body = copy();
      const part = pick(["session", "user"]);
      delete body[part][pick(Object.keys(body[part]))];
      return { kind: "missing field", text: JSON.stringify(body) };
    }
    case 2: { // an unknown field nested deep
      const text = JSON.stringify(copy()).replace('"user":{', `"user":{"deep":${deep(1 + int(20000))},`);
      return { kind: "deep field", text };
    }
    case 3: { // a huge string
      const body = copy();
      body.user[pick(["name", "extra", "image"])] = "é".repeat(1 + int(2_000_000));
      return { kind: "huge string", text: JSON.stringify(body) };
    }
    case 4: { // duplicate keys: the last one wins in JSON.parse
      const text = JSON.stringify(copy()).replace('{"session":', `{"session":${JSON.stringify(wrongValue())},"session":`);
      return { kind: "duplicate keys", text: pick([text, text.replace(/}$/, `,"user":${JSON.stringify(wrongValue())}}`)]) };
    }
    case 5: { // numbers out of range, as text JSON.parse still takes
      const text = JSON.stringify(copy()).replace('"emailVerified":false', `"emailVerified":${pick(["1e400", "-1e400", "0.0000000001e-400", "123456789012345678901234567890"])}`);
      return { kind: "numbers out of range", text };
    }
    case 6: { // odd but valid (or nearly valid) dates
      const body = copy();
      body.session[pick(["expiresAt", "createdAt", "updatedAt"])] = oddDate();
      body.user[pick(["createdAt", "updatedAt"])] = oddDate();
      return { kind: "odd dates", text: JSON.stringify(body) };
    }
    case 7: { // not the shape at all
      return {
        kind: "wrong shape",
        text: pick(["[]", "{}", '"session"', "0", "true", "[null]", '{"session":null,"user":null}',
          JSON.stringify([copy()]), JSON.stringify({ data: copy() })]),
      };
    }
    default: { // not JSON: cut short, garbage, HTML
      const text = JSON.stringify(copy());
      return {
        kind: "not JSON",
        text: pick([text.slice(0, int(text.length)), "<html>oops</html>", "\u0000\u0001", "{".repeat(1 + int(100)), ""]),
      };
    }
  }
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test(`hostile get-session bodies (${CASES} generated cases): settled, typed, client alive, requests bounded`, async () => {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  await page.evaluate(() => {
    window.client = createAuthClient({
      baseURL: location.origin,
      sessionOptions: { retryAttempts: 1, refetchOnWindowFocus: false },
    });
    window.states = [];
    window.client.useSession.subscribe((s) => window.states.push(s));
  });
  await page.waitForFunction(() => !window.client.useSession.get().isPending);
  const next = rng(SEED);
  const violations = [];
  const kinds = {};
  let maxRequests = 0;
  const started = Date.now();
  await testRoute("POST", "/__test/reset");
  let requestsBefore = 0;
  for (let i = 0; i < CASES; i += 1) {
    const body = hostileBody(next);
    kinds[body.kind] = (kinds[body.kind] ?? 0) + 1;
    for (const target of ["store", "call"]) {
      await fetch(`${SERVER_URL}/__test/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ path: "/api/auth/get-session", status: 200, body: body.text, contentType: "application/json" }),
      });
      const outcome = await page.evaluate(async (target) => {
        const client = window.client;
        const until = async (check, ms) => {
          const end = Date.now() + ms;
          while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
          return check();
        };
        try {
          if (target === "call") {
            const result = await Promise.race([
              client.getSession(),
              new Promise((r) => setTimeout(() => r("hang"), 3000)),
            ]);
            if (result === "hang") return { problem: "getSession did not settle" };
            if (result.error && !result.error.code) return { problem: "an error without a code" };
            return { ok: true };
          }
          const seen = window.states.length;
          client.useSession.refetch();
          const settled = await until(() => {
            const s = client.useSession.get();
            return window.states.length > seen && !s.isRefetching && !s.isPending;
          }, 3000);
          if (!settled) return { problem: "the store did not settle" };
          const s = client.useSession.get();
          if (s.error && !s.error.code) return { problem: "a store error without a code" };
          return { ok: true };
        } catch (err) {
          return { problem: `threw: ${err?.message ?? err}` };
        }
      }, target);
      if (outcome.problem) violations.push({ case: i, kind: body.kind, target, problem: outcome.problem, body: body.text.slice(0, 200) });
    }
    // The client lives on: a plain read works.
    const alive = await page.evaluate(async () => {
      const result = await Promise.race([
        window.client.getSession(),
        new Promise((r) => setTimeout(() => r("hang"), 3000)),
      ]);
      return result !== "hang" && !result.error;
    });
    if (!alive) violations.push({ case: i, kind: body.kind, problem: "the client stopped working" });
    const requests = await getSessionCount();
    maxRequests = Math.max(maxRequests, requests - requestsBefore);
    requestsBefore = requests;
  }
  const minutes = (Date.now() - started) / 60000;
  const total = await getSessionCount();
  console.log(
    `adversarial bodies: seed ${SEED}, ${CASES} cases x 2 paths (${JSON.stringify(kinds)}); ` +
      `violations ${violations.length}; most get-session requests in one case ${maxRequests} ` +
      `(3 expected: the store's read, the call, the check); ${Math.round(total / minutes)} requests/min overall`,
  );
  assert.deepEqual(violations, [], `seed ${SEED}`);
  assert.ok(maxRequests <= 3, `a case made ${maxRequests} get-session requests`);
  await context.close();
});
