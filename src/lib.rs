//! # better-auth-wasm
//!
//! The session client for [Better Auth](https://www.better-auth.com) servers, in Rust,
//! compiled to WebAssembly. It talks to the server with `credentials: "include"` (the
//! session cookie stays HttpOnly; no token is ever stored) and turns every failure into
//! a typed [`AuthError`].
//!
//! ```no_run
//! # async fn run() -> Result<(), better_auth_wasm::AuthError> {
//! use better_auth_wasm::{AuthClient, SignUpEmail};
//!
//! let client = AuthClient::new("http://127.0.0.1:3000")?;
//! client
//!     .sign_up_email(&SignUpEmail {
//!         email: "ada@example.com".into(),
//!         password: "correct horse battery".into(),
//!         name: "Ada".into(),
//!         ..SignUpEmail::default()
//!     })
//!     .await?;
//! let session = client.get_session().await?;
//! assert!(session.is_some());
//! client.sign_out().await?;
//! # Ok(()) }
//! ```
//!
//! Features: `leptos`, `yew` and `dioxus` add the framework integrations (modules of
//! the same names); `server` adds the
//! native face for server-side rendering (`server` module, not in the wasm build).

mod account;
mod base_url;
mod client;
mod clock;
mod decode;
mod endpoint;
mod error;
mod json;
mod loaded;
mod model;
mod multi_session;
mod options;
pub mod page;
#[cfg(any(feature = "leptos", feature = "yew", feature = "dioxus"))]
mod rendered;
mod requests;
mod session_signal;
mod sessions;
mod shell;
mod status;
pub mod store;
mod transport;
#[cfg(any(feature = "leptos", feature = "yew", feature = "dioxus"))]
mod watch;

#[cfg(feature = "dioxus")]
pub mod dioxus;
#[cfg(feature = "leptos")]
pub mod leptos;
#[cfg(all(feature = "server", not(target_arch = "wasm32")))]
pub mod server;
#[cfg(feature = "yew")]
pub mod yew;

#[doc(hidden)]
pub mod internals;

/// The README's Rust example, compiled as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use account::SocialSignIn;
pub use base_url::{BaseUrl, DEFAULT_BASE_PATH};
pub use client::AuthClient;
pub use error::{AuthError, ErrorCode};
pub use model::{
    Extra, ListedSession, Session, SessionData, SignInResponse, SignOutResponse, SignUpResponse,
    Timestamp, User, Value, DEFAULT_FRESH_AGE_SECS,
};
pub use options::{RetryOptions, SessionOptions};
pub use requests::{
    ChangePassword, GetSessionQuery, SignInEmail, SignInSocial, SignUpEmail, UpdateUser,
};
pub use session_signal::SessionSignal;
pub use shell::SessionListener;
pub use status::SessionStatus;
pub use store::SessionState;
pub use transport::Method;
pub use transport::DEFAULT_TIMEOUT_MS;
