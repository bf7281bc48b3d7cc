// The packed package in plain Node (server code, scripts), against the real test server
// (BA_TEST_SERVER_URL): the wasm loads from the file beside the module, calls forward a
// request's cookie, and a client shared by server renders keeps no request's session.
// Also each of the bad inputs of the official client's shape: a typed {data, error}.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { createAuthClient } from "better-auth-wasm";
import { signUpCookie } from "../e2e/ssr.mjs";

const SERVER = process.env.BA_TEST_SERVER_URL;
const run = promisify(execFile);

const answer = (body, init) => async () => new Response(body, init);
const session = (id) => ({
  session: { id: `s-${id}`, token: `t-${id}`, userId: id, expiresAt: new Date(Date.now() + 3600e3).toISOString() },
  user: { id, name: id, email: `${id}@example.com` },
});

test("a plain node script reads the session with a request's cookie", async () => {
  const cookie = await signUpCookie(SERVER, "node-script");
  // The example, run as an app's own script: beside the installed package.
  const copy = new URL("node_modules/.read-session.mjs", import.meta.url);
  await copyFile(new URL("../../examples/node/read-session.mjs", import.meta.url), copy);
  const script = copy.pathname;
  const signedIn = await run("node", [script, SERVER, cookie]);
  const { user } = JSON.parse(signedIn.stdout);
  assert.equal(user.name, "node-script");
  console.log(`node script: ${signedIn.stdout.trim()}`);
  const anonymous = await run("node", [script, SERVER, ""]);
  assert.deepEqual(JSON.parse(anonymous.stdout), { user: null });
  const refused = await run("node", [script, "http://127.0.0.1:9", ""]).catch((err) => err);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^NETWORK: /);
  // The same script under Bun and Deno (both from the npm registry, in tests/npm).
  const bin = (name) => new URL(`node_modules/.bin/${name}`, import.meta.url).pathname;
  for (const [runtime, args] of [["bun", [script]], ["deno", ["run", "-A", script]]]) {
    const other = await run(bin(runtime), [...args, SERVER, cookie]);
    assert.equal(JSON.parse(other.stdout).user.name, "node-script", runtime);
    const version = (await run(bin(runtime), ["--version"])).stdout.split("\n")[0];
    console.log(`${version}: ${other.stdout.trim().slice(0, 60)}...`);
  }
});

test("a client shared by server requests keeps no request's session", async () => {
  const shared = createAuthClient({ baseURL: SERVER });
  const alice = await signUpCookie(SERVER, "alice");
  const bob = await signUpCookie(SERVER, "bob");
  // Calls with each request's cookie answer that request's session...
  const [a, b, none] = await Promise.all(
    [alice, bob, ""].map((cookie) => shared.getSession({ fetchOptions: { headers: { cookie } } })),
  );
  assert.deepEqual([a.data.user.name, b.data.user.name, none.data], ["alice", "bob", null]);
  // ...and leave the shared store alone, as do hydrateSession and set (the official
  // hydrateSession is a no-op on the server, by design).
  shared.hydrateSession(a.data);
  shared.hydrateSession(b.data);
  shared.$store.atoms.session.set({ data: a.data, isPending: false });
  const seen = [];
  const unsubscribe = shared.useSession.subscribe((state) => seen.push(state));
  shared.useSession.refetch();
  await new Promise((r) => setTimeout(r, 200));
  unsubscribe();
  assert.equal(seen.length, 1, "a subscription on the server starts no read");
  assert.deepEqual([seen[0].data, seen[0].isPending], [null, true]);
  assert.equal(shared.useSession.get().data, null);
});

test("on the server a subscription starts no read, timer or wasm load", async () => {
  let requests = 0;
  const client = createAuthClient({
    baseURL: "http://127.0.0.1:9",
    sessionOptions: { refetchInterval: 1 },
    fetchOptions: { customFetchImpl: async () => (requests++, new Response("null")) },
  });
  const stop = client.useSession.subscribe(() => {});
  await new Promise((r) => setTimeout(r, 1300));
  stop();
  assert.equal(requests, 0);
});

test("initialSession still gives a client made for one request its session", () => {
  const client = createAuthClient({ baseURL: "http://127.0.0.1:9", initialSession: session("carol") });
  assert.equal(client.useSession.get().data.user.name, "carol");
  assert.equal(client.useSession.get().isPending, false);
});

test("bad inputs: each a typed {data, error}, none throws", async () => {
  const base = "http://127.0.0.1:9/api/auth";
  const throwing = createAuthClient({
    baseURL: base,
    fetchOptions: {
      customFetchImpl: () => {
        throw new Error("instrumentation broke");
      },
    },
  });
  const thrown = await throwing.getSession();
  assert.deepEqual([thrown.data, thrown.error.code], [null, "NETWORK"]);

  let succeeded = 0;
  const empty = createAuthClient({ baseURL: base, fetchOptions: { customFetchImpl: answer(null, { status: 204 }) } });
  const noContent = await empty.$fetch("/ping", { onSuccess: () => succeeded++ });
  assert.deepEqual(noContent, { data: null, error: null });
  assert.equal(succeeded, 1, "onSuccess runs for a 204");
  const emptyBody = await createAuthClient({ baseURL: base, fetchOptions: { customFetchImpl: answer("") } }).getSession();
  assert.deepEqual(emptyBody, { data: null, error: null });

  const text = createAuthClient({ baseURL: base, fetchOptions: { customFetchImpl: answer("pong") } });
  assert.deepEqual(await text.$fetch("/ping"), { data: "pong", error: null });
  const html = createAuthClient({
    baseURL: base,
    fetchOptions: { customFetchImpl: answer("<!doctype html><p>app", { headers: { "content-type": "text/html" } }) },
  });
  assert.equal((await html.getSession()).error.code, "INVALID_RESPONSE", "an HTML page is a wrong base URL");

  const signedOutShape = createAuthClient({
    baseURL: base,
    fetchOptions: { customFetchImpl: answer(JSON.stringify({ session: null, user: null })) },
  });
  assert.deepEqual((await signedOutShape.getSession()).error, null);

  const urls = [];
  const record = async (url) => (urls.push(String(url)), new Response("null"));
  await createAuthClient({ baseURL: "", fetchOptions: { customFetchImpl: record } }).getSession();
  await createAuthClient({ baseURL: "http://127.0.0.1:9", basePath: "/", fetchOptions: { customFetchImpl: record } }).getSession();
  await createAuthClient({ baseURL: "http://127.0.0.1:9/auth", basePath: "/x", fetchOptions: { customFetchImpl: record } }).getSession();
  assert.deepEqual(urls, ["/api/auth/get-session", "http://127.0.0.1:9/get-session", "http://127.0.0.1:9/auth/get-session"]);
});

test("the wasm loads in Node from the bytes the package carries for it (no fetch of a file: URL)", async () => {
  const require = createRequire(import.meta.url);
  const file = require.resolve("better-auth-wasm/package.json").replace(/package\.json$/, "better_auth_wasm_bg.wasm");
  assert.ok(existsSync(file));
  const client = createAuthClient({ baseURL: "http://127.0.0.1:9" });
  assert.equal(await client.ready(), undefined);
});
