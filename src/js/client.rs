//! `createStore` and the exported `Store`: the npm face's session store (the machine,
//! its reads' decoding, a call's steps and store effects), carried out by the
//! JavaScript shell in `src/js/shell.js` (its reads, the one timer, listeners, the
//! page's events and other tabs). Every rule stays here; the shell only does what the
//! commands say.

use super::error::error_object;
use super::options;
use super::session::JsSession;
use crate::base_url::BaseUrl;
use crate::clock::now;
use crate::endpoint::{Call, Store as CallStore, StoreChange};
use crate::error::{AuthError, ErrorCode};
use crate::options::SessionOptions;
use crate::store::{Command, Event, FetchId, Machine, TabMessage};
use crate::transport::{Method, Transport};
use js_sys::Promise;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

#[wasm_bindgen(module = "/src/js/shell.js")]
extern "C" {
    #[wasm_bindgen(js_name = stateObject)]
    fn state_object(
        data: &JsValue,
        error: &JsValue,
        is_pending: bool,
        is_refetching: bool,
        last_result_at: Option<f64>,
        last_fetch_reason: Option<&str>,
    ) -> JsValue;
}

/// What the shell hears, by number (`Store::handle`): must match `src/js/shell.js`.
const SUBSCRIBED: u8 = 0;
const UNSUBSCRIBED: u8 = 1;
const REFETCH: u8 = 2;
const FOCUSED: u8 = 3;
const VISIBLE: u8 = 4;
const ONLINE: u8 = 5;
const OFFLINE: u8 = 6;
const TIMER: u8 = 7;
const OFFICIAL: u8 = 8;

/// The store and what it needs, shared by the exported [`Store`] and its calls.
pub(crate) struct Core {
    transport: Transport,
    cross_tab_sync: bool,
    machine: RefCell<Machine<JsSession>>,
    /// Commands for the shell, encoded as [`Store::next`] says.
    pending: RefCell<VecDeque<f64>>,
    /// Called after commands were queued (the shell's `run`).
    wake: RefCell<Option<js_sys::Function>>,
    /// Our tabs' channel (`src/triggers/browser.js`'s `joinTabs`), once joined.
    tabs: RefCell<Option<crate::triggers::Tabs>>,
}

impl Core {
    fn handle(&self, event: Event<JsSession>) {
        let Ok(commands) = self
            .machine
            .try_borrow_mut()
            .map(|mut m| m.handle(event, now()))
        else {
            return;
        };
        let mut queued = false;
        for command in commands {
            // One number each: kind + 8 * flag + 16 * argument (exact below 2^53).
            let (kind, argument, flag) = match command {
                Command::StartFetch { id, bypass_cache } => (0, id.0 as f64, bypass_cache),
                Command::AbortFetch(id) => (1, id.0 as f64, false),
                Command::Publish => (2, 0.0, false),
                Command::ArmTimer(at) => {
                    (3, (at.as_millis() - now().as_millis()).max(0) as f64, false)
                }
                Command::DisarmTimer => (4, 0.0, false),
                Command::Broadcast(message) => {
                    if let Some(tabs) = self.tabs.borrow().as_ref() {
                        crate::triggers::post(tabs, message);
                    }
                    continue;
                }
            };
            let encoded = f64::from(kind) + 8.0 * f64::from(u8::from(flag)) + 16.0 * argument;
            self.pending.borrow_mut().push_back(encoded);
            queued = true;
        }
        if queued {
            let wake = self.wake.borrow().clone();
            if let Some(wake) = wake {
                let _ = wake.call0(&JsValue::NULL);
            }
        }
    }
}

impl Core {
    pub(crate) fn transport(&self) -> &Transport {
        &self.transport
    }
}

impl CallStore for Rc<Core> {
    fn known_token(&self) -> Option<Option<String>> {
        self.machine
            .try_borrow()
            .ok()
            .and_then(|m| crate::endpoint::known_token(m.state(), JsSession::token))
    }
    fn change(&self, change: StoreChange) {
        self.handle(change.into());
    }
}

#[wasm_bindgen(module = "/src/js/shell.js")]
extern "C" {
    /// The client the wrapper uses, over `store`.
    fn shell(store: Store) -> JsValue;
}

/// The npm face's session store, for `src/js/shell.js`. A bad base URL does not throw:
/// every request then rejects with `{code: "INVALID_BASE_URL", ...}` and the state
/// shows it.
#[wasm_bindgen]
pub struct Store {
    core: Result<Rc<Core>, AuthError>,
}

