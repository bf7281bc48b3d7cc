//! [`now`]: the store's one clock. In the browser it never runs backwards and never
//! lags the wall clock: it advances by `performance.now()` (monotonic), and jumps
//! forward to the wall time when that is ahead.
//!
//! - A wall clock stepped back (by the user or NTP) changes nothing: polling, throttles
//!   and retries keep their pace.
//! - A wall clock that jumps forward, or a page suspended while the device slept (where
//!   `performance.now()` may pause), moves the clock forward with it: `expiresAt`, the
//!   server's wall time, is never judged later than the device's wall clock says, and
//!   a poll or retry that came due meanwhile runs once.
//!
//! Every client of the page reads the same clock.

use crate::model::Timestamp;

/// The clock's next reading: the last one advanced by the monotonic time elapsed since,
/// or the wall time when that is ahead. `last` is `(monotonic, reading)` at the last call.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn advance(last: Option<(f64, f64)>, monotonic: f64, wall: f64) -> f64 {
    match last {
        None => wall,
        Some((at, reading)) => (reading + (monotonic - at).max(0.0)).max(wall),
    }
}

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
        /// `performance.now()` and the clock's reading at the last call.
        static LAST: Cell<Option<(f64, f64)>> = const { Cell::new(None) };
    }

    pub(super) fn millis() -> f64 {
        let wall = js_sys::Date::now();
        let Ok(monotonic) = performance_now() else {
            return wall;
        };
        LAST.with(|last| {
            let reading = super::advance(last.get(), monotonic, wall);
            last.set(Some((monotonic, reading)));
            reading
        })
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

#[cfg(test)]
mod tests {
    use super::advance;

    const HOUR: f64 = 3_600_000.0;

    #[test]
    fn the_first_reading_is_the_wall_time() {
        assert_eq!(advance(None, 5.0, 1_000.0), 1_000.0);
    }

    #[test]
    fn a_wall_clock_stepped_back_does_not_slow_the_clock() {
        let reading = advance(Some((0.0, 10.0 * HOUR)), 1_000.0, 9.0 * HOUR);
        assert_eq!(reading, 10.0 * HOUR + 1_000.0);
    }

    #[test]
    fn a_wall_clock_ahead_moves_the_clock_forward() {
        // Eight hours asleep with performance.now() paused: the wall clock is ahead.
        let reading = advance(Some((0.0, 10.0 * HOUR)), 10.0, 18.0 * HOUR);
        assert_eq!(reading, 18.0 * HOUR);
    }

    #[test]
    fn the_clock_never_runs_backwards() {
        // A monotonic source that went back (it must not, but a host may be wrong).
        let reading = advance(Some((500.0, 10.0 * HOUR)), 100.0, 0.0);
        assert_eq!(reading, 10.0 * HOUR);
    }
}
