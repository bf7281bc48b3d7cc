// better-auth-wasm: the npm face, with the shape of `better-auth/client`. A thin layer
// over one generic wasm call (`request`: the Rust transport, typed errors, and what each
// path does to the session store): the path proxy (`client.a.bB(arg)` is `/a/b-b`),
// `{data, error}` results, dates as `Date` objects, and a `useSession` store that works
// before the wasm has loaded (it starts pending, like the official one).
import * as wasm from "./better_auth_wasm.js";
import { shell } from "./shell.js";
import { wasmSource } from "./wasm-source.js";

/** On a server (no window), as the official client: the session store is inert (no
 * read, timer or wasm load from a subscription; hydrateSession and set do nothing) and
 * calls leave it alone, so a client shared by server renders keeps no request's session. */
const isServer = () => typeof window === "undefined";

let loading;
/** Loads and starts the wasm once, on first use. In a browser: compiled as it downloads
 * (or from its bytes, when the server does not say application/wasm). Where this module
 * is a file (Node, Bun, Deno, vitest, server bundles), whose fetch takes no file: URL:
 * from the bytes of wasm-bytes.js, which entry.js hands over there (the "node"
 * condition of #wasm-bytes, so server bundles take them along), else imported beside
 * this module.
 * Then started at once (a compiled module needs no await; this skips wasm-bindgen's
 * longer loader). A failed load is tried again by the next call; nothing here throws
 * synchronously (a wrapped fetch may). */
