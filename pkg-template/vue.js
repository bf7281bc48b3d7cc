// better-auth-wasm/vue: `useSession()` is a composable returning a shallowRef of the
// session state, unsubscribed when the calling scope (component) is disposed.
import { getCurrentScope, onScopeDispose, shallowRef } from "vue";
import { createAuthClient as createBaseClient } from "./index.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  const client = createBaseClient(options);
  const store = client.useSession;
  function useSession() {
    const state = shallowRef(store.get());
    const unsubscribe = store.subscribe((next) => {
      state.value = next;
    });
    if (getCurrentScope()) onScopeDispose(unsubscribe);
    return state;
  }
  useSession.get = store.get;
  useSession.subscribe = store.subscribe;
  useSession.listen = store.listen;
  useSession.refetch = store.refetch;
  return { ...client, useSession, $sessionStore: store };
}
