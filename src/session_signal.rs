//! [`SessionSignal`]: the session store as a futures-signals `Signal` that counts as a
//! subscriber for as long as it lives.

use crate::model::SessionData;
use crate::shell::Subscription;
use crate::store::SessionState;
use futures_signals::signal::{MutableSignalCloned, Signal};
use std::pin::Pin;
use std::task::{Context, Poll};

/// A signal of the session store's [`SessionState`]: the current snapshot first, then
/// each change. Returned by [`crate::AuthClient::session`]; drop it to unsubscribe.
#[must_use = "a signal does nothing unless polled, and unsubscribes when dropped"]
pub struct SessionSignal {
    signal: MutableSignalCloned<SessionState<SessionData>>,
    _subscription: Subscription,
}

impl SessionSignal {
    pub(crate) fn new(
        signal: MutableSignalCloned<SessionState<SessionData>>,
        subscription: Subscription,
    ) -> Self {
        Self {
            signal,
            _subscription: subscription,
        }
    }
}

impl Signal for SessionSignal {
    type Item = SessionState<SessionData>;

    fn poll_change(self: Pin<&mut Self>, cx: &mut Context) -> Poll<Option<Self::Item>> {
        Pin::new(&mut self.get_mut().signal).poll_change(cx)
    }
}

impl std::fmt::Debug for SessionSignal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionSignal")
    }
}
