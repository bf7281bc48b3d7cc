// Better Auth runs as its own server (BETTER_AUTH_URL): the app hands it /api/auth/*, so
// the browser talks to its own origin, as with Better Auth mounted in the app.
async function proxy({ request }) {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.delete("host");
  const answer = await fetch(`${process.env.BETTER_AUTH_URL}${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    body: request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer(),
    redirect: "manual",
  });
  const out = new Headers(answer.headers);
  out.delete("content-encoding");
  out.delete("content-length");
  return new Response(answer.body, { status: answer.status, headers: out });
}

export const GET = proxy;
export const POST = proxy;
