//! The JavaScript face (this crate) in headless Chromium against the real test
//! server, as the npm wrapper sees it (`createAuthClient`'s store, carried out by the
//! shell of `src/shell/shell.js`): the one generic `request` (with each path's store
//! effect), the store's state, listeners and refresh, and errors as better-auth's
//! error objects.
#![cfg(target_arch = "wasm32")]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../../../tests/support/mod.rs"]
mod support;

use better_auth_wasm_npm::{create_auth_client, start_shell};
use js_sys::Reflect;
use js_sys::{Array, Function, Promise};
use std::cell::Cell;
use std::rc::Rc;
use support::{last_url, unique_email, PASSWORD, SERVER_URL};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

/// The store `createAuthClient` returns and its shell, called as the wrapper calls
/// them (`withShell` in `crates/npm/package/index.js`).
struct JsAuthClient {
    store: JsValue,
    shell: JsValue,
}

impl JsAuthClient {
    fn call(&self, name: &str, args: &[JsValue]) -> JsValue {
        let this = match name {
            "listen" | "unlisten" | "refetch" | "close" => &self.shell,
            _ => &self.store,
        };
        let method: Function = Reflect::get(this, &name.into()).unwrap().unchecked_into();
        let args: Array = args.iter().collect();
        method.apply(this, &args).unwrap()
    }
    fn state(&self) -> JsValue {
        self.call("state", &[])
    }
    fn listen(&self, listener: Function) -> f64 {
        self.call("listen", &[listener.into()]).as_f64().unwrap()
    }
    fn unlisten(&self, id: f64) {
        self.call("unlisten", &[id.into()]);
    }
    fn refetch(&self, bypass_cache: Option<bool>) {
        self.call(
            "refetch",
            &[bypass_cache.map_or(JsValue::UNDEFINED, JsValue::from)],
        );
    }
    fn request(
        &self,
        method: &str,
        path: String,
        body: Option<String>,
        call: JsValue,
        disable_signal: bool,
    ) -> Promise {
        let body = body.map_or(JsValue::UNDEFINED, JsValue::from);
        let args = [
            method.into(),
            path.into(),
            body,
            call,
            disable_signal.into(),
        ];
        self.call("request", &args).unchecked_into()
    }
}

fn client(base: &str) -> JsAuthClient {
    let d = f64::NAN; // every session option at its default
    let store = JsValue::from(create_auth_client(
        base,
        d,
        d,
        d,
        d,
        d,
        d,
        d,
        d,
        d,
        d,
        JsValue::UNDEFINED,
    ));
    let shell = start_shell(&store);
    JsAuthClient { store, shell }
}

async fn ok(client: &JsAuthClient, method: &str, path: &str, body: Option<String>) -> JsValue {
    JsFuture::from(client.request(method, path.into(), body, JsValue::UNDEFINED, false))
        .await
        .expect("the request succeeds")
}

async fn failed(client: &JsAuthClient, method: &str, path: &str, body: Option<String>) -> JsValue {
    JsFuture::from(client.request(method, path.into(), body, JsValue::UNDEFINED, false))
        .await
        .expect_err("the request fails")
}

