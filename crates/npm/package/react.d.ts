import type { AuthClient, AuthClientOptions, Session, SessionData, SessionState, SessionStore, User } from "./index.js";
export type * from "./index.js";
export { isFresh } from "./index.js";

export type ReactAuthClient<U extends object = User, S extends object = Session> = Omit<AuthClient<U, S>, "useSession"> & {
  /** A React hook: the session state, re-rendering on change. Also usable as the store. */
  useSession: (() => SessionState<SessionData<U, S>>) & SessionStore<SessionData<U, S>>;
  $sessionStore: SessionStore<SessionData<U, S>>;
};

export function createAuthClient<U extends object = User, S extends object = Session>(
  options?: AuthClientOptions,
): ReactAuthClient<U, S>;
