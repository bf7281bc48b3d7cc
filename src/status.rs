//! [`SessionStatus`]: the three states an interface shows, from a [`SessionState`].

use crate::model::SessionData;
use crate::store::SessionState;
use std::sync::Arc;

/// What to show: loading, a sign-in form, or the signed-in user.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionStatus {
    /// No result yet.
    Pending,
    /// Signed out (the state's `error` may say why).
    SignedOut,
    /// Signed in, with the store's session (shared, not copied).
    SignedIn(Arc<SessionData>),
}

impl SessionStatus {
    /// The status of a store snapshot. A refetch with data stays `SignedIn`: no flicker.
    pub fn of(state: &SessionState<Arc<SessionData>>) -> Self {
        match (&state.data, state.is_pending) {
            (Some(data), _) => Self::SignedIn(Arc::clone(data)),
            (None, true) => Self::Pending,
            (None, false) => Self::SignedOut,
        }
    }
}
