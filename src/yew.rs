//! Yew integration (feature `yew`): an [`AuthProvider`] context provider and the
//! [`use_session`] hook, whose subscription ends when the component unmounts.
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

/// The client of the nearest [`AuthProvider`], if any.
#[hook]
pub fn use_auth() -> Option<AuthClient> {
    use_context::<AuthClient>()
}

/// The session store's state, re-rendering on every change; subscribed while the
/// component is mounted. Without a provider it stays pending.
#[hook]
pub fn use_session() -> SessionState<Arc<SessionData>> {
    let client = use_context::<AuthClient>();
    let state = use_state(|| {
        client
            .as_ref()
            .map(AuthClient::session_state)
            .unwrap_or_default()
    });
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
