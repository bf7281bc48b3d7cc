//! [`now`]: the store's one clock. In the browser it is monotonic: the wall time when
//! the page's clock was first read, then advanced by `performance.now()`, so a wall
//! clock stepped back (or forward) by the user or NTP neither stops polling, throttles
//! and retries nor fires them early. Every client of the page reads the same anchor.
//!
//! `expiresAt` (the server's wall time) is compared with this clock too; after a step
//! it is off by the step until the page reloads, as any client-side expiry check is
//! off by the device's clock skew.

use crate::model::Timestamp;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.now()`; fails where there is no `performance`.
        #[wasm_bindgen(catch, js_namespace = performance, js_name = now)]
        fn performance_now() -> Result<f64, JsValue>;
    }

    thread_local! {
        /// Wall time minus `performance.now()` at the first reading.
        static ANCHOR: Cell<Option<f64>> = const { Cell::new(None) };
    }

    pub(super) fn millis() -> f64 {
        let Ok(elapsed) = performance_now() else {
            return js_sys::Date::now();
        };
        let anchor = ANCHOR.with(|anchor| {
            let value = anchor
                .get()
                .unwrap_or_else(|| js_sys::Date::now() - elapsed);
            anchor.set(Some(value));
            value
        });
        anchor + elapsed
    }
}

/// The current time, in milliseconds since the Unix epoch (see the module's doc).
pub(crate) fn now() -> Timestamp {
    #[cfg(target_arch = "wasm32")]
    let millis = browser::millis() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    Timestamp::from_millis(millis)
}
