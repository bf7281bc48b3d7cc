//! The JavaScript face (feature `js`): wasm-bindgen exports with better-auth's names
//! (camelCase) and result shape (`{data, error}`), never throwing for server or
//! network failures.
//!
//! Owns only the translation between JS values and the Rust API; the npm wrapper in
//! `pkg-template/` builds the `better-auth/client`-style surface on top.

mod client;
mod dates;
mod result;
mod session_store;
mod sessions;

pub use client::{create_auth_client, JsAuthClient};
pub use session_store::SessionStore;
