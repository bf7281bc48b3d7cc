// better-auth-wasm/svelte: the session store already follows Svelte's store contract
// (subscribe calls at once and returns the unsubscribe function), so `$session` works:
//   const session = client.useSession();  ...  {#if $session.data}...
import { withSessionHook } from "./adapter.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  return withSessionHook(options, (store) => () => store);
}
