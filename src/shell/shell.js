// The browser shell of the session store, for every face (the Rust faces and the npm
// package): it carries out the store's commands (src/shell/store.rs: the machine, its
// reads' decoding) with the browser: the reads, the one timer, the listeners, the
// page's events (one hub per page), our tabs' channel and the official client's
// messages. No rule lives here: what to read, when, and what an answer means is decided
// in Rust. Written in JavaScript because every step is a call into the browser, which
// as Rust closures and registries cost the wasm bytes.
// One module on purpose (see scripts/check-snippets.sh).

// The boundary's numbers: src/shell/protocol.rs names them too, and its tests read
// these lines. What the store hears:
const SUBSCRIBED = 0;
const UNSUBSCRIBED = 1;
const REFETCH = 2;
const FOCUSED = 3;
const VISIBLE = 4;
const ONLINE = 5;
const OFFLINE = 6;
const TIMER = 7;
const OFFICIAL = 8;
const CLOSED = 9;
// A message from another of our tabs: FROM_TAB + its index in TAB_MESSAGES.
const FROM_TAB = 16;
// What the shell carries out (run's argument): kind + 8 * flag + 16 * argument.
const START_READ = 0;
const ABORT_READ = 1;
const PUBLISH = 2;
const ARM_TIMER = 3;
const DISARM_TIMER = 4;
// What store.start answers.
const INVALID = 0;
const WITH_TABS = 2;
// What the Rust faces' store function does: call(op, ...).
const OP_START = 0;
const OP_HANDLE = 1;
const OP_READ = 2;
const OP_FINISH_READ = 3;

// Our tabs' messages on the channel, by the index the store gives them (src/shell/tabs.rs),
// and the official client's trigger for those it knows (never a token or session data).
const TAB_MESSAGES = ["signed-in", "signed-out", "updated", "fetching", "changed"];
const TRIGGERS = ["getSession", "signout", "updateUser"];

// The official client's localStorage key, and our marker in its `clientId` (our tabs
// also hear each other on the channel, so they skip those storage messages).
const OFFICIAL_KEY = "better-auth.message";
const OURS = "better-auth-wasm:";

const hasPage = () => typeof document == "object";

/** Adds `handler` for `type` on `target`; returns what removes it. */
function on(target, type, handler) {
  target.addEventListener(type, handler);
  return () => target.removeEventListener(type, handler);
}

// The page's hub: one set of listeners for the page however many clients, installed
// with the first client and removed with the last; `hear(event, flag)` of each client.
const clients = new Set();
let appIsSource = false;
let removePage;
let removeOfficial;
/** Hands a page event to every client joined now. */
const deliver = (event, flag) => clients.forEach((hear) => clients.has(hear) && hear(event, flag));

/** Listens to the page's visibility, focus and connectivity, unless the app is the
 * source (nothing in a worker: no page). */
function hearPage() {
  removePage?.();
  removePage = undefined;
  if (appIsSource || !hasPage()) return;
  const removers = [
    on(document, "visibilitychange", () => deliver(VISIBLE, document.visibilityState == "visible")),
    on(window, "focus", () => deliver(FOCUSED)),
    on(window, "online", () => deliver(ONLINE)),
    on(window, "offline", () => deliver(OFFLINE)),
  ];
  removePage = () => removers.forEach((remove) => remove());
}

/** The official client's session messages written by other tabs (not ours): a
 * sign-out (flag true) or any other change. */
function hearOfficial() {
  if (typeof window != "object") return () => {};
  return on(window, "storage", (event) => {
    if (event.key !== OFFICIAL_KEY || event.newValue == null) return;
    try {
      const message = JSON.parse(event.newValue);
      const trigger = message.data.trigger;
      if (message.event !== "session" || String(message.clientId).startsWith(OURS)) return;
      if (typeof trigger == "string") deliver(OFFICIAL, trigger == "signout");
    } catch {
      // Not a message of the official client's shape: ignored.
    }
  });
}

/** Where the clients of this page hear visibility, focus and connectivity from:
 * "app" (only sendPageEvent: a host with its own focus logic, a test) or "browser"
 * (the default). The npm package exports this (index.js); Rust calls it through
 * crate::page. */
export function setPageSource(source) {
  if (appIsSource == (appIsSource = source == "app") || !clients.size) return;
  hearPage();
}

/** Tells every client of this page that `name` happened: "visible", "hidden",
 * "focus", "online" or "offline" (anything else: nothing). */
export function sendPageEvent(name) {
  const event = { visible: VISIBLE, hidden: VISIBLE, focus: FOCUSED, online: ONLINE, offline: OFFLINE }[name];
  if (event) deliver(event, name == "visible");
}

