//! better-auth's result shape: `{data, error}`, with `error` as
//! `{status, statusText, code, message}`.

use crate::error::AuthError;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

pub(crate) fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a plain data property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// `{data, error: null}`.
pub(crate) fn data(value: JsValue) -> JsValue {
    let result = Object::new();
    set(&result, "data", &value);
    set(&result, "error", &JsValue::NULL);
    result.into()
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

/// `{data: null, error: {status, statusText, code, message}}`.
pub(crate) fn error(err: &AuthError) -> JsValue {
    let result = Object::new();
    set(&result, "data", &JsValue::NULL);
    set(&result, "error", &error_object(err));
    result.into()
}

/// `{data}` for `Ok`, `{error}` for `Err`.
pub(crate) fn from(outcome: Result<JsValue, AuthError>) -> JsValue {
    match outcome {
        Ok(value) => data(value),
        Err(err) => error(&err),
    }
}
