// The example's Node server: renders each page with the session Better Auth reads from
// the request's cookies, embeds that session for the client to hydrate from, forwards
// Better Auth's Set-Cookie (a session renewed by `updateAge` during the render reaches
// the browser), and passes /api/auth/* to Better Auth so the client's default baseURL
// (/api/auth on this origin) works. Run `npm run build` first.
//   AUTH_URL         the Better Auth server's origin (default http://127.0.0.1:3000)
//   PORT             this server's port (default 4173)
//   AUTH_TIMEOUT_MS  how long a render waits for Better Auth (default 3000)
//   DIST_DIR         the build to serve (default dist, beside this file)
import http from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const AUTH_URL = (process.env.AUTH_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const PORT = Number(process.env.PORT ?? 4173);
const TIMEOUT_MS = Number(process.env.AUTH_TIMEOUT_MS ?? 3000);
const here = import.meta.dirname;
const dist = process.env.DIST_DIR ?? join(here, "dist");
const client = join(dist, "client");
const template = await readFile(join(client, "index.html"), "utf8");
const { render } = await import(join(dist, "server/entry-server.js"));

/**
 * The request's session as Better Auth sees it: `{session, setCookies, error}`. Any
 * failure (unreachable, slow, not Better Auth, a 5xx) is a typed error and no session:
 * the page renders signed out, and the client, told so, reads again once hydrated.
 */
async function readSession(cookie) {
  const failed = (code, message, setCookies = []) => ({ session: null, setCookies, error: { code, message } });
  let response;
  try {
    response = await fetch(`${AUTH_URL}/api/auth/get-session`, {
      headers: cookie ? { cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    return err?.name === "TimeoutError"
      ? failed("TIMEOUT", `Better Auth did not answer within ${TIMEOUT_MS} ms.`)
      : failed("NETWORK", `Better Auth at ${AUTH_URL} cannot be reached (${err?.cause?.code ?? err?.message}).`);
  }
  const setCookies = response.headers.getSetCookie();
  let body;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const codes = { 404: "NOT_FOUND", 429: "RATE_LIMITED" };
    const code = body?.code ?? codes[response.status] ?? (response.status >= 500 ? "SERVER_ERROR" : `HTTP_${response.status}`);
    const hint = response.status === 404 ? " Check AUTH_URL." : "";
    return failed(code, `${body?.message ?? `Better Auth answered ${response.status}.`}${hint}`, setCookies);
  }
  if (body !== null && !(body?.session && body?.user)) {
    return failed("INVALID_RESPONSE", `${AUTH_URL} did not answer like Better Auth; check AUTH_URL.`, setCookies);
  }
  return { session: body, setCookies, error: null };
}

/** JSON that is safe inside a <script> element. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

async function page(req, res) {
  const { session, setCookies, error } = await readSession(req.headers.cookie);
  if (error) console.error(`session read failed during render: ${error.code}: ${error.message}`);
  const html = template
    .replace("<!--app-html-->", render(session))
    .replace(
      "<!--app-session-->",
      `<script id="session" type="application/json">${scriptJson({ data: session, error: error?.code ?? null })}</script>`,
    );
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "set-cookie": setCookies, "cache-control": "no-store" });
  res.end(html);
}

/** /api/auth/* to Better Auth, as it is (status, headers and body both ways). */
function proxy(req, res) {
  const upstream = http.request(`${AUTH_URL}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: "BAD_GATEWAY", message: "Better Auth cannot be reached." }));
  });
  req.pipe(upstream);
}

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

async function asset(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  try {
    const body = await readFile(join(client, path));
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}

const server = http.createServer((req, res) => {
  const route = req.url.startsWith("/api/auth/") ? proxy : req.url.startsWith("/assets/") ? asset : page;
  Promise.resolve(route(req, res)).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.listen(PORT, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}/ (auth: ${AUTH_URL})`));
