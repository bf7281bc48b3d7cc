//! Not public API: the library's parts the npm package's wasm (`crates/npm`) builds its
//! JavaScript face on: the shell's core, the sans-IO call, the transport and the
//! session's key. Hidden from the docs and outside semver: they change with the npm
//! crate, which lives in this repository.

pub use crate::decode::{Decode, SessionKey};
pub use crate::endpoint::{Call, Step, Store, StoreChange};
pub use crate::json::same_json;
pub use crate::shell::{protocol, start_shell, Core, Held};
pub use crate::store::StoreData;
pub use crate::transport::{answer, JsonResponse, Method, Transport};
