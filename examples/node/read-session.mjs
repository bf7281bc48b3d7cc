// Reads a Better Auth session from plain Node (server code, a script) with
// better-auth-wasm: the request's Cookie header forwarded, as SvelteKit hooks, Astro
// middleware or a cron job would.
//   node examples/node/read-session.mjs BASE_URL "COOKIE_HEADER"
// Prints the session's user as JSON (null when the cookie has no session), or the typed
// error, and exits 1 on an error.
import { createAuthClient } from "better-auth-wasm";

const [baseURL, cookie = ""] = process.argv.slice(2);
const authClient = createAuthClient({ baseURL });

const { data, error } = await authClient.getSession({ fetchOptions: { headers: { cookie } } });
if (error) {
  console.error(`${error.code}: ${error.message}`);
  process.exit(1);
}
console.log(JSON.stringify({ user: data?.user ?? null }));
