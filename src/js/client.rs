//! `createAuthClient` and the exported `AuthClient` class.

use super::{dates, result};
use crate::client::AuthClient;
use crate::error::AuthError;
use crate::model::{SessionData, SignInResponse, SignOutResponse, SignUpResponse};
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// The session client as JS sees it. A bad base URL does not throw: every call then
/// resolves to `{data: null, error: {code: "INVALID_BASE_URL", ...}}`.
#[wasm_bindgen(js_name = AuthClient)]
pub struct JsAuthClient {
    inner: Result<AuthClient, AuthError>,
}

/// Creates a client from `{baseURL}`, like better-auth's `createAuthClient`.
#[wasm_bindgen(js_name = createAuthClient)]
pub fn create_auth_client(options: &JsValue) -> JsAuthClient {
    let base_url = Reflect::get(options, &JsValue::from_str("baseURL"))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default();
    JsAuthClient {
        inner: AuthClient::new(&base_url),
    }
}

/// The JSON text of a JS request body; a missing body is `{}`.
fn body_json(body: &JsValue) -> Option<String> {
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

    fn call<F, Fut>(&self, run: F) -> Promise
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

    /// `{data: {session, user} | null, error}`: the current session.
    #[wasm_bindgen(js_name = getSession)]
    pub fn get_session(&self) -> Promise {
        self.call(|client| async move {
            let response = client.get_session_response().await?;
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
            response.decode::<SignUpResponse>()?;
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
            dates::revive_user_of(&response.body);
            Ok(response.body)
        })
    }

    /// `{data: {success}, error}`: signs out.
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self) -> Promise {
        self.call(|client| async move {
            let response = client.post("/sign-out", None).await?;
            response.decode::<SignOutResponse>()?;
            Ok(response.body)
        })
    }
}
