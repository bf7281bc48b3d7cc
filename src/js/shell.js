// The npm face's JavaScript side: its shell, which carries out the session store's
// commands (src/js/client.rs: the machine, its reads' decoding, the calls' steps) with
// the browser (the reads, the one timer, the listeners, the page's events and the
// official client's messages); `drive`, which carries out a call's steps
// (src/js/call.rs); and the plain objects the face gives apps.
// No rule lives here: what to read, when, and what an answer means is decided in Rust;
// written in JavaScript because every step is a call into the browser, which as Rust
// closures and registries cost the wasm about 3 KB gzip. The Rust faces' shell is
// src/shell.rs, over the same machine.
// One module on purpose: the wasm-bindgen test page fetches every snippet at once, and
// the test runner's server (tiny_http) sometimes leaves one of 5 parallel fetches
// unanswered (the page then never loads: "Failed to detect test as having been run");
// with 3 snippets, as before, it answers.
import { listenToOfficial, listenToPage, pageState } from "../triggers/browser.js";

// What the store hears, by number: must match src/js/client.rs.
const SUBSCRIBED = 0;
const UNSUBSCRIBED = 1;
const REFETCH = 2;
const FOCUSED = 3;
const VISIBLE = 4;
const ONLINE = 5;
const OFFLINE = 6;
const TIMER = 7;
const OFFICIAL = 8;

/** The client the wrapper uses (request, state, listen, unlisten, refetch, hydrate)
 * over `store`. */
export function shell(store) {
  const listeners = new Map();
  const reads = new Map();
  let nextId = 0;
  let timer;
  let running = false;
  const handle = (kind, flag = false) => store.handle(kind, flag);
  const finish = (id, ok) => (value) => {
    reads.delete(id);
    store.finishRead(id, ok, value);
  };
  // Carries out the commands the store queued, in order (the store calls this after
  // queuing); a command whose effects reach the store again (a listener calling
  // refetch) queues more, taken by the same loop.
  const run = () => {
    if (running) return;
    running = true;
    try {
      // Each command is one number: kind + 8 * flag + 16 * argument (src/js/client.rs).
      for (let command = store.next(); command >= 0; command = store.next()) {
        const kind = command % 8;
        const b = Math.floor(command / 8) % 2;
        const a = Math.floor(command / 16);
        if (kind == 0) {
          const controller = new AbortController();
          reads.set(a, controller);
          store.read(!!b, controller).then(finish(a, true), finish(a, false));
        } else if (kind == 1) {
          reads.get(a)?.abort();
          reads.delete(a);
        } else if (kind == 2) {
          // One removed by an earlier listener is not called.
          for (const [id, listener] of [...listeners]) if (listeners.has(id)) listener();
        } else {
          clearTimeout(timer);
          if (kind == 3) timer = setTimeout(() => handle(TIMER), a);
        }
      }
    } finally {
      running = false;
    }
  };
  const started = store.start(run, (text) => store.fromTab(text));
  const state = pageState();
  if (state & 1) handle(OFFLINE);
  if (state & 2) handle(VISIBLE, false);
  listenToPage((kind, visible) => handle([VISIBLE, FOCUSED, ONLINE, OFFLINE][kind], visible));
  if (started > 1) listenToOfficial((signedOut) => handle(OFFICIAL, signedOut));
  return {
    request: (method, path, body, call, disableSignal) => store.request(method, path, body, call, disableSignal),
    hydrate: (json) => store.hydrate(json),
    refetch: (bypassCache) => handle(REFETCH, !!bypassCache),
    state: () => store.state(),
    /** Calls `listener` after every change, counted as a subscriber until unlisten(id);
     * 0 (never called) when the base URL was invalid. */
    listen(listener) {
      if (!started) return 0;
      listeners.set(++nextId, listener);
      handle(SUBSCRIBED);
      return nextId;
    },
    unlisten(id) {
      if (listeners.delete(id)) handle(UNSUBSCRIBED);
    },
  };
}

/** Drives one call of the JS face (src/js/call.rs) to its end: awaits each request the
 * call starts and hands the answer back, until it starts none; then resolves with its
 * result or rejects with its error object. The Rust faces drive the same steps with an
 * await (src/endpoint.rs); written here, the npm wasm has no Rust future. */
export async function drive(call, sent) {
  while (sent) {
    let ok = true;
    let value;
    try {
      value = await sent;
    } catch (reason) {
      ok = false;
      value = reason;
    }
    sent = call.resume(ok, value);
  }
  return call.finish();
}

// The face's plain objects, built here for src/js/ (error.rs, client.rs): as Rust, each
// property is an import call and its name a string in the wasm.

/** An error as better-auth's client gives it: {status, statusText, code, message}, and
 * retryAfter (seconds) when the server said when to retry. */
export function errorObject(status, statusText, code, message, retryAfter) {
  const error = { status, statusText, code, message };
  if (retryAfter != null) error.retryAfter = retryAfter;
  return error;
}

/** The store's state as the wrapper reads it; `lastResultAt` and `lastFetchReason` are
 * null when absent (wasm-bindgen hands an absent Option as undefined). */
export function stateObject(data, error, isPending, isRefetching, lastResultAt = null, lastFetchReason = null) {
  return { data, error, isPending, isRefetching, lastResultAt, lastFetchReason };
}
