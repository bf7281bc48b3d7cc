// The JS face's plain objects, built here for src/js/ (error.rs, client.rs): as Rust,
// each property is an import call and its name a string in the wasm.

/** An error as better-auth's client gives it: {status, statusText, code, message}, and
 * retryAfter (seconds) when the server said when to retry. */
export function errorObject(status, statusText, code, message, retryAfter) {
  const error = { status, statusText, code, message };
  if (retryAfter != null) error.retryAfter = retryAfter;
  return error;
}

/** The store's state as the wrapper reads it. */
export function stateObject(data, error, isPending, isRefetching, lastResultAt, lastFetchReason) {
  return { data, error, isPending, isRefetching, lastResultAt, lastFetchReason };
}
