//! Session management on [`AuthClient`]: list this user's sessions (marking this
//! device's), revoke one by token or id, revoke the others, sign out everywhere, read
//! with flags, and refresh the store past the cookie cache.
//!
//! Each call is one [`AuthClient::send`] (which owns what it does to the store) and a
//! typed reading of the answer.

use crate::client::AuthClient;
use crate::decode::StatusResponse;
use crate::error::AuthError;
use crate::json::JsonWriter;
use crate::model::{ListedSession, SessionData};
use crate::requests::GetSessionQuery;
use crate::store::SessionState;
use crate::transport::Method;
use std::sync::Arc;
use std::task::Poll;

impl AuthClient {
    /// The current session, read with `query`'s flags (sent only when true). A one-off
    /// read, like [`AuthClient::get_session`].
    pub async fn get_session_with(
        &self,
        query: GetSessionQuery,
    ) -> Result<Option<SessionData>, AuthError> {
        self.send(Method::Get, query.path(), None).await?.decode()
    }

    /// Reads the session again, bypassing the server's cookie cache, updates the store,
    /// and returns what it read. A session that is gone gives `Ok(None)` (the store's
    /// `error` then says why: `SESSION_EXPIRED` or `INVALID_TOKEN`).
    pub async fn refresh_session(&self) -> Result<Option<SessionData>, AuthError> {
        crate::transport::in_browser()?;
        self.refetch_with(true);
        let state = self
            .wait_for_state(|s| !s.is_pending && !s.is_refetching)
            .await;
        match state.error {
            Some(err) if !state.session_ended() => Err(err),
            _ => Ok(state.data.map(Arc::unwrap_or_clone)),
        }
    }

    /// This user's active sessions, each marked `current` when it is this client's.
    /// Fails with `SESSION_NOT_FRESH` (403) when the session is older than the server's
    /// `freshAge`: ask the user to sign in again, then retry.
    pub async fn list_sessions(&self) -> Result<Vec<ListedSession>, AuthError> {
        self.send(Method::Get, "/list-sessions", None)
            .await?
            .decode()
    }

    /// Revokes the session with this token. Revoking this device's own session signs
    /// this client out at once; revoking another re-reads the session once.
    pub async fn revoke_session(&self, token: &str) -> Result<(), AuthError> {
        let body = JsonWriter::new().string("token", token).finish();
        self.post_for_status("/revoke-session", Some(body)).await
    }

    /// Revokes the session with this id (as in [`ListedSession`]); fails with code
    /// `SESSION_NOT_FOUND` when no active session of the user has it.
    pub async fn revoke_session_by_id(&self, id: &str) -> Result<(), AuthError> {
        let body = JsonWriter::new().string("id", id).finish();
        self.post_for_status("/revoke-session", Some(body)).await
    }

    /// Revokes every session of the user but this one.
    pub async fn revoke_other_sessions(&self) -> Result<(), AuthError> {
        self.post_for_status("/revoke-other-sessions", None).await
    }

    /// Revokes every session of the user, this one included: signed out everywhere.
    pub async fn revoke_sessions(&self) -> Result<(), AuthError> {
        self.post_for_status("/revoke-sessions", None).await
    }

    /// Signs out on every device: the same as [`AuthClient::revoke_sessions`].
    pub async fn sign_out_all(&self) -> Result<(), AuthError> {
        self.revoke_sessions().await
    }

    /// A POST whose answer is `{status: true}`.
    pub(crate) async fn post_for_status(
        &self,
        path: &str,
        body: Option<String>,
    ) -> Result<(), AuthError> {
        self.send(Method::Post, path, body)
            .await?
            .decode::<StatusResponse>()
            .map(|_| ())
    }

    /// Waits until the store's state satisfies `done`, and returns it.
    pub(crate) async fn wait_for_state(
        &self,
        done: impl Fn(&SessionState<Arc<SessionData>>) -> bool,
    ) -> SessionState<Arc<SessionData>> {
        let mut changes = self.state_changes();
        let last = std::future::poll_fn(|cx| loop {
            match changes.poll(cx) {
                Poll::Ready(Some(state)) if done(&state) => return Poll::Ready(Some(state)),
                Poll::Ready(Some(_)) => continue,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            }
        })
        .await;
        last.unwrap_or_else(|| self.session_state())
    }
}
