//! `AuthClient` on a native target (server rendering calls it): every call returns a
//! typed error that points at `ServerClient`, and the store settles with that error;
//! nothing reaches a wasm-only import, so nothing panics.
#![cfg(not(target_arch = "wasm32"))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use better_auth_wasm::{AuthClient, ErrorCode, SignInEmail};
use futures_signals::signal::SignalExt;
use futures_util::StreamExt;
use std::cell::Cell;
use std::rc::Rc;

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    futures_executor::block_on(future)
}

#[test]
fn every_call_is_a_typed_error_and_the_store_settles_without_panicking() {
    let client = AuthClient::new("http://127.0.0.1:9").unwrap();
    let err = block_on(client.get_session()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Network);
    assert!(err.message.contains("ServerClient"), "{}", err.message);
    let err = block_on(client.sign_in_email(&SignInEmail {
        email: "a@example.com".into(),
        password: "pw".into(),
        ..SignInEmail::default()
    }))
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Network);
    assert!(block_on(client.sign_out()).is_err());
    assert!(block_on(client.list_sessions()).is_err());
    assert!(block_on(client.revoke_session("token")).is_err());
    assert!(block_on(client.refresh_session()).is_err());

    let calls = Rc::new(Cell::new(0));
    let seen = Rc::clone(&calls);
    let listener = client.listen(move || seen.set(seen.get() + 1));
    let state = client.session_state();
    assert!(!state.is_pending, "the first read failed at once");
    assert_eq!(state.error.map(|e| e.code), Some(ErrorCode::Network));
    assert!(calls.get() > 0 || client.session_state().last_result_at.is_some());
    client.refetch();
    drop(listener);

    let first = block_on(client.session().to_stream().next()).unwrap();
    assert!(first.data.is_none());
    assert!(client.session_json().is_none());
    drop(client);
}
