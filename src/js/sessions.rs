//! Session management and the multi-session plugin for JS: `listSessions`,
//! `revokeSession`, `revokeOtherSessions`, `revokeSessions` (`signOutAll`),
//! `refreshSession` and `multiSession*`.

use super::client::{get, JsAuthClient};
use super::{dates, result, session_store};
use crate::error::{AuthError, ErrorCode};
use crate::json::JsonView;
use crate::model::{Session, SessionData};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

fn bad_argument(message: &'static str) -> AuthError {
    let mut err = AuthError::local(ErrorCode::Other("INVALID_ARGUMENT".into()));
    err.message = message.into();
    err
}

fn status_true() -> JsValue {
    let data = js_sys::Object::new();
    result::set(&data, "status", &JsValue::TRUE);
    data.into()
}

fn string_arg(arg: &JsValue, key: &str) -> Option<String> {
    get(arg, key).as_string()
}

#[wasm_bindgen(js_class = AuthClient)]
impl JsAuthClient {
    /// `{data: Session[] , error}`: the user's active sessions, each with `current: true`
    /// for this client's own. 403 `SESSION_NOT_FRESH` when the session is older than the
    /// server's `freshAge`: ask the user to sign in again.
    #[wasm_bindgen(js_name = listSessions)]
    pub fn list_sessions(&self) -> Promise {
        self.call(|client| async move {
            let response = client.get("/list-sessions").await?;
            let items = response.body.items().unwrap_or_default();
            // Checks the shape (a wrong one is INVALID_RESPONSE) before touching it.
            response.decode::<Vec<Session>>()?;
            let current = client.current_token().await?;
            for item in &items {
                let token = item.field("token").and_then(|t| t.string());
                let is_current = token.is_some() && token == current;
                let _ = js_sys::Reflect::set(item, &"current".into(), &is_current.into());
                dates::revive_session(item);
            }
            Ok(response.body)
        })
    }

    /// `{data: {status: true}, error}`: revokes the session given as `{token}` or `{id}`.
    /// Revoking this device's own session signs this client out at once.
    #[wasm_bindgen(js_name = revokeSession)]
    pub fn revoke_session(&self, arg: JsValue) -> Promise {
        let token = string_arg(&arg, "token");
        let id = string_arg(&arg, "id");
        self.call(|client| async move {
            match (token, id) {
                (Some(token), _) => client.revoke_session(&token).await?,
                (None, Some(id)) => client.revoke_session_by_id(&id).await?,
                (None, None) => {
                    return Err(bad_argument(
                        "revokeSession needs {token} or {id} of a session from listSessions().",
                    ))
                }
            }
            Ok(status_true())
        })
    }

    /// `{data: {status: true}, error}`: revokes every session but this one.
    #[wasm_bindgen(js_name = revokeOtherSessions)]
    pub fn revoke_other_sessions(&self) -> Promise {
        self.call(|client| async move {
            client.revoke_other_sessions().await?;
            Ok(status_true())
        })
    }

    /// `{data: {status: true}, error}`: revokes every session: signed out everywhere.
    #[wasm_bindgen(js_name = revokeSessions)]
    pub fn revoke_sessions(&self) -> Promise {
        self.call(|client| async move {
            client.revoke_sessions().await?;
            Ok(status_true())
        })
    }

    /// The same as `revokeSessions`.
    #[wasm_bindgen(js_name = signOutAll)]
    pub fn sign_out_all(&self) -> Promise {
        self.revoke_sessions()
    }

    /// `{data: {session, user} | null, error}`: reads the session again past the
    /// server's cookie cache and updates the store.
    #[wasm_bindgen(js_name = refreshSession)]
    pub fn refresh_session(&self) -> Promise {
        self.call(|client| async move {
            client.refresh_session().await?;
            let snapshot = session_store::snapshot(client.inner());
            Ok(get(&snapshot, "data"))
        })
    }

    /// `{data: [{session, user}], error}`: the accounts signed in on this device.
    #[wasm_bindgen(js_name = multiSessionListDeviceSessions)]
    pub fn multi_session_list_device_sessions(&self) -> Promise {
        self.call(|client| async move {
            let response = client.get("/multi-session/list-device-sessions").await?;
            response.decode::<Vec<SessionData>>()?;
            for item in response.body.items().unwrap_or_default() {
                dates::revive_session_data(&item);
            }
            Ok(response.body)
        })
    }

    /// `{data: {session, user}, error}`: makes `{sessionToken}` the active session.
    #[wasm_bindgen(js_name = multiSessionSetActive)]
    pub fn multi_session_set_active(&self, arg: JsValue) -> Promise {
        let token = string_arg(&arg, "sessionToken");
        self.call(|client| async move {
            let token = token.ok_or_else(|| bad_argument("setActive needs {sessionToken}."))?;
            client.set_active_session(&token).await?;
            let snapshot = session_store::snapshot(client.inner());
            Ok(get(&snapshot, "data"))
        })
    }

    /// `{data: {status: true}, error}`: revokes the device session `{sessionToken}`.
    #[wasm_bindgen(js_name = multiSessionRevoke)]
    pub fn multi_session_revoke(&self, arg: JsValue) -> Promise {
        let token = string_arg(&arg, "sessionToken");
        self.call(|client| async move {
            let token = token.ok_or_else(|| bad_argument("revoke needs {sessionToken}."))?;
            client.revoke_device_session(&token).await?;
            Ok(status_true())
        })
    }
}