/// Creates a client for the auth API at `base_url` (absolute; the wrapper resolves
/// relative ones against the page): its store, carried out by `src/js/shell.js`, whose
/// object (`request`, `state`, `listen`, `unlisten`, `refetch`, `hydrate`)
/// this returns. Then the ten session options in the order of `OPTION_KEYS` in the
/// wrapper (flags as 1 or 0, `refetch_interval_secs` in seconds, the others as named),
/// `NaN` for a default: ten numbers, which wasm-bindgen passes as they are, where an
/// array would cost its glue a copy helper. `fetch`: the function every request calls
/// (the store's reads included), `undefined` for the global `fetch`.
#[wasm_bindgen(js_name = createAuthClient)]
#[allow(clippy::too_many_arguments)]
pub fn create_auth_client(
    base_url: &str,
    refetch_on_window_focus: f64,
    refetch_on_reconnect: f64,
    refetch_when_offline: f64,
    cross_tab_sync: f64,
    refetch_interval_secs: f64,
    focus_throttle_ms: f64,
    dedupe_window_ms: f64,
    timeout_ms: f64,
    retry_attempts: f64,
    hydration_max_age_ms: f64,
    fetch: JsValue,
) -> JsValue {
    let options = [
        refetch_on_window_focus,
        refetch_on_reconnect,
        refetch_when_offline,
        cross_tab_sync,
        refetch_interval_secs,
        focus_throttle_ms,
        dedupe_window_ms,
        timeout_ms,
        retry_attempts,
        hydration_max_age_ms,
    ];
    shell(create_store(base_url, &options, fetch))
}

fn create_store(base_url: &str, options: &[f64], fetch: JsValue) -> Store {
    let options: SessionOptions = options::from_numbers(options).sanitized();
    let seed = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    let core = BaseUrl::parse(base_url).map(|base| {
        Rc::new(Core {
            transport: Transport::new(base)
                .with_fetch(fetch)
                .with_timeout(options.request_timeout_ms),
            cross_tab_sync: options.cross_tab_sync,
            machine: RefCell::new(Machine::new(options, seed)),
            pending: RefCell::new(VecDeque::new()),
            wake: RefCell::new(None),
            tabs: RefCell::new(None),
        })
    });
    Store { core }
}

fn bad_method() -> AuthError {
    let mut err = AuthError::local(ErrorCode::Other("INVALID_METHOD".into()));
    err.message = "The method must be GET, POST, PUT, PATCH or DELETE.".into();
    err
}

#[wasm_bindgen]
impl Store {
    /// Starts the store: `run` is what it calls after it queued commands (the shell's
    /// loop), and, when it talks with other tabs (`crossTabSync`), it joins our tabs'
    /// channel, whose messages `receive(text)` must hand to [`Store::heard_from_tab`].
    /// Returns 0 when the base URL was invalid (the store then queues nothing), 2 when
    /// it joined the channel (the shell then hears the official client's messages
    /// too), else 1.
    pub fn start(&self, run: js_sys::Function, receive: &js_sys::Function) -> u8 {
        let Ok(core) = &self.core else {
            return 0;
        };
        core.wake.replace(Some(run));
        if !core.cross_tab_sync {
            return 1;
        }
        let tabs = crate::triggers::join(core.transport.base().as_str(), receive);
        core.tabs.replace(Some(tabs));
        2
    }

    /// A message from another of our tabs.
    #[wasm_bindgen(js_name = fromTab)]
    pub fn heard_from_tab(&self, text: &str) {
        if let (Ok(core), Some(message)) = (&self.core, crate::triggers::decode_tab(text)) {
            core.handle(Event::FromOtherTab(message));
        }
    }

    /// Something the shell heard: `kind` as numbered above, `flag` its detail
    /// (bypass the cookie cache, visible, an official message's sign-out).
    pub fn handle(&self, kind: u8, flag: bool) {
        let Ok(core) = &self.core else {
            return;
        };
        core.handle(match kind {
            SUBSCRIBED => Event::Subscribed,
            UNSUBSCRIBED => Event::Unsubscribed,
            REFETCH => Event::RefetchRequested { bypass_cache: flag },
            FOCUSED => Event::Focused,
            VISIBLE => Event::VisibilityChanged { visible: flag },
            ONLINE => Event::Online,
            OFFLINE => Event::Offline,
            TIMER => Event::TimerFired,
            OFFICIAL => Event::FromOtherTab(if flag {
                TabMessage::SignedOut
            } else {
                TabMessage::Updated
            }),
            _ => return,
        });
    }

