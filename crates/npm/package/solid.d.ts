import type { Accessor } from "solid-js";
import type { AuthClient, AuthClientOptions, Session, SessionData, SessionState, SessionStore, User } from "./index.js";
export type * from "./index.js";
export { isFresh } from "./index.js";

export type SolidAuthClient<U extends object = User, S extends object = Session> = Omit<AuthClient<U, S>, "useSession"> & {
  /** An accessor of the session state, unsubscribed with its owner (component). */
  useSession: (() => Accessor<SessionState<SessionData<U, S>>>) & SessionStore<SessionData<U, S>>;
  $sessionStore: SessionStore<SessionData<U, S>>;
};

export function createAuthClient<U extends object = User, S extends object = Session>(
  options?: AuthClientOptions,
): SolidAuthClient<U, S>;
