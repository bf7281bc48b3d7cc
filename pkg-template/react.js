// better-auth-wasm/react: the client, with `useSession()` as a React hook built on
// useSyncExternalStore (with a server snapshot: pending, as on the server there is no
// browser session).
import { useSyncExternalStore } from "react";
import { withSessionHook } from "./adapter.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  return withSessionHook(options, (store) => {
    const serverSnapshot = store.get();
    const subscribe = (onChange) => store.listen(onChange);
    return function useSession() {
      return useSyncExternalStore(subscribe, store.get, () => serverSnapshot);
    };
  });
}