    /// The next command for the shell, `kind + 8 * flag + 16 * argument`: kind 0 start
    /// read `argument` (flag: past the cookie cache), 1 abort read `argument`, 2
    /// publish, 3 arm the timer in `argument` ms, 4 disarm it; -1 when there is none.
    pub fn next(&self) -> f64 {
        self.core
            .as_ref()
            .ok()
            .and_then(|core| core.pending.borrow_mut().pop_front())
            .unwrap_or(-1.0)
    }

    /// Starts a session read (the shell's, for command 0), abortable through
    /// `controller`: hand its end to [`Store::finish_read`].
    pub fn read(&self, bypass_cache: bool, controller: &AbortController) -> Promise {
        let path = if bypass_cache {
            "/get-session?disableCookieCache=true"
        } else {
            "/get-session"
        };
        match &self.core {
            Ok(core) => core.transport.start(
                Method::Get,
                path,
                None,
                &JsValue::UNDEFINED,
                Some(controller),
            ),
            Err(err) => Promise::reject(&error_object(err)),
        }
    }

    /// The end of read `id`: `ok` when it resolved with `value`, else it rejected.
    #[wasm_bindgen(js_name = finishRead)]
    pub fn finish_read(&self, id: f64, ok: bool, value: JsValue) {
        let Ok(core) = &self.core else {
            return;
        };
        let outcome = JsSession::from_read(if ok { Ok(value) } else { Err(value) });
        core.handle(Event::FetchFinished {
            id: FetchId(id as u64),
            outcome,
        });
    }

    /// Sends `method` (`"GET"`, `"POST"`, `"PUT"`, `"PATCH"` or `"DELETE"`) to `path`
    /// (below the base URL, with its query string) with `body` (JSON text). Resolves
    /// with the answer's parsed JSON; rejects with `{status, statusText, code, message,
    /// retryAfter?}`. What the path does to the session store happens before it
    /// resolves, unless `disable_signal`. `call`: the caller's own `{headers, fetch}`
    /// for this request, or `undefined`.
    pub fn request(
        &self,
        method: &str,
        path: String,
        body: Option<String>,
        call: JsValue,
        disable_signal: bool,
    ) -> Promise {
        let method = Method::from_name(method).ok_or_else(bad_method);
        match (self.core.clone(), method) {
            (Ok(core), Ok(method)) => {
                super::call::run(Call::new(method, &path, body, !disable_signal), core, call)
            }
            (Err(err), _) | (_, Err(err)) => Promise::reject(&error_object(&err)),
        }
    }

    /// Gives the store a session read elsewhere (`{session, user}` or `null`, dates as
    /// ISO strings), taken only while it has no result; true when taken.
    pub fn hydrate(&self, json: JsValue) -> bool {
        let Ok(core) = &self.core else {
            return false;
        };
        let Some(loaded) = JsSession::from_json(&json) else {
            return false;
        };
        let had = |core: &Core| {
            core.machine
                .try_borrow()
                .is_ok_and(|m| m.state().last_result_at.is_some())
        };
        let before = had(core);
        core.handle(Event::Hydrated(loaded));
        !before && had(core)
    }

    /// The store's state: `{data, error, isPending, isRefetching, lastResultAt,
    /// lastFetchReason}`, `data` being the server's JSON (the same object until the
    /// session changes) and `lastResultAt` milliseconds since the epoch.
    pub fn state(&self) -> JsValue {
        let core = match &self.core {
            Ok(core) => core,
            Err(err) => {
                return state_object(&JsValue::NULL, &error_object(err), false, false, None, None)
            }
        };
        let Ok(machine) = core.machine.try_borrow() else {
            return JsValue::NULL;
        };
        let state = machine.state();
        state_object(
            &state
                .data
                .as_ref()
                .map_or(JsValue::NULL, |d| d.json.clone()),
            &state.error.as_ref().map_or(JsValue::NULL, error_object),
            state.is_pending,
            state.is_refetching,
            state.last_result_at.map(|at| at.as_millis() as f64),
            state.last_fetch_reason.map(|r| r.as_str()),
        )
    }
}
