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

use better_auth_wasm::{
    AuthClient, ChangePassword, ErrorCode, Method, SignInEmail, SignInSocial, SignUpEmail,
    UpdateUser, Value,
};
use support::{
    client, request_count, reset_server, sign_in_elsewhere, sign_up_fresh, unique_email, wait_for,
    PASSWORD, REFUSED_URL, SERVER_URL,
};
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

fn sign_in_request(email: &str, password: &str) -> SignInEmail {
    SignInEmail {
        email: email.into(),
        password: password.into(),
        ..SignInEmail::default()
    }
}

#[wasm_bindgen_test]
async fn update_user_reaches_the_store_with_one_read() {
    let client = client();
    sign_up_fresh(&client, "update").await;
    let _session = client.session();
    wait_for(&client, 5_000.0, |s| s.data.is_some()).await;
    reset_server().await;
    let change = UpdateUser {
        name: Some("Renamed In Rust".into()),
        ..UpdateUser::default()
    };
    client.update_user(&change).await.unwrap();
    wait_for(&client, 5_000.0, |s| {
        s.data
            .as_ref()
            .is_some_and(|d| d.user.name == "Renamed In Rust")
    })
    .await;
    assert_eq!(request_count("/api/auth/get-session").await, 1);
    client.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn change_password_checks_the_current_one_and_can_sign_out_other_devices() {
    let client = client();
    let email = sign_up_fresh(&client, "password").await;
    sign_in_elsewhere(&email).await;
    let wrong = ChangePassword {
        current_password: "not-the-password".into(),
        new_password: "new-horse-battery".into(),
        revoke_other_sessions: true,
    };
    let err = client.change_password(&wrong).await.unwrap_err();
    assert_eq!(err.code.as_str(), "INVALID_PASSWORD");
    assert_eq!(client.list_sessions().await.unwrap().len(), 2);
    let right = ChangePassword {
        current_password: PASSWORD.into(),
        ..wrong
    };
    client.change_password(&right).await.unwrap();
    // This device continues on a new session; the other one is gone.
    let sessions = client.list_sessions().await.unwrap();
    assert_eq!(sessions.len(), 1);
    assert!(sessions[0].current);
    client.sign_out().await.unwrap();
    let old = client
        .sign_in_email(&sign_in_request(&email, PASSWORD))
        .await
        .unwrap_err();
    assert_eq!(old.code, ErrorCode::InvalidEmailOrPassword);
    client
        .sign_in_email(&sign_in_request(&email, "new-horse-battery"))
        .await
        .unwrap();
    client.sign_out().await.unwrap();
}

/// The last mail the test server "sent" to `email`, as JSON.
async fn last_mail(email: &str) -> wasm_bindgen::JsValue {
    let url = format!(
        "{SERVER_URL}/__test/mail?to={}",
        js_sys::encode_uri_component(email)
    );
    let text = gloo_net::http::Request::get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mails = js_sys::Array::from(&js_sys::JSON::parse(&text).unwrap());
    mails.pop()
}

#[wasm_bindgen_test]
async fn a_forgotten_password_is_reset_with_the_token_of_the_mailed_link() {
    let client = client();
    let email = sign_up_fresh(&client, "reset").await;
    client.sign_out().await.unwrap();
    client
        .request_password_reset(&email, Some("/reset-password"))
        .await
        .unwrap();
    let mail = last_mail(&email).await;
    let field = |key: &str| {
        js_sys::Reflect::get(&mail, &key.into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(field("kind"), "reset-password");
    assert!(field("url").contains("/reset-password"), "{}", field("url"));
    let token = field("token");
    client
        .reset_password("reset-horse-battery", &token)
        .await
        .unwrap();
    let used = client
        .reset_password("again-horse-battery", &token)
        .await
        .unwrap_err();
    assert_eq!(used.code, ErrorCode::InvalidToken);
    client
        .sign_in_email(&sign_in_request(&email, "reset-horse-battery"))
        .await
        .unwrap();
    client.sign_out().await.unwrap();
    // An unknown address gets the same answer (nothing to learn from it), and no mail.
    let nobody = unique_email("nobody");
    client.request_password_reset(&nobody, None).await.unwrap();
    assert!(last_mail(&nobody).await.is_undefined());
}

#[wasm_bindgen_test]
async fn social_sign_in_gives_the_providers_url_and_an_unknown_provider_a_typed_error() {
    let client = client();
    let github = SignInSocial {
        provider: "github".into(),
        callback_url: Some("/".into()),
        ..SignInSocial::default()
    };
    let started = client.sign_in_social(&github).await.unwrap();
    assert!(
        started
            .url
            .starts_with("https://github.com/login/oauth/authorize?"),
        "{}",
        started.url
    );
    assert!(started.url.contains("client_id=better-auth-wasm-test"));
    let unknown = SignInSocial {
        provider: "nowhere".into(),
        ..github
    };
    let err = client.sign_in_social(&unknown).await.unwrap_err();
    assert!(err.status >= 400 && err.status < 500, "{err:?}");
    assert_eq!(
        client.get_session().await.unwrap(),
        None,
        "no session began"
    );
}

#[wasm_bindgen_test]
async fn the_generic_call_reaches_any_path_with_the_store_following() {
    let client = client();
    sign_up_fresh(&client, "generic").await;
    let _session = client.session();
    wait_for(&client, 5_000.0, |s| s.data.is_some()).await;
    let read = client
        .call(Method::Get, "/get-session?disableRefresh=true", None)
        .await
        .unwrap();
    let Value::Object(fields) = read else {
        panic!("an object: {read:?}")
    };
    assert!(fields.get("user").is_some());
    client
        .call(
            Method::Post,
            "/update-user",
            Some(r#"{"name":"Renamed By Path"}"#),
        )
        .await
        .unwrap();
    wait_for(&client, 5_000.0, |s| {
        s.data
            .as_ref()
            .is_some_and(|d| d.user.name == "Renamed By Path")
    })
    .await;
    reset_server().await;
    let err = client
        .call(Method::Post, "/update-user", Some("{not json"))
        .await
        .unwrap_err();
    assert_eq!(err.code.as_str(), "INVALID_BODY");
    assert_eq!(
        request_count("/api/auth/update-user").await,
        0,
        "nothing sent"
    );
    let missing = client
        .call(Method::Get, "/no-such-endpoint", None)
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    // Any method goes out as given: Better Auth answers a method /ok does not take.
    reset_server().await;
    let deleted = client.call(Method::Delete, "/ok", None).await.unwrap_err();
    assert_eq!((deleted.status, deleted.code), (404, ErrorCode::NotFound));
    assert_eq!(request_count("/api/auth/ok").await, 1, "sent");
    client.call(Method::Post, "/sign-out", None).await.unwrap();
    wait_for(&client, 1_000.0, |s| s.data.is_none() && !s.is_pending).await;
}
