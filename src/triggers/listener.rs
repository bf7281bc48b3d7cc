//! [`EventListener`]: one DOM event listener that removes itself on drop (gloo-events'
//! ownership style, without the dependency).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// A listener for `event_type` on `target`, removed when dropped.
pub(crate) struct EventListener {
    target: EventTarget,
    event_type: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl EventListener {
    /// Adds the listener; `None` when the browser refuses it.
    pub fn new(
        target: &EventTarget,
        event_type: &'static str,
        callback: impl FnMut(Event) + 'static,
    ) -> Option<Self> {
        let callback = Closure::<dyn FnMut(Event)>::new(callback);
        target
            .add_event_listener_with_callback(event_type, callback.as_ref().unchecked_ref())
            .ok()?;
        Some(Self {
            target: target.clone(),
            event_type,
            callback,
        })
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            self.event_type,
            self.callback.as_ref().unchecked_ref(),
        );
    }
}
