//! [`JsCall`]: one call of the JS face's `request`, the steps of `better_auth_wasm::internals::Call`
//! (the Rust faces' path too), driven by `drive` in `crates/npm/src/face.js`.

use crate::client::NpmCore as Core;
use crate::error::error_object;
use better_auth_wasm::internals::{answer, JsonResponse};
use better_auth_wasm::internals::{Call, Step};
use better_auth_wasm::{AuthError, ErrorCode};
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/face.js")]
extern "C" {
    /// Awaits each request `call` starts (`sent` first) until it has its result.
    fn drive(call: JsCall, sent: Option<Promise>) -> Promise;
}

/// A call in progress, for `drive` (`crates/npm/src/face.js`).
#[wasm_bindgen]
pub struct JsCall {
    call: Call<JsValue>,
    core: Rc<Core>,
    /// The caller's own `{headers, fetch}` for the call's own request.
    options: JsValue,
    /// Its result, once it has one.
    result: Result<JsonResponse, AuthError>,
}

impl JsCall {
    /// Sends the request the call asks for next, or keeps its result.
    fn step(&mut self) -> Option<Promise> {
        match self.call.poll(&*self.core) {
            Step::Send(request) => {
                let none = JsValue::UNDEFINED;
                let options = if request.own { &self.options } else { &none };
                Some(self.core.transport.start(
                    request.method,
                    request.path,
                    request.body,
                    options,
                    None,
                ))
            }
            Step::Done(result) => {
                self.result = result;
                None
            }
        }
    }
}

#[wasm_bindgen]
impl JsCall {
    /// Hands back the answer to the request the last step started (`ok`: it resolved
    /// with `value`; else it rejected with it). Returns the next request, or
    /// `undefined` when the call is finished.
    pub fn resume(&mut self, ok: bool, value: JsValue) -> Option<Promise> {
        self.call
            .handle(answer(if ok { Ok(value) } else { Err(value) }), &*self.core);
        self.step()
    }

    /// The call's result: a promise of the answer's parsed JSON, or rejected with the
    /// error object (`{status, statusText, code, message, retryAfter?}`) of a failed
    /// call (a promise rather than a thrown error: wasm-bindgen's glue for a `Result`
    /// costs more).
    pub fn finish(self) -> Promise {
        match self.result {
            Ok(response) => Promise::resolve(&response.body),
            Err(err) => Promise::reject(&error_object(&err)),
        }
    }
}

/// Starts a call and returns the promise of its result.
pub(crate) fn run(call: Call<JsValue>, core: Rc<Core>, options: JsValue) -> Promise {
    let mut call = JsCall {
        call,
        core,
        options,
        result: Err(AuthError::local(ErrorCode::Network)),
    };
    let sent = call.step();
    drive(call, sent)
}
