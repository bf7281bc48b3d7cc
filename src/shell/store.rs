//! [`Core`]: a client's session store as the shell sees it: the machine, the session
//! data it holds ([`Held`]: typed for the Rust faces, the server's JSON for the npm
//! face), and its commands queued for `shell.js`, which carries them out, with what
//! `shell.js` asks of it. Each face hands `shell.js` a store object over its `Core`
//! (generic code in one place; no `dyn`, whose function table costs the npm wasm
//! about 770 B gzip).

use super::protocol::{command, event, started};
use super::tabs::{self, Tabs};
use crate::clock::now;
use crate::error::AuthError;
use crate::options::SessionOptions;
use crate::store::{Command, Event, FetchId, Machine, SessionState, StoreData, TabMessage};
use crate::transport::{Method, Transport};
use js_sys::Promise;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

/// A session as a store holds it, read from a `get-session` answer.
pub trait Held: StoreData + 'static {
    /// What a session read gave: `settled` as its request's promise resolved (`Ok`) or
    /// rejected (`Err`).
    fn from_read(settled: Result<JsValue, JsValue>) -> Result<Option<Self>, AuthError>;
    /// This device's session token.
    fn token(&self) -> &str;
}

/// One client's store, its transport and its queue of commands for the shell.
pub struct Core<D: StoreData> {
    /// How its requests reach the server (reads, and the calls of its face).
    pub transport: Transport,
    cross_tab_sync: bool,
    machine: RefCell<Machine<D>>,
    /// Commands not yet handed to the shell, encoded as `protocol::command` says.
    pending: RefCell<VecDeque<f64>>,
    /// Whether the queue is being handed out: a command's effect reaching the store
    /// again (a listener calling refetch) queues behind it, never nests.
    draining: Cell<bool>,
    /// The shell's `run`, which carries out one command.
    run: RefCell<Option<js_sys::Function>>,
    /// Our tabs' channel, once joined.
    tabs: RefCell<Option<Tabs>>,
}

impl<D: Held> Core<D> {
    /// A store with `options` (sanitized) reading through `transport` (its timeout set
    /// from `options`). Its jitter's seed is random in the browser, fixed natively.
    pub fn new(transport: Transport, options: SessionOptions) -> Self {
        let options = options.sanitized();
        #[cfg(target_arch = "wasm32")]
        let seed = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
        #[cfg(not(target_arch = "wasm32"))]
        let seed = 1;
        Self {
            transport: transport.with_timeout(options.request_timeout_ms),
            cross_tab_sync: options.cross_tab_sync,
            machine: RefCell::new(Machine::new(options, seed)),
            pending: RefCell::new(VecDeque::new()),
            draining: Cell::new(false),
            run: RefCell::new(None),
            tabs: RefCell::new(None),
        }
    }

    /// Feeds one event to the machine and queues its commands for the shell. Outside a
    /// browser there is no shell: a read fails at once (this client's requests need the
    /// browser), and nothing else is carried out.
    pub fn handle(&self, event: Event<D>) {
        let Ok(commands) = self
            .machine
            .try_borrow_mut()
            .map(|mut m| m.handle(event, now()))
        else {
            return;
        };
        for command in commands {
            if let Err(err) = crate::transport::in_browser() {
                if let Command::StartFetch { id, .. } = command {
                    self.handle(Event::FetchFinished {
                        id,
                        outcome: Err(err),
                    });
                }
                continue;
            }
            // One number each: kind + 8 * flag + 16 * argument (exact below 2^53).
            let (kind, argument, flag) = match command {
                Command::StartFetch { id, bypass_cache } => {
                    (command::START_READ, id.0 as f64, bypass_cache)
                }
                Command::AbortFetch(id) => (command::ABORT_READ, id.0 as f64, false),
                Command::Publish => (command::PUBLISH, 0.0, false),
                Command::ArmTimer(at) => (
                    command::ARM_TIMER,
                    (at.as_millis() - now().as_millis()).max(0) as f64,
                    false,
                ),
                Command::DisarmTimer => (command::DISARM_TIMER, 0.0, false),
                Command::Broadcast(message) => {
                    if let Some(tabs) = self.tabs.borrow().as_ref() {
                        tabs::post(tabs, message);
                    }
                    continue;
                }
            };
            let encoded = f64::from(kind) + 8.0 * f64::from(u8::from(flag)) + 16.0 * argument;
            self.pending.borrow_mut().push_back(encoded);
        }
        self.drain();
    }

