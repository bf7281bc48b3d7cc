//! The shell of the session store: [`Inner`] carries out the store's commands (reads,
//! the one timer, broadcasts, notifying listeners) and feeds browser events and read
//! results back in. It holds no rule of its own (those are in `crate::store`).
//!
//! One publish path: the machine's state is the one copy of the session (shared,
//! immutable `Arc<SessionData>`); on `Publish` the shell calls its one listener
//! registry, and every face (the futures-signals signal, the JS face, Leptos, Yew)
//! hangs off that registry and reads the state in place or clones the `Arc`.

use crate::clock::now;
use crate::error::{AuthError, ErrorCode};
pub(crate) use crate::loaded::Loaded;
use crate::model::SessionData;
use crate::options::SessionOptions;
use crate::store::{Command, Event, FetchId, Machine, SessionState, TabMessage};
use crate::transport::{Method, Transport};
use crate::triggers::{CrossTab, PageEvents, PageSignal};
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::AbortController;

pub(crate) type Listener = Rc<dyn Fn()>;

pub(crate) struct Inner {
    pub(crate) transport: Transport,
    machine: RefCell<Machine<Loaded>>,
    queue: RefCell<VecDeque<Event<Loaded>>>,
    dispatching: Cell<bool>,
    reads: RefCell<Vec<(FetchId, AbortController)>>,
    timer: RefCell<Option<Timeout>>,
    listeners: RefCell<Vec<(u64, Listener)>>,
    next_listener: Cell<u64>,
    page: RefCell<Option<PageEvents>>,
    cross_tab: RefCell<Option<CrossTab>>,
}

impl Inner {
    /// The shell for one client: it joins the page's events (`crate::page`), and in
    /// the browser the cross-tab channel.
    pub(crate) fn new(transport: Transport, options: SessionOptions, seed: u64) -> Rc<Self> {
        let cross_tab_sync = options.cross_tab_sync;
        let inner = Rc::new(Self {
            transport,
            machine: RefCell::new(Machine::new(options, seed)),
            queue: RefCell::new(VecDeque::new()),
            dispatching: Cell::new(false),
            reads: RefCell::new(Vec::new()),
            timer: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            next_listener: Cell::new(0),
            page: RefCell::new(None),
            cross_tab: RefCell::new(None),
        });
        install_triggers(&inner, cross_tab_sync);
        inner
    }

    /// Feeds one event to the store and carries out its commands. Events raised while
    /// doing so (a listener calling `refetch`) are queued, never nested.
    pub(crate) fn dispatch(self: &Rc<Self>, event: Event<Loaded>) {
        self.queue.borrow_mut().push_back(event);
        if self.dispatching.replace(true) {
            return;
        }
        loop {
            let Some(event) = self.queue.borrow_mut().pop_front() else {
                break;
            };
            let commands = match self.machine.try_borrow_mut() {
                Ok(mut machine) => machine.handle(event, now()),
                Err(_) => Vec::new(),
            };
            for command in commands {
                self.execute(command);
            }
        }
        self.dispatching.set(false);
    }

    fn execute(self: &Rc<Self>, command: Command) {
        match command {
            Command::StartFetch { id, bypass_cache } => self.start_read(id, bypass_cache),
            Command::AbortFetch(id) => {
                let mut reads = self.reads.borrow_mut();
                if let Some(at) = reads.iter().position(|(read, _)| *read == id) {
                    let (_, controller) = reads.swap_remove(at);
                    controller.abort();
                }
            }
            Command::Publish => self.publish(),
            Command::Broadcast(message) => {
                if let Some(cross_tab) = self.cross_tab.borrow().as_ref() {
                    cross_tab.send(message);
                }
            }
            // Outside a browser there is no timer: nothing retries or polls there.
            Command::ArmTimer(_) if crate::transport::in_browser().is_err() => {}
            Command::ArmTimer(at) => {
                let delay = (at.as_millis() - now().as_millis()).clamp(0, i64::from(i32::MAX));
                let weak = Rc::downgrade(self);
                // The callback only schedules the event: the timer may be replaced while
                // it is handled, and a closure must not be dropped while it runs.
                let timeout = Timeout::new(u32::try_from(delay).unwrap_or(0), move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(inner) = weak.upgrade() {
                            inner.dispatch(Event::TimerFired);
                        }
                    });
                });
                self.timer.replace(Some(timeout));
            }
            Command::DisarmTimer => {
                self.timer.replace(None);
            }
        }
    }

    fn start_read(self: &Rc<Self>, id: FetchId, bypass_cache: bool) {
        if let Err(err) = crate::transport::in_browser() {
            self.dispatch(Event::FetchFinished {
                id,
                outcome: Err(err),
            });
            return;
        }
        let Ok(controller) = AbortController::new() else {
            self.dispatch(Event::FetchFinished {
                id,
                outcome: Err(AuthError::local(ErrorCode::Network)),
            });
            return;
        };
        self.reads.borrow_mut().push((id, controller.clone()));
        let transport = self.transport.clone();
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let path = if bypass_cache {
                "/get-session?disableCookieCache=true"
            } else {
                "/get-session"
            };
            let sent = transport.start(
                Method::Get,
                path,
                None,
                &JsValue::UNDEFINED,
                Some(&controller),
            );
            let outcome = Loaded::from_read(wasm_bindgen_futures::JsFuture::from(sent).await);
            if let Some(inner) = weak.upgrade() {
                inner.reads.borrow_mut().retain(|(read, _)| *read != id);
                inner.dispatch(Event::FetchFinished { id, outcome });
            }
        });
    }

    /// Calls the listeners. Listeners may add or remove listeners: each one still
    /// registered when its turn comes is called once; one removed by an earlier one is
    /// not.
    fn publish(&self) {
        let ids: Vec<u64> = self.listeners.borrow().iter().map(|(id, _)| *id).collect();
        for id in ids {
            let listener = self
                .listeners
                .borrow()
                .iter()
                .find(|(l, _)| *l == id)
                .map(|(_, l)| Rc::clone(l));
            if let Some(listener) = listener {
                listener();
            }
        }
    }

    /// The store's current state, with the session's JSON.
    pub(crate) fn with_state<R>(&self, read: impl FnOnce(&SessionState<Loaded>) -> R) -> Option<R> {
        self.machine.try_borrow().ok().map(|m| read(m.state()))
    }

    /// The store's current state as subscribers see it: the session shared, not copied.
    pub(crate) fn snapshot(&self) -> SessionState<Arc<SessionData>> {
        self.with_state(|state| SessionState {
            data: state.data.as_ref().map(|loaded| Arc::clone(&loaded.data)),
            error: state.error.clone(),
            is_pending: state.is_pending,
            is_refetching: state.is_refetching,
            last_result_at: state.last_result_at,
            last_fetch_reason: state.last_fetch_reason,
        })
        .unwrap_or_default()
    }

    /// Registers `listener`, called after every change until the registration drops.
    /// It does not count as a subscriber (see [`SessionListener`]).
    pub(crate) fn register(self: &Rc<Self>, listener: Listener) -> Registration {
        let id = self.next_listener.get() + 1;
        self.next_listener.set(id);
        self.listeners.borrow_mut().push((id, listener));
        Registration {
            inner: Rc::downgrade(self),
            id,
        }
    }
}

