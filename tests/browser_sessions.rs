//! Session management against the real test server in headless Chromium: listing
//! (this device marked), revoking by token and id, others, everywhere, refresh and
//! read flags, freshness, expiry, revocation seen as INVALID_TOKEN, custom fields, and
//! the multi-session plugin.
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
    AuthClient, ErrorCode, GetSessionQuery, SessionOptions, SignInEmail, Timestamp, Value,
    DEFAULT_FRESH_AGE_SECS,
};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

async fn sign_in_again(client: &AuthClient, email: &str) {
    client
        .sign_in_email(&SignInEmail {
            email: email.into(),
            password: PASSWORD.into(),
            ..SignInEmail::default()
        })
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn list_sessions_marks_this_devices_session_current() {
    let client = client();
    let email = sign_up_fresh(&client, "list").await;
    let sessions = client.list_sessions().await.unwrap();
    assert_eq!(sessions.len(), 1);
    assert!(sessions[0].current);
    let mine = client.get_session().await.unwrap().unwrap();
    assert_eq!(mine.user.email, email);
    assert_eq!(sessions[0].session.id, mine.session.id);
    client.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn revoking_this_devices_session_signs_it_out_at_once() {
    let client = client();
    sign_up_fresh(&client, "revoke-own").await;
    let _signal = client.session();
    let (state, _) = wait_for(&client, 5_000.0, |s| s.data.is_some()).await;
    let token = state.data.unwrap().session.token.clone();
    client.revoke_session(&token).await.unwrap();
    let state = client.session_state();
    assert_eq!(
        state.data, None,
        "signed out the moment the server answered"
    );
    assert_eq!(state.error, None);
    assert_eq!(client.get_session().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn revoking_another_session_by_id_and_the_others_leaves_this_one() {
    let client = client();
    let email = sign_up_fresh(&client, "others").await;
    sign_in_elsewhere(&email).await;
    sign_in_elsewhere(&email).await;
    let sessions = client.list_sessions().await.unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions.iter().filter(|s| s.current).count(), 1);

    let other = sessions.iter().find(|s| !s.current).unwrap();
    client
        .revoke_session_by_id(&other.session.id)
        .await
        .unwrap();
    let sessions = client.list_sessions().await.unwrap();
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|s| s.session.id != other.session.id));

    client.revoke_other_sessions().await.unwrap();
    let sessions = client.list_sessions().await.unwrap();
    assert_eq!(sessions.len(), 1);
    assert!(sessions[0].current);
    assert!(client.get_session().await.unwrap().is_some());
    client.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn revoking_an_unknown_id_is_a_typed_error() {
    let client = client();
    sign_up_fresh(&client, "unknown-id").await;
    let err = client.revoke_session_by_id("no-such-id").await.unwrap_err();
    assert_eq!(err.code.as_str(), "SESSION_NOT_FOUND");
    assert!(err.message.contains("List the sessions"));
    client.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn revoke_sessions_and_sign_out_all_sign_out_everywhere() {
    for use_alias in [false, true] {
        let client = client();
        let email = sign_up_fresh(&client, "everywhere").await;
        sign_in_elsewhere(&email).await;
        let _signal = client.session();
        wait_for(&client, 5_000.0, |s| s.data.is_some()).await;
        if use_alias {
            client.sign_out_all().await.unwrap();
        } else {
            client.revoke_sessions().await.unwrap();
        }
        assert_eq!(client.session_state().data, None);
        assert_eq!(client.get_session().await.unwrap(), None);
        let err = client.list_sessions().await.unwrap_err();
        assert_eq!((err.status, err.code), (401, ErrorCode::Unauthorized));
        // Both sessions are gone: signing in again gives exactly one.
        assert_eq!(client.get_session().await.unwrap(), None);
        sign_in_again(&client, &email).await;
        assert_eq!(client.list_sessions().await.unwrap().len(), 1);
        client.sign_out().await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn refresh_session_bypasses_the_cookie_cache_and_updates_the_store() {
    let client = client();
    let email = sign_up_fresh(&client, "refresh").await;
    let refreshed = client.refresh_session().await.unwrap().unwrap();
    assert_eq!(refreshed.user.email, email);
    assert!(last_url("/api/auth/get-session")
        .await
        .contains("disableCookieCache=true"));
    assert_eq!(client.session_state().data.unwrap().user.email, email);
    client.sign_out().await.unwrap();
    assert_eq!(client.refresh_session().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn get_session_sends_a_flag_only_when_it_is_true() {
    let client = client();
    let cases = [
        (false, false, "/api/auth/get-session"),
        (true, false, "/api/auth/get-session?disableCookieCache=true"),
        (false, true, "/api/auth/get-session?disableRefresh=true"),
    ];
    for (cache, refresh, expected) in cases {
        let query = GetSessionQuery {
            disable_cookie_cache: cache,
            disable_refresh: refresh,
        };
        client.get_session_with(query).await.unwrap();
        assert_eq!(last_url("/api/auth/get-session").await, expected);
    }
}

#[wasm_bindgen_test]
async fn custom_user_fields_arrive_typed_as_extra() {
    let client = client();
    sign_up_fresh(&client, "role").await;
    let data = client.get_session().await.unwrap().unwrap();
    assert_eq!(
        data.user.extra.get("role"),
        Some(&Value::String("member".into()))
    );
    client.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_new_session_is_fresh_and_an_old_one_gets_session_not_fresh() {
    let client = client();
    sign_up_fresh(&client, "fresh").await;
    let data = client.get_session().await.unwrap().unwrap();
    assert!(data.session.is_fresh(DEFAULT_FRESH_AGE_SECS, now()));
    client.sign_out().await.unwrap();

    // The short server's sessions are fresh for 1 s.
    let short = AuthClient::new(SHORT_SERVER_URL).unwrap();
    sign_up_fresh(&short, "not-fresh").await;
    assert_eq!(short.list_sessions().await.unwrap().len(), 1);
    sleep(1_200).await;
    let data = short.get_session().await.unwrap().unwrap();
    assert!(!data.session.is_fresh(1, now()));
    let err = short.list_sessions().await.unwrap_err();
    assert_eq!(
        (err.status, err.code.clone()),
        (403, ErrorCode::SessionNotFresh)
    );
    assert!(!err.message.is_empty());
    assert!(ErrorCode::SessionNotFresh
        .default_message()
        .contains("sign in again"));
    short.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn when_the_session_expires_the_store_says_session_expired() {
    // The short server's sessions last 3 s.
    let short = AuthClient::new(SHORT_SERVER_URL).unwrap();
    sign_up_fresh(&short, "expiring").await;
    let _signal = short.session();
    let (state, _) = wait_for(&short, 5_000.0, |s| s.data.is_some()).await;
    let expires = state.data.unwrap().session.expires_at.as_millis() as f64;
    let (state, _) = wait_for(&short, 8_000.0, |s| s.error.is_some()).await;
    assert!(js_sys::Date::now() >= expires);
    assert_eq!(state.data, None);
    assert_eq!(state.error.unwrap().code, ErrorCode::SessionExpired);
}

#[wasm_bindgen_test]
async fn a_session_revoked_elsewhere_shows_invalid_token_on_the_next_read() {
    let here = client();
    sign_up_fresh(&here, "revoked").await;
    let _signal = here.session();
    wait_for(&here, 5_000.0, |s| s.data.is_some()).await;
    // Another client that does not talk to this one (another device, in effect).
    let elsewhere = AuthClient::with_options(
        SERVER_URL,
        SessionOptions {
            cross_tab_sync: false,
            ..SessionOptions::default()
        },
    )
    .unwrap();
    elsewhere.revoke_sessions().await.unwrap();
    here.refetch();
    let (state, _) = wait_for(&here, 5_000.0, |s| s.error.is_some()).await;
    assert_eq!(state.data, None);
    assert_eq!(state.error.unwrap().code, ErrorCode::InvalidToken);
}

#[wasm_bindgen_test]
async fn multi_session_lists_switches_and_revokes_device_accounts() {
    let client = client();
    client.sign_out().await.unwrap();
    let first = sign_up_fresh(&client, "multi-a").await;
    let second = sign_up_fresh(&client, "multi-b").await;
    let _signal = client.session();
    wait_for(&client, 5_000.0, |s| {
        s.data.as_ref().is_some_and(|d| d.user.email == second)
    })
    .await;

    let accounts = client.list_device_sessions().await.unwrap();
    let emails: Vec<_> = accounts.iter().map(|a| a.user.email.as_str()).collect();
    assert_eq!(accounts.len(), 2, "{emails:?}");
    assert!(emails.contains(&first.as_str()) && emails.contains(&second.as_str()));

    let first_token = accounts
        .iter()
        .find(|a| a.user.email == first)
        .unwrap()
        .session
        .token
        .clone();
    let second_token = accounts
        .iter()
        .find(|a| a.user.email == second)
        .unwrap()
        .session
        .token
        .clone();
    let active = client.set_active_session(&first_token).await.unwrap();
    assert_eq!(active.user.email, first);
    wait_for(&client, 5_000.0, |s| {
        s.data.as_ref().is_some_and(|d| d.user.email == first)
    })
    .await;

    client.revoke_device_session(&second_token).await.unwrap();
    let accounts = client.list_device_sessions().await.unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].user.email, first);
    let (state, _) = wait_for(&client, 5_000.0, |s| !s.is_refetching).await;
    assert_eq!(state.data.unwrap().user.email, first);
    client.sign_out().await.unwrap();
}
