// better-auth-wasm/react: the client, with `useSession()` as a React hook built on
// useSyncExternalStore (with a server snapshot: pending, as on the server there is no
// browser session, unless initialSession or hydrateSession gave one, even after the
// client was made).
//
// The hook tracks which fields of the state a component reads (as TanStack Query's
// tracked results do): a component that reads only `data` does not render again when
// a refetch toggles `isRefetching` and brings back equal data.
import { useCallback, useMemo, useRef, useSyncExternalStore } from "react";
import { withSessionHook } from "./adapter.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  return withSessionHook(options, (store) => {
    return function useSession() {
      const read = useRef(null);
      read.current ??= new Set();
      const shown = useRef(null);
      const getSnapshot = useCallback(() => {
        const next = store.get();
        const last = shown.current;
        const objects = Object(last) === last && Object(next) === next;
        if (objects && last !== next && [...read.current].every((key) => Object.is(last[key], next[key]))) {
          return last;
        }
        shown.current = next;
        return next;
      }, []);
      const state = useSyncExternalStore(store.listen, getSnapshot, store.getServerSnapshot ?? store.get);
      return useMemo(
        () =>
          // A plugin atom's value may be a number or a string: given as it is.
          Object(state) !== state
            ? state
            : new Proxy(state, {
                get(target, key) {
                  read.current.add(key);
                  return target[key];
                },
              }),
        [state],
      );
    };
  });
}
