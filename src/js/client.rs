//! `createAuthClient` and the exported `AuthClient` class: one generic request, and the
//! session store's state, listeners and refresh.

use super::error::error_object;
use super::options;
use crate::base_url::BaseUrl;
use crate::client::AuthClient;
use crate::endpoint::Call;
use crate::error::{AuthError, ErrorCode};
use crate::transport::{Method, Transport};
use crate::SessionListener;
use js_sys::Promise;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

/// The session client as the npm wrapper sees it. A bad base URL does not throw: every
/// request then rejects with `{code: "INVALID_BASE_URL", ...}` and the store shows it.
#[wasm_bindgen(js_name = AuthClient)]
pub struct JsAuthClient {
    client: Result<AuthClient, AuthError>,
    listeners: RefCell<Vec<(u32, SessionListener)>>,
    next_listener: Cell<u32>,
}

#[wasm_bindgen(module = "/src/js/objects.js")]
extern "C" {
    #[wasm_bindgen(js_name = stateObject)]
    fn state_object(
        data: &JsValue,
        error: &JsValue,
        is_pending: bool,
        is_refetching: bool,
        last_result_at: Option<f64>,
        last_fetch_reason: Option<&str>,
    ) -> JsValue;
}

/// Creates a client for the auth API at `base_url` (absolute; the wrapper resolves
/// relative ones against the page). `options`: numbers by position (see
/// `OPTION_KEYS` in the wrapper), `NaN` for a default. `fetch`: the function every
/// request calls (the store's reads included), `undefined` for the global `fetch`.
#[wasm_bindgen(js_name = createAuthClient)]
pub fn create_auth_client(base_url: &str, options: &[f64], fetch: JsValue) -> JsAuthClient {
    let transport = BaseUrl::parse(base_url).map(|base| Transport::new(base).with_fetch(fetch));
    JsAuthClient {
        client: transport
            .map(|transport| AuthClient::with_transport(transport, options::from_numbers(options))),
        listeners: RefCell::new(Vec::new()),
        next_listener: Cell::new(0),
    }
}

fn bad_method() -> AuthError {
    let mut err = AuthError::local(ErrorCode::Other("INVALID_METHOD".into()));
    err.message = "The method must be GET, POST, PUT, PATCH or DELETE.".into();
    err
}

#[wasm_bindgen(js_class = AuthClient)]
impl JsAuthClient {
    /// The checked base URL of the auth API, or `undefined` when it was invalid.
    #[wasm_bindgen(getter, js_name = baseURL)]
    pub fn base_url(&self) -> Option<String> {
        self.client.as_ref().ok().map(|c| c.base_url().to_owned())
    }

    /// Sends `method` (`"GET"`, `"POST"`, `"PUT"`, `"PATCH"` or `"DELETE"`) to `path`
    /// (below the base URL, with its query string) with `body` (JSON text). Resolves
    /// with the answer's parsed JSON; rejects with `{status, statusText, code, message,
    /// retryAfter?}`. What the path does to the session store happens before it
    /// resolves, unless `disable_signal`. `call`: the caller's own `{headers, fetch}`
    /// for this request, or `undefined`.
    pub fn request(
        &self,
        method: &str,
        path: String,
        body: Option<String>,
        call: JsValue,
        disable_signal: bool,
    ) -> Promise {
        let method = Method::from_name(method).ok_or_else(bad_method);
        match (self.client.clone(), method) {
            (Ok(client), Ok(method)) => super::call::run(Call::new(
                client,
                method,
                &path,
                body,
                call,
                !disable_signal,
            )),
            (Err(err), _) | (_, Err(err)) => Promise::reject(&error_object(&err)),
        }
    }

    /// Gives the store a session read elsewhere (`{session, user}` or `null`, dates as
    /// ISO strings), taken only while it has no result; true when taken.
    pub fn hydrate(&self, json: JsValue) -> bool {
        self.client
            .as_ref()
            .is_ok_and(|client| client.hydrate_session(&json) == Ok(true))
    }

    /// Reads the session again now, aborting an older read.
    /// Past the server's cookie cache when `bypass_cache` is true (the wrapper's
    /// `refreshSession` then waits for the store to settle).
    pub fn refetch(&self, bypass_cache: Option<bool>) {
        if let Ok(client) = &self.client {
            client.refetch_with(bypass_cache.unwrap_or(false));
        }
    }

    /// The store's state: `{data, error, isPending, isRefetching, lastResultAt,
    /// lastFetchReason}`, `data` being the server's JSON (the same object until the
    /// session changes) and `lastResultAt` milliseconds since the epoch.
    pub fn state(&self) -> JsValue {
        let Ok(client) = &self.client else {
            let error = self
                .client
                .as_ref()
                .err()
                .map_or(JsValue::NULL, error_object);
            return state_object(&JsValue::NULL, &error, false, false, None, None);
        };
        let data = client.session_json().unwrap_or(JsValue::NULL);
        // Read in place: the JS face needs the flags and the error, and has the
        // session's JSON already; copying the typed session per call is waste.
        client
            .with_session_state(|state| {
                state_object(
                    &data,
                    &state.error.as_ref().map_or(JsValue::NULL, error_object),
                    state.is_pending,
                    state.is_refetching,
                    state.last_result_at.map(|at| at.as_millis() as f64),
                    state.last_fetch_reason.map(|r| r.as_str()),
                )
            })
            .unwrap_or(JsValue::NULL)
    }

    /// Calls `callback` (no arguments) after every change of the store, and counts as
    /// a subscriber (the first one loads the session), until `unlisten` with the
    /// returned id. Returns 0, and never calls, when the base URL was invalid.
    pub fn listen(&self, callback: js_sys::Function) -> u32 {
        let Ok(client) = &self.client else {
            return 0;
        };
        let id = self.next_listener.get() + 1;
        self.next_listener.set(id);
        let listener = client.listen(move || {
            let _ = callback.call0(&JsValue::NULL);
        });
        self.listeners.borrow_mut().push((id, listener));
        id
    }

    /// Removes the listener `listen` returned this id for.
    pub fn unlisten(&self, id: u32) {
        let removed = {
            let mut listeners = self.listeners.borrow_mut();
            let at = listeners.iter().position(|(l, _)| *l == id);
            at.map(|at| listeners.remove(at))
        };
        // Dropped after the borrow ends: dropping a listener may run store events.
        drop(removed);
    }
}
