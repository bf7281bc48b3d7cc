//! [`watch_session`]: runs a callback with the state after every change of a client's
//! session store, as one subscriber, until the returned listener is dropped. The bridge
//! behind the Leptos and Yew integrations: it hangs off the store's one listener
//! registry (no task, no signal), and callers start from `AuthClient::session_state`,
//! so a loaded session paints at once.

use crate::client::AuthClient;
use crate::model::SessionData;
use crate::shell::SessionListener;
use crate::store::SessionState;
use std::sync::Arc;

/// Calls `on_change` with the new state after every change (not at once: read
/// `client.session_state()` for the first value).
pub(crate) fn watch_session(
    client: &AuthClient,
    on_change: impl Fn(SessionState<Arc<SessionData>>) + 'static,
) -> SessionListener {
    let source = client.downgrade();
    client.listen(move || {
        if let Some(client) = source.upgrade() {
            on_change(client.session_state());
        }
    })
}
