//! An [`AuthError`] as JS sees it: `{status, statusText, code, message, retryAfter?}`,
//! better-auth's error fields (the object built by `errorObject` in `crates/npm/src/face.js`).

use better_auth_wasm::AuthError;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/face.js")]
extern "C" {
    #[wasm_bindgen(js_name = errorObject)]
    fn js_error_object(
        status: u16,
        status_text: &str,
        code: &str,
        message: &str,
        retry_after: Option<u32>,
    ) -> JsValue;
}

/// `{status, statusText, code, message, retryAfter?}`.
pub(crate) fn error_object(err: &AuthError) -> JsValue {
    js_error_object(
        err.status,
        &err.status_text,
        err.code.as_str(),
        &err.message,
        err.retry_after,
    )
}
