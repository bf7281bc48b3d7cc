//! [`Store`]: the npm face's store object, which `shell.js` (`crate::shell`) talks to:
//! `better_auth_wasm::internals::Core`'s methods as exports of the wasm (a class, not closures: the
//! npm wasm carries no closure machinery).

use crate::session::JsSession;
use better_auth_wasm::internals::protocol::started;
use better_auth_wasm::internals::Core;
use better_auth_wasm::AuthError;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

/// One client's store for `shell.js`, with the face's own methods (`client.rs`).
/// Without a core (an invalid base URL) it starts nothing and hears nothing, and every
/// request rejects with the base URL's error, which the state shows.
#[wasm_bindgen]
pub struct Store(pub(crate) Result<Rc<Core<JsSession>>, AuthError>);

#[wasm_bindgen]
impl Store {
    /// `Core::start`.
    pub fn start(&self, run: js_sys::Function, receive: &js_sys::Function) -> u8 {
        self.0
            .as_ref()
            .ok()
            .map_or(started::INVALID, |core| core.start(run, receive))
    }

    /// `Core::heard`.
    pub fn handle(&self, kind: u8, flag: bool) {
        if let Ok(core) = &self.0 {
            core.heard(kind, flag);
        }
    }

    /// `Core::read`.
    pub fn read(&self, bypass_cache: bool, controller: &AbortController) -> Promise {
        match &self.0 {
            Ok(core) => core.read(bypass_cache, controller),
            Err(_) => Promise::reject(&JsValue::NULL),
        }
    }

    /// `Core::finish_read`.
    #[wasm_bindgen(js_name = finishRead)]
    pub fn finish_read(&self, id: f64, ok: bool, value: JsValue) {
        if let Ok(core) = &self.0 {
            core.finish_read(id, ok, value);
        }
    }
}
