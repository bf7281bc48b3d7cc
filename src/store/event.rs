//! The machine's inputs ([`Event`]) and outputs ([`Command`]).

use crate::error::AuthError;
use crate::model::Timestamp;

/// Identifies one session read, so a late answer to an older one is recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FetchId(pub u64);

/// Why a session read started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchReason {
    /// The first subscriber arrived (or one arrived after the dedupe window).
    Mount,
    /// The app asked (`refetch`, `refreshSession`).
    Refetch,
    /// The page became visible or the window got focus.
    Focus,
    /// The browser came back online.
    Reconnect,
    /// Interval polling.
    Interval,
    /// The session's `expiresAt` passed.
    Expiry,
    /// A retry after a failed read.
    Retry,
    /// A mutation in this tab (sign-in, update, revoke).
    Mutation,
    /// Another tab said the session changed.
    OtherTab,
}

impl FetchReason {
    /// The reason as a short lowercase word (`"focus"`, `"interval"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mount => "mount",
            Self::Refetch => "refetch",
            Self::Focus => "focus",
            Self::Reconnect => "reconnect",
            Self::Interval => "interval",
            Self::Expiry => "expiry",
            Self::Retry => "retry",
            Self::Mutation => "mutation",
            Self::OtherTab => "other-tab",
        }
    }
}

/// A message between tabs of one origin. Never carries a token or session data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabMessage {
    /// A tab signed in (or switched account).
    SignedIn,
    /// A tab signed out, or revoked its own session.
    SignedOut,
    /// The session or user changed (update, revocation of other sessions).
    Updated,
    /// A tab started a session read: the others count it for their throttle and polling.
    Fetching,
    /// A tab's read found the session changed: the others should read it too.
    Changed,
}

/// What a finished read gave.
pub type FetchOutcome<D> = Result<Option<D>, AuthError>;

/// An input of the machine. `now` is the current time, given by the caller.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<D> {
    /// A subscriber arrived.
    Subscribed,
    /// A subscriber left.
    Unsubscribed,
    /// The app asked for a fresh read; `bypass_cache` skips the server's cookie cache.
    RefetchRequested {
        /// Skip the server's cookie cache.
        bypass_cache: bool,
    },
    /// A read finished.
    FetchFinished {
        /// Which read.
        id: FetchId,
        /// What it gave.
        outcome: FetchOutcome<D>,
    },
    /// The window got focus.
    Focused,
    /// The page's visibility changed.
    VisibilityChanged {
        /// True when the page became visible.
        visible: bool,
    },
    /// The browser came online.
    Online,
    /// The browser went offline.
    Offline,
    /// The timer armed by [`Command::ArmTimer`] fired.
    TimerFired,
    /// A sign-in or sign-up in this tab succeeded.
    SignedIn,
    /// A sign-out (or revocation of this device's session) in this tab got 200.
    SignedOut,
    /// The session or user changed through this tab (update, revoking other sessions).
    SessionChanged,
    /// A message from another tab.
    FromOtherTab(TabMessage),
    /// A session read elsewhere (by the server that rendered the page, or a read the
    /// page started before the client existed). Taken only while the store has no
    /// result yet, as a result that arrived now: the first subscriber then does not
    /// read again (within the dedupe window).
    Hydrated(Option<D>),
    /// The client is being dropped: abort and disarm everything.
    Closed,
}

/// An output of the machine, for the shell to carry out in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a session read.
    StartFetch {
        /// Its id, to give back in [`Event::FetchFinished`].
        id: FetchId,
        /// Read with `disableCookieCache=true`.
        bypass_cache: bool,
    },
    /// Abort a read; its result, if it still arrives, is ignored.
    AbortFetch(FetchId),
    /// The state changed: hand the new snapshot to subscribers.
    Publish,
    /// Tell the other tabs.
    Broadcast(TabMessage),
    /// (Re)arm the single timer to fire at this time, replacing any armed one.
    ArmTimer(Timestamp),
    /// Disarm the timer.
    DisarmTimer,
}
