//! Turns the server's ISO date strings into JS `Date` objects in place, as the
//! official client does, on bodies the Rust side has already checked.

use js_sys::{Date, Reflect};
use wasm_bindgen::JsValue;

const SESSION_DATES: &[&str] = &["expiresAt", "createdAt", "updatedAt"];
const USER_DATES: &[&str] = &["createdAt", "updatedAt"];

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn revive(target: &JsValue, keys: &[&str]) {
    if !target.is_object() {
        return;
    }
    for key in keys {
        let value = get(target, key);
        if value.is_string() {
            let _ = Reflect::set(target, &JsValue::from_str(key), &Date::new(&value));
        }
    }
}

/// `{session, user}`: the session's and the user's dates.
pub(crate) fn revive_session_data(body: &JsValue) {
    revive_session(&get(body, "session"));
    revive_user_of(body);
}

/// A session object's dates.
pub(crate) fn revive_session(session: &JsValue) {
    revive(session, SESSION_DATES);
}

/// `{user}`: the user's dates.
pub(crate) fn revive_user_of(body: &JsValue) {
    revive(&get(body, "user"), USER_DATES);
}
