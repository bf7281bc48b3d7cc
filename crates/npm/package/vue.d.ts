import type { ShallowRef } from "vue";
import type { AuthClient, AuthClientOptions, Session, SessionData, SessionState, SessionStore, User } from "./index.js";
export type * from "./index.js";
export { isFresh } from "./index.js";

export type VueAuthClient<U extends object = User, S extends object = Session> = Omit<AuthClient<U, S>, "useSession"> & {
  /** A composable: a shallowRef of the session state, unsubscribed with its scope. */
  useSession: {
    (): Readonly<ShallowRef<SessionState<SessionData<U, S>>>>;
    /** Nuxt: `await useSession(useFetch)` reads through the framework's fetch (server render included). */
    <R extends { data: unknown; error: unknown }>(
      useFetch: (url: string, options: { ref: Readonly<ShallowRef<boolean>> }) => PromiseLike<R> | R,
    ): Promise<{ data: R["data"]; isPending: false; error: R["error"] }>;
  } & SessionStore<SessionData<U, S>>;
  $sessionStore: SessionStore<SessionData<U, S>>;
};

export function createAuthClient<U extends object = User, S extends object = Session>(
  options?: AuthClientOptions,
): VueAuthClient<U, S>;
