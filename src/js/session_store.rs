//! `client.useSession`: the session store for JS, with the nanostores/Svelte contract
//! (`get`, `subscribe` that calls at once, `listen`) and snapshots that keep their
//! identity until the state changes, as React's `useSyncExternalStore` requires.

use super::{dates, result};
use crate::shell::{Inner, Subscription};
use js_sys::{Date, Function, Object};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

/// The snapshot of the current state, built once per published change.
pub(crate) fn snapshot(inner: &Inner) -> JsValue {
    let version = inner.version();
    if let Some((cached, value)) = inner.js_snapshot.borrow().as_ref() {
        if *cached == version {
            return value.clone();
        }
    }
    let value = inner
        .with_state(|state| {
            let snapshot = Object::new();
            let data = state.data.as_ref().map_or(JsValue::NULL, |loaded| {
                dates::revive_session_data(&loaded.raw);
                loaded.raw.clone()
            });
            result::set(&snapshot, "data", &data);
            let error = state
                .error
                .as_ref()
                .map_or(JsValue::NULL, result::error_object);
            result::set(&snapshot, "error", &error);
            result::set(&snapshot, "isPending", &state.is_pending.into());
            result::set(&snapshot, "isRefetching", &state.is_refetching.into());
            let last = state.last_result_at.map_or(JsValue::NULL, |at| {
                Date::new(&JsValue::from_f64(at.as_millis() as f64)).into()
            });
            result::set(&snapshot, "lastResultAt", &last);
            let reason = state
                .last_fetch_reason
                .map_or(JsValue::NULL, |r| JsValue::from_str(r.as_str()));
            result::set(&snapshot, "lastFetchReason", &reason);
            JsValue::from(Object::freeze(&snapshot))
        })
        .unwrap_or(JsValue::NULL);
    inner.js_snapshot.replace(Some((version, value.clone())));
    value
}

/// The session store of one client (`client.useSession`).
#[wasm_bindgen]
pub struct SessionStore {
    inner: Rc<Inner>,
}

impl SessionStore {
    pub(crate) fn new(inner: Rc<Inner>) -> Self {
        Self { inner }
    }

    fn add(&self, callback: Function, call_now: bool) -> JsValue {
        let subscription = Subscription::new(&self.inner);
        if call_now {
            let _ = callback.call1(&JsValue::NULL, &snapshot(&self.inner));
        }
        let weak: Weak<Inner> = Rc::downgrade(&self.inner);
        let id = self.inner.add_listener(Rc::new(move || {
            if let Some(inner) = weak.upgrade() {
                let _ = callback.call1(&JsValue::NULL, &snapshot(&inner));
            }
        }));
        let weak = Rc::downgrade(&self.inner);
        Closure::once_into_js(move || {
            if let Some(inner) = weak.upgrade() {
                inner.remove_listener(id);
            }
            drop(subscription);
        })
    }
}

#[wasm_bindgen]
impl SessionStore {
    /// The current snapshot `{data, error, isPending, isRefetching, lastResultAt,
    /// lastFetchReason}`; the same object until the state changes.
    pub fn get(&self) -> JsValue {
        snapshot(&self.inner)
    }

    /// Calls `callback` with the snapshot now and after every change; returns the
    /// function that unsubscribes. The first subscriber loads the session.
    pub fn subscribe(&self, callback: Function) -> JsValue {
        self.add(callback, true)
    }

    /// Like `subscribe`, without the call at once.
    pub fn listen(&self, callback: Function) -> JsValue {
        self.add(callback, false)
    }

    /// Reads the session again now, aborting an older read.
    pub fn refetch(&self) {
        self.inner.dispatch(crate::store::Event::RefetchRequested {
            bypass_cache: false,
        });
    }
}
