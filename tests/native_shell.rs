//! The store's shell driven natively by the app as the page's source of events
//! (`better_auth_wasm::page`): focus, offline and reconnect reach the store through the
//! same page hub the browser's listeners feed, with no browser and no mock. Reads fail
//! at once natively (typed `NETWORK`), which is enough to see which ones start and why.
#![cfg(not(target_arch = "wasm32"))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use better_auth_wasm::page::{self, PageEvent, PageSource};
use better_auth_wasm::store::FetchReason;
use better_auth_wasm::{AuthClient, SessionOptions, Timestamp};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// Every read that finished, as (why it started, when it finished), in order.
type Reads = Rc<RefCell<Vec<(Option<FetchReason>, Option<Timestamp>)>>>;

fn record(client: &AuthClient) -> (Reads, better_auth_wasm::SessionListener) {
    let reads: Reads = Rc::default();
    let log = Rc::clone(&reads);
    let source = client.clone();
    let finished = move |log: &Reads| {
        let state = source.session_state();
        let read = (state.last_fetch_reason, state.last_result_at);
        let mut log = log.borrow_mut();
        if !state.is_refetching && read.1.is_some() && log.last() != Some(&read) {
            log.push(read);
        }
    };
    let on_change = finished.clone();
    let listener = client.listen(move || on_change(&log));
    // The mount read finished while subscribing, before the listener was registered.
    finished(&reads);
    (reads, listener)
}

fn reasons(reads: &Reads) -> Vec<FetchReason> {
    reads
        .borrow()
        .iter()
        .filter_map(|(reason, _)| *reason)
        .collect()
}

fn pause() {
    // Past the focus throttle (250 ms), so each read below starts a new window.
    std::thread::sleep(Duration::from_millis(300));
}

#[test]
fn the_app_as_page_source_drives_focus_offline_and_reconnect() {
    page::set_source(PageSource::App);
    let options = SessionOptions {
        focus_throttle_ms: 250,
        ..SessionOptions::default()
    };
    let client = AuthClient::with_options("http://127.0.0.1:9", options).unwrap();
    let (reads, listener) = record(&client);
    assert_eq!(reasons(&reads), [FetchReason::Mount]);

    pause();
    page::send(PageEvent::Focused);
    assert_eq!(reasons(&reads), [FetchReason::Mount, FetchReason::Focus]);

    pause();
    page::send(PageEvent::Offline);
    page::send(PageEvent::Focused);
    page::send(PageEvent::Visible(true));
    assert_eq!(reads.borrow().len(), 2, "offline: no read");

    page::send(PageEvent::Online);
    assert_eq!(reasons(&reads).last(), Some(&FetchReason::Reconnect));
    page::send(PageEvent::Focused);
    assert_eq!(reads.borrow().len(), 3, "within the throttle: no read");

    drop(listener);
    pause();
    page::send(PageEvent::Focused);
    assert_eq!(reads.borrow().len(), 3, "no subscriber: no read");
    drop(client);
    page::send(PageEvent::Focused); // no client left: nothing to reach, nothing panics
}

#[test]
fn every_client_on_the_page_hears_the_app() {
    page::set_source(PageSource::App);
    let options = SessionOptions {
        focus_throttle_ms: 250,
        ..SessionOptions::default()
    };
    let clients: Vec<AuthClient> = (0..3)
        .map(|_| AuthClient::with_options("http://127.0.0.1:9", options.clone()).unwrap())
        .collect();
    let logs: Vec<_> = clients.iter().map(record).collect();
    pause();
    page::send(PageEvent::Focused);
    for (reads, _) in &logs {
        assert_eq!(reasons(reads), [FetchReason::Mount, FetchReason::Focus]);
    }
}
