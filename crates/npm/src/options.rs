//! [`SessionOptions`] from the numbers the npm wrapper passes (it reads better-auth's
//! option names; this side only sees positions, [`option`], which keeps option parsing
//! out of the wasm; the test below checks them against the wrapper).

use better_auth_wasm::SessionOptions;
use option::*;

/// The positions of the session options `createAuthClient` takes: `OPTION_KEYS` in
/// `package/index.js` (better-auth's names, in the test below).
pub(crate) mod option {
    pub const FOCUS: usize = 0;
    pub const RECONNECT: usize = 1;
    pub const WHEN_OFFLINE: usize = 2;
    pub const CROSS_TAB: usize = 3;
    pub const INTERVAL_SECS: usize = 4;
    pub const FOCUS_THROTTLE_MS: usize = 5;
    pub const DEDUPE_MS: usize = 6;
    pub const TIMEOUT_MS: usize = 7;
    pub const RETRY_ATTEMPTS: usize = 8;
    pub const HYDRATION_MAX_AGE_MS: usize = 9;
}

/// Options from `values` over the defaults; flags are 1 or 0, times as named.
pub(crate) fn from_numbers(values: &[f64]) -> SessionOptions {
    let at = |i: usize| values.get(i).copied().filter(|n| !n.is_nan());
    let mut out = SessionOptions::default();
    let flag = |i: usize, into: &mut bool| {
        if let Some(value) = at(i) {
            *into = value != 0.0;
        }
    };
    flag(FOCUS, &mut out.refetch_on_window_focus);
    flag(RECONNECT, &mut out.refetch_on_reconnect);
    flag(WHEN_OFFLINE, &mut out.refetch_when_offline);
    flag(CROSS_TAB, &mut out.cross_tab_sync);
    let ms = |n: f64| n.clamp(0.0, f64::from(u32::MAX)) as u32;
    if let Some(seconds) = at(INTERVAL_SECS) {
        out.refetch_interval_ms = (seconds > 0.0).then(|| ms(seconds * 1_000.0));
    }
    if let Some(n) = at(FOCUS_THROTTLE_MS) {
        out.focus_throttle_ms = ms(n);
    }
    if let Some(n) = at(DEDUPE_MS) {
        out.dedupe_window_ms = ms(n);
    }
    if let Some(n) = at(TIMEOUT_MS) {
        out.request_timeout_ms = ms(n);
    }
    if let Some(n) = at(HYDRATION_MAX_AGE_MS) {
        out.hydration_max_age_ms = ms(n);
    }
    if let Some(n) = at(RETRY_ATTEMPTS) {
        out.retry.max_attempts = ms(n).max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wrappers_options_are_in_the_wasms_order() {
        // `const OPTION_KEYS = ["a", "b", ...];` in the wrapper.
        let wrapper = include_str!("../package/index.js");
        let keys: Vec<&str> = wrapper
            .split("const OPTION_KEYS = [")
            .nth(1)
            .and_then(|rest| rest.split("];").next())
            .expect("index.js has const OPTION_KEYS")
            .split(',')
            .map(|key| key.trim().trim_matches('"'))
            .filter(|key| !key.is_empty())
            .collect();
        let positions = [
            ("refetchOnWindowFocus", option::FOCUS),
            ("refetchOnReconnect", option::RECONNECT),
            ("refetchWhenOffline", option::WHEN_OFFLINE),
            ("crossTabSync", option::CROSS_TAB),
            ("refetchInterval", option::INTERVAL_SECS),
            ("focusThrottleMs", option::FOCUS_THROTTLE_MS),
            ("dedupeWindowMs", option::DEDUPE_MS),
            ("timeoutMs", option::TIMEOUT_MS),
            ("retryAttempts", option::RETRY_ATTEMPTS),
            ("hydrationMaxAgeMs", option::HYDRATION_MAX_AGE_MS),
        ];
        assert_eq!(keys.len(), positions.len(), "{keys:?}");
        for (name, at) in positions {
            assert_eq!(keys.get(at), Some(&name), "{name}");
        }
    }
}
