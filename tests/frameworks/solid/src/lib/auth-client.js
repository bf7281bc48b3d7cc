// The app's one auth client, at module level as Better Auth's docs make it: shared by
// every server render of this process, and the browser's own. In the browser the page's
// origin (/api/auth, which src/routes/api/auth hands to Better Auth); on the server,
// Better Auth's own URL.
import { createAuthClient } from "better-auth/solid";
import { isServer } from "solid-js/web";

export const authClient = createAuthClient({ baseURL: isServer ? process.env.BETTER_AUTH_URL : undefined });
