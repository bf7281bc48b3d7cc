/** A signed-in user. Extend it for `user.additionalFields`: `createAuthClient<User & { role: string }>()`. */
export interface User {
  id: string;
  email: string;
  emailVerified: boolean;
  name: string;
  image?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One session of a user on one device. */
export interface Session {
  id: string;
  token: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** What getSession returns for a signed-in client. */
export interface SessionData<U extends object = User, S extends object = Session> {
  session: S;
  user: U;
}

/** A session from listSessions, marked when it is this client's own. */
export type ListedSession<S extends object = Session> = S & { current: boolean };

/** Stable error codes; any other code the server sends is kept as its string. */
export type ErrorCode =
  | "INVALID_EMAIL_OR_PASSWORD"
  | "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"
  | "SESSION_EXPIRED"
  | "INVALID_TOKEN"
  | "SESSION_NOT_FRESH"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "SERVER_ERROR"
  | "NETWORK"
  | "TIMEOUT"
  | "INVALID_RESPONSE"
  | "INVALID_BASE_URL"
  | "WASM_LOAD_FAILED"
  | (string & {});

/** A failed call. `status` is 0 when no response arrived. */
export interface AuthError {
  status: number;
  statusText: string;
  code: ErrorCode;
  /** Says what to do. */
  message: string;
  /** Seconds the server asked to wait (Retry-After), when it did. */
  retryAfter?: number;
}

/** better-auth's result shape: never thrown, always resolved. */
export type Result<T> = { data: T; error: null } | { data: null; error: AuthError };

/** Why the store's last read started. */
export type FetchReason =
  | "mount"
  | "refetch"
  | "focus"
  | "reconnect"
  | "interval"
  | "expiry"
  | "retry"
  | "mutation"
  | "other-tab";

/** A snapshot of the session store; the same object until the state changes. */
export interface SessionState<D> {
  readonly data: D | null;
  readonly error: AuthError | null;
  /** True only while no result has arrived yet. */
  readonly isPending: boolean;
  /** True while a read runs after the first result (data is kept meanwhile). */
  readonly isRefetching: boolean;
  readonly lastResultAt: Date | null;
  readonly lastFetchReason: FetchReason | null;
  /** Reads the session again now (as `useSession.refetch()`). */
  readonly refetch: () => void;
}

/** The session store: the nanostores / Svelte store contract. */
export interface SessionStore<D> {
  /** The current snapshot. */
  get(): SessionState<D>;
  /** Calls `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState<D>) => void): () => void;
  /** Like subscribe, without the call now. */
  listen(listener: (state: SessionState<D>) => void): () => void;
  /** Reads the session again now (nothing on a server). */
  refetch(): void;
  /**
   * Shows `state` to subscribers until the store's next change, as a nanostores atom's
   * set (nothing on a server, where the client serves every request).
   */
  set(state: Partial<SessionState<D>>): void;
  /**
   * The state a server render shows, and hydration starts from: the session given by
   * `initialSession` or `hydrateSession`, else pending (React's getServerSnapshot).
   */
  getServerSnapshot(): SessionState<D>;
}

/** How the store refetches; better-auth's names where it has them. */
export interface SessionOptions {
  /** Refetch when the page becomes visible or the window gets focus (default true). */
  refetchOnWindowFocus?: boolean;
  /** Refetch when the browser comes back online (default true). */
  refetchOnReconnect?: boolean;
  /** Keep polling and focus refetches while offline (default false). */
  refetchWhenOffline?: boolean;
  /** Poll every this many seconds while signed in and visible; tabs share it (default off). */
  refetchInterval?: number;
  /** Keep tabs of this origin in step (default true). */
  crossTabSync?: boolean;
  /** Least milliseconds between a read and a focus/reconnect refetch (default 5000). */
  focusThrottleMs?: number;
  /** A subscriber within this many ms of a result reuses it (default 1000). */
  dedupeWindowMs?: number;
  /** Request timeout in milliseconds (default 10000). */
  timeoutMs?: number;
  /** Attempts of a failed read before giving up (default 4). */
  retryAttempts?: number;
  /**
   * A session given by `initialSession` or `hydrateSession` (what the server rendered
   * with) stands in for a read for this many ms after it is given: components mounting
   * meanwhile read nothing (default 60000; 0: only `dedupeWindowMs`). Focus, polling and
   * other tabs refetch as usual.
   */
  hydrationMaxAgeMs?: number;
}

/** better-fetch's per-call options, the part this client honours. */
export interface FetchOptions<T = unknown> {
  /** "GET", "POST", "PUT", "PATCH" or "DELETE". Default: POST with a body, else GET. */
  method?: string;
  body?: Record<string, unknown>;
  /** Sent as the query string; undefined and null values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Sent with the call (the call's win over client-wide ones); client-wide ones are
   * also sent with the session store's own reads. */
  headers?: Record<string, string> | [string, string][] | Headers;
  /** better-fetch's Authorization header (each part a value or a function giving one,
   * read at each request); client-wide, also on the session store's own reads. */
  auth?:
    | { type: "Bearer"; token: AuthValue }
    | { type: "Basic"; username: AuthValue; password: AuthValue }
    | { type: "Custom"; prefix: AuthValue; value: AuthValue };
  /** The `fetch` to call instead of the page's (client-wide: every request, the
   * session store's reads included). */
  customFetchImpl?: (input: string, init: RequestInit) => Promise<Response>;
  /** Resolve with the data and reject with the error, instead of `{data, error}`. */
  throw?: boolean;
  /** Gets the request itself: changes to its `headers` and `body`, or an object returned
   * with new ones, are what is sent. */
  onRequest?: (request: FetchRequest) => void | Partial<FetchRequest> | Promise<void | Partial<FetchRequest>>;
  onResponse?: (context: { request: FetchRequest; data: unknown; error: AuthError | null }) => void | Promise<void>;
  onSuccess?: (context: { request: FetchRequest; data: T }) => void | Promise<void>;
  onError?: (context: { request: FetchRequest; error: AuthError }) => void | Promise<void>;
  /** Do not refresh the session store (nor set the plugins' signals) after the call
   * succeeds, whatever its path. */
  disableSignal?: boolean;
  /** Client-wide only: better-fetch plugins whose hooks run on every call. */
  plugins?: FetchPlugin[];
}

/** A part of `fetchOptions.auth`: a value, or a function giving one at each request. */
export type AuthValue = string | undefined | (() => string | undefined | Promise<string | undefined>);

/**
 * A better-fetch plugin (client plugins' `fetchPlugins`, `fetchOptions.plugins`): `init`
 * may change each call's path and options first; its hooks run on every call, before
 * the call's own.
 */
export interface FetchPlugin {
  id: string;
  name?: string;
  init?: (
    url: string,
    options: FetchOptions,
  ) => { url: string; options?: FetchOptions } | Promise<{ url: string; options?: FetchOptions }>;
  hooks?: Pick<FetchOptions, "onRequest" | "onResponse" | "onSuccess" | "onError">;
}

/** The request as the hooks see it. */
export interface FetchRequest {
  url: string;
  method: string;
  body?: Record<string, unknown>;
  query?: Record<string, string | number | boolean | null | undefined>;
  headers: Headers;
  retry: number;
}

/** An atom as client plugins make them (nanostores' shape). */
export interface PluginAtom<T = unknown> {
  get(): T;
  set?(value: T): void;
  listen(listener: (value: T) => void): () => void;
  subscribe(listener: (value: T) => void): () => void;
}

/** better-auth's `$store`, handed to plugins' actions. */
export interface PluginStore {
  /** Flips the named signal atom (`"$sessionSignal"` refetches the session). */
  notify(signal: string): void;
  listen(signal: string, listener: (value: unknown) => void): void;
  atoms: Record<string, PluginAtom>;
}

/**
 * An official client plugin (`multiSessionClient()`, `organizationClient()`, ...): its
 * path methods, atoms (each also a `use<Atom>` member of the client), atom listeners,
 * actions and fetch plugins' hooks are taken.
 */
export interface ClientPlugin {
  id: string;
  fetchPlugins?: FetchPlugin[];
  pathMethods?: Record<string, string>;
  atomListeners?: { matcher(path: string): boolean; signal: string }[];
  getAtoms?($fetch: AuthClient["$fetch"]): object;
  getActions?($fetch: AuthClient["$fetch"], $store: PluginStore, options: AuthClientOptions): object;
}

export interface AuthClientOptions {
  /**
   * The auth API's URL: "https://example.com" (API under basePath), a URL with its
   * path, or a path resolved against this page. Default, as better-auth's: the
   * BETTER_AUTH_URL (or NEXT_PUBLIC_, PUBLIC_, NUXT_PUBLIC_) environment variable, else
   * this page's origin, else (a server) the relative basePath.
   */
  baseURL?: string;
  /** The API's path when baseURL has none (default "/api/auth"; "/" for none), as in better-auth. */
  basePath?: string;
  /**
   * Options of every call (the call's own win); its hooks run on every call, before the
   * call's own hooks, as better-auth's do.
   */
  fetchOptions?: FetchOptions;
  /**
   * Leave out better-auth's default fetch plugin, which navigates to the `url` of an
   * answer that says `redirect: true` (social sign-in).
   */
  disableDefaultFetchPlugins?: boolean;
  sessionOptions?: SessionOptions;
  /**
   * The session a server render used (`{session, user}` or null), as `hydrateSession`
   * at creation: the store starts from it, with no pending state and no read, and the
   * React entry's server snapshot is this state (the first client render matches).
   * Also on a server, for a client made for one request.
   */
  initialSession?: SessionData | null;
  /** Official client plugins (see ClientPlugin). */
  plugins?: ClientPlugin[];
}

export interface SignInEmail {
  email: string;
  password: string;
  rememberMe?: boolean;
  callbackURL?: string;
}

export interface SignUpEmail {
  email: string;
  password: string;
  name: string;
  image?: string;
  rememberMe?: boolean;
  callbackURL?: string;
  /** Additional user fields the server accepts as input. */
  [field: string]: unknown;
}

export interface GetSessionOptions {
  /** A flag is sent only when true (the server reads any value as true). */
  query?: { disableCookieCache?: boolean; disableRefresh?: boolean };
}

export interface AuthClient<U extends object = User, S extends object = Session> {
  signIn: {
    email(body: SignInEmail): Promise<Result<{ redirect: boolean; token: string | null; url?: string | null; user: U }>>;
  };
  signUp: {
    email(body: SignUpEmail): Promise<Result<{ token: string | null; user: U }>>;
  };
  /** Signs out; the store is signed out the moment the server answers. */
  signOut(): Promise<Result<{ success: boolean }>>;
  /** A one-off read (does not update the store; useSession.refetch() does). */
  getSession(options?: GetSessionOptions): Promise<Result<SessionData<U, S> | null>>;
  /** Reads past the cookie cache and updates the store. */
  refreshSession(): Promise<Result<SessionData<U, S> | null>>;
  /** 403 SESSION_NOT_FRESH when the session is older than the server's freshAge. */
  listSessions(): Promise<Result<ListedSession<S>[]>>;
  revokeSession(session: { token: string } | { id: string }): Promise<Result<{ status: true }>>;
  revokeOtherSessions(): Promise<Result<{ status: true }>>;
  /** Signs out everywhere. */
  revokeSessions(): Promise<Result<{ status: true }>>;
  /** The same as revokeSessions. */
  signOutAll(): Promise<Result<{ status: true }>>;
  multiSession: {
    listDeviceSessions(): Promise<Result<SessionData<U, S>[]>>;
    setActive(body: { sessionToken: string }): Promise<Result<SessionData<U, S>>>;
    revoke(body: { sessionToken: string }): Promise<Result<{ status: true }>>;
  };
  useSession: SessionStore<SessionData<U, S>>;
  /**
   * A session the server rendered the page with (what get-session answered, or null),
   * taken only while the store has no result yet: the store shows it at once and does
   * not read it again. Dates may be Date objects or ISO strings. On a server (no
   * `window`) it does nothing, as better-auth's: a module-level client serves every
   * request; give a per-request client `initialSession` instead.
   */
  hydrateSession(data: SessionData<U, S> | null): void;
  /**
   * Any endpoint by path, with better-fetch's call shape (what official client plugins
   * call). Every other member name also works, untyped, through the path proxy:
   * `client.updateUser({name})` is POST /update-user.
   */
  $fetch<T = unknown>(path: string, options?: FetchOptions<T>): Promise<Result<T>>;
  /** better-auth's `$store`: the plugins' signal atoms. */
  $store: PluginStore;
  /** Resolves once the WebAssembly module has loaded. */
  ready(): Promise<void>;
  /** Stops the client's store: its reads aborted, its timer, page listeners and channel
   * gone (for a client made for a while: a test, a widget); its state stays as it was. */
  $close(): void;
}

/** Creates a client; synchronous, the WebAssembly module loads on first use. */
export function createAuthClient<U extends object = User, S extends object = Session>(
  options?: AuthClientOptions,
): AuthClient<U, S>;

/** A page event, for {@link sendPageEvent}. */
export type PageEvent = "visible" | "hidden" | "focus" | "online" | "offline";

/** Where this page's clients hear visibility, focus and connectivity from: `"app"`
 * (only {@link sendPageEvent}: a host with its own focus logic, a test) or `"browser"`
 * (the default), for the clients there are and those to come. */
export function setPageSource(source: "browser" | "app"): void;

/** Tells this page's clients that `event` happened (with either source). */
export function sendPageEvent(event: PageEvent): void;

/** Whether a session is younger than `freshAge` seconds (default 86400, the server's default). */
export function isFresh(session: { createdAt: Date | string }, freshAge?: number): boolean;
