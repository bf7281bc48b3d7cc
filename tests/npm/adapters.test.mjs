// The framework entries of the packed package, run in Node as a server render runs
// them: each adapter gives the store's state in its framework's form and releases its
// subscription; on the server no subscription starts a read (the state stays pending,
// as better-auth's does), and hydrateSession does nothing (a module-level client serves
// every request); initialSession gives a client made for one request its session.
import { test } from "node:test";
import assert from "node:assert/strict";
import { effectScope } from "vue";
import { createRoot } from "solid-js";
import { createAuthClient as createVueClient } from "better-auth-wasm/vue";
import { createAuthClient as createSvelteClient } from "better-auth-wasm/svelte";
import { createAuthClient as createSolidClient } from "better-auth-wasm/solid";

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const initialSession = {
  session: { id: "s1", token: "t", userId: "u1", expiresAt: new Date(Date.now() + 3600e3).toISOString() },
  user: { id: "u1", email: "ssr@example.com", name: "SSR" },
};
/** A client whose every request is counted (none is expected on the server). */
function counted(create, options = {}) {
  const counter = { requests: 0 };
  const customFetchImpl = async () => (counter.requests++, new Response("null"));
  return [create({ baseURL: "http://127.0.0.1:9", fetchOptions: { customFetchImpl }, ...options }), counter];
}

test("vue: useSession is a shallowRef of the store, released with its scope; no read on the server", async () => {
  const [client, counter] = counted(createVueClient);
  const scope = effectScope();
  const state = scope.run(() => client.useSession());
  assert.equal(state.value.isPending, true);
  await pause(100);
  assert.equal(state.value.isPending, true, "still the server's state");
  assert.equal(counter.requests, 0);
  assert.equal(typeof client.useSession.refetch, "function");
  scope.stop();
  const [withSession] = counted(createVueClient, { initialSession });
  assert.equal(effectScope().run(() => withSession.useSession()).value.data.user.name, "SSR");
});

test("vue: await useSession(useFetch) reads through the framework's fetch (Nuxt)", async () => {
  const [client] = counted(createVueClient, { baseURL: "http://127.0.0.1:9/api/auth" });
  const calls = [];
  const useFetch = async (url, options) => (calls.push([url, typeof options.ref.value]), { data: initialSession, error: null });
  const result = await effectScope().run(() => client.useSession(useFetch));
  assert.deepEqual(calls, [["http://127.0.0.1:9/api/auth/get-session", "boolean"]]);
  assert.deepEqual(result, { data: initialSession, isPending: false, error: null });
});

test("svelte: useSession() is a store with the subscribe contract; no read on the server", async () => {
  const [client, counter] = counted(createSvelteClient);
  const store = client.useSession();
  const seen = [];
  const unsubscribe = store.subscribe((s) => seen.push(s));
  assert.equal(seen.length, 1, "called at once");
  assert.equal(seen[0].isPending, true);
  await pause(100);
  assert.deepEqual([seen.length, counter.requests], [1, 0]);
  unsubscribe();
  assert.equal(store, client.$sessionStore);
});

test("solid: useSession() is an accessor of the store, released with its owner", async () => {
  const [client, counter] = counted(createSolidClient, { initialSession });
  const [state, dispose] = createRoot((dispose) => [client.useSession(), dispose]);
  assert.equal(typeof state, "function");
  assert.equal(state().data.user.name, "SSR");
  assert.equal(state().isPending, false);
  await pause(100);
  assert.equal(counter.requests, 0);
  dispose();
});

test("react: a server render with initialSession is signed in, and is the server snapshot", async () => {
  const { createElement } = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { createAuthClient } = await import("better-auth-wasm/react");
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
  // hydrateSession on the server does nothing, as better-auth's (the client may be
  // shared by every request): the server render stays pending.
  const late = createAuthClient({ baseURL: "http://127.0.0.1:9" });
  late.hydrateSession(initialSession);
  function Late() {
    const { data } = late.useSession();
    return createElement("p", null, data ? `Hello ${data.user.name}` : "Loading");
  }
  assert.equal(renderToString(createElement(Late)), "<p>Loading</p>");
  assert.equal(late.useSession.get().data, null);
  const signedOut = createAuthClient({ baseURL: "http://127.0.0.1:9", initialSession: null });
  assert.deepEqual(
    [signedOut.$sessionStore.getServerSnapshot().isPending, signedOut.$sessionStore.getServerSnapshot().data],
    [false, null],
  );
});
