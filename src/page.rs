//! The page's visibility, focus and connectivity, as every client on the page hears
//! them, and where they come from.
//!
//! By default the clients listen to the browser (`visibilitychange`, `focus`,
//! `online`, `offline`: one set of listeners for the page, however many clients). An
//! app that owns its focus logic, a host without a DOM page, or a test chooses
//! [`PageSource::App`] and sends the events itself with [`send`]:
//!
//! ```
//! use better_auth_wasm::page::{self, PageEvent, PageSource};
//!
//! page::set_source(PageSource::App);
//! // ... when the app's own window manager reports that the app came to the front:
//! page::send(PageEvent::Visible(true));
//! page::send(PageEvent::Focused);
//! ```
//!
//! The clients apply their usual rules to what they hear (focus refetch and its
//! throttle, no reads while offline, polling only while visible). The official
//! client's localStorage messages are heard from the browser in both cases.

/// Where the clients of this page hear visibility, focus and connectivity from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageSource {
    /// The browser's events (the default).
    #[default]
    Browser,
    /// Only what the app sends with [`send`]; the browser's listeners are removed.
    App,
}

/// Something that happened to the page, for every client on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageEvent {
    /// The page became visible (`true`) or hidden (`false`).
    Visible(bool),
    /// The page (its window) got focus.
    Focused,
    /// The device came online.
    Online,
    /// The device went offline.
    Offline,
}

/// Chooses where the clients of this page hear visibility, focus and connectivity
/// from: for the clients there are and those to come. Outside a browser there is no
/// page: nothing to choose.
pub fn set_source(source: PageSource) {
    if crate::transport::in_browser().is_ok() {
        crate::shell::set_page_source(match source {
            PageSource::App => "app",
            PageSource::Browser => "browser",
        });
    }
}

/// Tells every client of this page that `event` happened. Works with either source
/// (with [`PageSource::Browser`] the browser's events still arrive too). Outside a
/// browser there is no page: nothing is told.
pub fn send(event: PageEvent) {
    if crate::transport::in_browser().is_err() {
        return;
    }
    crate::shell::send_page_event(match event {
        PageEvent::Visible(true) => "visible",
        PageEvent::Visible(false) => "hidden",
        PageEvent::Focused => "focus",
        PageEvent::Online => "online",
        PageEvent::Offline => "offline",
    });
}
