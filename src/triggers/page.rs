//! [`PageEvents`]: the page's visibility, focus, connectivity and the official client's
//! localStorage messages, heard through one set of listeners per page however many
//! clients it has, and handed to each client as [`PageSignal`]s.
//!
//! The listeners are installed with the first client and removed with the last one.
//! The source of visibility, focus and connectivity is replaceable
//! ([`crate::page::set_source`]): the app then sends them itself
//! ([`crate::page::send`]), in a browser or not (a native test of the shell, a host
//! without a DOM page).

use super::listener::EventListener;
use crate::page::PageSource;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use web_sys::{StorageEvent, VisibilityState};

/// The official client's localStorage key, the one storage key listened to.
pub(crate) const STORAGE_KEY: &str = "better-auth.message";

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
    /// Another tab wrote this value to [`STORAGE_KEY`].
    Storage(String),
}

type Sink = Rc<dyn Fn(&PageSignal)>;

/// The page's listeners and the clients hearing them.
struct Hub {
    /// Visibility, focus and connectivity: none when the app is the source.
    page: Vec<EventListener>,
    /// The official client's localStorage messages.
    _storage: Vec<EventListener>,
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
fn page_listeners() -> Vec<EventListener> {
    match source() {
        PageSource::Browser => listen_to_page(),
        PageSource::App => Vec::new(),
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

/// Outside a browser there is no page to listen to.
#[cfg(not(target_arch = "wasm32"))]
fn listen_to_page() -> Vec<EventListener> {
    Vec::new()
}

/// The browser's visibility, focus and connectivity listeners.
#[cfg(target_arch = "wasm32")]
fn listen_to_page() -> Vec<EventListener> {
    let mut listeners = Vec::new();
    {
        let Some(window) = web_sys::window() else {
            return listeners; // a worker: no page to listen to
        };
        if let Some(document) = window.document() {
            let doc = document.clone();
            listeners.extend(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    deliver(PageSignal::Visible(
                        doc.visibility_state() == VisibilityState::Visible,
                    ))
                },
            ));
        }
        let on = |name: &'static str, signal: PageSignal| {
            EventListener::new(&window, name, move |_| deliver(signal.clone()))
        };
        listeners.extend(on("focus", PageSignal::Focused));
        listeners.extend(on("online", PageSignal::Online));
        listeners.extend(on("offline", PageSignal::Offline));
    }
    listeners
}

/// Outside a browser there is no storage to listen to.
#[cfg(not(target_arch = "wasm32"))]
fn listen_to_storage() -> Vec<EventListener> {
    Vec::new()
}

/// The listener for the official client's localStorage messages.
#[cfg(target_arch = "wasm32")]
fn listen_to_storage() -> Vec<EventListener> {
    let mut listeners = Vec::new();
    if let Some(window) = web_sys::window() {
        listeners.extend(EventListener::new(&window, "storage", |event| {
            let Some(event) = event.dyn_ref::<StorageEvent>() else {
                return;
            };
            if event.key().as_deref() == Some(STORAGE_KEY) {
                if let Some(value) = event.new_value() {
                    deliver(PageSignal::Storage(value));
                }
            }
        }));
    }
    listeners
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
                _storage: listen_to_storage(),
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
        #[cfg(target_arch = "wasm32")]
        if let (PageSource::Browser, Some(window)) = (source(), web_sys::window()) {
            let mut signals = Vec::new();
            if !window.navigator().on_line() {
                signals.push(PageSignal::Offline);
            }
            if let Some(document) = window.document() {
                if document.visibility_state() != VisibilityState::Visible {
                    signals.push(PageSignal::Visible(false));
                }
            }
            return signals;
        }
        Vec::new()
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
