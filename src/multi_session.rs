//! The multi-session plugin on [`AuthClient`] (server plugin `multiSession()`): the
//! accounts signed in on this device, switching between them, and revoking one.

use crate::client::AuthClient;
use crate::error::AuthError;
use crate::json::JsonWriter;
use crate::model::SessionData;
use crate::transport::Method;

fn token_body(session_token: &str) -> String {
    JsonWriter::new()
        .string("sessionToken", session_token)
        .finish()
}

impl AuthClient {
    /// Every account signed in on this device, with its session.
    pub async fn list_device_sessions(&self) -> Result<Vec<SessionData>, AuthError> {
        self.send(Method::Get, "/multi-session/list-device-sessions", None)
            .await?
            .decode()
    }

    /// Makes the device session with this token the active one; the store and other
    /// tabs switch to it. Returns the newly active session.
    pub async fn set_active_session(&self, session_token: &str) -> Result<SessionData, AuthError> {
        let body = token_body(session_token);
        self.send(Method::Post, "/multi-session/set-active", Some(body))
            .await?
            .decode()
    }

    /// Revokes the device session with this token. When it is the active one, the store
    /// is signed out at once, then reads whichever session the server made active.
    pub async fn revoke_device_session(&self, session_token: &str) -> Result<(), AuthError> {
        let body = token_body(session_token);
        self.post_for_status("/multi-session/revoke", Some(body))
            .await
    }
}
