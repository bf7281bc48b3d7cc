// The auth client, made the same way on the server (one per request) and in the
// browser: it starts from the session the server read (initialSession), so the first
// render on both sides is the same, signed in or out, with no loading state. On the
// server, only a client's own initialSession does this: hydrateSession does nothing
// there, as better-auth's, since a module-level client would serve every request.
import { createAuthClient } from "better-auth-wasm/react";

/** `session` is what Better Auth's get-session answered for this request (or null). */
export function createHydratedClient(session) {
  return createAuthClient({ initialSession: session });
}
