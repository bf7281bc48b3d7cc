//! The one browser shell of the session store, for every face: the store's rules run
//! in Rust ([`Core`]: the machine of `crate::store` and what its reads mean), its
//! commands are carried out in JavaScript (`shell.js`: the reads, the one timer, the
//! listeners, the page's hub and the tabs' channel), and the two meet at a store
//! object each face hands `shell.js` (the npm face's exported class, the Rust faces'
//! function here), whose numbers are named in `protocol.rs`.
//!
//! [`Shell`] is the Rust faces' handle on one client's shell (the npm face makes its
//! own in `crate::js`): listeners registered with it are the shell's listeners, and
//! dropping the last handle closes the shell (reads aborted, timer, page listeners and
//! channel gone). Outside a browser there is no `shell.js`: a read fails at once
//! (`Core::handle`) and listeners are never called.

pub mod protocol;
mod store;
mod tabs;

pub use store::{Core, Held};

use crate::loaded::Loaded;
use crate::model::SessionData;
use crate::store::{Event, SessionState};
use std::rc::{Rc, Weak};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/shell/shell.js")]
extern "C" {
    /// One client's shell (`shell` in `shell.js`).
    pub type ShellObject;

    /// Starts the shell of `store` (an object with `Core`'s methods).
    #[wasm_bindgen(js_name = shell)]
    pub fn start_shell(store: JsValue) -> ShellObject;

    /// A store object over `call(op, a, b, c)` (`protocol::store_op`).
    #[wasm_bindgen(js_name = storeOf)]
    fn store_of(call: &js_sys::Function) -> JsValue;

    #[wasm_bindgen(method)]
    fn listen(this: &ShellObject, listener: &js_sys::Function, quiet: bool) -> f64;
    #[wasm_bindgen(method)]
    fn unlisten(this: &ShellObject, id: f64);
    #[wasm_bindgen(method)]
    fn close(this: &ShellObject);

    /// `"app"` or `"browser"`.
    #[wasm_bindgen(js_name = setPageSource)]
    pub(crate) fn set_page_source(source: &str);
    /// `"visible"`, `"hidden"`, `"focus"`, `"online"` or `"offline"`.
    #[wasm_bindgen(js_name = sendPageEvent)]
    pub(crate) fn send_page_event(name: &str);
}

pub(crate) type Listener = Rc<dyn Fn()>;

type StoreFunction = Closure<dyn Fn(u8, JsValue, JsValue, JsValue) -> JsValue>;

/// The Rust faces' handle on one client's store and its shell.
pub(crate) struct Shell {
    pub core: Rc<Core<Loaded>>,
    /// `shell.js`'s object, and the function its store object calls; none outside a
    /// browser.
    object: Option<(ShellObject, StoreFunction)>,
}

/// The function behind the Rust faces' store object: `Core`'s method `op`
/// (`protocol::store_op`) with its arguments. `Fn`, not `FnMut`: the shell calls it
/// again while it runs (a command carried out during `handle`).
fn store_function(core: Rc<Core<Loaded>>) -> StoreFunction {
    use protocol::store_op;
    Closure::new(move |op: u8, a: JsValue, b: JsValue, c: JsValue| match op {
        store_op::START => core.start(a.unchecked_into(), b.unchecked_ref()).into(),
        store_op::HANDLE => {
            core.heard(a.as_f64().unwrap_or(-1.0) as u8, b.is_truthy());
            JsValue::UNDEFINED
        }
        store_op::READ => core.read(a.is_truthy(), b.unchecked_ref()).into(),
        store_op::FINISH_READ => {
            core.finish_read(a.as_f64().unwrap_or(-1.0), b.is_truthy(), c);
            JsValue::UNDEFINED
        }
        _ => JsValue::UNDEFINED,
    })
}

impl Shell {
    /// The store `core`, carried out by a new `shell.js` shell in a browser.
    pub(crate) fn new(core: Core<Loaded>) -> Rc<Self> {
        let core = Rc::new(core);
        let object = crate::transport::in_browser().ok().map(|()| {
            let function = store_function(Rc::clone(&core));
            let object = start_shell(store_of(function.as_ref().unchecked_ref()));
            (object, function)
        });
        Rc::new(Self { core, object })
    }

    /// Feeds one event to the store.
    pub(crate) fn dispatch(&self, event: Event<Loaded>) {
        self.core.handle(event);
    }

    /// The store's current state as subscribers see it: the session shared, not copied.
    pub(crate) fn snapshot(&self) -> SessionState<Arc<SessionData>> {
        self.core
            .with_state(|state| SessionState {
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
        let Some((object, _)) = &self.object else {
            return Registration {
                shell: Weak::new(),
                id: 0.0,
                _callback: None,
            };
        };
        let callback = Closure::<dyn FnMut()>::new(move || listener());
        let id = object.listen(callback.as_ref().unchecked_ref(), true);
        Registration {
            shell: Rc::downgrade(self),
            id,
            _callback: Some(callback),
        }
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        match &self.object {
            Some((object, _)) => object.close(),
            None => self.core.handle(Event::Closed),
        }
    }
}

/// A listener's place among the shell's listeners; dropping it removes the listener,
/// then frees its closure.
pub(crate) struct Registration {
    shell: Weak<Shell>,
    id: f64,
    _callback: Option<Closure<dyn FnMut()>>,
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Some(shell) = self.shell.upgrade() {
            if let Some((object, _)) = &shell.object {
                object.unlisten(self.id);
            }
        }
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
    pub(crate) fn new(shell: &Rc<Shell>, listener: Listener) -> Self {
        let subscription = Subscription::new(shell);
        Self {
            _registration: shell.register(listener),
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
    shell: Weak<Shell>,
}

impl Subscription {
    pub(crate) fn new(shell: &Rc<Shell>) -> Self {
        shell.dispatch(Event::Subscribed);
        Self {
            shell: Rc::downgrade(shell),
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(shell) = self.shell.upgrade() {
            shell.dispatch(Event::Unsubscribed);
        }
    }
}
