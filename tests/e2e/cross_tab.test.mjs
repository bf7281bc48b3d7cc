// Pages of one origin agree without every page polling: sign-in and sign-out reach the
// other pages, the official client's localStorage message is understood, and three
// polling pages share their polling. Real server, real Chromium, real tabs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  launch, openPages, subscribeAll, shownAt, uniqueEmail, PASSWORD, testRoute, getSessionCount,
} from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("sign-in and sign-out in one page reach the other page", async () => {
  const context = await browser.newContext();
  const [a, b] = await openPages(context, 2);
  await subscribeAll([a, b]);
  await shownAt(b, null);

  const email = uniqueEmail("pages");
  await a.evaluate(
    ({ email, password }) => window.client.signUp.email({ email, password, name: "Pages" }),
    { email, password: PASSWORD },
  );
  await a.evaluate(() => window.client.signOut());
  await shownAt(b, null);

  // Delays count from the moment page A starts the call: its request to the server, the
  // message to page B, and (for sign-in) page B's own get-session.
  const signInStart = await a.evaluate(({ email, password }) => {
    const start = Date.now();
    window.pending = window.client.signIn.email({ email, password });
    return start;
  }, { email, password: PASSWORD });
  const signInSeen = await shownAt(b, email);
  assert.equal((await a.evaluate(() => window.pending)).error, null);

  const signOutStart = await a.evaluate(() => {
    const start = Date.now();
    window.pending = window.client.signOut();
    return start;
  });
  const signOutSeen = await shownAt(b, null);
  const signInDelay = signInSeen - signInStart;
  const signOutDelay = signOutSeen - signOutStart;
  console.log(
    `cross-page: sign-in in page A showed in page B ${signInDelay} ms after A started it, sign-out ${signOutDelay} ms`,
  );
  assert.ok(signInDelay < 2000 && signOutDelay < 2000);
  await context.close();
});

test("an official client's sign-out message in localStorage signs this page out", async () => {
  const context = await browser.newContext();
  const [a, b] = await openPages(context, 2);
  const email = uniqueEmail("official");
  await a.evaluate(
    ({ email, password }) => createAuthClient({ baseURL: location.origin }).signUp.email({ email, password, name: "Official" }),
    { email, password: PASSWORD },
  );
  await subscribeAll([b]);
  await shownAt(b, email);
  // What better-auth/client writes after its signOut (its tab's session is gone too).
  await a.evaluate(async () => {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    localStorage.setItem("better-auth.message", JSON.stringify({
      event: "session", data: { trigger: "signout" }, clientId: "official-client", timestamp: Date.now(),
    }));
  });
  await shownAt(b, null);
  await context.close();
});

async function pollingCount(crossTabSync) {
  const context = await browser.newContext();
  const pages = await openPages(context, 3);
  await pages[0].evaluate(
    ({ email, password }) => createAuthClient({ baseURL: location.origin }).signUp.email({ email, password, name: "Poll" }),
    { email: uniqueEmail("poll"), password: PASSWORD },
  );
  await subscribeAll(pages, { refetchInterval: 1, crossTabSync });
  for (const page of pages) await page.waitForFunction(() => window.latest?.data);
  await testRoute("POST", "/__test/reset");
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const count = await getSessionCount();
  await context.close();
  return count;
}

test("three pages polling every second share the polling", async () => {
  const shared = await pollingCount(true);
  const unshared = await pollingCount(false);
  console.log(`3 pages polling at 1 s for 5 s: ${shared} get-session requests with cross-tab sharing, ${unshared} without`);
  assert.ok(shared <= 7, `shared polling made ${shared} requests`);
  assert.ok(unshared > shared, `without sharing each page polls on its own (${unshared})`);
});

test("after a sign-in in one page, the other page reads the session once", async () => {
  const context = await browser.newContext();
  const [a, b] = await openPages(context, 2);
  await subscribeAll([a, b]);
  await shownAt(b, null);
  const email = uniqueEmail("once");
  await a.evaluate(
    ({ email, password }) => window.client.signUp.email({ email, password, name: "Once" }),
    { email, password: PASSWORD },
  );
  await shownAt(b, email);
  await a.evaluate(() => window.client.signOut());
  await shownAt(b, null);
  await new Promise((r) => setTimeout(r, 300));
  await testRoute("POST", "/__test/reset");
  await b.evaluate(() => {
    window.results = 0;
    let last = window.client.useSession.get().lastResultAt?.getTime();
    window.client.useSession.subscribe((s) => {
      const at = s.lastResultAt?.getTime();
      if (at && at !== last) window.results += 1;
      last = at;
    });
  });
  await a.evaluate(({ email, password }) => window.client.signIn.email({ email, password }), {
    email, password: PASSWORD,
  });
  await shownAt(b, email);
  await new Promise((r) => setTimeout(r, 500));
  const readsInB = await b.evaluate(() => window.results);
  const requests = await getSessionCount();
  console.log(`after one sign-in: page B finished ${readsInB} read(s); get-session requests in all: ${requests}`);
  assert.equal(readsInB, 1, "page B finished one read");
  assert.equal(requests, 2, "page A's read after its sign-in, and page B's");
  await context.close();
});

test("polling keeps its pace when the wall clock steps back an hour", async () => {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  await subscribeAll([page], { refetchInterval: 1, refetchOnWindowFocus: false });
  const email = uniqueEmail("clock");
  await page.evaluate(
    ({ email, password }) => window.client.signUp.email({ email, password, name: "Clock" }),
    { email, password: PASSWORD },
  );
  await shownAt(page, email);
  await new Promise((r) => setTimeout(r, 1200));
  await testRoute("POST", "/__test/reset");
  await page.evaluate(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() - 3_600_000;
  });
  await new Promise((r) => setTimeout(r, 3500));
  const polls = await getSessionCount();
  console.log(`polls in 3.5 s at 1 s after Date.now stepped back an hour: ${polls}`);
  assert.ok(polls >= 2, `polling stopped: ${polls} polls`);
  await context.close();
});

test("a wall clock that jumps past expiresAt (a device waking) checks the session at the next focus", async () => {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  // Focus refetch off: only the overdue expiry check may read.
  await subscribeAll([page], { refetchOnWindowFocus: false });
  const email = uniqueEmail("wake");
  await page.evaluate(
    ({ email, password }) => window.client.signUp.email({ email, password, name: "Wake" }),
    { email, password: PASSWORD },
  );
  await shownAt(page, email);
  await new Promise((r) => setTimeout(r, 300));
  await testRoute("POST", "/__test/reset");
  await page.evaluate(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + 8 * 24 * 3_600_000; // past the 7-day expiresAt
    window.dispatchEvent(new Event("focus"));
  });
  await page.waitForFunction(() => window.latest.lastFetchReason === "expiry", null, { timeout: 2000 });
  await new Promise((r) => setTimeout(r, 300));
  const reads = await getSessionCount();
  console.log(`after Date.now jumped 8 days and one focus: ${reads} get-session read(s), reason expiry`);
  assert.equal(reads, 1);
  await context.close();
});
