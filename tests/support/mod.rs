//! Helpers shared by the browser tests: where the real test server is, and fresh users.
#![allow(dead_code)]

/// The real test server's origin, set by `scripts/with-test-server.sh` at build time.
pub const SERVER_URL: &str = env!("BA_TEST_SERVER_URL");

/// An http URL on a port where nothing listens.
pub const REFUSED_URL: &str = env!("BA_TEST_REFUSED_URL");

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
