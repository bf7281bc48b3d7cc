// better-auth-wasm: the npm face. A thin wrapper over the wasm exports that gives the
// shape of `better-auth/client`: a synchronous createAuthClient, `{data, error}` results,
// namespaces (signIn.email, multiSession.*), and a `useSession` store that works before
// the wasm has loaded (it starts pending, like the official one).
import init, * as wasm from "./better_auth_wasm.js";

let loading;
/** Loads and starts the wasm once, on first use. */
function loadWasm() {
  loading ??= init();
  return loading;
}

const PENDING = Object.freeze({
  data: null,
  error: null,
  isPending: true,
  isRefetching: false,
  lastResultAt: null,
  lastFetchReason: null,
});

function loadError(cause) {
  return {
    status: 0,
    statusText: "",
    code: "WASM_LOAD_FAILED",
    message: `Could not load better-auth-wasm's WebAssembly module (${cause?.message ?? cause}). Check that the .wasm file is served with the JS, as application/wasm.`,
  };
}

function createSessionStore(getClient) {
  const listeners = new Set();
  let inner = null;
  let innerUnsubscribe = null;
  let failed = null;
  let connecting = false;

  const current = () => (inner ? inner.get() : failed ?? PENDING);
  const emit = () => {
    const snapshot = current();
    for (const listener of [...listeners]) listener(snapshot);
  };
  function connect() {
    if (innerUnsubscribe || connecting) return;
    connecting = true;
    getClient().then(
      (client) => {
        connecting = false;
        inner ??= client.useSession;
        if (listeners.size > 0 && !innerUnsubscribe) innerUnsubscribe = inner.subscribe(emit);
      },
      (err) => {
        connecting = false;
        failed = Object.freeze({ ...PENDING, isPending: false, error: loadError(err) });
        emit();
      },
    );
  }
  function add(listener, callNow) {
    listeners.add(listener);
    if (callNow) listener(current());
    connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && innerUnsubscribe) {
        innerUnsubscribe();
        innerUnsubscribe = null;
      }
    };
  }
  return {
    get: current,
    subscribe: (listener) => add(listener, true),
    listen: (listener) => add(listener, false),
    refetch: () => {
      getClient().then((client) => client.useSession.refetch(), () => {});
    },
  };
}

/**
 * Creates a client for a Better Auth server. Synchronous, like better-auth's: the
 * WebAssembly module loads on first use and every call waits for it.
 */
export function createAuthClient(options = {}) {
  let inner;
  const getClient = () =>
    loadWasm().then(() => {
      inner ??= wasm.createAuthClient({
        ...options,
        baseURL: options.baseURL ?? globalThis.location?.origin ?? "",
      });
      return inner;
    });
  const call = (name) => async (arg) => {
    let client;
    try {
      client = await getClient();
    } catch (err) {
      return { data: null, error: loadError(err) };
    }
    return client[name](arg);
  };
  return {
    signIn: { email: call("signInEmail") },
    signUp: { email: call("signUpEmail") },
    signOut: call("signOut"),
    getSession: call("getSession"),
    refreshSession: call("refreshSession"),
    listSessions: call("listSessions"),
    revokeSession: call("revokeSession"),
    revokeOtherSessions: call("revokeOtherSessions"),
    revokeSessions: call("revokeSessions"),
    signOutAll: call("signOutAll"),
    multiSession: {
      listDeviceSessions: call("multiSessionListDeviceSessions"),
      setActive: call("multiSessionSetActive"),
      revoke: call("multiSessionRevoke"),
    },
    useSession: createSessionStore(getClient),
    /** Resolves once the WebAssembly module is loaded (optional: calls wait anyway). */
    ready: () => getClient().then(() => undefined),
  };
}

/**
 * Whether a session (anything with `createdAt`) is younger than `freshAge` seconds
 * (default one day, the server's default). Needs the module loaded: `await client.ready()`
 * first, or use it on data a call returned (the module is loaded then).
 */
export function isFresh(session, freshAge) {
  const created = new Date(session?.createdAt ?? NaN).getTime();
  if (Number.isNaN(created)) return false;
  const age = freshAge ?? 86400;
  return age === 0 || Date.now() - created < age * 1000;
}
