// The browser's event sources for src/triggers/ (page.rs, cross_tab.rs): listeners for
// the page's visibility, focus and connectivity, the official client's localStorage
// messages, and our tabs' BroadcastChannel. Each returns what removes or closes it, which
// the Rust guards call on drop. Written in JavaScript because each step is a call into
// the browser: as Rust, every listener and closure cost the wasm bytes. No rule lives
// here: what an event means is decided in Rust (crate::store).

// The official client's localStorage key, and our marker in its `clientId` (our tabs
// also hear each other on the channel, so they skip those storage messages).
const OFFICIAL_KEY = "better-auth.message";
const OURS = "better-auth-wasm:";

/** Adds `handler` for `type` on `target`; returns what removes it. */
function on(target, type, handler) {
  target.addEventListener(type, handler);
  return () => target.removeEventListener(type, handler);
}

/** The page's events: deliver(0, visible) on a visibility change, deliver(1) on focus,
 * deliver(2) online, deliver(3) offline. Nothing in a worker (no page). */
export function listenToPage(deliver) {
  if (typeof document != "object") return () => {};
  const removers = [
    on(document, "visibilitychange", () => deliver(0, document.visibilityState == "visible")),
    on(window, "focus", () => deliver(1)),
    on(window, "online", () => deliver(2)),
    on(window, "offline", () => deliver(3)),
  ];
  return () => removers.forEach((remove) => remove());
}

/** The page's state now: 1 when offline, plus 2 when hidden (0 in a worker). */
export function pageState() {
  if (typeof document != "object") return 0;
  return (navigator.onLine ? 0 : 1) | (document.visibilityState == "visible" ? 0 : 2);
}

/** The official client's session messages written by other tabs (not ours):
 * deliver(true) for a sign-out, deliver(false) for any other change. */
export function listenToOfficial(deliver) {
  if (typeof window != "object") return () => {};
  return on(window, "storage", (event) => {
    if (event.key !== OFFICIAL_KEY || event.newValue == null) return;
    try {
      const message = JSON.parse(event.newValue);
      const trigger = message.data.trigger;
      if (message.event !== "session" || String(message.clientId).startsWith(OURS)) return;
      if (typeof trigger == "string") deliver(trigger == "signout");
    } catch {
      // Not a message of the official client's shape: ignored.
    }
  });
}

/** Joins our tabs' channel for `baseURL`: receive(text) for each message from another
 * tab. post(text, trigger) tells the others, and, when `trigger` is given, tabs of the
 * official client too, through its key (never a token: only the trigger's name). */
export function joinTabs(baseURL, receive) {
  const clientId = OURS + Math.floor(Math.random() * 1e15).toString(36);
  let channel;
  try {
    channel = new BroadcastChannel(OURS + baseURL);
    channel.onmessage = (event) => typeof event.data == "string" && receive(event.data);
    // In Node (a test's DOM environment), an open channel must not keep the process alive.
    channel.unref?.();
  } catch {
    // No BroadcastChannel here: the official client's key still carries sign-in and out.
  }
  return {
    post(text, trigger) {
      try {
        channel?.postMessage(text);
      } catch {
        // A closed channel.
      }
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
