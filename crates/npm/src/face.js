// The npm face's own JavaScript: `drive`, which carries out a call's steps
// (crates/npm/src/call.rs), and the plain objects the face gives apps. The store's shell is
// src/shell/shell.js, every face's, which the wrapper starts (crates/npm/package/index.js).

/** Drives one call of the JS face (crates/npm/src/call.rs) to its end: awaits each request the
 * call starts and hands the answer back, until it starts none; then resolves with its
 * result or rejects with its error object. The Rust faces drive the same steps with an
 * await (src/endpoint/browser.rs); written here, the npm wasm has no Rust future. */
export async function drive(call, sent) {
  while (sent) {
    let ok = true;
    let value;
    try {
      value = await sent;
    } catch (reason) {
      ok = false;
      value = reason;
    }
    sent = call.resume(ok, value);
  }
  return call.finish();
}

// The face's plain objects, built here for crates/npm/src/ (error.rs, client.rs): as Rust, each
// property is an import call and its name a string in the wasm.

/** An error as better-auth's client gives it: {status, statusText, code, message}, and
 * retryAfter (seconds) when the server said when to retry. */
export function errorObject(status, statusText, code, message, retryAfter) {
  const error = { status, statusText, code, message };
  if (retryAfter != null) error.retryAfter = retryAfter;
  return error;
}

/** The store's state as the wrapper reads it; `lastResultAt` and `lastFetchReason` are
 * null when absent (wasm-bindgen hands an absent Option as undefined). */
export function stateObject(data, error, isPending, isRefetching, lastResultAt = null, lastFetchReason = null) {
  return { data, error, isPending, isRefetching, lastResultAt, lastFetchReason };
}
