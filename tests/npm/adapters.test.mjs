// The Svelte and Vue entries of the packed package, run in Node: the adapters follow the
// session store (pending first, then the next state) and release their subscription.
// Node cannot fetch the .wasm beside the module (a file: URL), so the next state is
// the typed WASM_LOAD_FAILED error: this also tests that a failed load never throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import { effectScope } from "vue";
import { createAuthClient as createVueClient } from "better-auth-wasm/vue";
import { createAuthClient as createSvelteClient } from "better-auth-wasm/svelte";

async function until(check) {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  return check();
}

test("vue: useSession is a shallowRef following the store, released with its scope", async () => {
  const client = createVueClient({ baseURL: "http://127.0.0.1:9" });
  const scope = effectScope();
  const state = scope.run(() => client.useSession());
  assert.equal(state.value.isPending, true);
  assert.ok(await until(() => state.value.error), "the ref received the next state");
  assert.equal(state.value.error.code, "WASM_LOAD_FAILED");
  assert.equal(state.value.isPending, false);
  assert.equal(typeof client.useSession.refetch, "function");
  scope.stop();
  const { data, error } = await client.getSession();
  assert.equal(data, null);
  assert.equal(error.code, "WASM_LOAD_FAILED");
});

test("svelte: useSession() is a store with the subscribe contract", async () => {
  const client = createSvelteClient({ baseURL: "http://127.0.0.1:9" });
  const store = client.useSession();
  const seen = [];
  const unsubscribe = store.subscribe((s) => seen.push(s));
  assert.equal(seen.length, 1, "called at once");
  assert.equal(seen[0].isPending, true);
  assert.ok(await until(() => seen.length > 1));
  assert.equal(seen.at(-1).error.code, "WASM_LOAD_FAILED");
  unsubscribe();
  assert.equal(store, client.$sessionStore);
});

test("react: a server render with initialSession is signed in, and is the server snapshot", async () => {
  const { createElement } = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { createAuthClient } = await import("better-auth-wasm/react");
  const initialSession = {
    session: { id: "s1", token: "t", userId: "u1", expiresAt: new Date(Date.now() + 3600e3).toISOString() },
    user: { id: "u1", email: "ssr@example.com", name: "SSR" },
  };
  const client = createAuthClient({ baseURL: "http://127.0.0.1:9", initialSession });
  function Status() {
    const { data, isPending } = client.useSession();
    return createElement("p", null, isPending ? "Loading" : data ? `Hello ${data.user.name}` : "Signed out");
  }
  assert.equal(renderToString(createElement(Status)), "<p>Hello SSR</p>");
  const plain = createAuthClient({ baseURL: "http://127.0.0.1:9" });
  function Plain() {
    return createElement("p", null, plain.useSession().isPending ? "Loading" : "Settled");
  }
  assert.equal(renderToString(createElement(Plain)), "<p>Loading</p>", "without it, pending as before");
  // hydrateSession after the client is made (the official order) is the server
  // snapshot too: the server's first render was pending before.
  const late = createAuthClient({ baseURL: "http://127.0.0.1:9" });
  late.hydrateSession(initialSession);
  function Late() {
    const { data } = late.useSession();
    return createElement("p", null, data ? `Hello ${data.user.name}` : "Loading");
  }
  assert.equal(renderToString(createElement(Late)), "<p>Hello SSR</p>");
  assert.equal(late.useSession.get().data.user.name, "SSR");
  const signedOut = createAuthClient({ baseURL: "http://127.0.0.1:9" });
  signedOut.hydrateSession(null);
  assert.deepEqual(
    [signedOut.$sessionStore.getServerSnapshot().isPending, signedOut.$sessionStore.getServerSnapshot().data],
    [false, null],
  );
});
