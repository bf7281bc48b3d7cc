//! The JavaScript face (feature `js`) in headless Chromium against the real test
//! server: better-auth's `{data, error}` shape, `Date` objects, no throwing.
#![cfg(all(target_arch = "wasm32", feature = "js"))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use better_auth_wasm::js::create_auth_client;
use js_sys::{Object, Reflect};
use support::{unique_email, PASSWORD, SERVER_URL};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

async fn settle(promise: js_sys::Promise) -> JsValue {
    JsFuture::from(promise)
        .await
        .expect("the promise resolves, never rejects")
}

#[wasm_bindgen_test]
async fn sign_up_get_session_and_sign_out_give_data_error_results_with_dates() {
    let client = create_auth_client(&object(&[("baseURL", SERVER_URL.into())]));
    let email = unique_email("js");
    let body = object(&[
        ("email", email.as_str().into()),
        ("password", PASSWORD.into()),
        ("name", "Js User".into()),
    ]);
    let signed_up = settle(client.sign_up_email(body)).await;
    assert!(get(&signed_up, "error").is_null());
    assert_eq!(
        get(&signed_up, "data.user.email").as_string(),
        Some(email.clone())
    );
    assert!(get(&signed_up, "data.user.createdAt").is_instance_of::<js_sys::Date>());

    let session = settle(client.get_session(JsValue::UNDEFINED)).await;
    assert!(get(&session, "error").is_null());
    assert_eq!(get(&session, "data.user.email").as_string(), Some(email));
    let expires = get(&session, "data.session.expiresAt");
    let expires: js_sys::Date = expires.dyn_into().expect("expiresAt is a Date");
    assert!(expires.get_time() > js_sys::Date::now());

    let signed_out = settle(client.sign_out()).await;
    assert_eq!(get(&signed_out, "data.success").as_bool(), Some(true));
    let session = settle(client.get_session(JsValue::UNDEFINED)).await;
    assert!(get(&session, "data").is_null());
    assert!(get(&session, "error").is_null());
}

#[wasm_bindgen_test]
async fn errors_resolve_to_error_objects_with_status_and_code() {
    let client = create_auth_client(&object(&[("baseURL", SERVER_URL.into())]));
    let body = object(&[
        ("email", unique_email("nobody").as_str().into()),
        ("password", "whatever-password".into()),
    ]);
    let result = settle(client.sign_in_email(body)).await;
    assert!(get(&result, "data").is_null());
    assert_eq!(get(&result, "error.status").as_f64(), Some(401.0));
    assert_eq!(
        get(&result, "error.code").as_string().as_deref(),
        Some("INVALID_EMAIL_OR_PASSWORD")
    );
    assert_eq!(
        get(&result, "error.statusText").as_string().as_deref(),
        Some("Unauthorized")
    );

    let bad = create_auth_client(&object(&[("baseURL", "nope".into())]));
    assert!(bad.base_url().is_none());
    let result = settle(bad.get_session(JsValue::UNDEFINED)).await;
    assert_eq!(
        get(&result, "error.code").as_string().as_deref(),
        Some("INVALID_BASE_URL")
    );
}
