//! Messages between tabs of one origin: each [`TabMessage`] by the index `shell.js`
//! knows it by (`joinTabs` there names it on our tabs' channel and gives the official
//! client's tabs its trigger).
//!
//! Our tabs talk over a `BroadcastChannel` named after the API's base URL. To
//! interoperate with tabs running the official client, sign-in, sign-out and updates
//! are also written to its localStorage key `better-auth.message` (and read from it by
//! the page's hub). No message ever carries a token or session data.

use crate::store::TabMessage;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/shell/shell.js")]
extern "C" {
    /// Our tabs' channel for one base URL.
    pub(crate) type Tabs;

    /// Joins the channel: `receive(index)` for each message of another tab.
    #[wasm_bindgen(js_name = joinTabs)]
    pub(crate) fn join(base_url: &str, receive: &js_sys::Function) -> Tabs;

    /// Tells the other tabs message `index`; the official client's tabs too, for the
    /// messages it knows.
    #[wasm_bindgen(method, js_name = post)]
    fn post_index(this: &Tabs, index: u8);

    /// Leaves the channel.
    #[wasm_bindgen(method)]
    pub(crate) fn close(this: &Tabs);
}

/// The messages by index: `TAB_MESSAGES` in `shell.js` names them (`signed-in`, ...),
/// and `TRIGGERS` gives the official client's trigger of the first three.
const MESSAGES: [TabMessage; 5] = [
    TabMessage::SignedIn,
    TabMessage::SignedOut,
    TabMessage::Updated,
    TabMessage::Fetching,
    TabMessage::Changed,
];

/// The message at `index`, if any.
pub(crate) fn message(index: u8) -> Option<TabMessage> {
    MESSAGES.get(usize::from(index)).copied()
}

/// Tells the other tabs on `tabs`: ours on the channel, the official client's through
/// localStorage for the messages it knows.
pub(crate) fn post(tabs: &Tabs, message: TabMessage) {
    let index = MESSAGES
        .iter()
        .position(|m| *m == message)
        .unwrap_or_default();
    tabs.post_index(u8::try_from(index).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js_list(name: &str) -> Vec<String> {
        super::super::protocol::js_source::list("src/shell/shell.js", name)
    }

    #[test]
    fn the_shell_names_each_message_at_its_index() {
        let names = js_list("TAB_MESSAGES");
        let expected = [
            (TabMessage::SignedIn, "signed-in", Some("getSession")),
            (TabMessage::SignedOut, "signed-out", Some("signout")),
            (TabMessage::Updated, "updated", Some("updateUser")),
            (TabMessage::Fetching, "fetching", None),
            (TabMessage::Changed, "changed", None),
        ];
        let triggers = js_list("TRIGGERS");
        assert_eq!(names.len(), expected.len());
        for (at, (expected, name, trigger)) in expected.into_iter().enumerate() {
            assert_eq!(message(u8::try_from(at).unwrap()), Some(expected));
            assert_eq!(names[at], name);
            assert_eq!(triggers.get(at).map(String::as_str), trigger, "{name}");
        }
        assert_eq!(message(5), None);
    }
}
