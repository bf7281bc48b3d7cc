//! `createAuthClient` and what only the npm face's [`Store`] does beyond the shell's
//! methods (`store.rs`): one generic `request` reaching every endpoint through
//! `better_auth_wasm::internals::Call`, the state as a plain object, and hydrate from a JS value.
//! Its store is the shell's [`Core`] over [`JsSession`]s, carried out by `shell.js` like
//! every face's.

use crate::error::error_object;
use crate::options;
use crate::session::JsSession;
use crate::store::Store;
use better_auth_wasm::internals::Call;
use better_auth_wasm::internals::Core;
use better_auth_wasm::internals::{Method, Transport};
use better_auth_wasm::BaseUrl;
use better_auth_wasm::SessionOptions;
use better_auth_wasm::{AuthError, ErrorCode};
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/face.js")]
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

/// The npm face's store.
pub(crate) type NpmCore = Core<JsSession>;

/// Creates a client for the auth API at `base_url` (absolute; the wrapper resolves
/// relative ones against the page): its store, which the wrapper hands to `shell.js`
/// (every face's shell) to carry out. Then the ten session options
/// in the order of `crate::options::option` (flags as 1 or 0,
/// `refetch_interval_secs` in seconds, the others as named), `NaN` for a default: ten
/// numbers, which wasm-bindgen passes as they are, where an array would cost its glue a
/// copy helper. `fetch`: the function every request calls (the store's reads
/// included), `undefined` for the global `fetch`.
#[wasm_bindgen(js_name = createAuthClient)]
#[allow(clippy::too_many_arguments)]
pub fn create_auth_client(
    base_url: &str,
    refetch_on_window_focus: f64,
    refetch_on_reconnect: f64,
    refetch_when_offline: f64,
    cross_tab_sync: f64,
    refetch_interval_secs: f64,
    focus_throttle_ms: f64,
    dedupe_window_ms: f64,
    timeout_ms: f64,
    retry_attempts: f64,
    hydration_max_age_ms: f64,
    fetch: JsValue,
) -> Store {
    let options: SessionOptions = options::from_numbers(&[
        refetch_on_window_focus,
        refetch_on_reconnect,
        refetch_when_offline,
        cross_tab_sync,
        refetch_interval_secs,
        focus_throttle_ms,
        dedupe_window_ms,
        timeout_ms,
        retry_attempts,
        hydration_max_age_ms,
    ]);
    let core = BaseUrl::parse(base_url)
        .map(|base| Rc::new(Core::new(Transport::new(base).with_fetch(fetch), options)));
    Store(core)
}

fn bad_method() -> AuthError {
    let mut err = AuthError::local(ErrorCode::Other("INVALID_METHOD".into()));
    err.message = "The method must be GET, POST, PUT, PATCH or DELETE.".into();
    err
}

#[wasm_bindgen]
impl Store {
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
        match (self.0.clone(), method) {
            (Ok(core), Ok(method)) => {
                crate::call::run(Call::new(method, &path, body, !disable_signal), core, call)
            }
            (Err(err), _) | (_, Err(err)) => Promise::reject(&error_object(&err)),
        }
    }

    /// Gives the store a session read elsewhere (`{session, user}` or `null`, dates as
    /// ISO strings), taken only while it has no result; true when taken.
    pub fn hydrate(&self, json: JsValue) -> bool {
        match (&self.0, JsSession::from_json(&json)) {
            (Ok(core), Some(session)) => core.hydrate(session),
            _ => false,
        }
    }

    /// Whether the last read found the session gone (`SessionState::session_ended`):
    /// a refresh that ends so is signed out, not failed.
    #[wasm_bindgen(js_name = sessionEnded)]
    pub fn session_ended(&self) -> bool {
        self.0
            .as_ref()
            .ok()
            .and_then(|core| core.with_state(|s| s.session_ended()))
            == Some(true)
    }

    /// The store's state: `{data, error, isPending, isRefetching, lastResultAt,
    /// lastFetchReason}`, `data` being the server's JSON (the same object until the
    /// session changes) and `lastResultAt` milliseconds since the epoch.
    pub fn state(&self) -> JsValue {
        let core = match &self.0 {
            Ok(core) => core,
            Err(err) => {
                return state_object(&JsValue::NULL, &error_object(err), false, false, None, None)
            }
        };
        core.with_state(|state| {
            state_object(
                &state
                    .data
                    .as_ref()
                    .map_or(JsValue::NULL, |d| d.json.clone()),
                &state.error.as_ref().map_or(JsValue::NULL, error_object),
                state.is_pending,
                state.is_refetching,
                state.last_result_at.map(|at| at.as_millis() as f64),
                state.last_fetch_reason.map(|r| r.as_str()),
            )
        })
        .unwrap_or(JsValue::NULL)
    }
}
