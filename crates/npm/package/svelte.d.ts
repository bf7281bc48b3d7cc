import type { AuthClient, AuthClientOptions, Session, SessionData, SessionStore, User } from "./index.js";
export type * from "./index.js";
export { isFresh } from "./index.js";

export type SvelteAuthClient<U extends object = User, S extends object = Session> = Omit<AuthClient<U, S>, "useSession"> & {
  /** Returns the session store (a Svelte readable store); it is also the store itself. */
  useSession: (() => SessionStore<SessionData<U, S>>) & SessionStore<SessionData<U, S>>;
  $sessionStore: SessionStore<SessionData<U, S>>;
};

export function createAuthClient<U extends object = User, S extends object = Session>(
  options?: AuthClientOptions,
): SvelteAuthClient<U, S>;
