// The auth client, made the same way on the server (one per request) and in the
// browser: it starts from the session the server read, so the first render on both
// sides is the same, signed in or out, with no loading state.
import { createAuthClient } from "better-auth-wasm/react";

/** `session` is what Better Auth's get-session answered for this request (or null). */
export function createHydratedClient(session) {
  const authClient = createAuthClient();
  authClient.hydrateSession(session);
  return authClient;
}
