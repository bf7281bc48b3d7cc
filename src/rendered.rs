//! A server-rendered page's session, for the framework integrations (Leptos, Yew,
//! Dioxus): one rule for what the server hands the page and what each side starts
//! from. `rendered` is the JSON text `ServerClient::get_session_json` read for the
//! request (`"null"` when signed out), or `None` when the server could not read it.

use crate::client::AuthClient;
use crate::error::AuthError;
use crate::{model::SessionData, store::SessionState};
use std::sync::Arc;

/// The session a server render read, as a face's context holds it on the server for its
/// `use_session` (no client there: a client is the browser's fetch, timers and
/// channels).
#[derive(Clone, PartialEq)]
pub(crate) struct RenderedSession(pub(crate) SessionState<Arc<SessionData>>);

/// The state a face's `use_session` starts from: its client's, else (on the server) the
/// rendered session, else pending.
pub(crate) fn first_state(
    client: Option<&AuthClient>,
    rendered: Option<RenderedSession>,
) -> SessionState<Arc<SessionData>> {
    match (client, rendered) {
        (Some(client), _) => client.session_state(),
        (None, Some(rendered)) => rendered.0,
        (None, None) => SessionState::default(),
    }
}

/// The browser's client for `base_url`, started from what the server rendered (no
/// read); with `None`, started signed out and reading at once.
#[cfg(target_arch = "wasm32")]
pub(crate) fn rendered_client(
    base_url: &str,
    rendered: Option<&str>,
) -> Result<AuthClient, AuthError> {
    let client = AuthClient::new(base_url)?;
    let json = match rendered {
        Some(text) => js_sys::JSON::parse(text).map_err(|_| not_a_session())?,
        None => wasm_bindgen::JsValue::NULL,
    };
    client.hydrate_session(&json)?;
    if rendered.is_none() {
        client.refetch();
    }
    Ok(client)
}

/// The server's state of the page: the rendered session, or signed out when it could
/// not be read. Parsing the JSON needs feature `server` (serde_json); without it a
/// rendered session is refused.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn rendered_state(
    base_url: &str,
    rendered: Option<&str>,
) -> Result<RenderedSession, AuthError> {
    crate::BaseUrl::parse(base_url)?;
    let data: Option<SessionData> = match rendered {
        #[cfg(feature = "server")]
        Some(text) => serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|json| crate::decode::Decode::decode(&json))
            .ok_or_else(not_a_session)?,
        #[cfg(not(feature = "server"))]
        Some(_) => return Err(not_a_session()),
        None => None,
    };
    Ok(RenderedSession(SessionState {
        data: data.map(Arc::new),
        is_pending: false,
        ..SessionState::default()
    }))
}

/// `rendered` was not a session.
fn not_a_session() -> AuthError {
    AuthError::invalid_response(0, String::new())
}
