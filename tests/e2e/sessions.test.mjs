// Session management from JavaScript, with real separate devices: three browser
// contexts (three cookie jars) signed in as one user; remember-me cookies; custom
// user fields; the isFresh helper.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPages, uniqueEmail, PASSWORD, SERVER_URL } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A new device (browser context) with one page and a client `window.client`. */
async function device() {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  await page.evaluate(() => {
    window.client = createAuthClient({ baseURL: location.origin });
  });
  return { context, page };
}

/** Calls `client.<method>(arg)` in the page; `method` may be dotted ("signIn.email"). */
const call = (page, method, arg) =>
  page.evaluate(
    async ({ method, arg }) => method.split(".").reduce((target, key) => target[key], window.client)(arg),
    { method, arg },
  );

test("three devices of one user: list, revoke by token and id, revoke others", async () => {
  const email = uniqueEmail("devices");
  const [a, b, c] = [await device(), await device(), await device()];
  const up = await call(a.page, "signUp.email", { email, password: PASSWORD, name: "Devices" });
  assert.equal(up.error, null);
  for (const d of [b, c]) {
    const { error } = await call(d.page, "signIn.email", { email, password: PASSWORD });
    assert.equal(error, null);
  }

  let listed = await call(a.page, "listSessions");
  assert.equal(listed.error, null);
  assert.equal(listed.data.length, 3);
  assert.equal(listed.data.filter((s) => s.current).length, 1, "exactly one is this device");
  assert.ok(listed.data.every((s) => s.expiresAt instanceof Object));

  const bSession = (await call(b.page, "getSession")).data.session;
  const cSession = (await call(c.page, "getSession")).data.session;
  assert.equal((await call(a.page, "revokeSession", { token: bSession.token })).error, null);
  assert.equal((await call(a.page, "revokeSession", { id: cSession.id })).error, null);

  // The revoked devices' next refresh gives null (and says why).
  for (const d of [b, c]) {
    const refreshed = await call(d.page, "refreshSession");
    assert.equal(refreshed.data, null);
    const state = await d.page.evaluate(() => window.client.useSession.get());
    assert.equal(state.data, null);
  }
  listed = await call(a.page, "listSessions");
  assert.equal(listed.data.length, 1);

  // Two more devices, then revoke-others leaves this one.
  for (const d of [b, c]) await call(d.page, "signIn.email", { email, password: PASSWORD });
  assert.equal((await call(a.page, "listSessions")).data.length, 3);
  assert.equal((await call(a.page, "revokeOtherSessions")).error, null);
  listed = await call(a.page, "listSessions");
  assert.equal(listed.data.length, 1);
  assert.equal(listed.data[0].current, true);
  assert.equal((await call(b.page, "getSession")).data, null);

  // Sign out everywhere.
  await call(b.page, "signIn.email", { email, password: PASSWORD });
  assert.equal((await call(a.page, "signOutAll")).error, null);
  assert.equal((await call(a.page, "getSession")).data, null);
  assert.equal((await call(b.page, "getSession")).data, null);
  for (const d of [a, b, c]) await d.context.close();
});

test("rememberMe: false gives a browser-session cookie, true a persistent one", async () => {
  const email = uniqueEmail("remember");
  const a = await device();
  await call(a.page, "signUp.email", { email, password: PASSWORD, name: "Remember" });
  await call(a.page, "signOut");
  const expiryOf = async (rememberMe) => {
    const { error } = await call(a.page, "signIn.email", { email, password: PASSWORD, rememberMe });
    assert.equal(error, null);
    const cookie = (await a.context.cookies(SERVER_URL)).find((k) => k.name === "better-auth.session_token");
    assert.ok(cookie, "session cookie set");
    assert.equal(cookie.httpOnly, true);
    return cookie.expires;
  };
  assert.equal(await expiryOf(false), -1, "a session cookie has no expiry");
  const persistent = await expiryOf(true);
  assert.ok(persistent > Date.now() / 1000 + 86400, `expires ${persistent}`);
  const stored = await a.page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes("session_token") && !/"token"/.test(stored), "no token in localStorage");
  await a.context.close();
});

test("custom user fields go in at sign-up and come back, and isFresh works on sessions", async () => {
  const a = await device();
  const result = await a.page.evaluate(async ({ email, password }) => {
    const { isFresh } = await import("./pkg/index.js");
    await window.client.signUp.email({ email, password, name: "Admin", role: "admin" });
    const { data } = await window.client.getSession();
    return {
      role: data.user.role,
      fresh: isFresh(data.session, 60),
      freshDefault: isFresh(data.session),
      staleAfterZeroSeconds: isFresh({ createdAt: new Date(Date.now() - 5000) }, 1),
      noDate: isFresh({}, 60),
    };
  }, { email: uniqueEmail("admin"), password: PASSWORD });
  assert.deepEqual(result, {
    role: "admin", fresh: true, freshDefault: true, staleAfterZeroSeconds: false, noDate: false,
  });
  await a.context.close();
});
