//! Yew integration (feature `yew`): an [`AuthProvider`] context provider and the
//! [`use_session`] hook, whose subscription ends when the component unmounts. For
//! server rendering plus hydration, [`RenderedSessionProvider`] (with feature `server`
//! on the server) starts both sides from the session the server read; see
//! `examples/yew-ssr`.
//!
//! ```no_run
//! use better_auth_wasm::yew::{use_session, AuthProvider};
//! use better_auth_wasm::{AuthClient, SessionStatus};
//! use yew::prelude::*;
//!
//! #[function_component]
//! fn Profile() -> Html {
//!     match SessionStatus::of(&use_session()) {
//!         SessionStatus::Pending => html! { <p>{ "Loading…" }</p> },
//!         SessionStatus::SignedOut => html! { <p>{ "Signed out" }</p> },
//!         SessionStatus::SignedIn(data) => html! { <p>{ data.user.name.clone() }</p> },
//!     }
//! }
//!
//! #[function_component]
//! fn App() -> Html {
//!     match AuthClient::new("http://127.0.0.1:3000") {
//!         Ok(client) => html! { <AuthProvider {client}><Profile /></AuthProvider> },
//!         Err(err) => html! { <p>{ err.message.to_string() }</p> },
//!     }
//! }
//! ```

use crate::client::AuthClient;
use crate::model::SessionData;
use crate::rendered::{first_state, RenderedSession};
use crate::store::SessionState;
use crate::watch::watch_session;
use std::sync::Arc;
use yew::prelude::*;

/// Properties of [`AuthProvider`].
#[derive(Properties, PartialEq)]
pub struct AuthProviderProps {
    /// The client its descendants use.
    pub client: AuthClient,
    /// The descendants.
    #[prop_or_default]
    pub children: Html,
}

/// Provides `client` to its descendants.
#[function_component]
pub fn AuthProvider(props: &AuthProviderProps) -> Html {
    html! {
        <ContextProvider<AuthClient> context={props.client.clone()}>
            { props.children.clone() }
        </ContextProvider<AuthClient>>
    }
}

/// Properties of [`RenderedSessionProvider`].
#[derive(Properties, PartialEq)]
pub struct RenderedSessionProviderProps {
    /// Better Auth's URL for the browser's client (as [`AuthClient::new`] takes it).
    pub base_url: AttrValue,
    /// The JSON text [`ServerClient::get_session_json`] read for the request being
    /// rendered (`"null"` when signed out), or `None` when the server could not read it
    /// (Better Auth down or slow: the page renders signed out).
    ///
    /// [`ServerClient::get_session_json`]: crate::server::ServerClient::get_session_json
    pub rendered: Option<AttrValue>,
    /// The descendants.
    #[prop_or_default]
    pub children: Html,
}

/// The session of a server-rendered page, one component on both sides of a Yew app
/// rendered by `yew::ServerRenderer` and hydrated by `yew::Renderer::hydrate`: give it
/// the same props on both (the server hands them to the page, for example as data
/// attributes of the root element), around the components that use the session.
/// - On the server (feature `server`): [`use_session`] gives the rendered session; no
///   client is made and nothing is read.
/// - In the browser: a client for `base_url` starts from it and is provided as
///   [`AuthProvider`] does: the first render is the server's (no loading state, no
///   hydration mismatch) and no `get-session` request is made. With `rendered: None` it
///   starts signed out and reads at once.
///
/// A bad `base_url`, or a `rendered` that is not a session, provides nothing:
/// [`use_session`] stays pending (check the URL with [`crate::BaseUrl::parse`]).
#[function_component]
pub fn RenderedSessionProvider(props: &RenderedSessionProviderProps) -> Html {
    #[cfg(target_arch = "wasm32")]
    {
        let client = use_memo((), |_| {
            crate::rendered::rendered_client(&props.base_url, props.rendered.as_deref()).ok()
        });
        match &*client {
            Some(client) => html! {
                <ContextProvider<AuthClient> context={client.clone()}>
                    { props.children.clone() }
                </ContextProvider<AuthClient>>
            },
            None => props.children.clone(),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let session = use_memo((), |_| {
            crate::rendered::rendered_state(&props.base_url, props.rendered.as_deref()).ok()
        });
        match &*session {
            Some(session) => html! {
                <ContextProvider<RenderedSession> context={session.clone()}>
                    { props.children.clone() }
                </ContextProvider<RenderedSession>>
            },
            None => props.children.clone(),
        }
    }
}

/// The client of the nearest [`AuthProvider`], if any.
#[hook]
pub fn use_auth() -> Option<AuthClient> {
    use_context::<AuthClient>()
}

/// The session store's state, re-rendering on every change; subscribed while the
/// component is mounted. Without a provider it stays pending; on the server it is the
/// session given to [`RenderedSessionProvider`].
#[hook]
pub fn use_session() -> SessionState<Arc<SessionData>> {
    let client = use_context::<AuthClient>();
    let rendered = use_context::<RenderedSession>();
    let state = use_state(|| first_state(client.as_ref(), rendered));
    {
        let state = state.clone();
        use_effect_with(client, move |client| {
            let watch = client
                .as_ref()
                .map(|client| watch_session(client, move |next| state.set(next)));
            move || drop(watch)
        });
    }
    (*state).clone()
}
