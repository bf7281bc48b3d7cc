//! The multi-session plugin on [`AuthClient`] (server plugin `multiSession()`): the
//! accounts signed in on this device, switching between them, and revoking one.

use crate::client::AuthClient;
use crate::decode::StatusResponse;
use crate::error::AuthError;
use crate::json::JsonWriter;
use crate::model::SessionData;
use crate::store::Event;

impl AuthClient {
    /// Every account signed in on this device, with its session.
    pub async fn list_device_sessions(&self) -> Result<Vec<SessionData>, AuthError> {
        self.get("/multi-session/list-device-sessions")
            .await?
            .decode()
    }

    /// Makes the device session with this token the active one; the store and other
    /// tabs switch to it.
    pub async fn set_active_session(&self, session_token: &str) -> Result<SessionData, AuthError> {
        let body = JsonWriter::new()
            .string("sessionToken", session_token)
            .finish();
        let active = self
            .post("/multi-session/set-active", Some(body))
            .await?
            .decode()?;
        self.notify(Event::SignedIn);
        Ok(active)
    }

    /// Revokes the device session with this token. When it is the active one, the store
    /// is signed out at once, then reads whichever session the server made active.
    pub async fn revoke_device_session(&self, session_token: &str) -> Result<(), AuthError> {
        let own = self.current_token().await?.as_deref() == Some(session_token);
        let body = JsonWriter::new()
            .string("sessionToken", session_token)
            .finish();
        self.post("/multi-session/revoke", Some(body))
            .await?
            .decode::<StatusResponse>()?;
        if own {
            self.notify(Event::SignedOut);
            self.notify(Event::SignedIn);
        } else {
            self.notify(Event::SessionChanged);
        }
        Ok(())
    }
}
