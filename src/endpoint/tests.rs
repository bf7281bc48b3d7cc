//! Every multi-step call, natively: a [`Call`] handed answers as plain values, with a
//! store that records what it was told. No server and no mock of one: the steps are
//! pure, so the requests they ask for and the changes they make are the whole of it.
// Test code only (its `mod` in mod.rs is `#[cfg(test)]` too); tests may panic.
#![cfg(test)]

use super::response::Answer;
use super::*;
use crate::error::{AuthError, ErrorCode};
use crate::transport::Method;
use serde_json::{json, Value};
use std::cell::RefCell;

/// A store that knows (or not) this device's token and records the changes it is told.
struct Recorder {
    known: Option<Option<String>>,
    changes: RefCell<Vec<StoreChange>>,
}

impl Recorder {
    fn knowing(token: Option<&str>) -> Self {
        Self {
            known: Some(token.map(String::from)),
            changes: RefCell::default(),
        }
    }
    fn unsure() -> Self {
        Self {
            known: None,
            changes: RefCell::default(),
        }
    }
    fn changes(&self) -> Vec<StoreChange> {
        self.changes.borrow().clone()
    }
}

impl Store for Recorder {
    fn known_token(&self) -> Option<Option<String>> {
        self.known.clone()
    }
    fn change(&self, change: StoreChange) {
        self.changes.borrow_mut().push(change);
    }
}

fn ok(body: Value) -> Answer<Value> {
    Ok(Response {
        status: 200,
        status_text: "OK".into(),
        body,
    })
}

fn failed(status: u16, code: &str) -> Answer<Value> {
    Err(AuthError::from_response(
        status,
        String::new(),
        Some(code.into()),
        None,
    ))
}

fn session(token: &str) -> Value {
    json!({
        "session": {"id": format!("id-{token}"), "token": token, "userId": "u1",
            "expiresAt": "2030-01-01T00:00:00.000Z", "createdAt": "2026-01-01T00:00:00.000Z",
            "updatedAt": "2026-01-01T00:00:00.000Z"},
        "user": {"id": "u1", "email": "ada@example.com", "name": "Ada", "emailVerified": false,
            "createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-01T00:00:00.000Z"}
    })
}

fn listed() -> Value {
    json!([{"id": "id-a", "token": "a"}, {"id": "id-b", "token": "b"}])
}

/// A request as sent: method, path, body.
type Sent = (Method, String, Option<String>);

/// Runs `call` to its end, answering its requests in turn from `answers`: the requests
/// it asked for (method, path, body) and its result.
fn run(
    mut call: Call<Value>,
    store: &Recorder,
    answers: Vec<Answer<Value>>,
) -> (Vec<Sent>, Answer<Value>) {
    let mut answers = answers.into_iter();
    let mut sent = Vec::new();
    loop {
        match call.poll(store) {
            Step::Send(request) => {
                sent.push((request.method, request.path.to_owned(), request.body));
                let answer = answers
                    .next()
                    .expect("the test gives an answer to every request");
                call.handle(answer, store);
            }
            Step::Done(result) => {
                assert!(answers.next().is_none(), "every answer was asked for");
                return (sent, result);
            }
        }
    }
}

fn get(path: &str) -> Sent {
    (Method::Get, path.into(), None)
}

fn post(path: &str, body: &str) -> Sent {
    (Method::Post, path.into(), Some(body.into()))
}

#[test]
fn a_read_is_one_request_whose_answer_is_the_result() {
    let store = Recorder::unsure();
    let call = Call::new(Method::Get, "/get-session", None, true);
    let (sent, result) = run(call, &store, vec![ok(session("a"))]);
    assert_eq!(sent, vec![get("/get-session")]);
    assert_eq!(result.unwrap().body, session("a"));
    assert!(store.changes().is_empty());
}

#[test]
fn the_calls_own_request_is_marked_own_and_reads_on_the_way_are_not() {
    let store = Recorder::unsure();
    let mut call = Call::<Value>::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"token":"b"}"#.into()),
        true,
    );
    let Step::Send(read) = call.poll(&store) else {
        panic!("reads first")
    };
    assert!(!read.own);
    call.handle(ok(session("a")), &store);
    let Step::Send(revoke) = call.poll(&store) else {
        panic!("then revokes")
    };
    assert!(revoke.own);
}

