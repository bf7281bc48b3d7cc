// Fault injection and request counting, for tests only (TEST_FAULTS=1; never in the demo).
//
//   POST /__test/faults  {path, count?, delayMs?, holdMs?, status?, body?, padding?,
//                         contentType?, headers?, reset?, trickleMs?, chunked?}
//        the next `count` (default 1) requests to `path` (e.g. "/api/auth/get-session"):
//        - wait `delayMs` before anything else;
//        - `reset`: destroy the connection;
//        - `status`: answer with it, `body` (text, after `padding` spaces) and
//          `contentType`, `headers`; the body sent one character every `trickleMs` when
//          set, or in one chunk without a Content-Length when `chunked`;
//        - `holdMs`: let Better Auth answer now but deliver that answer `holdMs` later
//          (a stale answer arriving late);
//        - otherwise Better Auth answers (after the delay).
//   GET  /__test/counts  {"/api/auth/get-session": n, ...}: requests seen per path
//   GET  /__test/last-urls  {"/api/auth/get-session": "/api/auth/get-session?...", ...}
//   GET  /__test/last-headers  {"/api/auth/get-session": {"x-...": "..."}, ...}: the x-
//        headers of the last request per path
//   POST /__test/reset   forget the counts and the pending faults

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function json(res, status, value) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}

export function createFaults() {
  const pending = new Map();
  const counts = new Map();
  const lastUrls = new Map();
  const lastHeaders = new Map();

  async function control(req, res, pathname) {
    if (req.method === "GET" && pathname === "/__test/counts") {
      return json(res, 200, Object.fromEntries(counts));
    }
    if (req.method === "GET" && pathname === "/__test/last-urls") {
      return json(res, 200, Object.fromEntries(lastUrls));
    }
    if (req.method === "GET" && pathname === "/__test/last-headers") {
      return json(res, 200, Object.fromEntries(lastHeaders));
    }
    if (req.method === "POST" && pathname === "/__test/reset") {
      counts.clear();
      lastUrls.clear();
      lastHeaders.clear();
      pending.clear();
      return json(res, 200, { ok: true });
    }
    if (req.method === "POST" && pathname === "/__test/faults") {
      let fault;
      try {
        fault = JSON.parse((await readBody(req)).toString("utf8"));
      } catch {
        return json(res, 400, { message: "fault must be JSON" });
      }
      if (typeof fault.path !== "string") return json(res, 400, { message: "path required" });
      const list = pending.get(fault.path) ?? [];
      list.push({ ...fault, remaining: fault.count ?? 1 });
      pending.set(fault.path, list);
      return json(res, 200, { ok: true });
    }
    return json(res, 404, { message: "unknown test route" });
  }

  /** Counts the request and returns the fault to apply to it, if any. */
  function take(pathname, url, headers = {}) {
    counts.set(pathname, (counts.get(pathname) ?? 0) + 1);
    lastUrls.set(pathname, url);
    lastHeaders.set(pathname, Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith("x-"))));
    const list = pending.get(pathname);
    const fault = list?.[0];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) list.shift();
    return fault;
  }

  async function apply(fault, req, res, { passThrough, auth }) {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.reset) {
      req.socket.destroy();
      return;
    }
    if (fault.status) {
      res.writeHead(fault.status, {
        "content-type": fault.contentType ?? "application/json",
        ...(fault.headers ?? {}),
      });
      const body = " ".repeat(fault.padding ?? 0) + (fault.body ?? "");
      if (fault.chunked) {
        res.write(body);
        return res.end();
      }
      if (!fault.trickleMs) return res.end(body);
      for (const char of body) {
        if (res.destroyed) return;
        res.write(char);
        await sleep(fault.trickleMs);
      }
      return res.end();
    }
    if (fault.holdMs) {
      const url = new URL(req.url, `http://${req.headers.host}`);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const response = await auth.handler(
        new Request(url, { method: req.method, headers, body: hasBody ? await readBody(req) : undefined }),
      );
      const body = Buffer.from(await response.arrayBuffer());
      await sleep(fault.holdMs);
      if (res.destroyed) return;
      for (const [key, value] of response.headers) {
        if (key !== "set-cookie") res.setHeader(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader("set-cookie", cookies);
      res.writeHead(response.status);
      return res.end(body);
    }
    passThrough();
  }

  return { control, take, apply };
}
