//! Dioxus integration (feature `dioxus`): the client in context and the session as a
//! Dioxus signal. A server-rendered page (Dioxus fullstack) starts both sides from the
//! session the server read with [`use_rendered_session`] (feature `server` on the
//! server).
//!
//! ```no_run
//! use better_auth_wasm::dioxus::{use_auth, use_provide_auth, use_session_status};
//! use better_auth_wasm::{AuthClient, SessionStatus};
//! use dioxus::prelude::*;
//!
//! fn app() -> Element {
//!     // One client for the app (use_provide_auth keeps the first one made).
//!     let client = use_provide_auth(|| AuthClient::new("http://127.0.0.1:3000").ok());
//!     let status = use_session_status();
//!     let auth = use_auth();
//!     let sign_out = move |_| {
//!         if let Some(client) = auth.clone() {
//!             spawn(async move {
//!                 let _ = client.sign_out().await;
//!             });
//!         }
//!     };
//!     match status() {
//!         _ if client.is_none() => rsx! { p { "Bad auth URL" } },
//!         SessionStatus::Pending => rsx! { p { "Loading…" } },
//!         SessionStatus::SignedOut => rsx! { p { "Signed out" } },
//!         SessionStatus::SignedIn(data) => rsx! {
//!             p { "Signed in as {data.user.name}" }
//!             button { onclick: sign_out, "Sign out" }
//!         },
//!     }
//! }
//! ```

use crate::client::AuthClient;
use crate::model::SessionData;
use crate::rendered::{first_state, RenderedSession};
use crate::status::SessionStatus;
use crate::store::SessionState;
use crate::watch::watch_session;
use dioxus::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

/// Provides the client `make` gives (made once, on the first render) to this component
/// and its descendants, and returns it; `None` provides nothing (a bad URL: descendants'
/// [`use_session`] stays pending).
pub fn use_provide_auth(make: impl FnOnce() -> Option<AuthClient>) -> Option<AuthClient> {
    use_hook(|| {
        let client = make();
        if let Some(client) = &client {
            provide_context(client.clone());
        }
        client
    })
}

/// The client of the nearest [`use_provide_auth`], if any: clone it into an event
/// handler and call it there (in a `spawn`ed future).
pub fn use_auth() -> Option<AuthClient> {
    try_use_context::<AuthClient>()
}

/// The session of a server-rendered page (Dioxus fullstack), one call on both sides,
/// before the components that use the session: give it the value of a
/// `use_server_future` that reads the session on the server, so that it reaches the
/// browser serialised in the page.
///
/// `rendered` is the JSON text [`ServerClient::get_session_json`] read for the request
/// being rendered (`"null"` when signed out), or `None` when the server could not read
/// it (Better Auth down or slow: the page renders signed out).
/// - On the server (feature `server`): [`use_session`] gives that session; no client is
///   made and nothing is read.
/// - In the browser: a client for `base_url` starts from it and is provided as
///   [`use_provide_auth`] does: the first render is the server's (no loading state, no
///   hydration mismatch) and no `get-session` request is made. With `None` it starts
///   signed out and reads at once.
///
/// A bad `base_url`, or a `rendered` that is not a session, provides nothing:
/// [`use_session`] stays pending.
///
/// [`ServerClient::get_session_json`]: crate::server::ServerClient::get_session_json
pub fn use_rendered_session(base_url: &str, rendered: Option<&str>) {
    use_hook(|| {
        #[cfg(target_arch = "wasm32")]
        if let Ok(client) = crate::rendered::rendered_client(base_url, rendered) {
            provide_context(client);
        }
        #[cfg(not(target_arch = "wasm32"))]
        if let Ok(state) = crate::rendered::rendered_state(base_url, rendered) {
            provide_context(state);
        }
    });
}

/// The session store as a Dioxus signal, subscribed while the component lives. Without
/// a provided client it stays pending; on the server it is the session given to
/// [`use_rendered_session`]. Its first value is the store's current state: a session
/// already loaded paints at once, with no pending frame. It is set only when the state
/// changed.
pub fn use_session() -> ReadSignal<SessionState<Arc<SessionData>>> {
    let client = try_use_context::<AuthClient>();
    let rendered = try_use_context::<RenderedSession>();
    let state = use_signal(|| first_state(client.as_ref(), rendered));
    use_hook(move || {
        client.map(|client| {
            Rc::new(watch_session(&client, move |next| {
                if *state.peek() != next {
                    // A Signal is a Copy handle: set through a copy (the listener is `Fn`).
                    let mut state = state;
                    state.set(next);
                }
            }))
        })
    });
    state.into()
}

/// The session as the three states an interface shows. Memoised: a refetch that reads
/// the same session changes nothing here, so components reading it do not re-render.
pub fn use_session_status() -> Memo<SessionStatus> {
    let state = use_session();
    use_memo(move || SessionStatus::of(&state.read()))
}
