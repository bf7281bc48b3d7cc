//! The session store in headless Chromium against the real test server: request
//! counts on mount and focus, races with sign-out, errors keeping data, clients in
//! one page agreeing over the cross-tab channel, and cleanup on drop.
#![cfg(target_arch = "wasm32")]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use better_auth_wasm::{
    AuthClient, ErrorCode, SessionData, SessionOptions, SessionState, SignInEmail, SignUpEmail,
};
use std::sync::Arc;
use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GET_SESSION: &str = "/api/auth/get-session";

/// Signs a fresh user up through `client`; returns the email.
async fn sign_up(client: &AuthClient) -> String {
    let email = unique_email("store");
    client
        .sign_up_email(&SignUpEmail {
            email: email.clone(),
            password: PASSWORD.into(),
            name: "Store User".into(),
            ..SignUpEmail::default()
        })
        .await
        .unwrap();
    email
}

/// A client whose focus refetches are at least `ms` apart, subscribed and loaded.
async fn subscribed_with_focus_throttle(ms: u32) -> (AuthClient, better_auth_wasm::SessionSignal) {
    let options = SessionOptions {
        focus_throttle_ms: ms,
        ..SessionOptions::default()
    };
    let client = AuthClient::with_options(SERVER_URL, options).unwrap();
    let signal = client.session();
    wait_for(&client, 5_000.0, loaded).await;
    (client, signal)
}

fn loaded(state: &SessionState<Arc<SessionData>>) -> bool {
    !state.is_pending && !state.is_refetching
}

#[wasm_bindgen(inline_js = "
export function install_counters() {
  if (globalThis.__baCounters) return;
  const c = { listeners: 0, channels: 0, timers: new Set() };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (...a) { c.listeners++; return add.apply(this, a); };
  EventTarget.prototype.removeEventListener = function (...a) { c.listeners--; return remove.apply(this, a); };
  const Channel = globalThis.BroadcastChannel;
  const close = Channel.prototype.close;
  globalThis.BroadcastChannel = class extends Channel {
    constructor(name) { super(name); c.channels++; this.__open = true; }
    close() { if (this.__open) { c.channels--; this.__open = false; } return close.call(this); }
  };
  const setT = globalThis.setTimeout, clearT = globalThis.clearTimeout;
  globalThis.setTimeout = function (fn, ms, ...rest) {
    const id = setT(function (...x) { c.timers.delete(id); return fn(...x); }, ms, ...rest);
    c.timers.add(id);
    return id;
  };
  globalThis.clearTimeout = function (id) { c.timers.delete(id); return clearT(id); };
  globalThis.__baCounters = c;
}
export function counters() {
  const c = globalThis.__baCounters;
  return [c.listeners, c.channels, c.timers.size];
}
export function fire(target, type) {
  const on = target === 'document' ? document : window;
  on.dispatchEvent(new Event(type));
}
")]
extern "C" {
    fn install_counters();
    fn counters() -> Vec<i32>;
    fn fire(target: &str, event_type: &str);
}

#[wasm_bindgen_test]
async fn twenty_subscribers_mounting_at_once_make_one_request() {
    reset_server().await;
    let client = client();
    let signals: Vec<_> = (0..20).map(|_| client.session()).collect();
    wait_for(&client, 5_000.0, loaded).await;
    sleep(300).await;
    let requests = request_count(GET_SESSION).await;
    console_log!("20 subscribers mounting: {requests} get-session request(s)");
    assert_eq!(requests, 1);
    drop(signals);
}

#[wasm_bindgen_test]
async fn ten_focus_events_in_two_seconds_make_at_most_one_request() {
    let client = client();
    let _signal = client.session();
    wait_for(&client, 5_000.0, loaded).await;
    reset_server().await;
    for i in 0..10 {
        fire(
            if i % 2 == 0 { "document" } else { "window" },
            if i % 2 == 0 {
                "visibilitychange"
            } else {
                "focus"
            },
        );
        sleep(200).await;
    }
    sleep(300).await;
    let requests = request_count(GET_SESSION).await;
    console_log!("10 focus events in 2 s after mount: {requests} get-session request(s)");
    assert!(requests <= 1, "{requests}");
}

#[wasm_bindgen_test]
async fn a_focus_after_the_throttle_refetches() {
    let (client, _signal) = subscribed_with_focus_throttle(300).await;
    reset_server().await;
    sleep(400).await;
    fire("document", "visibilitychange");
    wait_for(&client, 5_000.0, loaded).await;
    assert_eq!(request_count(GET_SESSION).await, 1);
}

