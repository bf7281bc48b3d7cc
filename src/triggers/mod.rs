//! Browser event sources of the session store, each an RAII guard: dropping it removes
//! its listener, closes its channel and frees its closure. They only translate browser
//! events into store events; the rules live in `crate::store`. The calls into the
//! browser are JavaScript (`browser.js`, bound in `listener.rs`): as Rust through
//! web-sys, each listener and closure cost the wasm about 2 KB in all.

// Installed only in the browser (wasm32); native builds compile them for checking.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]

mod cross_tab;
mod listener;
mod page;

#[cfg(feature = "js")]
pub(crate) use cross_tab::join;
pub(crate) use cross_tab::CrossTab;
#[cfg(feature = "js")]
pub(crate) use cross_tab::{decode as decode_tab, post};
#[cfg(feature = "js")]
pub(crate) use listener::Tabs;
pub(crate) use page::{
    deliver as deliver_page_signal, set_source as set_page_source, PageEvents, PageSignal,
};
