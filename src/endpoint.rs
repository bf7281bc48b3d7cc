//! [`AuthClient::send`]: the one path every call to the server takes, typed (the Rust
//! methods), generic ([`AuthClient::call`] for Rust, the JS face's `request` behind the
//! npm package's path proxy).
//!
//! It owns what a path means beyond the HTTP call, written once for both faces:
//! - what a success does to the session store: the official client's list of paths
//!   (`matchesSessionSignal`), where sign-out, and revoking this device's own session,
//!   sign out at once instead of re-reading;
//! - this crate's additions: `revoke-session` by `{id}` (looked up in `list-sessions`)
//!   and `list-sessions` items marked `current` for this client's own session.

use crate::client::AuthClient;
use crate::error::{AuthError, ErrorCode};
use crate::json::{JsonView, JsonWriter};
use crate::store::Event;
use crate::transport::{JsonResponse, Method};

/// What a successful call to a path does to the session store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effect {
    /// Nothing (reads, and paths the store does not know).
    None,
    /// A session began: read it once, tell other tabs.
    SignedIn,
    /// A sign-in or sign-up: a session began when the answer carries a `token` (none
    /// when the server waits for email verification or a second factor).
    SignedInIfToken,
    /// This device's session ended: clear the data now, tell other tabs.
    SignedOut,
    /// The session or user changed: read it again past the cookie cache.
    Changed,
    /// A session was revoked by the token in this body field: signed out when it is
    /// this device's, else changed.
    Revoked(&'static str),
    /// A device session (multi-session) was revoked by the token in this body field:
    /// when it was the active one, signed out now and the server's next one read.
    DeviceRevoked(&'static str),
}

/// A path without its query string: what the rules below match.
fn route(path: &str) -> &str {
    path.split('?').next().unwrap_or_default()
}

impl Effect {
    fn of(path: &str) -> Self {
        let path = route(path);
        match path {
            "/sign-out" | "/revoke-sessions" => Self::SignedOut,
            "/revoke-session" => Self::Revoked("token"),
            "/multi-session/revoke" => Self::DeviceRevoked("sessionToken"),
            "/multi-session/set-active" => Self::SignedIn,
            "/update-user"
            | "/update-session"
            | "/delete-user"
            | "/verify-email"
            | "/revoke-other-sessions"
            | "/change-email"
            | "/change-password" => Self::Changed,
            _ if path.starts_with("/sign-in/") || path.starts_with("/sign-up/") => {
                Self::SignedInIfToken
            }
            _ => Self::None,
        }
    }
}

/// The field `key` of a parsed JSON body, if it is a string.
fn body_field(body: Option<&wasm_bindgen::JsValue>, key: &str) -> Option<String> {
    body?.field(key)?.string()
}

fn session_not_found() -> AuthError {
    let mut err = AuthError::local(ErrorCode::Other("SESSION_NOT_FOUND".into()));
    err.message = "No active session of this user has this id. List the sessions again.".into();
    err
}

impl AuthClient {
    /// Any endpoint of the server, plugins' included, as the official client's path
    /// proxy reaches them: `path` under the base URL with its query string, if any
    /// (`"/organization/list"`, `"/get-session?disableCookieCache=true"`), and for POST
    /// a JSON body (text). Returns the answer's JSON. What the path means for the
    /// session store happens as with the typed methods: after `/update-user` the store
    /// reads the session again, after `/sign-out` it is signed out at once, and so on.
    /// A body that is not JSON is `INVALID_BODY`, and nothing is sent.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
    ) -> Result<crate::model::Value, AuthError> {
        crate::transport::in_browser()?;
        if let Some(text) = body {
            if js_sys::JSON::parse(text).is_err() {
                let mut err = AuthError::local(ErrorCode::Other("INVALID_BODY".into()));
                err.message = "The request body is not JSON; nothing was sent.".into();
                return Err(err);
            }
        }
        let response = self.send(method, path, body.map(String::from)).await?;
        Ok(response.body.to_value())
    }

    /// Sends one call (a JSON body, already serialized, for POST), then does what its
    /// path means for the session store. Returns the 2xx answer's parsed JSON.
    pub(crate) async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<JsonResponse, AuthError> {
        self.send_with(method, path, body, &wasm_bindgen::JsValue::UNDEFINED, true)
            .await
    }

    /// [`AuthClient::send`] with the caller's own `{headers, fetch}` for this request
    /// (the JS face's `fetchOptions`; the reads it makes on the way do not use them),
    /// and without the store effect when `signal` is false (`disableSignal`).
    pub(crate) async fn send_with(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        call: &wasm_bindgen::JsValue,
        signal: bool,
    ) -> Result<JsonResponse, AuthError> {
        crate::transport::in_browser()?;
        let mut body = body;
        let effect = if signal {
            Effect::of(path)
        } else {
            Effect::None
        };
        let reads_body = matches!(effect, Effect::Revoked(_) | Effect::DeviceRevoked(_));
        let parsed = body
            .as_deref()
            .filter(|_| reads_body)
            .and_then(|text| js_sys::JSON::parse(text).ok());
        let mut token = match effect {
            Effect::Revoked(key) | Effect::DeviceRevoked(key) => body_field(parsed.as_ref(), key),
            _ => None,
        };
        if effect == Effect::Revoked("token") && token.is_none() {
            if let Some(id) = body_field(parsed.as_ref(), "id") {
                let found = self.token_of_session(&id).await?;
                body = Some(JsonWriter::new().string("token", &found).finish());
                token = Some(found);
            }
        }
        let own = token.is_some() && self.current_token().await? == token;
        // Better Auth answers 415 to a POST without a JSON body.
        if method == Method::Post && body.is_none() {
            body = Some("{}".into());
        }
        let response = self.request(method, path, body, call).await?;
        match effect {
            Effect::None => {}
            Effect::SignedIn => self.notify(Event::SignedIn),
            Effect::SignedInIfToken => {
                if response
                    .body
                    .field("token")
                    .and_then(|t| t.string())
                    .is_some()
                {
                    self.notify(Event::SignedIn);
                }
            }
            Effect::SignedOut => self.notify(Event::SignedOut),
            Effect::Changed => self.notify(Event::SessionChanged),
            Effect::Revoked(_) => self.notify(if own {
                Event::SignedOut
            } else {
                Event::SessionChanged
            }),
            Effect::DeviceRevoked(_) => {
                if own {
                    self.notify(Event::SignedOut);
                    self.notify(Event::SignedIn);
                } else {
                    self.notify(Event::SessionChanged);
                }
            }
        }
        if route(path) == "/list-sessions" {
            self.mark_current(&response.body).await?;
        }
        Ok(response)
    }

    /// Sets `current` on each session of a `list-sessions` answer.
    async fn mark_current(&self, sessions: &wasm_bindgen::JsValue) -> Result<(), AuthError> {
        let Some(items) = sessions.items() else {
            return Ok(());
        };
        let current = self.current_token().await?;
        for item in items {
            let token = item.field("token").and_then(|t| t.string());
            let is_current = token.is_some() && token == current;
            let _ = js_sys::Reflect::set(&item, &"current".into(), &is_current.into());
        }
        Ok(())
    }

    /// The token of this user's active session with this id.
    async fn token_of_session(&self, id: &str) -> Result<String, AuthError> {
        let sessions = self
            .request(
                Method::Get,
                "/list-sessions",
                None,
                &wasm_bindgen::JsValue::UNDEFINED,
            )
            .await?;
        sessions
            .body
            .items()
            .unwrap_or_default()
            .into_iter()
            .find(|s| s.field("id").and_then(|v| v.string()).as_deref() == Some(id))
            .and_then(|s| s.field("token")?.string())
            .ok_or_else(session_not_found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_the_official_matcher_and_our_sign_out_rules() {
        assert_eq!(Effect::of("/sign-out"), Effect::SignedOut);
        assert_eq!(Effect::of("/revoke-sessions"), Effect::SignedOut);
        assert_eq!(Effect::of("/revoke-session"), Effect::Revoked("token"));
        assert_eq!(Effect::of("/sign-in/email"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/sign-up/email"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/sign-in/username"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/multi-session/set-active"), Effect::SignedIn);
        for changed in [
            "/update-user",
            "/update-session",
            "/delete-user",
            "/verify-email",
            "/revoke-other-sessions",
            "/change-email",
            "/change-password",
        ] {
            assert_eq!(Effect::of(changed), Effect::Changed, "{changed}");
        }
        assert_eq!(Effect::of("/get-session?disableRefresh=true"), Effect::None);
        assert_eq!(Effect::of("/list-sessions"), Effect::None);
        assert_eq!(Effect::of("/sign-in"), Effect::None);
    }

    #[test]
    fn rules_match_the_path_without_its_query() {
        assert_eq!(route("/list-sessions?limit=5"), "/list-sessions");
        assert_eq!(route("/revoke-session"), "/revoke-session");
        assert_eq!(Effect::of("/revoke-session?x=1"), Effect::Revoked("token"));
    }
}
