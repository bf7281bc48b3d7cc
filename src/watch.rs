//! [`Watch`]: runs a callback on every change of a client's session store, as one
//! subscriber, until the watch is dropped. The bridge behind the Leptos and Yew
//! integrations.

use crate::client::AuthClient;
use crate::model::SessionData;
use crate::store::SessionState;
use futures_signals::signal::SignalExt;
use futures_util::future::{abortable, AbortHandle};

/// The running watch; dropping it unsubscribes.
pub(crate) struct Watch(AbortHandle);

impl Drop for Watch {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Calls `on_change` with the current state, then after every change.
pub(crate) fn watch_session(
    client: &AuthClient,
    on_change: impl Fn(SessionState<SessionData>) + 'static,
) -> Watch {
    let (task, handle) = abortable(client.session().for_each(move |state| {
        on_change(state);
        std::future::ready(())
    }));
    wasm_bindgen_futures::spawn_local(async move {
        // Aborted when the watch is dropped: the signal, and its subscription, go with it.
        let _ = task.await;
    });
    Watch(handle)
}
