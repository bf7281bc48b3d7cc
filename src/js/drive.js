// Drives one call of the JS face (src/js/call.rs) to its end: awaits each request the
// call starts and hands the answer back, until it starts none; then resolves with its
// result or rejects with its error object. The Rust faces drive the same steps with
// an await (src/endpoint.rs); written here, the npm wasm has no Rust future.
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