    /// Hands the queued commands to the shell's `run`, one call each, in order. A call
    /// that throws (a listener did) does not stop the others.
    fn drain(&self) {
        let Some(run) = self.run.borrow().clone() else {
            return;
        };
        if self.draining.replace(true) {
            return;
        }
        loop {
            // Its own statement: `run` may queue more while this borrow would be held.
            let next = self.pending.borrow_mut().pop_front();
            let Some(command) = next else { break };
            let _ = run.call1(&JsValue::NULL, &JsValue::from_f64(command));
        }
        self.draining.set(false);
    }

    /// `read` of the store's state; `None` while the machine is busy.
    pub fn with_state<R>(&self, read: impl FnOnce(&SessionState<D>) -> R) -> Option<R> {
        self.machine.try_borrow().ok().map(|m| read(m.state()))
    }

    /// This client's session token as the store knows it (`endpoint::Store`).
    pub fn known_token(&self) -> Option<Option<String>> {
        self.with_state(|state| crate::endpoint::known_token(state, D::token))
            .flatten()
    }

    /// A session read elsewhere (`Hydrated`): whether the store took it.
    pub fn hydrate(&self, data: Option<D>) -> bool {
        let taken = self.with_state(SessionState::takes_hydration) == Some(true);
        self.handle(Event::Hydrated(data));
        taken
    }
}

/// The store a [`crate::endpoint::Call`] reads and changes, for every face.
impl<D: Held> crate::endpoint::Store for Core<D> {
    fn known_token(&self) -> Option<Option<String>> {
        Core::known_token(self)
    }
    fn change(&self, change: crate::endpoint::StoreChange) {
        self.handle(change.into());
    }
}

/// What `shell.js` asks of a store (a face's store object calls these: the npm face's
/// exported `Store`, the Rust faces' `storeOf` function).
impl<D: Held> Core<D> {
    /// Takes the shell's `run` (called with each command, `protocol::command`) and, with cross-tab
    /// sync, joins our tabs' channel, whose messages go to `receive`. Returns how it
    /// started (`protocol::started`).
    pub fn start(&self, run: js_sys::Function, receive: &js_sys::Function) -> u8 {
        self.run.replace(Some(run));
        if !self.cross_tab_sync {
            return started::ALONE;
        }
        let tabs = tabs::join(self.transport.base().as_str(), receive);
        self.tabs.replace(Some(tabs));
        started::WITH_TABS
    }

    /// Hands the machine what the shell heard: `kind` is a `protocol::event`, `flag`
    /// its one argument (bypass the cookie cache, visible, signed out).
    pub fn heard(&self, kind: u8, flag: bool) {
        self.handle(match kind {
            event::SUBSCRIBED => Event::Subscribed,
            event::UNSUBSCRIBED => Event::Unsubscribed,
            event::REFETCH => Event::RefetchRequested { bypass_cache: flag },
            event::FOCUSED => Event::Focused,
            event::VISIBLE => Event::VisibilityChanged { visible: flag },
            event::ONLINE => Event::Online,
            event::OFFLINE => Event::Offline,
            event::TIMER => Event::TimerFired,
            event::OFFICIAL => Event::FromOtherTab(if flag {
                TabMessage::SignedOut
            } else {
                TabMessage::Updated
            }),
            kind if kind >= event::FROM_TAB => match tabs::message(kind - event::FROM_TAB) {
                Some(message) => Event::FromOtherTab(message),
                None => return,
            },
            event::CLOSED => {
                // The store's own end first (its reads aborted), then the channel.
                self.handle(Event::Closed);
                if let Some(tabs) = self.tabs.take() {
                    tabs.close();
                }
                return;
            }
            _ => return,
        });
    }

    /// Starts the session read a `START_READ` command asked for, aborted by
    /// `controller`.
    pub fn read(&self, bypass_cache: bool, controller: &AbortController) -> Promise {
        let path = if bypass_cache {
            "/get-session?disableCookieCache=true"
        } else {
            "/get-session"
        };
        self.transport.start(
            Method::Get,
            path,
            None,
            &JsValue::UNDEFINED,
            Some(controller),
        )
    }

    /// Hands the machine the read `id`'s answer (`ok`: it resolved with `value`; else it
    /// rejected with it).
    pub fn finish_read(&self, id: f64, ok: bool, value: JsValue) {
        let outcome = D::from_read(if ok { Ok(value) } else { Err(value) });
        self.handle(Event::FetchFinished {
            id: FetchId(id as u64),
            outcome,
        });
    }
}
