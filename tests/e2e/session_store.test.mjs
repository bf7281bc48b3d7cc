// client.useSession from JavaScript: the nanostores/Svelte store contract, stable
// snapshots for React's useSyncExternalStore, and unsubscribing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPages, uniqueEmail, PASSWORD } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("useSession: subscribe calls at once, snapshots keep identity, unsubscribe stops", async () => {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  const result = await page.evaluate(async ({ email, password }) => {
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    const until = async (check) => {
      for (let i = 0; i < 400 && !check(); i += 1) await wait(5);
      return check();
    };
    const client = createAuthClient({ baseURL: location.origin });
    const store = client.useSession;
    const seen = [];
    const listened = [];
    const unsubscribe = store.subscribe((s) => seen.push(s));
    const calledAtOnce = seen.length === 1 && seen[0].isPending === true && seen[0].data === null;
    const stopListening = store.listen((s) => listened.push(s));
    const listenNotAtOnce = listened.length === 0;
    await until(() => !store.get().isPending);
    const stable = store.get() === store.get() && store.get() === seen.at(-1);
    const frozen = Object.isFrozen(store.get());

    await client.signUp.email({ email, password, name: "Store JS" });
    await until(() => store.get().data?.user.email === email);
    const snapshot = store.get();
    const shape = {
      email: snapshot.data.user.email,
      expiresIsDate: snapshot.data.session.expiresAt instanceof Date,
      isPending: snapshot.isPending,
      isRefetching: snapshot.isRefetching,
      error: snapshot.error,
      lastResultAtIsDate: snapshot.lastResultAt instanceof Date,
      reason: snapshot.lastFetchReason,
    };
    store.refetch();
    const refetchingShown = store.get().isRefetching === true && store.get().data?.user.email === email;
    await until(() => !store.get().isRefetching);
    const changedIdentity = store.get() !== snapshot;

    const countBefore = seen.length;
    unsubscribe();
    stopListening();
    await client.signOut();
    await wait(50);
    return {
      calledAtOnce, listenNotAtOnce, stable, frozen, shape, refetchingShown, changedIdentity,
      listenedSome: listened.length > 0,
      callsAfterUnsubscribe: seen.length - countBefore,
      storeAfterSignOut: store.get().data,
    };
  }, { email: uniqueEmail("storejs"), password: PASSWORD });

  assert.equal(result.calledAtOnce, true, "subscribe calls at once with the pending snapshot");
  assert.equal(result.listenNotAtOnce, true, "listen does not call at once");
  assert.equal(result.stable, true, "get() returns the same object until a change");
  assert.equal(result.frozen, true);
  assert.equal(result.shape.expiresIsDate, true);
  assert.equal(result.shape.isPending, false);
  assert.equal(result.shape.isRefetching, false);
  assert.equal(result.shape.error, null);
  assert.equal(result.shape.lastResultAtIsDate, true);
  assert.equal(result.shape.reason, "mutation");
  assert.equal(result.refetchingShown, true, "a refetch with data shows isRefetching, keeps data");
  assert.equal(result.changedIdentity, true);
  assert.equal(result.listenedSome, true);
  assert.equal(result.callsAfterUnsubscribe, 0);
  assert.equal(result.storeAfterSignOut, null, "the store is signed out at once, listeners or not");
  await context.close();
});

test("one page hub: the app as the page's source reaches every client, and $close stops one", async () => {
  const context = await browser.newContext();
  const [page] = await openPages(context, 1);
  const result = await page.evaluate(async () => {
    // Each step waits past the focus throttle (250 ms at least), so a read not made is
    // one not heard, not one throttled.
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    const reads = { a: 0, b: 0 };
    const client = (name) =>
      createAuthClient({
        baseURL: location.origin,
        sessionOptions: { focusThrottleMs: 0, dedupeWindowMs: 0 },
        fetchOptions: {
          customFetchImpl: (url, init) => {
            if (String(url).includes("/get-session")) reads[name] += 1;
            return fetch(url, init);
          },
        },
      });
    const a = client("a");
    const b = client("b");
    a.useSession.subscribe(() => {});
    b.useSession.subscribe(() => {});
    await wait(400);
    const counts = () => ({ ...reads });
    const mounted = counts();
    setPageSource("app");
    window.dispatchEvent(new Event("focus"));
    await wait(400);
    const browserFocusWhileApp = counts();
    sendPageEvent("focus");
    await wait(400);
    const appFocus = counts();
    setPageSource("browser");
    a.$close();
    window.dispatchEvent(new Event("focus"));
    await wait(400);
    const afterClose = counts();
    return { mounted, browserFocusWhileApp, appFocus, afterClose, reasonB: b.useSession.get().lastFetchReason };
  });
  assert.deepEqual(result.mounted, { a: 1, b: 1 }, "one mount read each");
  assert.deepEqual(result.browserFocusWhileApp, result.mounted, "with the app as source, the browser's focus is not heard");
  assert.deepEqual(result.appFocus, { a: 2, b: 2 }, "the app's focus reaches every client");
  assert.deepEqual(result.afterClose, { a: 2, b: 3 }, "the closed client hears nothing; the other the browser again");
  assert.equal(result.reasonB, "focus");
  await context.close();
});
