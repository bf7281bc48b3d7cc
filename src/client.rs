//! [`AuthClient`]: the public Rust API, one async method per server call, and access
//! to the reactive session store (carried out by `crate::shell`). It never stores a token.

use crate::base_url::BaseUrl;
use crate::error::AuthError;
use crate::loaded::Loaded;
use crate::model::{SessionData, SignInResponse, SignOutResponse, SignUpResponse};
use crate::options::SessionOptions;
use crate::requests::{SignInEmail, SignUpEmail};
use crate::session_signal::{SessionSignal, StateChanges};
use crate::shell::{Core, SessionListener, Shell};
use crate::store::{Event, SessionState};
use crate::transport::{Method, Transport};
use std::rc::Rc;
use std::sync::Arc;

/// A client for one Better Auth server, with a reactive session store.
///
/// Clones share one store. Dropping the last clone removes every listener, timer and
/// channel it installed and aborts its reads.
///
/// ```no_run
/// # async fn run() -> Result<(), better_auth_wasm::AuthError> {
/// use better_auth_wasm::{AuthClient, SignInEmail};
///
/// let client = AuthClient::new("http://127.0.0.1:3000")?;
/// client
///     .sign_in_email(&SignInEmail {
///         email: "ada@example.com".into(),
///         password: "correct horse battery".into(),
///         ..SignInEmail::default()
///     })
///     .await?;
/// if let Some(data) = client.get_session().await? {
///     let _name = data.user.name;
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct AuthClient {
    inner: Rc<Shell>,
}

/// Two clients are equal when they share one store (clones of each other).
impl PartialEq for AuthClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl std::fmt::Debug for AuthClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthClient")
            .field("base_url", &self.base_url())
            .finish_non_exhaustive()
    }
}

impl AuthClient {
    /// A client for the server at `base_url`, such as `http://127.0.0.1:3000` (the API
    /// is then under `/api/auth`) or `https://example.com/custom/auth`, with default
    /// [`SessionOptions`].
    ///
    /// Fails with [`crate::ErrorCode::InvalidBaseUrl`] for an empty, relative or non-http(s) URL.
    pub fn new(base_url: &str) -> Result<Self, AuthError> {
        Self::with_options(base_url, SessionOptions::default())
    }

    /// A client with these session options.
    ///
    /// Values that cannot work are adjusted: polling no faster than once a second,
    /// retries no sooner than 100 ms, a timeout of 0 meaning the default one.
    pub fn with_options(base_url: &str, options: SessionOptions) -> Result<Self, AuthError> {
        let base = BaseUrl::parse(base_url)?;
        Ok(Self::with_transport(Transport::new(base), options))
    }

    /// A client sending its requests with `transport` (its timeout set from `options`).
    pub(crate) fn with_transport(transport: Transport, options: SessionOptions) -> Self {
        Self {
            inner: Shell::new(Core::new(transport, options)),
        }
    }

    /// The checked base URL of the auth API, such as `http://127.0.0.1:3000/api/auth`.
    pub fn base_url(&self) -> &str {
        self.inner.core.transport.base().as_str()
    }

    /// The session store as a signal: the current [`SessionState`], then every change.
    /// The signal counts as a subscriber while it lives: the first one loads the session,
    /// and focus, reconnect and polling refetch only while there is one.
    pub fn session(&self) -> SessionSignal {
        SessionSignal::new(&self.inner)
    }

    /// The store's current snapshot, without subscribing. The session is shared with
    /// the store (the same `Arc` until the session changes), not copied.
    pub fn session_state(&self) -> SessionState<Arc<SessionData>> {
        self.inner.snapshot()
    }

    /// Reads the session again now (aborting an older read), and updates the store.
    pub fn refetch(&self) {
        self.refetch_with(false);
    }

    /// [`AuthClient::refetch`], past the server's cookie cache when `bypass_cache`.
    pub(crate) fn refetch_with(&self, bypass_cache: bool) {
        self.inner
            .dispatch(Event::RefetchRequested { bypass_cache });
    }

