// The IO of one request to the auth server, for src/transport.rs (which turns what this
// gives into a typed answer or error). Written in JavaScript because every step is a
// call into the browser: as Rust, each await and callback cost the wasm bytes.
//
// send: `fetchImpl` (undefined: the global fetch; call.fetch, the caller's for this
// request, comes first) with credentials (the session cookie is HttpOnly; the browser sends it),
// a deadline that aborts the request and rejects every wait (a wrapped fetch that
// ignores the abort signal cannot hang a call), no redirect followed with a body (a
// password is not re-sent to wherever a 307 points), and the answer read within the
// deadline and a length bound. Resolves [status, statusText, retryAfter seconds or
// undefined, parsed body, 1 when the body is refused]; rejects with a number: 0 no
// answer, 1 timed out, 2 a redirect, 3 larger than maxLength.
export function send(fetchImpl, url, method, body, call, timeoutMs, maxLength, controller) {
  controller ??= new AbortController();
  let headers = call?.headers;
  let timedOut = 0;
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      timedOut = 1;
      controller.abort();
      reject();
    }, timeoutMs);
  });
  const within = (promise) => Promise.race([promise, deadline]);
  const init = { method, credentials: "include", signal: controller.signal };
  if (body != null || headers) {
    init.headers = headers = new Headers(headers);
    if (body != null) {
      init.redirect = "manual";
      init.body = body;
      headers.set("content-type", "application/json");
    }
  }
  // A wrapped fetch may throw at once or return something other than a Promise.
  return within(new Promise((resolve) => resolve((call?.fetch || fetchImpl || fetch)(url, init))))
    .then(async (response) => {
      // Any Response-like answer (a customFetchImpl's may come from another realm).
      if (typeof response?.text != "function") throw 0;
      if (response.type == "opaqueredirect") throw 2;
      const header = (name) => response.headers.get(name);
      if (+header("content-length") > maxLength) {
        controller.abort();
        throw 3;
      }
      // A body cut off by a reset connection or by the deadline fails here.
      const text = await within(response.text());
      if (text.length > maxLength) throw 3;
      // As better-fetch reads it: an empty body (a 204) is null, a text body its text;
      // a body that claims JSON but is not (cut short) or an HTML page (a wrong base
      // URL) is unparsed: the answer is refused.
      let parsed = null;
      let unparsed = 0;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
          unparsed = /json|html/i.test(header("content-type")) ? 1 : 0;
        }
      }
      // Better Auth's own rate limiter sends X-Retry-After; proxies send Retry-After.
      const retry = retryAfter(header("retry-after") ?? header("x-retry-after"));
      return [response.status, response.statusText, retry, parsed, unparsed];
    })
    .catch((reason) => {
      throw typeof reason == "number" ? reason : timedOut;
    })
    .finally(() => clearTimeout(timer));
}

// A Retry-After value: seconds, or an HTTP date (seconds from now, at least 0).
function retryAfter(value) {
  value = value?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.min(+value, 0xffffffff);
  const at = Date.parse(value);
  return at === at ? Math.max(0, Math.ceil((at - Date.now()) / 1000)) : undefined;
}