#[test]
fn a_post_without_a_body_sends_an_empty_object() {
    let store = Recorder::knowing(Some("a"));
    let call = Call::new(Method::Post, "/sign-out", None, true);
    let (sent, _) = run(call, &store, vec![ok(json!({"success": true}))]);
    assert_eq!(sent, vec![post("/sign-out", "{}")]);
    assert_eq!(store.changes(), vec![StoreChange::SignedOut]);
}

#[test]
fn a_sign_in_signs_the_store_in_only_when_the_answer_carries_a_token() {
    let store = Recorder::knowing(None);
    let call = Call::new(Method::Post, "/sign-in/email", Some("{}".into()), true);
    assert!(
        run(call, &store, vec![ok(json!({"token": "t", "user": {}}))])
            .1
            .is_ok()
    );
    assert_eq!(store.changes(), vec![StoreChange::SignedIn]);

    let waiting = Recorder::knowing(None);
    let call = Call::new(Method::Post, "/sign-in/email", Some("{}".into()), true);
    assert!(
        run(call, &waiting, vec![ok(json!({"twoFactorRedirect": true}))])
            .1
            .is_ok()
    );
    assert!(waiting.changes().is_empty());
}

#[test]
fn a_change_reads_again_and_without_effects_nothing_is_told() {
    let store = Recorder::knowing(Some("a"));
    let call = Call::new(
        Method::Post,
        "/update-user",
        Some(r#"{"name":"B"}"#.into()),
        true,
    );
    assert!(run(call, &store, vec![ok(json!({"status": true}))])
        .1
        .is_ok());
    assert_eq!(store.changes(), vec![StoreChange::Changed]);

    let quiet = Recorder::knowing(Some("a"));
    let call = Call::new(Method::Post, "/sign-out", None, false);
    assert!(run(call, &quiet, vec![ok(json!({"success": true}))])
        .1
        .is_ok());
    assert!(quiet.changes().is_empty());
}

#[test]
fn a_failed_call_changes_nothing_and_gives_its_error() {
    let store = Recorder::knowing(Some("a"));
    let call = Call::new(Method::Post, "/sign-out", None, true);
    let (_, result) = run(call, &store, vec![failed(500, "INTERNAL")]);
    assert_eq!(result.unwrap_err().status, 500);
    assert!(store.changes().is_empty());
}

#[test]
fn revoking_by_token_uses_the_token_the_store_knows() {
    let own = Recorder::knowing(Some("a"));
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"token":"a"}"#.into()),
        true,
    );
    let (sent, _) = run(call, &own, vec![ok(json!({"status": true}))]);
    assert_eq!(sent, vec![post("/revoke-session", r#"{"token":"a"}"#)]);
    assert_eq!(own.changes(), vec![StoreChange::SignedOut]);

    let other = Recorder::knowing(Some("a"));
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"token":"b"}"#.into()),
        true,
    );
    assert!(run(call, &other, vec![ok(json!({"status": true}))])
        .1
        .is_ok());
    assert_eq!(other.changes(), vec![StoreChange::Changed]);
}

#[test]
fn revoking_by_token_reads_this_devices_session_when_the_store_cannot_tell() {
    let store = Recorder::unsure();
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"token":"a"}"#.into()),
        true,
    );
    let (sent, result) = run(
        call,
        &store,
        vec![ok(session("a")), ok(json!({"status": true}))],
    );
    assert_eq!(
        sent,
        vec![
            get("/get-session"),
            post("/revoke-session", r#"{"token":"a"}"#)
        ]
    );
    assert!(result.is_ok());
    assert_eq!(store.changes(), vec![StoreChange::SignedOut]);
}

#[test]
fn when_that_read_fails_nothing_is_revoked() {
    let store = Recorder::unsure();
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"token":"a"}"#.into()),
        true,
    );
    let (sent, result) = run(call, &store, vec![failed(503, "UNAVAILABLE")]);
    assert_eq!(sent, vec![get("/get-session")]);
    assert_eq!(result.unwrap_err().status, 503);
    assert!(store.changes().is_empty());
}

#[test]
fn revoking_by_id_looks_the_token_up_in_the_list_first() {
    let store = Recorder::knowing(Some("a"));
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"id":"id-b"}"#.into()),
        true,
    );
    let (sent, result) = run(
        call,
        &store,
        vec![ok(listed()), ok(json!({"status": true}))],
    );
    assert_eq!(
        sent,
        vec![
            get("/list-sessions"),
            post("/revoke-session", r#"{"token":"b"}"#)
        ]
    );
    assert!(result.is_ok());
    assert_eq!(store.changes(), vec![StoreChange::Changed]);
}

