// The app's one auth client, at module level as Better Auth's docs make it: shared by
// every server render of this process, and the browser's own. In the browser the page's
// origin (/api/auth, which server/routes/api/auth hands to Better Auth); on the server,
// Better Auth's own URL (better-auth/vue did not find BETTER_AUTH_URL by itself in this
// Nitro build: its server render read the relative /api/auth and threw).
import { createAuthClient } from "better-auth/vue";

export const authClient = createAuthClient({ baseURL: import.meta.server ? process.env.BETTER_AUTH_URL : undefined });
