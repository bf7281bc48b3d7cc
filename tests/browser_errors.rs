//! Bad input and bad answers, against the real test server (faults injected by its
//! test-only hook): every failure is a typed error with a status, a code and a message
//! that says what to do, and nothing panics.
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
    AuthClient, AuthError, ErrorCode, SessionOptions, SignInEmail, SignUpEmail,
};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn sign_up_err(email: &str, password: &str, name: &str) -> AuthError {
    client()
        .sign_up_email(&SignUpEmail {
            email: email.into(),
            password: password.into(),
            name: name.into(),
            ..SignUpEmail::default()
        })
        .await
        .unwrap_err()
}

/// Arms one fault on get-session and reads it.
async fn read_with_fault(fault: &str) -> AuthError {
    add_fault(&format!(r#"{{"path":"/api/auth/get-session",{fault}}}"#)).await;
    client().get_session().await.unwrap_err()
}

#[wasm_bindgen_test]
async fn an_empty_email_is_a_validation_error_with_the_servers_code_kept() {
    let err = sign_up_err("", PASSWORD, "Empty").await;
    assert_eq!(err.status, 400);
    assert_eq!(err.code, ErrorCode::Other("VALIDATION_ERROR".into()));
    assert_eq!(err.code.as_str(), "VALIDATION_ERROR");
    assert!(err.message.contains("email"), "{}", err.message);
}

#[wasm_bindgen_test]
async fn a_ten_kilobyte_password_is_refused_cleanly() {
    let password = "p".repeat(10 * 1024);
    let err = sign_up_err(&unique_email("long"), &password, "Long").await;
    assert_eq!(err.status, 400);
    assert_eq!(err.code.as_str(), "PASSWORD_TOO_LONG");
}

#[wasm_bindgen_test]
async fn non_ascii_names_round_trip_and_a_non_ascii_email_is_refused_typed() {
    let client = client();
    let name = "Ñandú Ōtsuka 名前 🦀 \"quoted\" \\ back";
    let up = client
        .sign_up_email(&SignUpEmail {
            email: unique_email("unicode"),
            password: PASSWORD.into(),
            name: name.into(),
            ..SignUpEmail::default()
        })
        .await
        .unwrap();
    assert_eq!(up.user.name, name);
    assert_eq!(client.get_session().await.unwrap().unwrap().user.name, name);
    client.sign_out().await.unwrap();

    // Better Auth's email validation refuses a non-ASCII local part.
    let err = sign_up_err(&unique_email("ünï"), PASSWORD, name).await;
    assert_eq!((err.status, err.code.as_str()), (400, "VALIDATION_ERROR"));
}

#[wasm_bindgen_test]
async fn a_200_that_is_not_json_is_an_invalid_response() {
    let err =
        read_with_fault(r#""status":200,"body":"{not json","contentType":"application/json""#)
            .await;
    assert_eq!(
        (err.status, err.code.clone()),
        (200, ErrorCode::InvalidResponse)
    );
    assert!(err.message.contains("base URL"));
}

#[wasm_bindgen_test]
async fn a_body_cut_mid_json_is_an_invalid_response() {
    let err = read_with_fault(r#""status":200,"body":"{\"session\":{\"id\":\"abc\",\"tok""#).await;
    assert_eq!(err.code, ErrorCode::InvalidResponse);
}

#[wasm_bindgen_test]
async fn json_of_the_wrong_shape_is_an_invalid_response() {
    let err = read_with_fault(r#""status":200,"body":"{\"session\":42,\"user\":[]}""#).await;
    assert_eq!(err.code, ErrorCode::InvalidResponse);
}

#[wasm_bindgen_test]
async fn an_html_error_page_from_a_proxy_is_a_server_error() {
    let err = read_with_fault(
        r#""status":502,"body":"<html><body>Bad Gateway</body></html>","contentType":"text/html""#,
    )
    .await;
    assert_eq!(
        (err.status, err.code.clone()),
        (502, ErrorCode::ServerError)
    );
    assert_eq!(err.status_text, "Bad Gateway");
    assert!(err.message.contains("Retry"));
}

#[wasm_bindgen_test]
async fn a_500_with_the_servers_json_keeps_its_message() {
    let err = read_with_fault(r#""status":500,"body":"{\"message\":\"db down\"}""#).await;
    assert_eq!(
        (err.status, err.code.clone()),
        (500, ErrorCode::ServerError)
    );
    assert_eq!(err.message, "db down");
}

#[wasm_bindgen_test]
async fn a_429_is_rate_limited_with_its_retry_after() {
    let err = read_with_fault(
        r#""status":429,"body":"{\"message\":\"Too many requests\"}","headers":{"Retry-After":"7"}"#,
    )
    .await;
    assert_eq!(
        (err.status, err.code.clone()),
        (429, ErrorCode::RateLimited)
    );
    assert_eq!(err.retry_after, Some(7));
}

#[wasm_bindgen_test]
async fn better_auths_own_x_retry_after_is_read_too() {
    // Better Auth's rate limiter sends X-Retry-After, not Retry-After.
    let err = read_with_fault(
        r#""status":429,"body":"{\"message\":\"Too many requests\"}","headers":{"X-Retry-After":"12"}"#,
    )
    .await;
    assert_eq!(err.code, ErrorCode::RateLimited);
    assert_eq!(err.retry_after, Some(12));
}

#[wasm_bindgen_test]
async fn a_bare_403_is_forbidden_and_names_trusted_origins() {
    let err = read_with_fault(r#""status":403,"body":"""#).await;
    assert_eq!((err.status, err.code.clone()), (403, ErrorCode::Forbidden));
    assert!(err.message.contains("trustedOrigins"));
}

#[wasm_bindgen_test]
async fn listing_sessions_signed_out_is_unauthorized() {
    let client = client();
    client.sign_out().await.unwrap();
    let err = client.list_sessions().await.unwrap_err();
    assert_eq!(
        (err.status, err.code.clone()),
        (401, ErrorCode::Unauthorized)
    );
}

#[wasm_bindgen_test]
async fn a_server_slower_than_the_timeout_is_a_timeout() {
    add_fault(r#"{"path":"/api/auth/get-session","delayMs":1500}"#).await;
    let client = AuthClient::with_options(
        SERVER_URL,
        SessionOptions {
            request_timeout_ms: 300,
            ..SessionOptions::default()
        },
    )
    .unwrap();
    let started = js_sys::Date::now();
    let err = client.get_session().await.unwrap_err();
    let took = js_sys::Date::now() - started;
    assert_eq!((err.status, err.code.clone()), (0, ErrorCode::Timeout));
    assert!(took < 1_200.0, "gave up after {took} ms");
}

#[wasm_bindgen_test]
async fn a_body_that_trickles_past_the_timeout_is_a_timeout() {
    add_fault(r#"{"path":"/api/auth/get-session","status":200,"body":"nullnullnullnull","trickleMs":150}"#)
        .await;
    let client = AuthClient::with_options(
        SERVER_URL,
        SessionOptions {
            request_timeout_ms: 500,
            ..SessionOptions::default()
        },
    )
    .unwrap();
    let err = client.get_session().await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Timeout);
}

#[wasm_bindgen_test]
async fn a_reset_connection_is_a_network_error() {
    // Chromium retries a GET once when a reused connection is reset: reset both tries,
    // then drop whatever fault is left.
    let err = read_with_fault(r#""reset":true,"count":2"#).await;
    reset_server().await;
    assert_eq!((err.status, err.code.clone()), (0, ErrorCode::Network));
    assert!(err.message.contains("CORS"));
}

#[wasm_bindgen_test]
async fn every_call_on_a_refused_port_fails_typed() {
    let client = AuthClient::new(REFUSED_URL).unwrap();
    assert_eq!(
        client.get_session().await.unwrap_err().code,
        ErrorCode::Network
    );
    assert_eq!(
        client.sign_out().await.unwrap_err().code,
        ErrorCode::Network
    );
    assert_eq!(
        client.list_sessions().await.unwrap_err().code,
        ErrorCode::Network
    );
    assert_eq!(
        client.revoke_other_sessions().await.unwrap_err().code,
        ErrorCode::Network
    );
    assert_eq!(
        client.list_device_sessions().await.unwrap_err().code,
        ErrorCode::Network
    );
    assert_eq!(
        client.refresh_session().await.unwrap_err().code,
        ErrorCode::Network
    );
}

#[wasm_bindgen_test]
async fn a_field_nested_ten_thousand_deep_is_read_without_killing_the_client() {
    // JSON.parse takes it; decoding it recursively overflowed the wasm stack once. Now
    // the unknown field is kept to 64 levels, and the session reads.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let body = include_str!("fixtures/get-session.json").replacen(
        r#""user":{"#,
        &format!(r#""user":{{"deep":{deep},"#),
        1,
    );
    let body = js_sys::JSON::stringify(&body.as_str().into())
        .unwrap()
        .as_string()
        .unwrap();
    add_fault(&format!(
        r#"{{"path":"/api/auth/get-session","status":200,"body":{body},"contentType":"application/json"}}"#
    ))
    .await;
    let data = client().get_session().await.unwrap().unwrap();
    assert!(data.user.extra.get("deep").is_some());
    // The instance lives on: the next call works.
    assert!(client().get_session().await.is_ok());
}

#[wasm_bindgen_test]
async fn an_answer_larger_than_the_cap_is_refused_announced_or_not() {
    // 9 M characters of valid JSON (spaces, then null), past the cap (8 Mi).
    for chunked in [false, true] {
        add_fault(&format!(
            r#"{{"path":"/api/auth/get-session","status":200,"body":"null","padding":9000000,"chunked":{chunked}}}"#
        ))
        .await;
        let err = client().get_session().await.unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidResponse, "chunked {chunked}");
        assert!(err.message.contains("larger"), "{}", err.message);
    }
    // Just under the cap is read.
    add_fault(r#"{"path":"/api/auth/get-session","status":200,"body":"null","padding":8000000}"#)
        .await;
    assert_eq!(client().get_session().await, Ok(None));
}

#[wasm_bindgen_test]
async fn a_redirect_is_not_followed_with_a_sign_in_body() {
    reset_server().await;
    add_fault(
        r#"{"path":"/api/auth/sign-in/email","status":307,"headers":{"location":"/api/auth/redirect-target"}}"#,
    )
    .await;
    let err = client()
        .sign_in_email(&SignInEmail {
            email: "someone@example.com".into(),
            password: PASSWORD.into(),
            ..SignInEmail::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidResponse);
    assert!(err.message.contains("redirect"), "{}", err.message);
    assert_eq!(
        request_count("/api/auth/redirect-target").await,
        0,
        "the password went nowhere else"
    );
}