    /// The current session, or `None` when signed out (the server answers `null`).
    /// A one-off read: it does not update the store (use [`AuthClient::refetch`]).
    pub async fn get_session(&self) -> Result<Option<SessionData>, AuthError> {
        self.send(Method::Get, "/get-session", None).await?.decode()
    }

    /// Creates an account with email and password (and signs in, unless the server
    /// requires email verification). The store reads the new session once.
    pub async fn sign_up_email(&self, request: &SignUpEmail) -> Result<SignUpResponse, AuthError> {
        self.send(Method::Post, "/sign-up/email", Some(request.to_json()))
            .await?
            .decode()
    }

    /// Signs in with email and password. The store reads the new session once, and
    /// other tabs follow.
    pub async fn sign_in_email(&self, request: &SignInEmail) -> Result<SignInResponse, AuthError> {
        self.send(Method::Post, "/sign-in/email", Some(request.to_json()))
            .await?
            .decode()
    }

    /// Signs out: the server ends the session and clears its cookies. The store is
    /// signed out the moment the server answers, and other tabs follow.
    pub async fn sign_out(&self) -> Result<SignOutResponse, AuthError> {
        self.send(Method::Post, "/sign-out", None).await?.decode()
    }

    /// This client's store (with its transport): what its calls read and change.
    pub(crate) fn core(&self) -> &Core<Loaded> {
        &self.inner.core
    }

    /// The store's states as they change, without counting as a subscriber.
    pub(crate) fn state_changes(&self) -> StateChanges {
        StateChanges::new(&self.inner)
    }

    /// Calls `listener` after every change of the session store, until the returned
    /// guard is dropped. The guard counts as a subscriber while it lives (like
    /// [`AuthClient::session`]): the first one loads the session.
    ///
    /// For code that wants a callback rather than a [`futures_signals`] signal; read
    /// the new state with [`AuthClient::session_state`].
    pub fn listen(&self, listener: impl Fn() + 'static) -> SessionListener {
        SessionListener::new(&self.inner, std::rc::Rc::new(listener))
    }

    /// A handle that does not keep the client alive (for listeners it owns).
    #[cfg(any(feature = "leptos", feature = "yew", feature = "dioxus"))]
    pub(crate) fn downgrade(&self) -> WeakAuthClient {
        WeakAuthClient(Rc::downgrade(&self.inner))
    }

    /// Gives the store a session read elsewhere: `json` is what `get-session` answered
    /// (`{session, user}` or `null`), for example rendered into the page by the server.
    /// Taken only while the store has no result yet; subscribers arriving within
    /// [`SessionOptions::hydration_max_age_ms`](crate::SessionOptions) (default a minute)
    /// then use it instead of reading. Returns whether it was taken;
    /// fails with `INVALID_RESPONSE` (the store unchanged) when `json` is not a session.
    pub fn hydrate_session(&self, json: &wasm_bindgen::JsValue) -> Result<bool, AuthError> {
        crate::transport::in_browser()?;
        let loaded =
            Loaded::from_json(json).ok_or_else(|| AuthError::invalid_response(0, String::new()))?;
        Ok(self.inner.core.hydrate(loaded))
    }

    /// The session as the server's parsed JSON (a JS object, with every field the
    /// server sent), or `None` when there is none: for handing to JavaScript unchanged.
    /// The same object until the session changes.
    pub fn session_json(&self) -> Option<wasm_bindgen::JsValue> {
        self.inner
            .core
            .with_state(|state| state.data.as_ref().map(|loaded| loaded.json.clone()))
            .flatten()
    }
}

/// A client that may have been dropped (see `AuthClient::downgrade`).
#[cfg(any(feature = "leptos", feature = "yew", feature = "dioxus"))]
pub(crate) struct WeakAuthClient(std::rc::Weak<Shell>);

#[cfg(any(feature = "leptos", feature = "yew", feature = "dioxus"))]
impl WeakAuthClient {
    pub(crate) fn upgrade(&self) -> Option<AuthClient> {
        self.0.upgrade().map(|inner| AuthClient { inner })
    }
}
