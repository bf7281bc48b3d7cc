//! [`PageEvents`]: focus, visibility and connectivity of the page, as store events.

use super::listener::EventListener;
use crate::store::Event;
use web_sys::VisibilityState;

/// The page's `visibilitychange`, window `focus`, `online` and `offline` listeners.
pub(crate) struct PageEvents {
    _listeners: Vec<EventListener>,
}

impl PageEvents {
    /// Listens on the current window and document; `send` gets each event. Outside a
    /// window (a worker) there is nothing to listen to.
    pub fn install<D: 'static>(send: impl Fn(Event<D>) + Clone + 'static) -> Self {
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            if let Some(document) = window.document() {
                let send = send.clone();
                let doc = document.clone();
                listeners.extend(EventListener::new(
                    &document,
                    "visibilitychange",
                    move |_| {
                        send(Event::VisibilityChanged {
                            visible: doc.visibility_state() == VisibilityState::Visible,
                        })
                    },
                ));
            }
            let on = |name: &'static str, event: fn() -> Event<D>| {
                let send = send.clone();
                EventListener::new(&window, name, move |_| send(event()))
            };
            listeners.extend(on("focus", || Event::Focused));
            listeners.extend(on("online", || Event::Online));
            listeners.extend(on("offline", || Event::Offline));
        }
        Self {
            _listeners: listeners,
        }
    }

    /// The page's state now, as events: hidden and offline pages start so.
    pub fn initial_events<D>() -> Vec<Event<D>> {
        let mut events = Vec::new();
        if let Some(window) = web_sys::window() {
            if !window.navigator().on_line() {
                events.push(Event::Offline);
            }
            if let Some(document) = window.document() {
                if document.visibility_state() != VisibilityState::Visible {
                    events.push(Event::VisibilityChanged { visible: false });
                }
            }
        }
        events
    }
}