#[test]
fn revoking_by_id_with_an_unsure_store_takes_three_requests() {
    let store = Recorder::unsure();
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"id":"id-a"}"#.into()),
        true,
    );
    let (sent, _) = run(
        call,
        &store,
        vec![ok(listed()), ok(session("a")), ok(json!({"status": true}))],
    );
    assert_eq!(
        sent,
        vec![
            get("/list-sessions"),
            get("/get-session"),
            post("/revoke-session", r#"{"token":"a"}"#)
        ]
    );
    assert_eq!(store.changes(), vec![StoreChange::SignedOut]);
}

#[test]
fn an_id_that_is_not_listed_is_session_not_found_and_nothing_is_revoked() {
    let store = Recorder::knowing(Some("a"));
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"id":"gone"}"#.into()),
        true,
    );
    let (sent, result) = run(call, &store, vec![ok(listed())]);
    assert_eq!(sent, vec![get("/list-sessions")]);
    assert_eq!(
        result.unwrap_err().code,
        ErrorCode::Other("SESSION_NOT_FOUND".into())
    );
    assert!(store.changes().is_empty());

    let store = Recorder::knowing(Some("a"));
    let call = Call::new(
        Method::Post,
        "/revoke-session",
        Some(r#"{"id":"id-a"}"#.into()),
        true,
    );
    let (_, result) = run(call, &store, vec![failed(401, "UNAUTHORIZED")]);
    assert_eq!(result.unwrap_err().status, 401);
}

#[test]
fn a_list_is_marked_from_the_store_or_from_a_read() {
    let store = Recorder::knowing(Some("b"));
    let call = Call::new(Method::Get, "/list-sessions", None, true);
    let (sent, result) = run(call, &store, vec![ok(listed())]);
    assert_eq!(sent, vec![get("/list-sessions")]);
    let marks = |body: &Value| {
        body.as_array()
            .unwrap()
            .iter()
            .map(|s| s["current"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        marks(&result.unwrap().body),
        vec![json!(false), json!(true)]
    );

    let unsure = Recorder::unsure();
    let call = Call::new(Method::Get, "/list-sessions?limit=5", None, true);
    let (sent, result) = run(call, &unsure, vec![ok(listed()), ok(session("a"))]);
    assert_eq!(
        sent,
        vec![get("/list-sessions?limit=5"), get("/get-session")]
    );
    assert_eq!(
        marks(&result.unwrap().body),
        vec![json!(true), json!(false)]
    );

    let signed_out = Recorder::unsure();
    let call = Call::new(Method::Get, "/list-sessions", None, true);
    let (_, result) = run(call, &signed_out, vec![ok(listed()), ok(Value::Null)]);
    assert_eq!(
        marks(&result.unwrap().body),
        vec![json!(false), json!(false)]
    );

    let failing = Recorder::unsure();
    let call = Call::new(Method::Get, "/list-sessions", None, true);
    let (_, result) = run(call, &failing, vec![ok(listed()), failed(500, "INTERNAL")]);
    assert_eq!(result.unwrap_err().status, 500);
}

#[test]
fn revoking_the_active_device_session_signs_out_and_reads_the_next_one() {
    let own = Recorder::knowing(Some("a"));
    let body = r#"{"sessionToken":"a"}"#;
    let call = Call::new(
        Method::Post,
        "/multi-session/revoke",
        Some(body.into()),
        true,
    );
    assert!(run(call, &own, vec![ok(json!({"status": true}))]).1.is_ok());
    assert_eq!(
        own.changes(),
        vec![StoreChange::SignedOut, StoreChange::SignedIn]
    );

    let other = Recorder::knowing(Some("b"));
    let call = Call::new(
        Method::Post,
        "/multi-session/revoke",
        Some(body.into()),
        true,
    );
    assert!(run(call, &other, vec![ok(json!({"status": true}))])
        .1
        .is_ok());
    assert_eq!(other.changes(), vec![StoreChange::Changed]);
}

#[test]
fn an_answer_handed_in_out_of_turn_ends_the_call_with_an_error_not_a_panic() {
    let store = Recorder::unsure();
    let mut call = Call::<Value>::new(Method::Get, "/get-session", None, true);
    call.handle(ok(Value::Null), &store);
    assert!(matches!(call.poll(&store), Step::Done(Err(_))));
    let mut asked = Call::<Value>::new(Method::Get, "/get-session", None, true);
    let _ = asked.poll(&store);
    assert!(
        matches!(asked.poll(&store), Step::Done(Err(_))),
        "no answer handed back"
    );
}
