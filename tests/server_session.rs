//! The native face (feature `server`) against the real test servers: a request's Cookie
//! header forwarded gives its session; no cookie or a bad one gives `None`; a session
//! renewed by `updateAge` comes back as Set-Cookie for the browser; the session
//! management calls work on the request's behalf; a wrong base path and a refused port
//! give typed errors. Run under scripts/with-test-server.sh.
#![cfg(all(feature = "server", not(target_arch = "wasm32")))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use better_auth_wasm::server::ServerClient;
use better_auth_wasm::ErrorCode;

fn env_url(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("run under scripts/with-test-server.sh (make test does): {name} is unset")
    })
}

fn server_url() -> String {
    env_url("BA_TEST_SERVER_URL")
}

/// Signs a fresh user up (or the same one in again) the way a browser would, on the
/// server at `url`; returns the email and the Cookie header to send.
fn sign_in(url: &str, path: &str, email: Option<String>) -> (String, String) {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let email = email.unwrap_or_else(|| format!("server-{nanos}@example.com"));
    let body =
        format!(r#"{{"email":"{email}","password":"correct-horse-battery","name":"Server Side"}}"#);
    let response = ureq::post(format!("{url}/api/auth{path}"))
        .header("origin", url)
        .header("content-type", "application/json")
        .send(body)
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .collect::<Vec<_>>()
        .join("; ");
    assert!(cookie.contains("better-auth.session_token="));
    (email, cookie)
}

#[tokio::test]
async fn the_forwarded_cookie_gives_the_requests_session() {
    let (email, cookie) = sign_in(&server_url(), "/sign-up/email", None);
    let auth = ServerClient::new(&server_url()).unwrap();
    let read = auth.get_session(Some(&cookie)).await.unwrap();
    let data = read.value.expect("signed in");
    assert_eq!(data.user.email, email);
    assert_eq!(data.user.name, "Server Side");
    assert!(
        read.set_cookies.is_empty(),
        "nothing to renew: {:?}",
        read.set_cookies
    );
}

#[tokio::test]
async fn no_cookie_or_a_forged_one_is_signed_out() {
    let auth = ServerClient::new(&server_url()).unwrap();
    assert_eq!(auth.get_session(None).await.unwrap().value, None);
    let forged = "better-auth.session_token=not-a-real-token.signature";
    assert_eq!(auth.get_session(Some(forged)).await.unwrap().value, None);
}

#[tokio::test]
async fn the_session_as_json_text_is_what_the_server_sent_and_checked() {
    let (email, cookie) = sign_in(&server_url(), "/sign-up/email", None);
    let auth = ServerClient::new(&server_url()).unwrap();
    let read = auth.get_session_json(Some(&cookie)).await.unwrap();
    let json: serde_json::Value = serde_json::from_str(&read.value).unwrap();
    assert_eq!(json["user"]["email"], email.as_str());
    // Every field Better Auth sent, the ones this crate has no name for included.
    assert!(json["session"]["userAgent"].is_string() || json["session"]["userAgent"].is_null());
    assert!(json["user"].get("emailVerified").is_some());
    assert_eq!(auth.get_session_json(None).await.unwrap().value, "null");
    // A server that is not Better Auth (its 404 page) is a typed error, not a session.
    let wrong = ServerClient::new(&format!("{}/not-here", server_url())).unwrap();
    let err = wrong.get_session_json(None).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let slow = ServerClient::with_timeout(
        &env_url("BA_TEST_REFUSED_URL"),
        std::time::Duration::from_millis(500),
    )
    .unwrap();
    assert_eq!(
        slow.get_session_json(None).await.unwrap_err().code,
        ErrorCode::Network
    );
}

#[tokio::test]
async fn a_session_renewed_during_the_render_comes_back_as_set_cookie() {
    // A server whose sessions are renewed by any read more than 1 s after the last.
    let url = env_url("BA_TEST_RENEWING_SERVER_URL");
    let (_, cookie) = sign_in(&url, "/sign-up/email", None);
    let auth = ServerClient::new(&url).unwrap();
    let first = auth.get_session(Some(&cookie)).await.unwrap();
    let before = first.value.unwrap().session.expires_at;
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    let renewed = auth.get_session(Some(&cookie)).await.unwrap();
    let after = renewed.value.unwrap().session.expires_at;
    assert!(after > before, "expiresAt moved: {before:?} -> {after:?}");
    assert!(
        renewed
            .set_cookies
            .iter()
            .any(|c| c.starts_with("better-auth.session_token=") && c.contains("Max-Age")),
        "the renewed cookie, for the browser: {:?}",
        renewed.set_cookies
    );
}

#[tokio::test]
async fn session_management_works_on_the_requests_behalf() {
    let url = server_url();
    let (email, cookie) = sign_in(&url, "/sign-up/email", None);
    let (_, other) = sign_in(&url, "/sign-in/email", Some(email.clone()));
    let auth = ServerClient::new(&url).unwrap();
    assert_eq!(
        auth.list_sessions(Some(&cookie)).await.unwrap().value.len(),
        2
    );

    auth.revoke_other_sessions(Some(&cookie)).await.unwrap();
    assert_eq!(auth.get_session(Some(&other)).await.unwrap().value, None);
    let listed = auth.list_sessions(Some(&cookie)).await.unwrap().value;
    assert_eq!(listed.len(), 1);

    let (_, third) = sign_in(&url, "/sign-in/email", Some(email));
    let token = auth.get_session(Some(&third)).await.unwrap().value.unwrap();
    auth.revoke_session(Some(&cookie), &token.session.token)
        .await
        .unwrap();
    assert_eq!(auth.get_session(Some(&third)).await.unwrap().value, None);

    auth.revoke_sessions(Some(&cookie)).await.unwrap();
    assert_eq!(auth.get_session(Some(&cookie)).await.unwrap().value, None);
    let err = auth.list_sessions(Some(&cookie)).await.unwrap_err();
    assert_eq!(err.status, 401);
}

#[tokio::test]
async fn a_wrong_base_path_and_a_refused_port_are_typed_errors() {
    let wrong = ServerClient::new(&format!("{}/wrong/base", server_url())).unwrap();
    let err = wrong.get_session(None).await.unwrap_err();
    assert_eq!((err.status, err.code), (404, ErrorCode::NotFound));

    let refused = env_url("BA_TEST_REFUSED_URL");
    let err = ServerClient::new(&refused)
        .unwrap()
        .get_session(None)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Network);
    assert_eq!(
        ServerClient::new("not a url").unwrap_err().code,
        ErrorCode::InvalidBaseUrl
    );
}
