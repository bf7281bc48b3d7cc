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
            request_timeout_ms: crate::transport::DEFAULT_TIMEOUT_MS,
            retry: RetryOptions::default(),
        }
    }
}
