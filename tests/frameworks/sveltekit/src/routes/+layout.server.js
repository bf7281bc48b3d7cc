// Every page's session, read on the server with the request's cookie.
import { authClient } from "#lib/auth-client.js";

export async function load({ request }) {
  const cookie = request.headers.get("cookie") ?? "";
  const { data, error } = await authClient.getSession({ fetchOptions: { headers: { cookie } } });
  if (error) console.error(`session read failed during render: ${error.code ?? error.status}: ${error.message}`);
  return { session: data ?? null };
}
