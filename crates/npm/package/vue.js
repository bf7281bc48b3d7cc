// better-auth-wasm/vue: `useSession()` is a composable returning a shallowRef of the
// session state, unsubscribed when the calling scope (component) is disposed.
// `await useSession(useFetch)` (Nuxt) reads the session through the framework's fetch,
// as better-auth/vue does: on the server with the request's cookies, and again when the
// session signal flips.
import { getCurrentScope, onScopeDispose, shallowRef } from "vue";
import { withSessionHook } from "./adapter.js";
import { resolveBaseURL } from "./index.js";

export { isFresh } from "./index.js";

export function createAuthClient(options = {}) {
  return withSessionHook(options, (store, client) => function useSession(useFetch) {
    if (typeof useFetch == "function") {
      const signal = client.$store.atoms.$sessionSignal;
      const ref = shallowRef(signal.get());
      const stop = signal.listen((value) => {
        ref.value = value;
      });
      if (getCurrentScope()) onScopeDispose(stop);
      return Promise.resolve(useFetch(`${resolveBaseURL(options)}/get-session`, { ref })).then((res) => ({
        data: res.data,
        isPending: false,
        error: res.error,
      }));
    }
    const state = shallowRef(store.get());
    const unsubscribe = store.subscribe((next) => {
      state.value = next;
    });
    if (getCurrentScope()) onScopeDispose(unsubscribe);
    return state;
  });
}
