//! The Rust API in headless Chromium against the real Better Auth test server.
//! Run by `make test` through `scripts/with-test-server.sh`.
#![cfg(target_arch = "wasm32")]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use better_auth_wasm::{AuthClient, ErrorCode, SignInEmail, SignUpEmail};
use support::{client, unique_email, PASSWORD, REFUSED_URL, SERVER_URL};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sign_up_request(email: &str, name: &str) -> SignUpEmail {
    SignUpEmail {
        email: email.into(),
        password: PASSWORD.into(),
        name: name.into(),
        ..SignUpEmail::default()
    }
}

#[wasm_bindgen_test]
async fn signed_out_gives_null() {
    let client = client();
    client.sign_out().await.unwrap();
    assert_eq!(client.get_session().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn sign_up_gives_a_session_with_the_users_email_and_sign_out_gives_null_again() {
    let client = client();
    let email = unique_email("signup");
    let signed_up = client
        .sign_up_email(&sign_up_request(&email, "Zoë Ünïcode 名前"))
        .await
        .unwrap();
    assert_eq!(signed_up.user.email, email);
    assert_eq!(signed_up.user.name, "Zoë Ünïcode 名前");

    let data = client.get_session().await.unwrap().expect("signed in");
    assert_eq!(data.user.email, email);
    assert_eq!(data.session.user_id, data.user.id);
    assert!(data.session.expires_at > data.session.created_at);
    let now = js_sys::Date::now() as i64;
    assert!((data.session.created_at.as_millis() - now).abs() < 60_000);

    assert!(client.sign_out().await.unwrap().success);
    assert_eq!(client.get_session().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn sign_in_with_the_right_password_gives_the_users_session() {
    let client = client();
    let email = unique_email("signin");
    client
        .sign_up_email(&sign_up_request(&email, "Ada"))
        .await
        .unwrap();
    client.sign_out().await.unwrap();

    let signed_in = client
        .sign_in_email(&SignInEmail {
            email: email.clone(),
            password: PASSWORD.into(),
            remember_me: Some(true),
            ..SignInEmail::default()
        })
        .await
        .unwrap();
    assert_eq!(signed_in.user.email, email);
    assert!(!signed_in.redirect);
    let data = client.get_session().await.unwrap().expect("signed in");
    assert_eq!(data.user.email, email);
    client.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_wrong_password_gives_invalid_email_or_password_with_status_401() {
    let client = client();
    let email = unique_email("wrongpw");
    client
        .sign_up_email(&sign_up_request(&email, "Bob"))
        .await
        .unwrap();
    client.sign_out().await.unwrap();

    let err = client
        .sign_in_email(&SignInEmail {
            email,
            password: "not-the-password".into(),
            ..SignInEmail::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.status, 401);
    assert_eq!(err.code, ErrorCode::InvalidEmailOrPassword);
    assert!(!err.message.is_empty());
    assert_eq!(client.get_session().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn signing_up_twice_gives_user_already_exists() {
    let client = client();
    let email = unique_email("twice");
    client
        .sign_up_email(&sign_up_request(&email, "Cy"))
        .await
        .unwrap();
    client.sign_out().await.unwrap();
    let err = client
        .sign_up_email(&sign_up_request(&email, "Cy"))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::UserAlreadyExists);
    assert_eq!(err.status, 422);
}

#[wasm_bindgen_test]
async fn a_malformed_base_url_gives_a_typed_error() {
    for bad in ["", "not a url", "/api/auth", "ftp://127.0.0.1:1"] {
        let err = AuthClient::new(bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidBaseUrl, "{bad:?}");
        assert!(err.message.contains("http://"));
    }
}

#[wasm_bindgen_test]
async fn a_refused_port_gives_a_typed_network_error() {
    let client = AuthClient::new(REFUSED_URL).unwrap();
    let err = client.get_session().await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Network);
    assert_eq!(err.status, 0);
}

#[wasm_bindgen_test]
async fn a_wrong_base_path_gives_not_found_that_names_the_base_url() {
    let client = AuthClient::new(&format!("{SERVER_URL}/wrong/base")).unwrap();
    let err = client.get_session().await.unwrap_err();
    assert_eq!(err.status, 404);
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("base URL"));
}
