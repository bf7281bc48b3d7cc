// Better Auth's own rate limiter on (a real server with RATE_LIMIT=1: 3 requests per
// path per 4 s, sign-in 3 per 10 s): the client reads the retry time it sends
// (X-Retry-After) into a typed RATE_LIMITED error, and the store holds its automatic
// reads back until then instead of polling into the limit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, uniqueEmail, PASSWORD } from "./browser.mjs";

const LIMITED = process.env.BA_TEST_LIMITED_SERVER_URL;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openPage(context) {
  const page = await context.newPage();
  await page.goto(`${LIMITED}/store.html`);
  await page.waitForFunction(() => window.e2eReady === true);
  return page;
}

test("a refused sign-in past the limit is RATE_LIMITED with the server's retry time", async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const errors = await page.evaluate(async () => {
    const client = createAuthClient({ baseURL: location.origin });
    const out = [];
    for (let i = 0; i < 4; i += 1) {
      const { error } = await client.signIn.email({ email: "nobody@example.com", password: "wrong-password" });
      out.push(error && { status: error.status, code: error.code, retryAfter: error.retryAfter ?? null });
    }
    return out;
  });
  console.log(`4 sign-ins in a row: ${JSON.stringify(errors.map((e) => e && `${e.status} ${e.code} ${e.retryAfter ?? ""}`))}`);
  const last = errors[3];
  assert.equal(last.status, 429);
  assert.equal(last.code, "RATE_LIMITED");
  assert.ok(last.retryAfter >= 1 && last.retryAfter <= 10, `retryAfter ${last.retryAfter}`);
  await context.close();
});

test("polling into the limit waits for the retry time instead of hammering", async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const statuses = [];
  const sentAt = []; // when each get-session request left
  const holds = []; // [when a 429 arrived, its X-Retry-After in ms]
  page.on("request", (request) => {
    if (request.url().includes("/get-session")) sentAt.push(Date.now());
  });
  page.on("response", (response) => {
    if (!response.url().includes("/get-session")) return;
    statuses.push(response.status());
    if (response.status() === 429) {
      holds.push([Date.now(), Number(response.headers()["x-retry-after"]) * 1000]);
    }
  });
  // Polling runs while signed in.
  await page.evaluate(async ({ email, password }) => {
    window.client = createAuthClient({
      baseURL: location.origin,
      sessionOptions: { refetchInterval: 1, refetchOnWindowFocus: false },
    });
    const { error } = await window.client.signUp.email({ email, password, name: "Limited" });
    if (error) throw new Error(`sign-up: ${error.code}`);
    window.unsubscribe = window.client.useSession.subscribe((state) => {
      window.latest = state;
    });
  }, { email: uniqueEmail("limited"), password: PASSWORD });
  await new Promise((r) => setTimeout(r, 9000));
  await page.evaluate(() => window.unsubscribe());
  const refused = statuses.filter((s) => s === 429).length;
  console.log(
    `9 s polling at 1 s against 3 per 4 s: ${statuses.length} get-session requests, ${refused} refused (429)`,
  );
  assert.ok(refused >= 1, "the limit was reached (else this test shows nothing)");
  // After each refusal, no read before the retry time the server gave (100 ms for the
  // clocks of the two processes); polling blind to it would read again after 1 s.
  for (const [at, wait] of holds) {
    const next = sentAt.find((t) => t > at);
    if (next === undefined) continue;
    console.log(`refused, told to wait ${wait} ms: next read after ${next - at} ms`);
    assert.ok(next - at >= wait - 100, `read again after ${next - at} ms, told ${wait} ms`);
  }
  assert.ok(statuses.length >= 4, `the store kept reading: ${statuses.length}`);
  const state = await page.evaluate(() => window.latest);
  assert.ok(state.error === null || state.error.code === "RATE_LIMITED", JSON.stringify(state.error));
  await context.close();
});