const loadWasm = () =>
  (loading ??= Promise.resolve(new URL("better_auth_wasm_bg.wasm", import.meta.url))
    .then((url) => {
      if (wasmSource.base64 || url.protocol == "file:") {
        // A name bundlers do not follow: a browser bundle never takes the bytes along.
        const bytesModule = "./wasm-bytes.js";
        return Promise.resolve(wasmSource.base64 ?? import(/* webpackIgnore: true */ /* @vite-ignore */ bytesModule).then((m) => m.default))
          .then((base64) => WebAssembly.compile(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
      }
      return fetch(url).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`);
        return WebAssembly.compileStreaming(response.clone()).catch(() =>
          response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
        );
      });
    })
    .then((module) => wasm.initSync({ module }))
    .catch((err) => {
      loading = undefined;
      throw err;
    }));

// By position, as the wasm's createAuthClient takes them (crates/npm/src/options.rs).
const OPTION_KEYS = [
  "refetchOnWindowFocus",
  "refetchOnReconnect",
  "refetchWhenOffline",
  "crossTabSync",
  "refetchInterval",
  "focusThrottleMs",
  "dedupeWindowMs",
  "timeoutMs",
  "retryAttempts",
  "hydrationMaxAgeMs",
];

// Paths that are POST even without a body (better-auth's known path methods).
const POST_PATHS = ["/sign-out", "/revoke-sessions", "/revoke-other-sessions", "/delete-user"];

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(Z|[+-]\d\d:\d\d)$/;

/** Walks a JSON value (without recursion: depth is the server's choice), turning ISO
 * date strings into `Date`s in place, as the official client's parser does; `freeze`
 * also freezes every object. */
function revive(value, freeze) {
  const stack = [value];
  while (stack.length) {
    const object = stack.pop();
    if (!object || typeof object !== "object" || Object.isFrozen(object)) continue;
    for (const key of Object.keys(object)) {
      const item = object[key];
      if (typeof item === "string" && ISO_DATE.test(item)) {
        const date = new Date(item);
        if (!Number.isNaN(date.getTime())) object[key] = date;
      } else if (item && typeof item === "object") stack.push(item);
    }
    if (freeze) Object.freeze(object);
  }
  return value;
}

const localError = (code, message) => ({ status: 0, statusText: "", code, message });

/** better-fetch's `auth` option as an Authorization value (Bearer, Basic, Custom; each
 * part a value or a function giving one), or undefined. */
async function authorization(auth) {
  const [a, b] = await Promise.all(
    [auth?.token ?? auth?.username ?? auth?.prefix, auth?.password ?? auth?.value].map((v) =>
      typeof v === "function" ? v() : v,
    ),
  );
  const type = auth?.type;
  if (type === "Bearer") return a ? `Bearer ${a}` : undefined;
  if (type === "Basic") return a && b ? `Basic ${btoa(`${a}:${b}`)}` : undefined;
  if (type === "Custom") return b ? `${a ?? ""} ${b}` : undefined;
}

/** `headers` with those of `options` (`headers`: a Headers, pairs or an object; `auth`)
 * that it does not have. */
async function addHeaders(headers, options) {
  for (const [name, value] of new Headers(options.headers)) if (!headers.has(name)) headers.set(name, value);
  const auth = await authorization(options.auth);
  if (auth && !headers.has("authorization")) headers.set("authorization", auth);
  return headers;
}

/** better-auth's default fetch plugin: an answer `{url, redirect: true}` (social
 * sign-in's provider URL) navigates there, unless its scheme runs code. */
const redirectPlugin = {
  id: "redirect",
  hooks: {
    onSuccess({ data }) {
      const url = data?.redirect && data.url;
      if (url && !/^\s*(javascript|data|vbscript):/i.test(url) && globalThis.location) location.href = url;
    },
  },
};

/** A boolean atom as client plugins use them (nanostores' get/set/listen/subscribe);
 * `onSet` runs after each set. */
function flagAtom(onSet) {
  let value = false;
  const listeners = new Set();
  const atom = {
    get: () => value,
    set(next) {
      value = next;
      notifyAll(listeners, value);
      onSet?.();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribe(listener) {
      listener(value);
      return atom.listen(listener);
    },
  };
  return atom;
}

/** `b` with `a`'s members merged in, objects merged deeply (better-auth merges plugin
 * actions so; the first plugin wins on a clash). */
function mergeActions(a, b) {
  const out = { ...b };
  for (const [key, value] of Object.entries(a)) {
    const both = value && typeof value === "object" && out[key] && typeof out[key] === "object";
    out[key] = both ? mergeActions(value, out[key]) : value;
  }
  return out;
}

const loadError = (cause) =>
  localError(
    "WASM_LOAD_FAILED",
    `Could not load better-auth-wasm's WebAssembly module (${cause?.message ?? cause}). Check that the .wasm file is served with the JS, as application/wasm.`,
  );

/** Calls every listener still registered; one that throws does not stop the others
 * (its error is reported, not swallowed). */
function notifyAll(listeners, value) {
  for (const listener of [...listeners]) {
    if (!listeners.has(listener)) continue;
    try {
      listener(value);
    } catch (err) {
      setTimeout(() => {
        throw err;
      });
    }
  }
}

const PENDING = {
  data: null,
  error: null,
  isPending: true,
  isRefetching: false,
  lastResultAt: null,
  lastFetchReason: null,
};

const sameError = (a, b) =>
  a === b || (!!a && !!b && a.code === b.code && a.status === b.status && a.message === b.message);

function createSessionStore(getClient, loaded, prefetch) {
  const listeners = new Set();
  let client = null;
  let listenId = 0;
  let connecting = false;
  let raw = null;
  // A session read elsewhere, for the store before it has read: hydrateSession's, or
  // the read started while the wasm loads.
  let hydration;
  /** At once when the wasm is loaded (the store shows isRefetching before this returns). */
  const refetch = () => {
    if (isServer()) return;
    if (loaded()) loaded().refetch();
    else getClient().then((c) => c.refetch(), () => {});
  };
  const freeze = (state) => Object.freeze({ ...state, refetch });
  let snapshot = freeze(PENDING);
  // What a server render showed: pending, or the session it was hydrated with.
  let served = snapshot;

  /** The snapshot of the wasm store's state: the same object until something changed. */
  function current() {
    if (override) return override;
    client ??= loaded();
    if (!client) return snapshot;
    const next = client.state();
    const last = snapshot;
    if (next.data !== raw) {
      raw = next.data;
      revive(raw, true);
    }
    const lastResultAt =
      next.lastResultAt === null
        ? null
        : last.lastResultAt?.getTime() === next.lastResultAt
          ? last.lastResultAt
          : new Date(next.lastResultAt);
    if (
      last.data === raw &&
      sameError(last.error, next.error) &&
      last.isPending === next.isPending &&
      last.isRefetching === next.isRefetching &&
      last.lastResultAt === lastResultAt &&
      last.lastFetchReason === next.lastFetchReason
    ) {
      return last;
    }
    snapshot = freeze({ ...next, data: raw, error: next.error && Object.freeze(next.error), lastResultAt });
    return snapshot;
  }
  // A state given by `$store.atoms.session.set`, shown until the store's next change.
  let override;
  const changed = () => {
    override = undefined;
    const before = snapshot;
    if (current() !== before) notifyAll(listeners, snapshot);
  };
  /** The snapshot of a session read elsewhere, while the wasm is not there yet (ISO
   * strings in `data`, which is not changed). */
  const early = (data) => freeze({ ...PENDING, isPending: false, data: revive(JSON.parse(JSON.stringify(data)), true) });
  function connect() {
    if (listenId || connecting || isServer()) return;
    connecting = true;
    // Before the wasm has loaded, read the session first: the answer shows at once,
    // and the store takes it (no read of its own). The wasm loads after the answer, so
    // that compiling it does not hold the first value back (a call made meanwhile loads
    // it at once).
    if (!loaded() && hydration === undefined) {
      hydration = prefetch();
      hydration.then((data) => {
        if (data !== undefined && !client && snapshot.isPending) notifyAll(listeners, (snapshot = early(data)));
      });
    }
    Promise.resolve(hydration)
      .then((data) => Promise.all([getClient(), data]))
      .then(
        ([c, data]) => {
          connecting = false;
          client = c;
          if (data !== undefined) c.hydrate(data);
          if (listeners.size > 0 && !listenId) listenId = c.listen(changed) || -1;
          changed();
        },
        (err) => {
          connecting = false;
          snapshot = freeze({ ...PENDING, isPending: false, error: loadError(err) });
          notifyAll(listeners, snapshot);
        },
      );
  }
  function add(listener, callNow) {
    listeners.add(listener);
    if (callNow) listener(current());
    connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && listenId) {
        if (listenId > 0) client.unlisten(listenId);
        listenId = 0;
      }
    };
  }
  /** better-auth's hydrateSession: a session the server rendered with (`{session,
   * user}` or null), taken only while the store has no result; no loading state, and
   * no read to repeat it. On a server it does nothing (a shared client would hand it to
   * the next request), unless `initial` (createAuthClient's initialSession: that
   * client's own). */
  function hydrate(data, initial) {
    if ((isServer() && !initial) || raw !== null || (snapshot.lastResultAt && !snapshot.isPending)) return;
    // JSON again: dates become the ISO strings the wasm reads.
    hydration = JSON.parse(JSON.stringify(data ?? null));
    if (client ?? loaded()) (client ?? loaded()).hydrate(hydration);
    else if (snapshot.isPending) snapshot = early(hydration);
    served = current();
    notifyAll(listeners, served);
  }
  return {
    /** Takes the wasm client as it is made: a session hydrated before is handed over
     * at once, so that no read of its state, nor a refetch, sees it without. */
    adopt(c) {
      if (hydration !== undefined && !hydration?.then) c.hydrate(hydration);
      return c;
    },
    store: {
      get: current,
      /** As a nanostores atom's: shown to subscribers until the store's next change;
       * nothing on a server. */
      set(state) {
        if (isServer()) return;
        override = freeze({ ...PENDING, ...state, data: revive(JSON.parse(JSON.stringify(state?.data ?? null)), true) });
        notifyAll(listeners, override);
      },
      subscribe: (listener) => add(listener, true),
      listen: (listener) => add(listener, false),
      refetch,
      getServerSnapshot: () => served,
    },
    hydrate,
  };
}

/** The auth API's URL, as the official client finds it: `baseURL`, else the first of
 * its environment variables, else the page's origin, with `basePath` (default
 * `/api/auth`; `/` for none) when that URL has no path. A relative `baseURL` is
 * resolved against the page. With none of these (a server without the variables), the
 * relative `basePath`, as the official client (its requests go to customFetchImpl). */
export function resolveBaseURL(options) {
  const env = globalThis.process?.env ?? {};
  const path = options.basePath ?? "/api/auth";
  const base =
    options.baseURL ||
    env.BETTER_AUTH_URL ||
    env.NEXT_PUBLIC_BETTER_AUTH_URL ||
    env.PUBLIC_BETTER_AUTH_URL ||
    env.NUXT_PUBLIC_BETTER_AUTH_URL ||
    env.NUXT_PUBLIC_AUTH_URL ||
    globalThis.location?.origin;
  const trim = (text) => text.replace(/\/+$/, "");
  if (!base || base == "null") return path == "/" ? "" : trim(path);
  try {
    const url = new URL(base, globalThis.location?.href);
    return trim(url.href) + (url.pathname == "/" && !url.search && path != "/" ? trim(path) : "");
  } catch {
    return base;
  }
}

/** The base URL as the wasm takes it (absolute, with a path): a relative or root one
 * stands behind a placeholder that the client's fetch turns back into it (`real`). */
function wasmBaseURL(baseURL) {
  const base = /^(\/|$)|^https?:\/\/[^/?#]+$/i.test(baseURL) ? `http://base.invalid/${encodeURIComponent(baseURL)}-` : baseURL;
  return [base, (url) => (url.startsWith(base) ? baseURL + url.slice(base.length) : url)];
}

/** The wasm's store (request, state, hydrate) given its shell's listen, unlisten,
 * refetch and close (shell.js, every face's shell). */
const withShell = (store) => Object.assign(store, shell(store));

const kebab = (segment) => segment.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function queryString(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Creates a client for a Better Auth server. Synchronous, like better-auth's: the
 * WebAssembly module loads on first use and every call waits for it.
 */
export function createAuthClient(options = {}) {
  const numbers = OPTION_KEYS.map((key) => {
    // A server has no other tabs to hear.
    const value = key == "crossTabSync" && isServer() ? false : options.sessionOptions?.[key];
    return typeof value === "boolean" || (typeof value === "number" && value >= 0) ? Number(value) : NaN;
  });
  const baseURL = resolveBaseURL(options);
  const [wasmBase, real] = wasmBaseURL(baseURL);
  const clientOptions = options.fetchOptions ?? {};
  // Every request's fetch, the store's reads included: customFetchImpl, with the
  // client-wide headers and auth where the call set none.
  const clientFetch = async (url, init) => {
    const headers = await addHeaders(new Headers(init.headers), clientOptions);
    return (clientOptions.customFetchImpl ?? fetch)(real(url), { ...init, headers });
  };
  let inner;
  const getClient = () =>
    loadWasm().then(
      () => (inner ??= session.adopt(withShell(wasm.createAuthClient(wasmBase, ...numbers, clientFetch)))),
    );

  // better-fetch plugins in the official order, their hooks run before the call's own:
  // the client-wide hooks, fetchOptions.plugins, the redirect plugin (unless
  // disableDefaultFetchPlugins), the client plugins' fetchPlugins.
  let fetchPlugins;
  /** Runs hook `name` of every fetch plugin, then the call's own (`own`). */
  const allFetchPlugins = () =>
    (fetchPlugins ??= [
      { hooks: clientOptions },
      ...(clientOptions.plugins ?? []),
      ...(options.disableDefaultFetchPlugins ? [] : [redirectPlugin]),
      ...plugins.flatMap((plugin) => plugin.fetchPlugins ?? []),
    ]);
  /** Runs hook `name` of every fetch plugin, then the call's own (`own`); an object a
   * hook returns is merged into the context, as better-fetch does. */
  async function runHooks(name, own, context) {
    for (const plugin of [...allFetchPlugins(), { hooks: own }]) {
      const changed = await plugin?.hooks?.[name]?.(context);
      if (changed && typeof changed === "object") Object.assign(context, changed);
    }
  }

  /** better-fetch's call shape: `$fetch(path, {method, body, query, headers, auth,
   * customFetchImpl, throw, disableSignal, on*})`. */
  async function $fetch(path, fetchOptions = {}) {
    let opts = { ...clientOptions, ...fetchOptions };
    // Fetch plugins' `init` may change the path and the options first.
    for (const plugin of allFetchPlugins()) {
      if (plugin.init) ({ url: path, options: opts = opts } = await plugin.init(path, opts));
    }
    if (path.startsWith(baseURL)) path = path.slice(baseURL.length);
    let result;
    // The call's headers and auth (as `init` left them), then the client-wide ones.
    let headers;
    try {
      headers = await addHeaders(await addHeaders(new Headers(), opts), clientOptions);
    } catch (err) {
      result = { data: null, error: localError("INVALID_HEADER", `A header cannot be sent (${err?.message ?? err}); nothing was sent.`) };
    }
    const method = (opts.method ?? (opts.body === undefined ? "GET" : "POST")).toUpperCase();
    // What better-fetch hands its hooks (plugins' query atoms read `request`); the
    // onRequest hooks may change its headers and body.
    const request = { url: `${baseURL}${path}`, method, body: opts.body, query: opts.query, headers, retry: 0 };
    // onRequest gets the request itself, as better-fetch hands it.
    if (!result) await runHooks("onRequest", fetchOptions, request);
    let body;
    try {
      body = request.body === undefined ? undefined : JSON.stringify(request.body);
    } catch (err) {
      result ??= { data: null, error: localError("INVALID_BODY", `The request body cannot be sent as JSON (${err?.message ?? err}).`) };
    }
    if (!result) {
      try {
        const client = await getClient();
        const own = opts.customFetchImpl;
        const call = { headers: request.headers, fetch: own && ((url, init) => own(real(url), init)) };
        // On a server, a call leaves the store alone (it serves every request).
        const quiet = !!opts.disableSignal || isServer();
        result = {
          data: revive(await client.request(method, path + queryString(opts.query), body, call, quiet)),
          error: null,
        };
      } catch (error) {
        result = { data: null, error: error?.code ? error : loadError(error) };
      }
      await runHooks("onResponse", fetchOptions, { request, data: result.data, error: result.error });
    }
    if (result.error) {
      await runHooks("onError", fetchOptions, { request, error: result.error });
      if (opts.throw) throw result.error;
    } else {
      await runHooks("onSuccess", fetchOptions, { request, data: result.data });
      if (opts.throw) return result.data;
    }
    return result;
  }

  /** `client.a.bB(arg, fetchOptions)`: `/a/b-b`, as the official path proxy does it. */
  function callPath(segments, arg = {}, fetchOptions = {}) {
    const path = `/${segments.map(kebab).join("/")}`;
    const { query, fetchOptions: argOptions, ...body } = arg ?? {};
    const opts = { ...fetchOptions, ...argOptions };
    const method = POST_PATHS.includes(path)
      ? "POST"
      : pathMethods[path] ?? opts.method ?? (Object.keys(body).length > 0 ? "POST" : "GET");
    return $fetch(path, {
      ...opts,
      method,
      query: query ?? opts.query,
      body: method === "POST" ? { ...body, ...opts.body } : undefined,
      async onSuccess(context) {
        await opts.onSuccess?.(context);
        if (opts.disableSignal || isServer()) return;
        // Plugins' signals, as the official proxy sets them (after 10 ms, once each).
        for (const signal of new Set(atomListeners.filter((l) => l.matcher(path)).map((l) => l.signal))) {
          const atom = atoms[signal];
          if (atom) setTimeout(() => atom.set(!atom.get()), 10);
        }
      },
    });
  }

  /** The read the store's first subscriber starts while the wasm loads (the client's fetch, no wasm;
   * any failure leaves the read to the store, with its typed errors and retries). */
  const prefetch = () => {
    const timeout = numbers[7] || 10000;
    return Promise.race([
      // In a Promise: a wrapped fetch that throws at once must not throw here.
      new Promise((resolve) =>
        resolve(clientFetch(`${baseURL}/get-session`, { method: "GET", credentials: "include", signal: AbortSignal.timeout?.(timeout) })),
      )
        .then((response) => (response.ok ? response.json() : undefined))
        .catch(() => undefined),
      // A wrapped fetch may ignore the signal: the store never waits past the timeout.
      new Promise((resolve) => setTimeout(resolve, timeout)),
    ]);
  };
  const session = createSessionStore(getClient, () => inner, prefetch);
  // A session the server rendered with: the store starts from it (no pending state, no
  // read), and a framework's server snapshot is this state.
  if (options.initialSession !== undefined) session.hydrate(options.initialSession, true);

  // Official client plugins: their path methods, atoms (each also a `use<Atom>` member),
  // atom listeners and actions. `$sessionSignal` refetches this store, unless a read is
  // already running (the wasm reads after the session paths it knows).
  const plugins = options.plugins ?? [];
  const pathMethods = Object.assign({}, ...plugins.map((plugin) => plugin.pathMethods));
  const atoms = {
    $sessionSignal: flagAtom(() => session.store.get().isRefetching || session.store.refetch()),
    session: session.store,
  };
  for (const plugin of plugins) Object.assign(atoms, plugin.getAtoms?.($fetch));
  const atomListeners = plugins.flatMap((plugin) => plugin.atomListeners ?? []);
  const $store = {
    notify: (signal) => atoms[signal]?.set(!atoms[signal].get()),
    listen: (signal, listener) => atoms[signal]?.subscribe(listener),
    atoms,
  };
  let actions = {};
  for (const plugin of plugins) actions = mergeActions(plugin.getActions?.($fetch, $store, options) ?? {}, actions);
  const hooks = Object.fromEntries(
    Object.entries(atoms)
      .filter(([key]) => key !== "session")
      .map(([key, atom]) => [`use${key[0].toUpperCase()}${key.slice(1)}`, atom]),
  );

  const routes = {
    ...actions,
    ...hooks,
    $store,
    /** A one-off read; a flag is sent only when true (the server reads `false` as true). */
    getSession: (arg = {}, fetchOptions) => {
      const query = Object.fromEntries(Object.entries(arg?.query ?? {}).filter(([, on]) => on === true));
      return callPath(["getSession"], { ...arg, query }, fetchOptions);
    },
    /** Reads past the cookie cache and updates the store; resolves when it settles. */
    refreshSession: async () => {
      // On a server: a read past the cookie cache, with no store to update.
      if (isServer()) return routes.getSession({ query: { disableCookieCache: true } });
      try {
        const client = await getClient();
        // The read first: listening while it runs joins it (no read of its own).
        client.refetch(true);
        const { data, error } = await new Promise((resolve) => {
          let id = 0;
          let done = false;
          const settled = () => {
            const state = client.state();
            if (done || state.isPending || state.isRefetching) return;
            done = true;
            if (id) client.unlisten(id);
            // A session that is gone (expired, revoked) is data null, as the server said.
            resolve({ ...state, error: client.sessionEnded() ? null : state.error });
          };
          id = client.listen(settled);
          if (done) client.unlisten(id);
          else settled();
        });
        return error ? { data: null, error } : { data: revive(data, true), error: null };
      } catch (error) {
        return { data: null, error: error?.code ? error : loadError(error) };
      }
    },
    /** The same as revokeSessions. */
    signOutAll: (arg, fetchOptions) => callPath(["revokeSessions"], arg, fetchOptions),
    useSession: session.store,
    hydrateSession: session.hydrate,
    $fetch,
    /** Resolves once the WebAssembly module is loaded (optional: calls wait anyway). */
    ready: () => getClient().then(() => undefined),
    /** Stops the client's store: its reads aborted, its timer, page listeners and
     * channel gone; its state stays as it was. */
    $close: () => inner?.close(),
  };

  function pathProxy(segments) {
    return new Proxy(function authPath() {}, {
      get(_, key) {
        if (typeof key !== "string" || key === "then" || key === "catch" || key === "finally") return undefined;
        // A route, a plugin's (nested) action or atom, or `$store`; any other name is a
        // path (`organization.create` beside the action `organization.checkRolePermission`).
        let found = routes;
        for (const segment of [...segments, key]) found = found && typeof found === "object" ? found[segment] : undefined;
        if (typeof found === "function" || typeof found?.get === "function" || key[0] === "$") return found;
        return pathProxy([...segments, key]);
      },
      set(_, key, value) {
        routes[key] = value;
        return true;
      },
      apply: (_, __, args) => callPath(segments, ...args),
    });
  }
  return pathProxy([]);
}

// The page's hub of every client (where visibility, focus and connectivity come from),
// the wasm's own module: no wait for the wasm.
export { setPageSource, sendPageEvent } from "./shell.js";

/**
 * Whether a session (anything with `createdAt`) is younger than `freshAge` seconds
 * (default one day, the server's default).
 */
export function isFresh(session, freshAge) {
  const created = new Date(session?.createdAt ?? NaN).getTime();
  if (Number.isNaN(created)) return false;
  const age = freshAge ?? 86400;
  return age === 0 || Date.now() - created < age * 1000;
}
