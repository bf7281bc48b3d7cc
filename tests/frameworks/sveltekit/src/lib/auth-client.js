// The app's one auth client, at module level as Better Auth's docs make it: shared by
// every server render of this process, and the browser's own. No baseURL: in the browser
// the page's origin (/api/auth, which hooks.server.js hands to Better Auth); on the
// server, the BETTER_AUTH_URL environment variable, as both clients read it.
import { createAuthClient } from "better-auth/svelte";

export const authClient = createAuthClient();
