// Shared by the framework entries: the base client with `useSession` replaced by the
// framework's hook, which also keeps the store's methods (get, subscribe, listen,
// refetch) so code written for the plain store keeps working.
import { createAuthClient } from "./index.js";

export function withSessionHook(options, makeHook) {
  const client = createAuthClient(options);
  const store = client.useSession;
  client.useSession = Object.assign(makeHook(store), {
    get: store.get,
    subscribe: store.subscribe,
    listen: store.listen,
    refetch: store.refetch,
  });
  client.$sessionStore = store;
  return client;
}
