//! The bindings of `src/triggers/browser.js` (the page's listeners, the official
//! client's messages, our tabs' channel) and [`Listening`]: listeners it added, removed
//! on drop (gloo-events' ownership style).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/triggers/browser.js")]
extern "C" {
    /// `deliver(kind, visible)`: 0 visibility, 1 focus, 2 online, 3 offline. Returns
    /// the function that removes the listeners.
    #[wasm_bindgen(js_name = listenToPage)]
    pub(crate) fn listen_to_page(deliver: &Closure<dyn FnMut(u8, bool)>) -> js_sys::Function;

    /// 1 when offline, plus 2 when hidden.
    #[wasm_bindgen(js_name = pageState)]
    pub(crate) fn page_state() -> u8;

    /// `deliver(signed_out)` for each official client's session message of another tab.
    #[wasm_bindgen(js_name = listenToOfficial)]
    pub(crate) fn listen_to_official(deliver: &Closure<dyn FnMut(bool)>) -> js_sys::Function;

    /// Our tabs' channel for one base URL.
    pub(crate) type Tabs;

    /// Joins the channel: `receive(text)` for each message of another tab.
    #[wasm_bindgen(js_name = joinTabs)]
    pub(crate) fn join_tabs(base_url: &str, receive: &Closure<dyn FnMut(String)>) -> Tabs;

    /// [`join_tabs`] with a JavaScript function.
    #[cfg(feature = "js")]
    #[wasm_bindgen(js_name = joinTabs)]
    pub(crate) fn join_tabs_with(base_url: &str, receive: &js_sys::Function) -> Tabs;

    /// Tells the other tabs; with `trigger`, the official client's tabs too.
    #[wasm_bindgen(method)]
    pub(crate) fn post(this: &Tabs, text: &str, trigger: Option<&str>);

    /// Leaves the channel.
    #[wasm_bindgen(method)]
    pub(crate) fn close(this: &Tabs);
}

/// Listeners added by `browser.js`, with the closure they call: dropping this removes
/// them, then frees the closure.
pub(crate) struct Listening<F: ?Sized> {
    remove: js_sys::Function,
    _callback: Closure<F>,
}

impl<F: ?Sized> Listening<F> {
    /// Keeps `callback` alive until `remove` (what added it returned) has been called.
    pub fn new(remove: js_sys::Function, callback: Closure<F>) -> Self {
        Self {
            remove,
            _callback: callback,
        }
    }
}

impl<F: ?Sized> Drop for Listening<F> {
    fn drop(&mut self) {
        let _ = self.remove.call0(&JsValue::NULL);
    }
}
