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