async fn until(check: impl Fn() -> bool) {
    for _ in 0..200 {
        if check() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("condition not met in 2 s");
}

#[wasm_bindgen_test]
async fn one_generic_request_reaches_every_endpoint_and_moves_the_store() {
    let client = client(SERVER_URL);
    // Before any read: no result and no reason yet, as null (the wrapper's contract).
    assert!(get(&client.state(), "lastResultAt").is_null());
    assert!(get(&client.state(), "lastFetchReason").is_null());
    let changes = Rc::new(Cell::new(0));
    let counter = Rc::clone(&changes);
    let callback = Closure::<dyn Fn()>::new(move || counter.set(counter.get() + 1));
    let id = client.listen(
        callback
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone(),
    );
    assert!(id > 0.0);
    until(|| !get(&client.state(), "isPending").as_bool().unwrap()).await;
    assert!(get(&client.state(), "data").is_null());

    let email = unique_email("js");
    let body = format!(r#"{{"email":"{email}","password":"{PASSWORD}","name":"Js User"}}"#);
    let signed_up = ok(&client, "POST", "/sign-up/email", Some(body)).await;
    assert_eq!(
        get(&signed_up, "user.email").as_string(),
        Some(email.clone())
    );
    // The sign-up's store effect: the store reads the new session once.
    until(|| get(&client.state(), "data").is_object()).await;
    assert_eq!(
        get(&client.state(), "data.user.email").as_string(),
        Some(email.clone())
    );
    let data = get(&client.state(), "data");
    client.refetch(None);
    until(|| !get(&client.state(), "isRefetching").as_bool().unwrap()).await;
    assert!(
        Reflect::get(&client.state(), &"data".into()).unwrap() == data,
        "an equal read keeps the same data object"
    );

    let sessions = ok(&client, "GET", "/list-sessions", None).await;
    let first = js_sys::Array::from(&sessions).get(0);
    assert_eq!(get(&first, "current").as_bool(), Some(true));

    let session = ok(&client, "GET", "/get-session?disableRefresh=true", None).await;
    assert_eq!(get(&session, "user.email").as_string(), Some(email));

    client.refetch(Some(true));
    until(|| !get(&client.state(), "isRefetching").as_bool().unwrap()).await;
    assert_eq!(
        last_url("/api/auth/get-session").await,
        "/api/auth/get-session?disableCookieCache=true"
    );
    assert!(
        get(&client.state(), "data") == data,
        "still the same session"
    );

    let seen = changes.get();
    let signed_out = ok(&client, "POST", "/sign-out", None).await;
    assert_eq!(get(&signed_out, "success").as_bool(), Some(true));
    // Signed out the moment the server answered, with no read.
    assert!(get(&client.state(), "data").is_null());
    assert!(changes.get() > seen);
    client.unlisten(id);
}

#[wasm_bindgen_test]
async fn errors_reject_with_error_objects_with_status_and_code() {
    let client = client(SERVER_URL);
    let body = format!(
        r#"{{"email":"{}","password":"whatever-password"}}"#,
        unique_email("nobody")
    );
    let err = failed(&client, "POST", "/sign-in/email", Some(body)).await;
    assert_eq!(get(&err, "status").as_f64(), Some(401.0));
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_EMAIL_OR_PASSWORD")
    );
    assert_eq!(
        get(&err, "statusText").as_string().as_deref(),
        Some("Unauthorized")
    );
    let err = failed(&client, "TRACE", "/sign-out", None).await;
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_METHOD")
    );

    let bad = client_with_bad_url();
    let err = failed(&bad, "GET", "/get-session", None).await;
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("INVALID_BASE_URL")
    );
    // The store says so too, instead of staying pending.
    let state = bad.state();
    assert_eq!(get(&state, "isPending").as_bool(), Some(false));
    assert_eq!(
        get(&state, "error.code").as_string().as_deref(),
        Some("INVALID_BASE_URL")
    );
    assert!(get(&state, "lastResultAt").is_null());
    assert!(get(&state, "lastFetchReason").is_null());
    assert_eq!(bad.listen(js_sys::Function::new_no_args("")), 0.0);
}

fn client_with_bad_url() -> JsAuthClient {
    client("nope")
}

#[wasm_bindgen_test]
async fn a_listener_that_throws_stops_none_of_the_stores_work() {
    // Polling every second: after each read the store publishes, then arms its timer.
    let d = f64::NAN;
    let store = JsValue::from(create_auth_client(
        SERVER_URL,
        d,
        d,
        d,
        d,
        1.0,
        d,
        d,
        d,
        d,
        d,
        JsValue::UNDEFINED,
    ));
    let client = JsAuthClient {
        shell: start_shell(&store),
        store,
    };
    // Signed in: the store polls only a session.
    let email = unique_email("throwing-listener");
    let body = format!(r#"{{"email":"{email}","password":"{PASSWORD}","name":"Js User"}}"#);
    ok(&client, "POST", "/sign-up/email", Some(body)).await;
    client.listen(Function::new_no_args(
        "throw new Error('a listener failed')",
    ));
    until(|| get(&client.state(), "data").is_object()).await;
    until(|| !get(&client.state(), "isRefetching").as_bool().unwrap()).await;
    let first = get(&client.state(), "lastResultAt");
    // The timer armed after the throwing publish still fires: the store reads again.
    for _ in 0..40 {
        if get(&client.state(), "lastResultAt") != first {
            client.call("close", &[]);
            return;
        }
        gloo_timers::future::TimeoutFuture::new(100).await;
    }
    panic!("no poll within 4 s after a listener threw");
}
