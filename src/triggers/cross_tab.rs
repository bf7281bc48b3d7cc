//! [`CrossTab`]: messages between tabs of one origin.
//!
//! Our tabs talk over a `BroadcastChannel` named after the API's base URL. To
//! interoperate with tabs running the official client, sign-in, sign-out and updates
//! are also written to, and read from, its localStorage key `better-auth.message`.
//! No message ever carries a token or session data. The browser calls are in
//! `src/triggers/browser.js`; here, what each message means.

use super::listener::{join_tabs, Tabs};
use crate::store::TabMessage;
use wasm_bindgen::closure::Closure;

fn encode(message: TabMessage) -> &'static str {
    match message {
        TabMessage::SignedIn => "signed-in",
        TabMessage::SignedOut => "signed-out",
        TabMessage::Updated => "updated",
        TabMessage::Fetching => "fetching",
        TabMessage::Changed => "changed",
    }
}

/// The message `text` names, if any.
pub(crate) fn decode(text: &str) -> Option<TabMessage> {
    Some(match text {
        "signed-in" => TabMessage::SignedIn,
        "signed-out" => TabMessage::SignedOut,
        "updated" => TabMessage::Updated,
        "fetching" => TabMessage::Fetching,
        "changed" => TabMessage::Changed,
        _ => return None,
    })
}

/// The official client's `trigger` for our message, when it has one.
fn official_trigger(message: TabMessage) -> Option<&'static str> {
    match message {
        TabMessage::SignedOut => Some("signout"),
        TabMessage::SignedIn => Some("getSession"),
        TabMessage::Updated => Some("updateUser"),
        TabMessage::Fetching | TabMessage::Changed => None,
    }
}

/// Tells the other tabs on `tabs`: ours on the channel, the official client's through
/// localStorage for the messages it knows.
pub(crate) fn post(tabs: &Tabs, message: TabMessage) {
    tabs.post(encode(message), official_trigger(message));
}

/// Joins our tabs' channel for `base_url` with a JavaScript `receive(text)` (the npm
/// face's shell).
#[cfg(feature = "js")]
pub(crate) fn join(base_url: &str, receive: &js_sys::Function) -> Tabs {
    super::listener::join_tabs_with(base_url, receive)
}

/// The channel (`src/triggers/browser.js`), and the closure it calls.
pub(crate) struct CrossTab {
    tabs: Tabs,
    _receive: Closure<dyn FnMut(String)>,
}

impl CrossTab {
    /// Joins the channel for `base_url`; `receive` gets each message from another tab
    /// (the official client's come through the page's storage listener).
    pub fn install(base_url: &str, receive: impl Fn(TabMessage) + 'static) -> Self {
        let receive = Closure::<dyn FnMut(String)>::new(move |text: String| {
            if let Some(message) = decode(&text) {
                receive(message);
            }
        });
        Self {
            tabs: join_tabs(base_url, &receive),
            _receive: receive,
        }
    }

    /// Tells the other tabs: ours on the channel, the official client's through
    /// localStorage for the messages it knows.
    pub fn send(&self, message: TabMessage) {
        post(&self.tabs, message);
    }
}

impl Drop for CrossTab {
    fn drop(&mut self) {
        self.tabs.close();
    }
}
