//! [`Loaded`]: a session as the Rust faces' store holds it (`crate::shell`): typed, and
//! the server's JSON. The npm face's store holds less (`crate::js::session`).

use crate::error::AuthError;
use crate::model::{SessionData, Timestamp};
use crate::store::StoreData;
use crate::transport::{answer, JsonResponse};
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// A session as the store holds it: typed (shared, never copied), and the server's
/// parsed JSON (every field it sent), which faces hand out unchanged.
#[derive(Clone, Debug)]
pub(crate) struct Loaded {
    pub data: Arc<SessionData>,
    pub json: JsValue,
}

impl PartialEq for Loaded {
    /// In the browser, equal when the JSON faces hand out serializes alike: the typed
    /// session is read from it, so the same JSON is the same session, and a change the
    /// typed one does not keep (unknown fields past 64 levels) still reaches JavaScript.
    /// Natively, where no JSON value exists, the typed ones.
    fn eq(&self, other: &Self) -> bool {
        if !cfg!(target_arch = "wasm32") {
            return self.data == other.data;
        }
        crate::json::same_json(&self.json, &other.json)
    }
}

impl StoreData for Loaded {
    fn expires_at(&self) -> Timestamp {
        self.data.session.expires_at
    }
}

impl crate::shell::Held for Loaded {
    fn from_read(settled: Result<JsValue, JsValue>) -> Result<Option<Self>, AuthError> {
        Self::from_read(settled)
    }
    fn token(&self) -> &str {
        &self.data.session.token
    }
}

impl Loaded {
    /// The session in `json` (what `get-session` answers: `{session, user}` or `null`),
    /// or `None` when it is not one.
    pub fn from_json(json: &JsValue) -> Option<Option<Self>> {
        let data: Option<SessionData> = crate::decode::Decode::decode(json)?;
        Some(data.map(|data| Self {
            data: Arc::new(data),
            json: json.clone(),
        }))
    }

    /// What a session read gave: `settled` as its request's promise resolved (`Ok`) or
    /// rejected (`Err`).
    pub fn from_read(settled: Result<JsValue, JsValue>) -> Result<Option<Self>, AuthError> {
        let response: JsonResponse = answer(settled)?;
        let data: Option<SessionData> = response.decode()?;
        Ok(data.map(|data| Self {
            data: Arc::new(data),
            json: response.body,
        }))
    }
}
