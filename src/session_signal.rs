//! [`SessionSignal`]: the session store as a futures-signals `Signal`, hanging off the
//! store's one listener registry: a change only marks the signal and wakes its task;
//! the state is read (the session's `Arc` cloned, never the session) when polled.

use crate::model::SessionData;
use crate::shell::{Registration, Shell, Subscription};
use crate::store::SessionState;
use futures_signals::signal::Signal;
use std::cell::{Cell, RefCell};
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

/// A signal of the session store's [`SessionState`]: the current snapshot first, then
/// the latest state after each change (states in between may be skipped, as with any
/// futures-signals signal). Returned by [`crate::AuthClient::session`]; it counts as a
/// subscriber while it lives: drop it to unsubscribe. It ends when the client is
/// dropped.
#[must_use = "a signal does nothing unless polled, and unsubscribes when dropped"]
pub struct SessionSignal {
    changes: StateChanges,
    _subscription: Subscription,
}

impl SessionSignal {
    pub(crate) fn new(inner: &Rc<Shell>) -> Self {
        let subscription = Subscription::new(inner);
        Self {
            changes: StateChanges::new(inner),
            _subscription: subscription,
        }
    }
}

impl Signal for SessionSignal {
    type Item = SessionState<Arc<SessionData>>;

    fn poll_change(self: Pin<&mut Self>, cx: &mut Context) -> Poll<Option<Self::Item>> {
        self.get_mut().changes.poll(cx)
    }
}

impl std::fmt::Debug for SessionSignal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionSignal")
    }
}

/// The store's states as they change, without counting as a subscriber.
pub(crate) struct StateChanges {
    inner: Weak<Shell>,
    wake: Rc<Wake>,
    _registration: Registration,
}

/// Shared by a signal and its listener: whether the state changed since the last poll,
/// and the task to wake.
#[derive(Default)]
struct Wake {
    changed: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Wake {
    fn wake(&self) {
        self.changed.set(true);
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }
}

/// Held by the listener: when the client drops its listeners, the signal's task is
/// woken to see that the client is gone.
struct WakeOnDrop(Rc<Wake>);

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        self.0.wake();
    }
}

impl StateChanges {
    pub(crate) fn new(inner: &Rc<Shell>) -> Self {
        let wake = Rc::new(Wake::default());
        wake.changed.set(true); // the current state comes first
        let on_drop = WakeOnDrop(Rc::clone(&wake));
        let registration = inner.register(Rc::new(move || on_drop.0.wake()));
        Self {
            inner: Rc::downgrade(inner),
            wake,
            _registration: registration,
        }
    }

    /// The state when it changed since the last poll; `None` once the client is gone.
    pub(crate) fn poll(&mut self, cx: &Context) -> Poll<Option<SessionState<Arc<SessionData>>>> {
        let Some(inner) = self.inner.upgrade() else {
            return Poll::Ready(None);
        };
        if self.wake.changed.replace(false) {
            return Poll::Ready(Some(inner.snapshot()));
        }
        self.wake.waker.replace(Some(cx.waker().clone()));
        Poll::Pending
    }
}
