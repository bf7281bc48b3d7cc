// better-auth-wasm/client: the same client as the main entry, typed with better-auth's
// own client types, so an app migrated from `better-auth/client` by swapping the import
// keeps every endpoint, plugin and inferred field type (`inferAdditionalFields`,
// `organizationClient()`, ...). Needs the `better-auth` package installed beside it (an
// optional peer dependency: apps have it for their server); without it, use the main
// entry, whose types are this package's own.
//
// Where this client differs, the types say so: `useSession` is this package's store
// (`get`, `subscribe`, `listen`, `refetch`; not a nanostores atom), and the extras of
// the main entry are here too.
import type { AuthClient as OfficialClient, BetterAuthClientOptions } from "better-auth/client";
import type { AuthClientOptions, Result, SessionStore } from "./index.js";

export type * from "./index.js";
export { isFresh, sendPageEvent, setPageSource } from "./index.js";

/** The session type better-auth infers for these options (plugins' fields included). */
export type InferredSession<O extends BetterAuthClientOptions> = OfficialClient<O>["$Infer"]["Session"];

/** better-auth's client for options `O`, with this package's store and extras. */
export type DropInClient<O extends BetterAuthClientOptions> = Omit<OfficialClient<O>, "useSession"> & {
  /** This package's store (`get`, `subscribe`, `listen`, `refetch`), not a nanostores atom. */
  useSession: SessionStore<InferredSession<O>>;
  /** Reads past the cookie cache and updates the store; resolves when it settles. */
  refreshSession(): Promise<Result<InferredSession<O> | null>>;
  /** The same as revokeSessions. */
  signOutAll(): Promise<Result<{ status: true }>>;
  /** Resolves once the WebAssembly module has loaded. */
  ready(): Promise<void>;
  /** Stops the client's store: reads aborted, timer, page listeners and channel gone. */
  $close(): void;
};

/** Options: better-auth's, plus this package's (sessionOptions additions, initialSession). */
export type DropInOptions = BetterAuthClientOptions &
  Pick<AuthClientOptions, "sessionOptions" | "initialSession" | "disableDefaultFetchPlugins">;

/** Creates a client; synchronous, the WebAssembly module loads on first use. */
export function createAuthClient<O extends DropInOptions>(options?: O): DropInClient<O>;
