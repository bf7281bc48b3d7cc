//! `createAuthClient` and the exported `AuthClient` class.

use super::session_store::SessionStore;
use super::{dates, result};
use crate::client::AuthClient;
use crate::error::AuthError;
use crate::model::{SessionData, SignInResponse, SignOutResponse, SignUpResponse};
use crate::options::SessionOptions;
use crate::requests::GetSessionQuery;
use crate::store::Event;
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// The session client as JS sees it. A bad base URL does not throw: every call then
/// resolves to `{data: null, error: {code: "INVALID_BASE_URL", ...}}`.
#[wasm_bindgen(js_name = AuthClient)]
pub struct JsAuthClient {
    inner: Result<AuthClient, AuthError>,
}

pub(crate) fn get(target: &JsValue, key: &str) -> JsValue {
    if !target.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads `sessionOptions` (better-auth's names where it has them; `refetchInterval` in
/// seconds, as there) over the defaults.
fn session_options(options: &JsValue) -> SessionOptions {
    let js = get(options, "sessionOptions");
    let mut out = SessionOptions::default();
    let flag = |key: &str, into: &mut bool| {
        if let Some(value) = get(&js, key).as_bool() {
            *into = value;
        }
    };
    flag("refetchOnWindowFocus", &mut out.refetch_on_window_focus);
    flag("refetchOnReconnect", &mut out.refetch_on_reconnect);
    flag("refetchWhenOffline", &mut out.refetch_when_offline);
    flag("crossTabSync", &mut out.cross_tab_sync);
    let number = |key: &str| {
        get(&js, key)
            .as_f64()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    if let Some(seconds) = number("refetchInterval") {
        out.refetch_interval_ms = (seconds > 0.0).then_some((seconds * 1_000.0) as u32);
    }
    if let Some(ms) = number("focusThrottleMs") {
        out.focus_throttle_ms = ms as u32;
    }
    if let Some(ms) = number("dedupeWindowMs") {
        out.dedupe_window_ms = ms as u32;
    }
    if let Some(ms) = number("timeoutMs") {
        out.request_timeout_ms = ms as u32;
    }
    if let Some(attempts) = number("retryAttempts") {
        out.retry.max_attempts = (attempts as u32).max(1);
    }
    out
}

/// Creates a client from `{baseURL, sessionOptions?}`, like better-auth's
/// `createAuthClient`. `sessionOptions`: `refetchOnWindowFocus`, `refetchOnReconnect`,
/// `refetchWhenOffline`, `refetchInterval` (seconds), `crossTabSync`,
/// `focusThrottleMs`, `dedupeWindowMs`, `timeoutMs`, `retryAttempts`.
#[wasm_bindgen(js_name = createAuthClient)]
pub fn create_auth_client(options: &JsValue) -> JsAuthClient {
    let base_url = get(options, "baseURL").as_string().unwrap_or_default();
    JsAuthClient {
        inner: AuthClient::with_options(&base_url, session_options(options)),
    }
}

/// The JSON text of a JS request body; a missing body is `{}`.
pub(crate) fn body_json(body: &JsValue) -> Option<String> {
    if body.is_undefined() || body.is_null() {
        return None;
    }
    js_sys::JSON::stringify(body)
        .ok()
        .and_then(|text| text.as_string())
}

#[wasm_bindgen(js_class = AuthClient)]
impl JsAuthClient {
    /// The checked base URL of the auth API, or `undefined` when it was invalid.
    #[wasm_bindgen(getter, js_name = baseURL)]
    pub fn base_url(&self) -> Option<String> {
        self.inner.as_ref().ok().map(|c| c.base_url().to_owned())
    }

    /// The reactive session store, or `undefined` when the base URL was invalid.
    #[wasm_bindgen(getter, js_name = useSession)]
    pub fn use_session(&self) -> Option<SessionStore> {
        let client = self.inner.as_ref().ok()?;
        Some(SessionStore::new(client.inner().clone()))
    }

    pub(crate) fn call<F, Fut>(&self, run: F) -> Promise
    where
        F: FnOnce(AuthClient) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<JsValue, AuthError>> + 'static,
    {
        let client = self.inner.clone();
        future_to_promise(async move {
            Ok(result::from(match client {
                Ok(client) => run(client).await,
                Err(err) => Err(err),
            }))
        })
    }

    /// `{data: {session, user} | null, error}`: a one-off read of the session (it does
    /// not update the store; `useSession.refetch()` does). Options:
    /// `{query: {disableCookieCache?, disableRefresh?}}`; a flag is sent only when true.
    #[wasm_bindgen(js_name = getSession)]
    pub fn get_session(&self, options: JsValue) -> Promise {
        let query = get(&options, "query");
        let query = GetSessionQuery {
            disable_cookie_cache: get(&query, "disableCookieCache").is_truthy(),
            disable_refresh: get(&query, "disableRefresh").is_truthy(),
        };
        self.call(move |client| async move {
            let response = client.get(query.path()).await?;
            response.decode::<Option<SessionData>>()?;
            dates::revive_session_data(&response.body);
            Ok(response.body)
        })
    }

    /// `{data: {token, user}, error}`: creates an account with
    /// `{email, password, name, image?, rememberMe?, callbackURL?, ...additionalFields}`.
    #[wasm_bindgen(js_name = signUpEmail)]
    pub fn sign_up_email(&self, body: JsValue) -> Promise {
        let json = body_json(&body);
        self.call(|client| async move {
            let response = client.post("/sign-up/email", json).await?;
            let signed_up = response.decode::<SignUpResponse>()?;
            if signed_up.token.is_some() {
                client.notify(Event::SignedIn);
            }
            dates::revive_user_of(&response.body);
            Ok(response.body)
        })
    }

    /// `{data: {redirect, token, url, user}, error}`: signs in with
    /// `{email, password, rememberMe?, callbackURL?}`.
    #[wasm_bindgen(js_name = signInEmail)]
    pub fn sign_in_email(&self, body: JsValue) -> Promise {
        let json = body_json(&body);
        self.call(|client| async move {
            let response = client.post("/sign-in/email", json).await?;
            response.decode::<SignInResponse>()?;
            client.notify(Event::SignedIn);
            dates::revive_user_of(&response.body);
            Ok(response.body)
        })
    }

    /// `{data: {success}, error}`: signs out; the store is signed out at once.
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self) -> Promise {
        self.call(|client| async move {
            let response = client.post("/sign-out", None).await?;
            response.decode::<SignOutResponse>()?;
            client.notify(Event::SignedOut);
            Ok(response.body)
        })
    }
}
