//! An [`AuthError`] as JS sees it: `{status, statusText, code, message, retryAfter?}`,
//! better-auth's error fields.

use crate::error::AuthError;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// Sets a plain data property (cannot fail on a fresh plain object).
pub(crate) fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// `{status, statusText, code, message, retryAfter?}`.
pub(crate) fn error_object(err: &AuthError) -> JsValue {
    let error = Object::new();
    set(&error, "status", &JsValue::from(err.status));
    set(&error, "statusText", &JsValue::from_str(&err.status_text));
    set(&error, "code", &JsValue::from_str(err.code.as_str()));
    set(&error, "message", &JsValue::from_str(&err.message));
    if let Some(seconds) = err.retry_after {
        set(&error, "retryAfter", &JsValue::from(seconds));
    }
    error.into()
}
