//! Reliability of the session store against a misbehaving server (the real test server
//! with faults injected): for each fault, no panic, a typed error, the last good data
//! kept, recovery once the server behaves, and a bounded number of requests (printed).
#![cfg(target_arch = "wasm32")]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use better_auth_wasm::{AuthClient, ErrorCode, RetryOptions, SessionOptions};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GET_SESSION: &str = "/api/auth/get-session";

/// Signs a fresh user in, subscribes, arms `fault` for the next `count` reads, triggers a
/// read, and checks the store through the failure and the recovery.
async fn survives(name: &str, fault: &str, count: u32, code: ErrorCode) {
    let client = AuthClient::with_options(
        SERVER_URL,
        SessionOptions {
            request_timeout_ms: 400,
            retry: RetryOptions {
                max_attempts: 5,
                base_delay_ms: 150,
                max_delay_ms: 1_000,
            },
            ..SessionOptions::default()
        },
    )
    .unwrap();
    // Signed up with the default timeout: hashing a password can take longer than the
    // 400 ms this client allows its reads (it did on a loaded CI machine). The cookie is
    // the page's, so `client` reads the same session.
    let signer = AuthClient::new(SERVER_URL).unwrap();
    let email = sign_up_fresh(&signer, "reliable").await;
    let _signal = client.session();
    wait_for(&client, 5_000.0, |s| s.data.is_some() && !s.is_refetching).await;

    reset_server().await;
    add_fault(&format!(
        r#"{{"path":"{GET_SESSION}","count":{count},{fault}}}"#
    ))
    .await;
    client.refetch();
    let (failed, _) = wait_for(&client, 5_000.0, |s| s.error.is_some()).await;
    let error = failed.error.unwrap();
    assert_eq!(error.code, code, "{name}: {error:?}");
    assert_eq!(
        failed.data.as_ref().map(|d| d.user.email.as_str()),
        Some(email.as_str()),
        "{name}: the last good data is kept"
    );
    let (recovered, waited) =
        wait_for(&client, 10_000.0, |s| s.error.is_none() && !s.is_refetching).await;
    assert_eq!(recovered.data.unwrap().user.email, email, "{name}");
    let requests = request_count(GET_SESSION).await;
    console_log!(
        "reliability: {name}: {requests} get-session requests ({count} faulted), recovered in {waited:.0} ms"
    );
    // Every faulted read is retried once; nothing more (no storm).
    assert!(requests <= count + 1, "{name}: {requests} requests");
    signer.sign_out().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_delay_past_the_timeout() {
    survives(
        "delay past timeout",
        r#""delayMs":1500"#,
        2,
        ErrorCode::Timeout,
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_500() {
    survives("500", r#""status":500"#, 2, ErrorCode::ServerError).await;
}

#[wasm_bindgen_test]
async fn a_502_html_page() {
    survives(
        "502 HTML page",
        r#""status":502,"body":"<html>Bad Gateway</html>","contentType":"text/html""#,
        2,
        ErrorCode::ServerError,
    )
    .await;
}

#[wasm_bindgen_test]
async fn truncated_json() {
    survives(
        "truncated JSON",
        r#""status":200,"body":"{\"session\":{\"id\":""#,
        2,
        ErrorCode::InvalidResponse,
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_reset_connection() {
    // Chromium retries a reset GET once on its own: 4 resets are two failed reads.
    survives("reset connection", r#""reset":true"#, 4, ErrorCode::Network).await;
}

#[wasm_bindgen_test]
async fn a_429_with_retry_after() {
    survives(
        "429 Retry-After 1",
        r#""status":429,"headers":{"Retry-After":"1"}"#,
        1,
        ErrorCode::RateLimited,
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_body_that_trickles_in() {
    survives(
        "trickling body",
        r#""status":200,"body":"nullnullnull","trickleMs":100"#,
        2,
        ErrorCode::Timeout,
    )
    .await;
}
