//! [`SessionOptions`]: how the session store refetches, retries and syncs tabs.
//!
//! Plain data with the defaults of the official client where it has one, and calmer
//! ones where it does not. Read by the sans-IO store and the browser shell.

/// Retry of failed session reads (network errors, timeouts, 5xx, 429, invalid bodies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryOptions {
    /// Attempts in a row before the store stops retrying (the first one included).
    /// 1 turns retries off.
    pub max_attempts: u32,
    /// Delay before the first retry, in milliseconds; it doubles with each attempt.
    pub base_delay_ms: u32,
    /// The longest delay between attempts, in milliseconds (a server's `Retry-After`
    /// may ask for longer and is honoured).
    pub max_delay_ms: u32,
}

impl Default for RetryOptions {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay_ms: 1_000,
            max_delay_ms: 30_000,
        }
    }
}

/// How the session store keeps itself fresh.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionOptions {
    /// Refetch when the page becomes visible or the window gets focus (default on).
    pub refetch_on_window_focus: bool,
    /// The least time between a fetch and a focus- or reconnect-driven one, in
    /// milliseconds (default 5,000). Every fetch counts, the first one included.
    pub focus_throttle_ms: u32,
    /// Refetch when the browser comes back online (default on).
    pub refetch_on_reconnect: bool,
    /// Poll every this many milliseconds while signed in, visible and online
    /// (default `None`: no polling). Tabs of one origin share the polling.
    pub refetch_interval_ms: Option<u32>,
    /// Keep polling and refetching on focus while the browser says it is offline
    /// (default off).
    pub refetch_when_offline: bool,
    /// Keep tabs of one origin in step: sign-in, sign-out, revocation and updates in
    /// one tab reach the others (default on).
    pub cross_tab_sync: bool,
    /// A subscriber arriving within this many milliseconds of a result uses it instead
    /// of fetching (default 1,000).
    pub dedupe_window_ms: u32,
    /// A session handed to the store from elsewhere (`hydrate_session`: the session the
    /// server rendered the page with) stands in for a read for this many milliseconds
    /// after it is handed over: subscribers arriving meanwhile use it and read nothing
    /// (default 60,000; 0 leaves only `dedupe_window_ms`). Focus, polling, expiry and
    /// other tabs' messages refetch as usual, counting the hydration as the last read.
    pub hydration_max_age_ms: u32,
    /// How long one request may take, body included, in milliseconds (default 10,000).
    pub request_timeout_ms: u32,
    /// Retry of failed reads.
    pub retry: RetryOptions,
}

impl Default for SessionOptions {
    fn default() -> Self {
        Self {
            refetch_on_window_focus: true,
            focus_throttle_ms: 5_000,
            refetch_on_reconnect: true,
            refetch_interval_ms: None,
            refetch_when_offline: false,
            cross_tab_sync: true,
            dedupe_window_ms: 1_000,
            hydration_max_age_ms: 60_000,
            request_timeout_ms: crate::transport::DEFAULT_TIMEOUT_MS,
            retry: RetryOptions::default(),
        }
    }
}

/// The shortest polling interval: below it, a typo (`0.001` seconds) would poll the
/// server hundreds of times a second.
pub(crate) const MIN_REFETCH_INTERVAL_MS: u32 = 1_000;
/// The shortest delay before a retry.
pub(crate) const MIN_RETRY_DELAY_MS: u32 = 100;
/// The longest a retry delay may be capped at is at least this (retries back off to
/// once a second at the most often).
pub(crate) const MIN_RETRY_CAP_MS: u32 = 1_000;
/// The shortest focus/reconnect throttle.
pub(crate) const MIN_FOCUS_THROTTLE_MS: u32 = 250;
/// The longest timeout a browser timer can wait (2^31 - 1 ms).
const MAX_TIMER_MS: u32 = i32::MAX as u32;

impl SessionOptions {
    /// These options as the client uses them, every value made workable: polling no
    /// faster than once a second, focus and reconnect refetches at least 250 ms apart,
    /// retries no sooner than 100 ms and backing off to at least a second, a timeout of
    /// 0 meaning the default and none past what a browser timer can wait (2^31 - 1 ms).
    /// With them, automatic reads (focus, reconnect, polling, retries, other tabs) stay
    /// under 500 a minute whatever the page does.
    pub fn sanitized(mut self) -> Self {
        self.refetch_interval_ms = self
            .refetch_interval_ms
            .map(|ms| ms.clamp(MIN_REFETCH_INTERVAL_MS, MAX_TIMER_MS));
        if self.request_timeout_ms == 0 {
            self.request_timeout_ms = crate::transport::DEFAULT_TIMEOUT_MS;
        }
        self.request_timeout_ms = self.request_timeout_ms.min(MAX_TIMER_MS);
        self.retry.base_delay_ms = self.retry.base_delay_ms.max(MIN_RETRY_DELAY_MS);
        self.retry.max_delay_ms = self
            .retry
            .max_delay_ms
            .max(self.retry.base_delay_ms)
            .max(MIN_RETRY_CAP_MS);
        self.focus_throttle_ms = self.focus_throttle_ms.max(MIN_FOCUS_THROTTLE_MS);
        self.retry.max_attempts = self.retry.max_attempts.max(1);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unworkable_values_are_made_workable() {
        let mut options = SessionOptions {
            refetch_interval_ms: Some(0),
            request_timeout_ms: 0,
            ..SessionOptions::default()
        };
        options.retry.base_delay_ms = 0;
        options.retry.max_delay_ms = 0;
        options.retry.max_attempts = 0;
        let fixed = options.sanitized();
        assert_eq!(fixed.refetch_interval_ms, Some(MIN_REFETCH_INTERVAL_MS));
        assert_eq!(
            fixed.request_timeout_ms,
            crate::transport::DEFAULT_TIMEOUT_MS
        );
        assert_eq!(fixed.retry.base_delay_ms, MIN_RETRY_DELAY_MS);
        assert!(fixed.retry.max_delay_ms >= MIN_RETRY_DELAY_MS);
        assert_eq!(fixed.retry.max_attempts, 1);
        let huge = SessionOptions {
            request_timeout_ms: u32::MAX,
            refetch_interval_ms: Some(u32::MAX),
            ..SessionOptions::default()
        }
        .sanitized();
        assert_eq!(huge.request_timeout_ms, i32::MAX as u32);
        assert_eq!(huge.refetch_interval_ms, Some(i32::MAX as u32));
        assert_eq!(
            SessionOptions::default().sanitized(),
            SessionOptions::default()
        );
    }
}
