//! Native parsing tests on responses captured from the real test server
//! (`tests/fixtures/`, re-captured by `make fixtures`).
#![cfg(not(target_arch = "wasm32"))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use better_auth_wasm::{
    AuthError, ErrorCode, SessionData, SignInResponse, SignOutResponse, SignUpResponse, Timestamp,
    Value,
};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// How the transport turns a non-2xx JSON body into an error.
fn error_from(status: u16, status_text: &str, body: &str) -> AuthError {
    let json: serde_json::Value = serde_json::from_str(body).unwrap();
    let field = |k: &str| json.get(k).and_then(|v| v.as_str()).map(String::from);
    AuthError::from_response(status, status_text.into(), field("code"), field("message"))
}

#[test]
fn signed_out_get_session_is_null() {
    let parsed: Option<SessionData> =
        serde_json::from_str(&fixture("get-session-signed-out.json")).unwrap();
    assert_eq!(parsed, None);
}

#[test]
fn get_session_gives_typed_session_and_user() {
    let data: SessionData = serde_json::from_str(&fixture("get-session.json")).unwrap();
    assert_eq!(data.user.email, "fixture@example.com");
    assert_eq!(data.user.name, "Fixture User");
    assert!(!data.user.email_verified);
    assert_eq!(data.user.image, None);
    assert_eq!(data.session.user_id, data.user.id);
    assert_eq!(data.session.user_agent.as_deref(), Some("node"));
    // Sessions last 7 days by default.
    let lifetime = data.session.expires_at.as_millis() - data.session.created_at.as_millis();
    assert!((lifetime - 7 * 86_400_000).abs() < 1_000, "{lifetime}");
    assert!(data.session.created_at > Timestamp::from_millis(1_700_000_000_000));
    assert!(data.user.extra.is_empty() && data.session.extra.is_empty());
}

#[test]
fn unknown_fields_are_kept_not_rejected() {
    let mut json: serde_json::Value = serde_json::from_str(&fixture("get-session.json")).unwrap();
    json["user"]["role"] = "admin".into();
    json["user"]["prefs"] = serde_json::json!({"theme": "dark", "beta": [1, true, null]});
    json["session"]["activeOrganizationId"] = serde_json::Value::Null;
    let data: SessionData = serde_json::from_value(json).unwrap();
    assert_eq!(data.user.extra["role"], Value::String("admin".into()));
    let Value::Object(prefs) = &data.user.extra["prefs"] else {
        panic!("prefs kept as an object: {:?}", data.user.extra)
    };
    assert_eq!(
        prefs["beta"],
        Value::Array(vec![Value::Number(1.0), Value::Bool(true), Value::Null])
    );
    assert_eq!(data.session.extra["activeOrganizationId"], Value::Null);
}

#[test]
fn a_session_with_a_broken_date_is_rejected() {
    let text = fixture("get-session.json").replacen("\"expiresAt\":\"20", "\"expiresAt\":\"xx", 1);
    assert!(serde_json::from_str::<SessionData>(&text).is_err());
}

#[test]
fn sign_up_sign_in_and_sign_out_answers_parse() {
    let up: SignUpResponse = serde_json::from_str(&fixture("sign-up.json")).unwrap();
    assert_eq!(up.user.email, "fixture@example.com");
    assert!(up.token.is_some());
    let signed_in: SignInResponse = serde_json::from_str(&fixture("sign-in.json")).unwrap();
    assert!(!signed_in.redirect);
    assert_eq!(signed_in.user.id, up.user.id);
    let out: SignOutResponse = serde_json::from_str(&fixture("sign-out.json")).unwrap();
    assert!(out.success);
}

#[test]
fn server_error_bodies_become_typed_errors() {
    let wrong = error_from(401, "Unauthorized", &fixture("sign-in-wrong-password.json"));
    assert_eq!(wrong.code, ErrorCode::InvalidEmailOrPassword);
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.message, "Invalid email or password");
    let dup = error_from(
        422,
        "Unprocessable Entity",
        &fixture("sign-up-duplicate.json"),
    );
    assert_eq!(dup.code, ErrorCode::UserAlreadyExists);
}
