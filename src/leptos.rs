//! Leptos integration (feature `leptos`): the client in context and the session as a
//! Leptos signal.
//!
//! ```no_run
//! use better_auth_wasm::leptos::{provide_auth, use_session_status};
//! use better_auth_wasm::{AuthClient, SessionStatus};
//! use leptos::prelude::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     if let Ok(client) = AuthClient::new("http://127.0.0.1:3000") {
//!         provide_auth(client);
//!     }
//!     let status = use_session_status();
//!     move || match status.get() {
//!         SessionStatus::Pending => "Loading…".to_string(),
//!         SessionStatus::SignedOut => "Signed out".to_string(),
//!         SessionStatus::SignedIn(data) => format!("Hello {}", data.user.name),
//!     }
//! }
//! ```

use crate::client::AuthClient;
use crate::model::SessionData;
use crate::status::SessionStatus;
use crate::store::SessionState;
use crate::watch::watch_session;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;

/// The client as context (wasm is single-threaded: the wrapper only satisfies Leptos's
/// `Send + Sync` bound).
#[derive(Clone)]
struct AuthContext(SendWrapper<AuthClient>);

/// Makes `client` available to this component and its descendants.
pub fn provide_auth(client: AuthClient) {
    provide_context(AuthContext(SendWrapper::new(client)));
}

/// The client provided by [`provide_auth`], if any, as a `Copy` handle that any view
/// closure or event handler can hold: `client.get_value()` gives the client.
pub fn use_auth() -> Option<StoredValue<AuthClient, LocalStorage>> {
    use_context::<AuthContext>()
        .map(|context| StoredValue::new_local(AuthClient::clone(&context.0)))
}

/// The session store as a Leptos signal. It subscribes while the calling owner lives and
/// unsubscribes when it is disposed. Without a provided client it stays pending.
///
/// Its first value is the store's current state: a session already loaded paints at
/// once, with no pending frame.
pub fn use_session() -> ReadSignal<SessionState<Arc<SessionData>>> {
    let context = use_context::<AuthContext>();
    let first = context
        .as_ref()
        .map(|context| context.0.session_state())
        .unwrap_or_default();
    let (state, set_state) = signal(first);
    if let Some(context) = context {
        let watch = watch_session(&context.0, move |next| set_state.set(next));
        let watch = SendWrapper::new(watch);
        on_cleanup(move || drop(watch));
    }
    state
}

/// The session as the three states an interface shows. Memoised: a refetch that reads
/// the same session changes nothing here, so views using it do not re-run.
pub fn use_session_status() -> Memo<SessionStatus> {
    let state = use_session();
    Memo::new(move |_| state.with(SessionStatus::of))
}
