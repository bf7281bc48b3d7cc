// Shared by the framework entries: the base client with `useSession` replaced by the
// framework's hook, which also keeps the store's methods (get, subscribe, listen,
// refetch, set) so code written for the plain store keeps working; and each plugin
// atom's `use<Atom>` made the framework's hook too, as better-auth's entries make them.
// entry.js: the wasm's bytes in Node and server bundles.
import { createAuthClient } from "./entry.js";

export function withSessionHook(options, makeHook) {
  const client = createAuthClient(options);
  const store = client.useSession;
  client.useSession = Object.assign(makeHook(store, client), {
    get: store.get,
    subscribe: store.subscribe,
    listen: store.listen,
    refetch: store.refetch,
    set: store.set,
  });
  for (const [name, atom] of Object.entries(client.$store.atoms)) {
    if (name !== "session") client[`use${name[0].toUpperCase()}${name.slice(1)}`] = makeHook(atom, client);
  }
  client.$sessionStore = store;
  return client;
}
