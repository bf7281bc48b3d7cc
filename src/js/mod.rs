//! The JavaScript face (feature `js`): the few wasm-bindgen exports the npm package's
//! wrapper (`pkg-template/index.js`) is built on.
//!
//! One generic call, [`JsAuthClient::request`], reaches every endpoint through the same
//! [`crate::AuthClient`] path as the Rust methods (store effects included); the
//! session store is read with `state`, `listen` and `refresh`. The `{data, error}`
//! shape, dates as `Date` objects, frozen snapshots and the path proxy live in the
//! wrapper. Depends on the public Rust API only, never on the shell or the store.

mod call;
mod client;
mod error;
mod options;

pub use client::{create_auth_client, JsAuthClient};
