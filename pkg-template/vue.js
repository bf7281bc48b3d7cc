// better-auth-wasm/vue: `useSession()` is a composable returning a shallowRef of the
// session state, unsubscribed when the calling scope (component) is disposed.
import { getCurrentScope, onScopeDispose, shallowRef } from "vue";
import { withSessionHook } from "./adapter.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  return withSessionHook(options, (store) => function useSession() {
    const state = shallowRef(store.get());
    const unsubscribe = store.subscribe((next) => {
      state.value = next;
    });
    if (getCurrentScope()) onScopeDispose(unsubscribe);
    return state;
  });
}
