//! The session data the native store tests feed the machine: a user (a sign-in
//! generation) and an expiry.

use better_auth_wasm::store::StoreData;
use better_auth_wasm::Timestamp;

#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub user: u32,
    pub expires: i64,
}

impl StoreData for Data {
    fn expires_at(&self) -> Timestamp {
        Timestamp::from_millis(self.expires)
    }
}

/// Cases of a property test: `STORE_PROPTEST_CASES` when set (long runs), else `default`.
#[allow(dead_code)] // not every test crate that shares this module has a property test
pub fn cases(default: u32) -> u32 {
    std::env::var("STORE_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
