// better-auth-wasm/react: the client, with `useSession()` as a React hook built on
// useSyncExternalStore (with a server snapshot: pending, as on the server there is no
// browser session).
import { useSyncExternalStore } from "react";
import { createAuthClient as createBaseClient } from "./index.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  const client = createBaseClient(options);
  const store = client.useSession;
  const serverSnapshot = store.get();
  const subscribe = (onChange) => store.listen(onChange);
  function useSession() {
    return useSyncExternalStore(subscribe, store.get, () => serverSnapshot);
  }
  useSession.get = store.get;
  useSession.subscribe = store.subscribe;
  useSession.listen = store.listen;
  useSession.refetch = store.refetch;
  return { ...client, useSession, $sessionStore: store };
}
