//! The JavaScript face (feature `js`): what the npm package's wrapper
//! (`pkg-template/index.js`) is built on.
//!
//! `createAuthClient` gives the wrapper one object: the session store (`client.rs`:
//! the machine of `crate::store`, its reads' decoding, typed errors) carried out by a
//! JavaScript shell (`shell.js`: the reads, the one timer, listeners, the page's events,
//! other tabs), and one generic `request` that reaches every endpoint through the same
//! steps as the Rust methods (`crate::endpoint::Call`, store effects included; `call.rs`
//! and `drive` in `shell.js`). The Rust faces' shell is `crate::shell`, over the same
//! machine: in JavaScript, this face's shell costs the npm wasm no closures, registries
//! or futures. `shell.js` is this face's one JavaScript module on purpose (see
//! `scripts/check-snippets.sh`).
//! The `{data, error}` shape, dates as `Date` objects, frozen snapshots and the path
//! proxy live in the wrapper.

mod call;
mod client;
mod error;
mod options;
mod session;
mod store;

pub use client::create_auth_client;
pub use store::Store;

/// Starts the shell of `store` (a [`Store`] made by [`create_auth_client`], as a JS
/// value), as the wrapper does (`shell` in `src/shell/shell.js`): an object with
/// `listen`, `unlisten`, `refetch` and `close`. For Rust code driving the npm face
/// without the wrapper (its browser tests).
pub fn start_shell(store: &wasm_bindgen::JsValue) -> wasm_bindgen::JsValue {
    crate::shell::start_shell(store.clone()).into()
}