/// A listener's place in the registry; dropping it removes the listener.
pub(crate) struct Registration {
    inner: Weak<Inner>,
    id: u64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.upgrade() {
            // Taken out first: the listener (and what it holds) drops outside the borrow.
            let removed = {
                let mut listeners = inner.listeners.borrow_mut();
                listeners
                    .iter()
                    .position(|(id, _)| *id == self.id)
                    .map(|at| listeners.remove(at))
            };
            drop(removed);
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        // The machine's own record of the end; what it would abort is aborted below.
        let _ = self.machine.get_mut().handle(Event::Closed, now());
        for (_, controller) in self.reads.get_mut().drain(..) {
            controller.abort();
        }
        // The timer, listeners and channel are guards: dropping the fields removes them.
    }
}

/// A listener of the session store ([`crate::AuthClient::listen`]): called after every
/// change, and counted as a subscriber, until dropped.
#[must_use = "the listener is removed when this is dropped"]
pub struct SessionListener {
    _registration: Registration,
    _subscription: Subscription,
}

impl SessionListener {
    pub(crate) fn new(inner: &Rc<Inner>, listener: Listener) -> Self {
        let subscription = Subscription::new(inner);
        Self {
            _registration: inner.register(listener),
            _subscription: subscription,
        }
    }
}

impl std::fmt::Debug for SessionListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionListener").finish_non_exhaustive()
    }
}

/// Counts as one subscriber of the session store while alive.
pub(crate) struct Subscription {
    inner: Weak<Inner>,
}

impl Subscription {
    pub(crate) fn new(inner: &Rc<Inner>) -> Self {
        inner.dispatch(Event::Subscribed);
        Self {
            inner: Rc::downgrade(inner),
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.upgrade() {
            inner.dispatch(Event::Unsubscribed);
        }
    }
}

fn install_triggers(inner: &Rc<Inner>, cross_tab_sync: bool) {
    let weak = Rc::downgrade(inner);
    let send = move |event: Event<Loaded>| {
        if let Some(inner) = weak.upgrade() {
            inner.dispatch(event);
        }
    };
    let on_page = {
        let send = send.clone();
        move |signal: &PageSignal| {
            send(match signal {
                PageSignal::Visible(visible) => Event::VisibilityChanged { visible: *visible },
                PageSignal::Focused => Event::Focused,
                PageSignal::Online => Event::Online,
                PageSignal::Offline => Event::Offline,
                PageSignal::Official { signed_out } if cross_tab_sync => {
                    Event::FromOtherTab(if *signed_out {
                        TabMessage::SignedOut
                    } else {
                        TabMessage::Updated
                    })
                }
                PageSignal::Official { .. } => return,
            })
        }
    };
    for signal in PageEvents::initial_signals() {
        on_page(&signal);
    }
    inner.page.replace(Some(PageEvents::install(on_page)));
    if cross_tab_sync && crate::transport::in_browser().is_ok() {
        let base = inner.transport.base().as_str().to_owned();
        inner
            .cross_tab
            .replace(Some(CrossTab::install(&base, move |message| {
                send(Event::FromOtherTab(message))
            })));
    }
}
