// better-auth-wasm/solid: `useSession()` gives an accessor of the session state, as
// better-auth/solid does, unsubscribed when the owning scope (component) is disposed.
import { createSignal, getOwner, onCleanup } from "solid-js";
import { withSessionHook } from "./adapter.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  return withSessionHook(options, (store) => function useSession() {
    const [state, setState] = createSignal(store.get());
    // A function would be taken as an updater: the snapshot is always an object.
    const unsubscribe = store.subscribe((next) => setState(() => next));
    if (getOwner()) onCleanup(unsubscribe);
    return state;
  });
}
