//! Leptos integration (feature `leptos`): the client in context and the session as a
//! Leptos signal. For SSR plus hydrate, [`provide_rendered_session`] (with feature
//! `server` on the server) starts both sides from the session the server read; see
//! `examples/leptos-ssr`.
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
use crate::rendered::{first_state, RenderedSession};
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

/// The session of a server-rendered page, one call on both sides of a Leptos SSR app:
/// call it with the value of a resource the server fills (so that it reaches the
/// browser serialised in the page), before the views that use the session.
///
/// `rendered` is the JSON text [`ServerClient::get_session_json`] read for the request
/// being rendered (`"null"` when signed out), or `None` when the server could not read
/// it (Better Auth down or slow: the page renders signed out).
/// - On the server (feature `server`): [`use_session`] gives that session; no client is
///   made and nothing is read.
/// - In the browser: a client for `base_url` (as [`AuthClient::new`]) starts from it and
///   is provided ([`provide_auth`]): the first render is the server's (no loading state,
///   no hydration mismatch) and no `get-session` request is made. With `None` it starts
///   signed out and reads at once. For other options, do the same by hand:
///   [`AuthClient::with_options`], [`AuthClient::hydrate_session`], [`provide_auth`].
///
/// Fails with `INVALID_BASE_URL` for a bad `base_url`, and with `INVALID_RESPONSE` when
/// `rendered` is not a session (nothing is provided then: `use_session` stays pending).
///
/// [`ServerClient::get_session_json`]: crate::server::ServerClient::get_session_json
#[cfg(any(target_arch = "wasm32", feature = "server"))]
pub fn provide_rendered_session(
    base_url: &str,
    rendered: Option<String>,
) -> Result<(), crate::AuthError> {
    #[cfg(target_arch = "wasm32")]
    provide_auth(crate::rendered::rendered_client(
        base_url,
        rendered.as_deref(),
    )?);
    #[cfg(not(target_arch = "wasm32"))]
    provide_context(crate::rendered::rendered_state(
        base_url,
        rendered.as_deref(),
    )?);
    Ok(())
}

/// The client provided by [`provide_auth`], if any, as a `Copy` handle that any view
/// closure or event handler can hold: `client.get_value()` gives the client.
pub fn use_auth() -> Option<StoredValue<AuthClient, LocalStorage>> {
    use_context::<AuthContext>()
        .map(|context| StoredValue::new_local(AuthClient::clone(&context.0)))
}

/// The session store as a Leptos signal. It subscribes while the calling owner lives and
/// unsubscribes when it is disposed. Without a provided client it stays pending; on the
/// server it is the session given to [`provide_rendered_session`].
///
/// Its first value is the store's current state: a session already loaded paints at
/// once, with no pending frame.
pub fn use_session() -> ReadSignal<SessionState<Arc<SessionData>>> {
    let context = use_context::<AuthContext>();
    let first = first_state(
        context.as_ref().map(|context| &*context.0),
        use_context::<RenderedSession>(),
    );
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
