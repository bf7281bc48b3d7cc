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
