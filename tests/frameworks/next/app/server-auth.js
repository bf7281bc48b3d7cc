// The server's auth client, for server components: Better Auth's own URL.
import { createAuthClient } from "better-auth/client";

export const serverAuth = createAuthClient({ baseURL: process.env.BETTER_AUTH_URL });
