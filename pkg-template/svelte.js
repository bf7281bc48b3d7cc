// better-auth-wasm/svelte: the session store already follows Svelte's store contract
// (subscribe calls at once and returns the unsubscribe function), so `$session` works:
//   const session = client.useSession();  ...  {#if $session.data}...
import { createAuthClient as createBaseClient } from "./index.js";

export { isFresh } from "./index.js";

export function createAuthClient(options) {
  const client = createBaseClient(options);
  const store = client.useSession;
  const useSession = () => store;
  useSession.get = store.get;
  useSession.subscribe = store.subscribe;
  useSession.listen = store.listen;
  useSession.refetch = store.refetch;
  return { ...client, useSession, $sessionStore: store };
}
