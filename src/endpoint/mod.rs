//! Every call to the server, one path for all faces: [`Call`] (sans-IO steps, `call.rs`)
//! with the store effects of its path (`rules.rs`), the answers it reads
//! ([`Response`], `response.rs`), and the browser's driver of it for the Rust faces
//! ([`crate::AuthClient::call`], `browser.rs`).

mod browser;
mod call;
mod response;
mod rules;
#[cfg(test)]
mod tests;

pub(crate) use call::known_token;
pub use call::{Call, Step, Store, StoreChange};
pub use response::Response;
#[cfg(all(feature = "server", not(target_arch = "wasm32")))]
pub(crate) use {call::Request, response::Answer};
