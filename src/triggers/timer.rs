//! [`Timer`]: the store's one timer (`setTimeout`), re-armed in place. One closure for
//! its whole life: re-arming or disarming clears the pending timeout, never the
//! closure, so the callback may re-arm the timer it runs from.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Closure<dyn FnMut()>, delay_ms: i32) -> JsValue;

    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// A timer calling one callback; dropping it disarms it and frees the callback.
pub(crate) struct Timer {
    callback: Closure<dyn FnMut()>,
    pending: JsValue,
}

impl Timer {
    /// A disarmed timer that calls `callback` when it fires.
    pub fn new(callback: impl FnMut() + 'static) -> Self {
        Self {
            callback: Closure::new(callback),
            pending: JsValue::UNDEFINED,
        }
    }

    /// Fires once after `delay_ms` (from now), replacing the pending firing if any.
    pub fn arm(&mut self, delay_ms: i32) {
        self.disarm();
        self.pending = set_timeout(&self.callback, delay_ms);
    }

    /// Cancels the pending firing, if any.
    pub fn disarm(&mut self) {
        if !self.pending.is_undefined() {
            clear_timeout(&self.pending);
            self.pending = JsValue::UNDEFINED;
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.disarm();
    }
}
