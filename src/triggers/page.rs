//! [`PageEvents`]: the page's visibility, focus, connectivity and the official client's
//! localStorage messages, heard through one set of listeners per page however many
//! clients it has, and handed to each client as [`PageSignal`]s.
//!
//! The listeners are installed with the first client and removed with the last one.
//! The source of visibility, focus and connectivity is replaceable
//! ([`crate::page::set_source`]): the app then sends them itself
//! ([`crate::page::send`]), in a browser or not (a native test of the shell, a host
//! without a DOM page).

use super::listener::{self, Listening};
use crate::page::PageSource;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;

/// Something the page told every client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PageSignal {
    /// The page became visible (`true`) or hidden.
    Visible(bool),
    /// The window got focus.
    Focused,
    /// The browser came online.
    Online,
    /// The browser went offline.
    Offline,
    /// A tab of the official client wrote a session message: a sign-out (`true`) or
    /// another change.
    Official {
        /// The message was a sign-out.
        signed_out: bool,
    },
}

type Sink = Rc<dyn Fn(&PageSignal)>;

type PageListeners = Option<Listening<dyn FnMut(u8, bool)>>;

/// The page's listeners and the clients hearing them.
struct Hub {
    /// Visibility, focus and connectivity: none when the app is the source.
    page: PageListeners,
    /// The official client's localStorage messages.
    _storage: Option<Listening<dyn FnMut(bool)>>,
    sinks: Vec<(u64, Sink)>,
    next: u64,
}

thread_local! {
    static HUB: RefCell<Option<Hub>> = const { RefCell::new(None) };
    static SOURCE: Cell<PageSource> = const { Cell::new(PageSource::Browser) };
}

/// Chooses where visibility, focus and connectivity come from, for the clients there
/// are and those to come.
pub(crate) fn set_source(source: PageSource) {
    if SOURCE.with(|current| current.replace(source)) == source {
        return;
    }
    // Listeners change only while clients hear them; the replaced ones drop outside
    // the borrow.
    let replaced = HUB.with(|hub| {
        hub.borrow_mut()
            .as_mut()
            .map(|hub| std::mem::replace(&mut hub.page, page_listeners()))
    });
    drop(replaced);
}

/// The page listeners the current source calls for: the browser's, or none.
fn page_listeners() -> PageListeners {
    match source() {
        PageSource::Browser => listen_to_page(),
        PageSource::App => None,
    }
}

fn source() -> PageSource {
    SOURCE.with(Cell::get)
}

/// Hands `signal` to every client registered now. A client dropped by an earlier one's
/// handler still gets it, and ignores it (its sink holds the client weakly).
pub(crate) fn deliver(signal: PageSignal) {
    let sinks: Vec<Sink> = HUB.with(|hub| {
        hub.borrow()
            .as_ref()
            .map(|hub| hub.sinks.iter().map(|(_, sink)| Rc::clone(sink)).collect())
            .unwrap_or_default()
    });
    for sink in sinks {
        sink(&signal);
    }
}

/// The browser's visibility, focus and connectivity listeners (none outside a
/// browser).
fn listen_to_page() -> PageListeners {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let deliver = Closure::<dyn FnMut(u8, bool)>::new(|kind: u8, visible: bool| {
        deliver(match kind {
            0 => PageSignal::Visible(visible),
            1 => PageSignal::Focused,
            2 => PageSignal::Online,
            _ => PageSignal::Offline,
        })
    });
    Some(Listening::new(listener::listen_to_page(&deliver), deliver))
}

/// The listener for the official client's localStorage messages (none outside a
/// browser).
fn listen_to_official() -> Option<Listening<dyn FnMut(bool)>> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let deliver = Closure::<dyn FnMut(bool)>::new(|signed_out: bool| {
        deliver(PageSignal::Official { signed_out })
    });
    Some(Listening::new(
        listener::listen_to_official(&deliver),
        deliver,
    ))
}

/// One client's place among the page's listeners; leaving it (drop) removes the
/// listeners when it was the last.
pub(crate) struct PageEvents {
    id: u64,
}

impl PageEvents {
    /// Registers `sink` for the page's signals, installing the page's listeners if this
    /// is the first client.
    pub fn install(sink: impl Fn(&PageSignal) + 'static) -> Self {
        HUB.with(|hub| {
            let mut hub = hub.borrow_mut();
            let hub = hub.get_or_insert_with(|| Hub {
                page: page_listeners(),
                _storage: listen_to_official(),
                sinks: Vec::new(),
                next: 0,
            });
            hub.next += 1;
            hub.sinks.push((hub.next, Rc::new(sink)));
            Self { id: hub.next }
        })
    }

    /// The page's state now: hidden and offline pages start so (when the browser is
    /// the source).
    pub fn initial_signals() -> Vec<PageSignal> {
        if !cfg!(target_arch = "wasm32") || source() != PageSource::Browser {
            return Vec::new();
        }
        let state = listener::page_state();
        let mut signals = Vec::new();
        if state & 1 != 0 {
            signals.push(PageSignal::Offline);
        }
        if state & 2 != 0 {
            signals.push(PageSignal::Visible(false));
        }
        signals
    }
}

impl Drop for PageEvents {
    fn drop(&mut self) {
        // Taken out first: dropping the listeners must not happen inside the borrow.
        let emptied = HUB.with(|hub| {
            let mut hub = hub.borrow_mut();
            let empty = hub.as_mut().is_some_and(|hub| {
                hub.sinks.retain(|(id, _)| *id != self.id);
                hub.sinks.is_empty()
            });
            if empty {
                hub.take()
            } else {
                None
            }
        });
        drop(emptied);
    }
}