#[wasm_bindgen_test]
async fn a_sign_out_during_a_slow_read_of_the_old_session_ends_signed_out() {
    let client = client();
    let email = sign_up(&client).await;
    let _signal = client.session();
    let (state, _) = wait_for(&client, 5_000.0, |s| s.data.is_some() && loaded(s)).await;
    assert_eq!(state.data.unwrap().user.email, email);

    // The server answers this read now (signed in) but delivers it 1.5 s later.
    add_fault(r#"{"path":"/api/auth/get-session","holdMs":1500}"#).await;
    client.refetch();
    sleep(100).await;
    assert!(client.session_state().is_refetching);
    client.sign_out().await.unwrap();
    assert_eq!(client.session_state().data, None, "cleared at once on 200");
    sleep(2_000).await;
    let state = client.session_state();
    assert_eq!(
        state.data, None,
        "the late answer did not bring the user back"
    );
    assert_eq!(state.error, None);
}

#[wasm_bindgen_test]
async fn a_500_while_signed_in_keeps_the_data_sets_the_error_then_recovers() {
    let client = client();
    let email = sign_up(&client).await;
    let _signal = client.session();
    wait_for(&client, 5_000.0, |s| s.data.is_some() && loaded(s)).await;

    add_fault(r#"{"path":"/api/auth/get-session","status":500,"body":"{\"message\":\"boom\"}"}"#)
        .await;
    client.refetch();
    let (state, _) = wait_for(&client, 5_000.0, |s| s.error.is_some()).await;
    let error = state.error.unwrap();
    assert_eq!(error.code, ErrorCode::ServerError);
    assert_eq!(error.status, 500);
    assert_eq!(state.data.as_ref().unwrap().user.email, email, "data kept");
    // The retry (about 0.5-1 s later) succeeds and clears the error.
    let (state, waited) = wait_for(&client, 5_000.0, |s| s.error.is_none() && loaded(s)).await;
    console_log!("recovered from a 500 by retry after {waited:.0} ms");
    assert_eq!(state.data.unwrap().user.email, email);
    client.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn two_clients_in_one_page_agree_on_sign_in_and_sign_out() {
    let a = client();
    let b = client();
    a.sign_out().await.unwrap();
    let _sa = a.session();
    let _sb = b.session();
    wait_for(&b, 5_000.0, |s| loaded(s) && s.data.is_none()).await;

    let email = unique_email("tabs");
    a.sign_up_email(&SignUpEmail {
        email: email.clone(),
        password: PASSWORD.into(),
        name: "Tabs".into(),
        ..SignUpEmail::default()
    })
    .await
    .unwrap();
    let (state, sign_in_delay) = wait_for(&b, 2_000.0, |s| s.data.is_some()).await;
    assert_eq!(state.data.unwrap().user.email, email);

    a.sign_out().await.unwrap();
    let (_, sign_out_delay) = wait_for(&b, 2_000.0, |s| s.data.is_none()).await;
    console_log!(
        "cross-client (BroadcastChannel, one page): sign-in reached the other in {sign_in_delay:.0} ms, sign-out in {sign_out_delay:.0} ms"
    );

    // And a sign-in (not a sign-up) too.
    a.sign_in_email(&SignInEmail {
        email,
        password: PASSWORD.into(),
        ..SignInEmail::default()
    })
    .await
    .unwrap();
    wait_for(&b, 2_000.0, |s| s.data.is_some()).await;
    a.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn dropping_the_client_leaves_no_listener_channel_or_timer_behind() {
    install_counters();
    let before = counters();
    {
        let client = client();
        sign_up(&client).await;
        let signal = client.session();
        let clone = client.clone();
        wait_for(&client, 5_000.0, |s| s.data.is_some() && loaded(s)).await;
        let during = counters();
        assert!(
            during[0] >= before[0] + 4,
            "listeners installed: {before:?} -> {during:?}"
        );
        assert_eq!(during[1], before[1] + 1, "one channel");
        assert!(during[2] > before[2], "the expiry timer is armed");
        client.sign_out().await.unwrap();
        client.refetch(); // a read in flight when the client goes
        drop(signal);
        drop(clone);
    }
    sleep(100).await;
    let after = counters();
    assert_eq!(
        after, before,
        "listeners, channels, timers: {before:?} -> {after:?}"
    );
}

#[wasm_bindgen_test]
async fn the_session_signal_yields_pending_then_the_session_then_signed_out() {
    use futures_signals::signal::SignalExt;
    use futures_util::StreamExt;

    let client = client();
    let email = sign_up(&client).await;
    let other = AuthClient::new(SERVER_URL).unwrap();
    let mut states = other.session().to_stream();
    let first = states.next().await.unwrap();
    assert!(first.is_pending && first.data.is_none());
    let mut seen = first;
    while seen.data.is_none() {
        seen = states.next().await.unwrap();
        assert!(!(seen.is_pending && seen.data.is_some()));
    }
    assert_eq!(seen.data.unwrap().user.email, email);
    other.sign_out().await.unwrap();
    let signed_out = states.next().await.unwrap();
    assert_eq!(signed_out.data, None);
}

#[wasm_bindgen_test]
async fn clients_on_one_page_share_one_set_of_page_listeners() {
    install_counters();
    let before = counters();
    let clients: Vec<AuthClient> = (0..3).map(|_| client()).collect();
    let signals: Vec<_> = clients.iter().map(AuthClient::session).collect();
    sleep(50).await;
    let during = counters();
    let added = during[0] - before[0];
    console_log!("page listeners added by 3 clients: {added}");
    // visibilitychange, focus, online, offline and storage: once for the page (none
    // when another test's client still holds them), never once per client.
    assert!(added <= 5, "3 clients added {added} listeners");
    drop(signals);
    drop(clients);
    sleep(50).await;
    assert_eq!(counters(), before, "all removed with the last client");
}

#[wasm_bindgen_test]
async fn a_listener_removed_by_another_during_a_notification_is_not_called() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let client = client();
    let second_calls = Rc::new(Cell::new(0));
    let second: Rc<RefCell<Option<better_auth_wasm::SessionListener>>> =
        Rc::new(RefCell::new(None));
    let first_calls = Rc::new(Cell::new(0));
    let (calls, victim) = (Rc::clone(&first_calls), Rc::clone(&second));
    // The first listener removes the second on its first call.
    let _first = client.listen(move || {
        calls.set(calls.get() + 1);
        victim.borrow_mut().take();
    });
    let calls = Rc::clone(&second_calls);
    second.replace(Some(client.listen(move || calls.set(calls.get() + 1))));
    wait_for(&client, 5_000.0, |s| !s.is_pending).await;
    assert!(first_calls.get() > 0);
    assert_eq!(
        second_calls.get(),
        0,
        "removed before its turn, so never called"
    );
}

#[wasm_bindgen_test]
async fn a_refetch_reading_the_same_session_keeps_the_shared_session() {
    let client = client();
    sign_up(&client).await;
    let _signal = client.session();
    let (first, _) = wait_for(&client, 5_000.0, |s| loaded(s) && s.data.is_some()).await;
    client.refetch();
    let (second, _) = wait_for(&client, 5_000.0, |s| {
        loaded(s) && s.last_result_at != first.last_result_at
    })
    .await;
    let (first, second) = (first.data.unwrap(), second.data.unwrap());
    // One copy of the session: every snapshot shares the store's, until it changes.
    assert!(
        Arc::ptr_eq(&first, &second),
        "an equal read replaced the session"
    );
    assert!(Arc::ptr_eq(&second, &client.session_state().data.unwrap()));
}

#[wasm_bindgen_test]
async fn the_session_signal_ends_when_the_client_is_dropped() {
    use futures_signals::signal::SignalExt;
    use futures_util::StreamExt;

    let client = client();
    let mut states = client.session().to_stream();
    assert!(states.next().await.is_some(), "the current state first");
    drop(client);
    assert!(states.next().await.is_none(), "then the end, not a hang");
}

#[wasm_bindgen_test]
async fn the_app_can_replace_the_pages_events_with_its_own() {
    use better_auth_wasm::page::{self, PageEvent, PageSource};
    install_counters();
    let (client, _signal) = subscribed_with_focus_throttle(300).await;
    let with_browser = counters()[0];
    page::set_source(PageSource::App);
    let removed = with_browser - counters()[0];
    console_log!("the app as the page's source: {removed} browser listeners removed");
    assert_eq!(removed, 4, "visibilitychange, focus, online, offline");

    reset_server().await;
    sleep(400).await;
    fire("window", "focus");
    fire("document", "visibilitychange");
    sleep(300).await;
    assert_eq!(
        request_count(GET_SESSION).await,
        0,
        "the browser is not heard"
    );
    page::send(PageEvent::Focused);
    wait_for(&client, 5_000.0, loaded).await;
    assert_eq!(request_count(GET_SESSION).await, 1, "the app is");

    page::set_source(PageSource::Browser);
    assert_eq!(
        counters()[0],
        with_browser,
        "the browser's listeners are back"
    );
}
