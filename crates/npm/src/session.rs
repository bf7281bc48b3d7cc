//! [`JsSession`]: a session as the npm face's store holds it: the server's JSON, which
//! the wrapper hands to JavaScript whole, and what the store's rules need of it (the
//! token and the expiry: `better_auth_wasm::internals::SessionKey`). No typed copy of the session:
//! JavaScript never sees one.

use better_auth_wasm::internals::answer;
use better_auth_wasm::internals::StoreData;
use better_auth_wasm::internals::{Decode, SessionKey};
use better_auth_wasm::AuthError;
use better_auth_wasm::Timestamp;
use wasm_bindgen::JsValue;

/// A session the npm face's store holds.
#[derive(Clone, Debug)]
pub(crate) struct JsSession {
    /// The server's parsed JSON, every field it sent.
    pub json: JsValue,
    key: SessionKey,
}

impl PartialEq for JsSession {
    /// Equal when the JSON serializes alike: a change to any field the server sent
    /// reaches JavaScript.
    fn eq(&self, other: &Self) -> bool {
        better_auth_wasm::internals::same_json(&self.json, &other.json)
    }
}

impl StoreData for JsSession {
    fn expires_at(&self) -> Timestamp {
        self.key.expires_at
    }
}

impl better_auth_wasm::internals::Held for JsSession {
    fn from_read(settled: Result<JsValue, JsValue>) -> Result<Option<Self>, AuthError> {
        let response = answer(settled)?;
        let key: Option<SessionKey> = response.decode()?;
        Ok(key.map(|key| Self {
            json: response.body,
            key,
        }))
    }
    fn token(&self) -> &str {
        &self.key.token
    }
}

impl JsSession {
    /// The session in `json` (what `get-session` answers: `{session, user}` or `null`),
    /// or `None` when it is not one.
    pub fn from_json(json: &JsValue) -> Option<Option<Self>> {
        let key: Option<SessionKey> = Decode::decode(json)?;
        Some(key.map(|key| Self {
            json: json.clone(),
            key,
        }))
    }
}
