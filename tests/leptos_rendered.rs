//! The server side of `leptos::provide_rendered_session` (native, feature `server`):
//! `use_session` gives the session the render read, signed out when the read failed,
//! and bad input is a typed error with nothing provided.
#![cfg(all(feature = "leptos", feature = "server", not(target_arch = "wasm32")))]
// Tests may panic; the panic lints guard library code only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use better_auth_wasm::leptos::{provide_rendered_session, use_session, use_session_status};
use better_auth_wasm::{ErrorCode, SessionStatus};
use leptos::prelude::*;

const SESSION: &str = r#"{"session":{"id":"s1","token":"t1","userId":"u1","expiresAt":"2099-01-01T00:00:00.000Z","createdAt":"2026-11-25T10:00:00.000Z","updatedAt":"2026-11-25T10:00:00.000Z"},"user":{"id":"u1","email":"ssr@example.com","name":"Rendered","emailVerified":false,"createdAt":"2026-11-25T10:00:00.000Z","updatedAt":"2026-11-25T10:00:00.000Z"}}"#;

#[test]
fn the_rendered_session_is_what_use_session_gives_on_the_server() {
    Owner::new().with(|| {
        provide_rendered_session("http://127.0.0.1:3000", Some(SESSION.into())).unwrap();
        let state = use_session().get_untracked();
        assert!(!state.is_pending);
        assert_eq!(state.data.unwrap().user.name, "Rendered");
        assert!(matches!(
            use_session_status().get_untracked(),
            SessionStatus::SignedIn(_)
        ));
    });
}

#[test]
fn signed_out_or_a_failed_read_renders_signed_out_not_pending() {
    for rendered in [Some("null".to_string()), None] {
        Owner::new().with(|| {
            provide_rendered_session("http://127.0.0.1:3000", rendered).unwrap();
            assert_eq!(
                use_session_status().get_untracked(),
                SessionStatus::SignedOut
            );
        });
    }
}

#[test]
fn bad_input_is_a_typed_error_and_provides_nothing() {
    Owner::new().with(|| {
        let err =
            provide_rendered_session("http://127.0.0.1:3000", Some("<html>".into())).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidResponse);
        let err = provide_rendered_session("http://127.0.0.1:3000", Some(r#"{"user":1}"#.into()))
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidResponse);
        let err = provide_rendered_session("not a url", Some("null".into())).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidBaseUrl);
        assert!(use_session().get_untracked().is_pending, "nothing provided");
    });
}
