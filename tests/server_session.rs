//! The native face (feature `server`) against the real test server: a request's Cookie
//! header forwarded gives its session; no cookie or a bad one gives `None`; a wrong base
//! path and a refused port give typed errors. Run under scripts/with-test-server.sh.
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

fn server_url() -> String {
    std::env::var("BA_TEST_SERVER_URL").expect(
        "run under scripts/with-test-server.sh (make test does): BA_TEST_SERVER_URL is unset",
    )
}

/// Signs a fresh user up the way a browser would; returns the Cookie header to send.
fn sign_up(name: &str) -> (String, String) {
    let url = server_url();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let email = format!("server-{nanos}@example.com");
    let body =
        format!(r#"{{"email":"{email}","password":"correct-horse-battery","name":"{name}"}}"#);
    let response = ureq::post(format!("{url}/api/auth/sign-up/email"))
        .header("origin", &url)
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

#[test]
fn the_forwarded_cookie_gives_the_requests_session() {
    let (email, cookie) = sign_up("Server Side");
    let auth = ServerClient::new(&server_url()).unwrap();
    let data = auth.get_session(Some(&cookie)).unwrap().expect("signed in");
    assert_eq!(data.user.email, email);
    assert_eq!(data.user.name, "Server Side");
}

#[test]
fn no_cookie_or_a_forged_one_is_signed_out() {
    let auth = ServerClient::new(&server_url()).unwrap();
    assert_eq!(auth.get_session(None).unwrap(), None);
    let forged = "better-auth.session_token=not-a-real-token.signature";
    assert_eq!(auth.get_session(Some(forged)).unwrap(), None);
}

#[test]
fn a_wrong_base_path_and_a_refused_port_are_typed_errors() {
    let wrong = ServerClient::new(&format!("{}/wrong/base", server_url())).unwrap();
    let err = wrong.get_session(None).unwrap_err();
    assert_eq!((err.status, err.code), (404, ErrorCode::NotFound));

    let refused = std::env::var("BA_TEST_REFUSED_URL").unwrap();
    let err = ServerClient::new(&refused)
        .unwrap()
        .get_session(None)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Network);
    assert_eq!(
        ServerClient::new("not a url").unwrap_err().code,
        ErrorCode::InvalidBaseUrl
    );
}
