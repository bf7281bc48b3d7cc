//! [`JsCall`]: one call of the JS face's `request`, driven by `drive` in
//! `src/js/shell.js` through the steps of `crate::endpoint::Call` (the Rust faces' path
//! too).

use super::client::Core;
use super::error::error_object;
use crate::endpoint::Call;
use crate::transport::answer;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/shell.js")]
extern "C" {
    /// Awaits each request `call` starts (`sent` first) until it has its result.
    fn drive(call: JsCall, sent: Option<Promise>) -> Promise;
}

/// A call in progress, for `drive` (`src/js/shell.js`).
#[wasm_bindgen]
pub struct JsCall(Call<Rc<Core>>);

#[wasm_bindgen]
impl JsCall {
    /// Hands back the answer to the request the last step started (`ok`: it resolved
    /// with `value`; else it rejected with it). Returns the next request, or
    /// `undefined` when the call is finished.
    pub fn resume(&mut self, ok: bool, value: JsValue) -> Option<Promise> {
        self.0
            .resume(answer(if ok { Ok(value) } else { Err(value) }))
    }

    /// The call's result: a promise of the answer's parsed JSON, or rejected with the
    /// error object (`{status, statusText, code, message, retryAfter?}`) of a failed
    /// call (a promise rather than a thrown error: wasm-bindgen's glue for a `Result`
    /// costs more).
    pub fn finish(self) -> Promise {
        match self.0.finish() {
            Ok(response) => Promise::resolve(&response.body),
            Err(err) => Promise::reject(&error_object(&err)),
        }
    }
}

/// Starts `call` and returns the promise of its result.
pub(crate) fn run(mut call: Call<Rc<Core>>) -> Promise {
    let sent = call.start();
    drive(JsCall(call), sent)
}
