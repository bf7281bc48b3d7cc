//! [`SessionState`]: what subscribers see.

use super::event::FetchReason;
use crate::error::{AuthError, ErrorCode};
use crate::model::Timestamp;

/// A snapshot of the session store, as `useSession` returns it.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionState<D> {
    /// The session, or `None` when signed out or not loaded yet.
    pub data: Option<D>,
    /// The error of the last read, if it failed. Data is kept on errors other than 401.
    pub error: Option<AuthError>,
    /// True only while no result has arrived yet (then `data` is `None`).
    pub is_pending: bool,
    /// True while a read runs after the first result.
    pub is_refetching: bool,
    /// When the last result (data or error) arrived.
    pub last_result_at: Option<Timestamp>,
    /// Why the last read started.
    pub last_fetch_reason: Option<FetchReason>,
}

impl<D> Default for SessionState<D> {
    fn default() -> Self {
        Self {
            data: None,
            error: None,
            is_pending: true,
            is_refetching: false,
            last_result_at: None,
            last_fetch_reason: None,
        }
    }
}

impl<D> SessionState<D> {
    /// Whether a session read elsewhere ([`super::Event::Hydrated`]) is taken now: only
    /// while the store has no result yet.
    pub(crate) fn takes_hydration(&self) -> bool {
        self.last_result_at.is_none() && self.data.is_none()
    }

    /// Whether the last read found the session gone: the server answered no session
    /// where the store had one, so `error` is `SESSION_EXPIRED` or `INVALID_TOKEN` and
    /// there is no data. A refresh reads this as signed out, not as a failure.
    pub fn session_ended(&self) -> bool {
        self.data.is_none()
            && self.error.as_ref().is_some_and(|err| {
                matches!(
                    err.code,
                    ErrorCode::SessionExpired | ErrorCode::InvalidToken
                )
            })
    }
}