/** Joins the page's hub; returns what leaves it. */
function joinPage(hear) {
  if (!clients.size) {
    hearPage();
    removeOfficial = hearOfficial();
  }
  clients.add(hear);
  return () => {
    if (clients.delete(hear) && !clients.size) {
      removePage?.();
      removeOfficial();
      removePage = undefined;
    }
  };
}

/** Joins our tabs' channel for `baseURL`: receive(index) for each message from another
 * tab (its index in TAB_MESSAGES). post(index) tells the others, and tabs of the
 * official client too, through its key, for the messages it knows (only the trigger's
 * name). */
export function joinTabs(baseURL, receive) {
  const clientId = OURS + Math.floor(Math.random() * 1e15).toString(36);
  let channel;
  try {
    channel = new BroadcastChannel(OURS + baseURL);
    channel.onmessage = (event) => {
      const index = TAB_MESSAGES.indexOf(event.data);
      if (index >= 0) receive(index);
    };
    // In Node (a test's DOM environment), an open channel must not keep the process alive.
    channel.unref?.();
  } catch {
    // No BroadcastChannel here: the official client's key still carries sign-in and out.
  }
  return {
    post(index) {
      try {
        channel?.postMessage(TAB_MESSAGES[index]);
      } catch {
        // A closed channel.
      }
      const trigger = TRIGGERS[index];
      if (!trigger) return;
      try {
        const message = { event: "session", data: { trigger }, clientId, timestamp: Date.now() };
        localStorage.setItem(OFFICIAL_KEY, JSON.stringify(message));
      } catch {
        // No localStorage (a worker, storage refused): our tabs heard it on the channel.
      }
    },
    close() {
      if (channel) {
        channel.onmessage = null;
        channel.close();
      }
    },
  };
}

/** A store object over one function (the Rust faces': src/shell/mod.rs). */
export function storeOf(call) {
  return {
    start: (run, receive) => call(OP_START, run, receive),
    handle: (kind, flag) => call(OP_HANDLE, kind, flag),
    read: (bypassCache, controller) => call(OP_READ, bypassCache, controller),
    finishRead: (id, ok, value) => call(OP_FINISH_READ, id, ok, value),
  };
}

/** The shell of one client over `store` (a face's object over src/shell/store.rs's
 * Core: start, handle, read, finishRead): listen, unlisten, refetch and close. */
export function shell(store) {
  const listeners = new Map();
  const reads = new Map();
  let nextId = 0;
  let timer;
  const handle = (kind, flag = false) => store.handle(kind, flag);
  // A read ending after close (aborted by it) has no store to tell.
  const finish = (id, ok) => (value) => {
    reads.delete(id);
    if (started) store.finishRead(id, ok, value);
  };
  // Carries out one command; the store hands them over in order, and one whose
  // effects reach the store again (a listener calling refetch) queues behind it there.
  const run = (command) => {
    const kind = command % 8;
    const b = Math.floor(command / 8) % 2;
    const a = Math.floor(command / 16);
    if (kind == START_READ) {
      const controller = new AbortController();
      reads.set(a, controller);
      store.read(!!b, controller).then(finish(a, true), finish(a, false));
    } else if (kind == ABORT_READ) {
      reads.get(a)?.abort();
      reads.delete(a);
    } else if (kind == PUBLISH) {
      // One removed by an earlier listener is not called.
      for (const [id, [listener]] of [...listeners]) if (listeners.has(id)) listener();
    } else {
      // ARM_TIMER or DISARM_TIMER.
      clearTimeout(timer);
      if (kind == ARM_TIMER) timer = setTimeout(() => handle(TIMER), a);
    }
  };
  let started = store.start(run, (index) => handle(FROM_TAB + index));
  if (hasPage()) {
    if (!navigator.onLine) handle(OFFLINE);
    if (document.visibilityState != "visible") handle(VISIBLE, false);
  }
  // The official client's messages count only with crossTabSync.
  const leave = joinPage((event, flag) => (event != OFFICIAL || started == WITH_TABS) && handle(event, flag));
  return {
    refetch: (bypassCache) => handle(REFETCH, !!bypassCache),
    /** Calls `listener` after every change until unlisten(id), counted as a subscriber
     * unless `quiet`; 0 (never called) when the base URL was invalid or the client is
     * closed. */
    listen(listener, quiet) {
      if (!started) return 0;
      listeners.set(++nextId, [listener, quiet]);
      if (!quiet) handle(SUBSCRIBED);
      return nextId;
    },
    unlisten(id) {
      const entry = listeners.get(id);
      if (listeners.delete(id) && !entry[1]) handle(UNSUBSCRIBED);
    },
    /** Stops the client: its reads aborted, its timer, page listeners and channel gone,
     * its listeners dropped; the store keeps its last state. */
    close() {
      if (started) handle(CLOSED);
      leave();
      clearTimeout(timer);
      reads.forEach((controller) => controller.abort());
      reads.clear();
      listeners.clear();
      started = INVALID;
    },
  };
}
