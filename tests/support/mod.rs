//! Helpers shared by the browser tests: where the real test server is, and fresh users.
#![allow(dead_code)]

/// The real test server's origin, set by `scripts/with-test-server.sh` at build time.
pub const SERVER_URL: &str = env!("BA_TEST_SERVER_URL");

/// An http URL on a port where nothing listens.
pub const REFUSED_URL: &str = env!("BA_TEST_REFUSED_URL");

/// A client of the real test server with default options.
pub fn client() -> better_auth_wasm::AuthClient {
    better_auth_wasm::AuthClient::new(SERVER_URL).unwrap()
}

/// An email address no other test (or earlier run against the same database) used.
pub fn unique_email(tag: &str) -> String {
    let now = js_sys::Date::now() as u64;
    let salt = (js_sys::Math::random() * 1e9) as u64;
    format!("{tag}-{now}-{salt}@example.com")
}

pub const PASSWORD: &str = "correct-horse-battery";

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

async fn test_route(method: &str, path: &str, body: Option<String>) -> String {
    let url = format!("{SERVER_URL}{path}");
    let request = match method {
        "POST" => gloo_net::http::Request::post(&url)
            .header("content-type", "application/json")
            .body(body.unwrap_or_else(|| "{}".into()))
            .unwrap(),
        _ => gloo_net::http::Request::get(&url).build().unwrap(),
    };
    let response = request.send().await.unwrap();
    assert!(response.ok(), "{path}: {}", response.status());
    response.text().await.unwrap()
}

/// Forgets the server's request counts and pending faults.
pub async fn reset_server() {
    test_route("POST", "/__test/reset", None).await;
}

/// How many requests the server saw to `path` (such as `/api/auth/get-session`)
/// since the last reset.
pub async fn request_count(path: &str) -> u32 {
    let text = test_route("GET", "/__test/counts", None).await;
    let counts = js_sys::JSON::parse(&text).unwrap();
    js_sys::Reflect::get(&counts, &path.into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0) as u32
}

/// Arms a fault for the next requests to a path (see test-server/faults.mjs).
pub async fn add_fault(fault_json: &str) {
    test_route("POST", "/__test/faults", Some(fault_json.into())).await;
}

/// The server whose sessions are fresh for 1 s and expire after 3 s.
pub const SHORT_SERVER_URL: &str = env!("BA_TEST_SHORT_SERVER_URL");

/// The URL (path and query) of the last request the server saw to `path`.
pub async fn last_url(path: &str) -> String {
    let text = test_route("GET", "/__test/last-urls", None).await;
    let urls = js_sys::JSON::parse(&text).unwrap();
    js_sys::Reflect::get(&urls, &path.into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// Signs a fresh user up through `client`; returns the email.
pub async fn sign_up_fresh(client: &better_auth_wasm::AuthClient, tag: &str) -> String {
    let email = unique_email(tag);
    client
        .sign_up_email(&better_auth_wasm::SignUpEmail {
            email: email.clone(),
            password: PASSWORD.into(),
            name: "Test User".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    email
}

/// Polls the client's store until `done` holds, for at most `timeout_ms`; returns the
/// state and the milliseconds waited.
pub async fn wait_for(
    client: &better_auth_wasm::AuthClient,
    timeout_ms: f64,
    done: impl Fn(
        &better_auth_wasm::SessionState<std::sync::Arc<better_auth_wasm::SessionData>>,
    ) -> bool,
) -> (
    better_auth_wasm::SessionState<std::sync::Arc<better_auth_wasm::SessionData>>,
    f64,
) {
    let start = js_sys::Date::now();
    loop {
        let state = client.session_state();
        let waited = js_sys::Date::now() - start;
        if done(&state) {
            return (state, waited);
        }
        assert!(
            waited < timeout_ms,
            "timed out after {waited} ms: {state:?}"
        );
        sleep(5).await;
    }
}

/// Signs `email` in without this page's cookies (`credentials: "omit"`): a session of
/// another device, in effect. Returns its token.
pub async fn sign_in_elsewhere(email: &str) -> String {
    let body = format!(r#"{{"email":"{email}","password":"{PASSWORD}"}}"#);
    let response = gloo_net::http::Request::post(&format!("{SERVER_URL}/api/auth/sign-in/email"))
        .credentials(web_sys::RequestCredentials::Omit)
        .header("content-type", "application/json")
        .body(body)
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let json = js_sys::JSON::parse(&response.text().await.unwrap()).unwrap();
    js_sys::Reflect::get(&json, &"token".into())
        .unwrap()
        .as_string()
        .unwrap()
}
