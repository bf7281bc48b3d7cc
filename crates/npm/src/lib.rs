//! The wasm of the npm package `better-auth-wasm`: its JavaScript face over the library
//! (`better_auth_wasm`), what the package's wrapper (`package/index.js`) is built on.
//! Not published on crates.io; `scripts/build-pkg.sh` builds the package around it.
//!
//! `createAuthClient` gives the wrapper one object: the session store (`client.rs`:
//! the library's shell core over sessions kept as the server's JSON, `session.rs`)
//! carried out by the library's JavaScript shell (`shell.js`: the reads, the one timer,
//! listeners, the page's events, other tabs), and one generic `request` that reaches
//! every endpoint through the same sans-IO call as the Rust methods (the library's
//! `Call`, store effects included; `call.rs` and `drive` in `face.js`). Both Rust and
//! JavaScript faces share that shell: in JavaScript, this face costs the npm wasm no
//! closures, registries or futures. The `{data, error}` shape, dates as `Date` objects,
//! frozen snapshots and the path proxy live in the wrapper.

mod alloc;
mod call;
mod client;
mod error;
mod options;
mod session;
mod store;

pub use client::create_auth_client;
pub use store::Store;

/// Starts the shell of `store` (a [`Store`] made by [`create_auth_client`], as a JS
/// value), as the wrapper does (`shell` in the library's `shell.js`): an object with
/// `listen`, `unlisten`, `refetch` and `close`. For Rust code driving the npm face
/// without the wrapper (its browser tests).
pub fn start_shell(store: &wasm_bindgen::JsValue) -> wasm_bindgen::JsValue {
    better_auth_wasm::internals::start_shell(store.clone()).into()
}
