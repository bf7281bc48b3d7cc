//! [`Call`]: one call to a path and what it means for the session store, sans-IO in the
//! manner of quinn-proto: [`Call::poll`] gives the next request to send (or the call's
//! result), [`Call::handle`] takes that request's answer. It never waits and never
//! sends; its drivers do (`super::browser` for the Rust faces, `drive` in `crates/npm/src/face.js`
//! for the npm face, `crate::server` on reqwest), and its native tests hand it answers
//! as plain values.
//!
//! Beyond the official client's rules (`super::rules`), this crate's own multi-step
//! calls live here: `revoke-session` by `{id}` (looked up in `list-sessions`), whether a
//! revoked session is this device's (from the store, or a `get-session` read), and
//! `list-sessions` items marked `current`.

use super::response::{Answer, Response};
use super::rules::{route, Effect};
use crate::decode::SessionKey;
use crate::error::{AuthError, ErrorCode};
use crate::json::{JsonBody, JsonWriter};
use crate::transport::Method;

/// A request a [`Call`] asks its driver to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    pub method: Method,
    /// Below the base URL, with its query string.
    pub path: &'a str,
    /// JSON text.
    pub body: Option<String>,
    /// The call's own request (the caller's per-call options apply), not a read made on
    /// the way.
    pub own: bool,
}

/// What a [`Call`] tells the session store when it succeeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreChange {
    /// A session began.
    SignedIn,
    /// This device's session ended.
    SignedOut,
    /// The session or user changed.
    Changed,
}

impl<D> From<StoreChange> for crate::store::Event<D> {
    fn from(change: StoreChange) -> Self {
        match change {
            StoreChange::SignedIn => Self::SignedIn,
            StoreChange::SignedOut => Self::SignedOut,
            StoreChange::Changed => Self::SessionChanged,
        }
    }
}

/// This client's session token as a store in `state` knows it, for
/// [`Store::known_token`]; `token` reads it off the store's session.
pub(crate) fn known_token<D>(
    state: &crate::store::SessionState<D>,
    token: impl FnOnce(&D) -> &str,
) -> Option<Option<String>> {
    let known = !state.is_refetching && (state.data.is_some() || state.last_result_at.is_some());
    known.then(|| state.data.as_ref().map(|data| token(data).to_owned()))
}

/// The session store a [`Call`] belongs to, as the call sees it.
pub trait Store {
    /// This client's session token as the store knows it (`Some(None)`: signed out),
    /// or `None` when the store cannot tell and the session must be read: before its
    /// first result, and while it reads again (after a password change this device's
    /// session is a new one, which that read is fetching). Never stored anywhere.
    fn known_token(&self) -> Option<Option<String>>;
    /// Tells the store what the call changed.
    fn change(&self, change: StoreChange);
}

/// What a [`Call`] wants next.
#[derive(Debug)]
pub enum Step<'a, J> {
    /// Send this, and hand its answer to [`Call::handle`].
    Send(Request<'a>),
    /// The call is finished with this result.
    Done(Answer<J>),
}

/// Where a [`Call`] is: what the request it asked for (if any) is for.
enum Stage<J> {
    /// Nothing asked yet.
    Start,
    /// `list-sessions`, to find the token of the session with this id.
    FindingId(String),
    /// `get-session`, for this device's token (is the revoked session its own?).
    ReadingOwnToken,
    /// The call itself.
    Sending,
    /// `get-session`, for this device's token, to mark this `list-sessions` answer.
    MarkingList(Response<J>),
    /// Finished with this result (taken by [`Call::poll`]).
    Done(Option<Answer<J>>),
}

/// The request a [`Call`] asks for next.
enum Next {
    /// The call's own request.
    Own,
    /// A GET of this path, on the way.
    Read(&'static str),
}

/// One call of `method` to `path` and its store effects, step by step.
pub struct Call<J> {
    method: Method,
    path: String,
    body: Option<String>,
    effect: Effect,
    /// The token of the session a revocation names.
    token: Option<String>,
    /// Whether that session is this device's.
    own: bool,
    /// The request [`Call::poll`] gives next, if any: the call's own, or a read of
    /// this path.
    next: Option<Next>,
    stage: Stage<J>,
}

fn session_not_found() -> AuthError {
    let mut err = AuthError::local(ErrorCode::Other("SESSION_NOT_FOUND".into()));
    err.message = "No active session of this user has this id. List the sessions again.".into();
    err
}

/// The token of the session in a `get-session` answer (`None` for `null`).
fn session_token<J: JsonBody>(read: Answer<J>) -> Result<Option<String>, AuthError> {
    let read: Option<SessionKey> = read?.decode()?;
    Ok(read.map(|key| key.token))
}

impl<J: JsonBody> Call<J> {
    /// A call of `method` to `path` with `body` (JSON text); without its store effect
    /// unless `effects`.
    pub fn new(method: Method, path: &str, body: Option<String>, effects: bool) -> Self {
        Self {
            method,
            path: path.to_owned(),
            body,
            effect: if effects {
                Effect::of(path)
            } else {
                Effect::None
            },
            token: None,
            own: false,
            next: None,
            stage: Stage::Start,
        }
    }

    /// The next step: a request to send, or the result once there is no more to send.
    pub fn poll(&mut self, store: &impl Store) -> Step<'_, J> {
        if let Stage::Start = self.stage {
            self.begin(store);
        }
        match self.next.take() {
            Some(Next::Own) => Step::Send(Request {
                method: self.method,
                path: &self.path,
                body: self.body.take(),
                own: true,
            }),
            Some(Next::Read(path)) => Step::Send(Request {
                method: Method::Get,
                path,
                body: None,
                own: false,
            }),
            None => match std::mem::replace(&mut self.stage, Stage::Done(None)) {
                Stage::Done(Some(result)) => Step::Done(result),
                // Polled again before the answer was handed back, or after the result.
                _ => Step::Done(Err(AuthError::local(ErrorCode::Network))),
            },
        }
    }

    /// Takes the answer to the request [`Call::poll`] gave last.
    pub fn handle(&mut self, answer: Answer<J>, store: &impl Store) {
        match std::mem::replace(&mut self.stage, Stage::Start) {
            Stage::Start | Stage::Done(_) => self.finish(Err(AuthError::local(ErrorCode::Network))),
            Stage::FindingId(id) => {
                let found = answer.and_then(|sessions| {
                    sessions
                        .body
                        .items()
                        .unwrap_or_default()
                        .into_iter()
                        .find(|s| s.field("id").and_then(|v| v.string()).as_deref() == Some(&id))
                        .and_then(|s| s.field("token")?.string())
                        .ok_or_else(session_not_found)
                });
                match found {
                    Ok(token) => {
                        self.body = Some(JsonWriter::new().string("token", &token).finish());
                        self.token = Some(token);
                        self.check_own(store);
                    }
                    Err(err) => self.finish(Err(err)),
                }
            }
            Stage::ReadingOwnToken => match session_token(answer) {
                Ok(current) => {
                    self.own = current == self.token;
                    self.send();
                }
                Err(err) => self.finish(Err(err)),
            },
            Stage::Sending => match answer {
                Ok(response) => self.succeeded(response, store),
                Err(err) => self.finish(Err(err)),
            },
            Stage::MarkingList(mut response) => match session_token(answer) {
                Ok(current) => {
                    response.body.mark_current(current.as_deref());
                    self.finish(Ok(response));
                }
                Err(err) => self.finish(Err(err)),
            },
        }
    }

    fn finish(&mut self, result: Answer<J>) {
        self.stage = Stage::Done(Some(result));
    }

    /// Asks for a read of `path` (GET, without the caller's options) for the stage `next`.
    fn read(&mut self, path: &'static str, next: Stage<J>) {
        self.stage = next;
        self.next = Some(Next::Read(path));
    }

    /// A revocation names its session by token, or by id (looked up first).
    fn begin(&mut self, store: &impl Store) {
        let key = match self.effect {
            Effect::Revoked(key) | Effect::DeviceRevoked(key) => key,
            _ => return self.send(),
        };
        let parsed = self.body.as_deref().and_then(J::parse);
        let field = |key: &str| parsed.as_ref()?.field(key)?.string();
        self.token = field(key);
        if self.effect == Effect::Revoked("token") && self.token.is_none() {
            if let Some(id) = field("id") {
                return self.read("/list-sessions", Stage::FindingId(id));
            }
        }
        self.check_own(store);
    }

    /// Whether the revoked session is this device's: from the store when it knows, else
    /// from a read.
    fn check_own(&mut self, store: &impl Store) {
        if self.token.is_none() {
            return self.send();
        }
        match store.known_token() {
            Some(current) => {
                self.own = current == self.token;
                self.send();
            }
            None => self.read("/get-session", Stage::ReadingOwnToken),
        }
    }

    fn send(&mut self) {
        // Better Auth answers 415 to a POST without a JSON body.
        if self.method == Method::Post && self.body.is_none() {
            self.body = Some("{}".into());
        }
        self.stage = Stage::Sending;
        self.next = Some(Next::Own);
    }

    /// The call succeeded: what it means for the store, then its answer.
    fn succeeded(&mut self, mut response: Response<J>, store: &impl Store) {
        let signed_in_by_token = || {
            response
                .body
                .field("token")
                .and_then(|t| t.string())
                .is_some()
        };
        match self.effect {
            Effect::None => {}
            Effect::SignedIn => store.change(StoreChange::SignedIn),
            Effect::SignedInIfToken if signed_in_by_token() => store.change(StoreChange::SignedIn),
            Effect::SignedInIfToken => {}
            Effect::SignedOut => store.change(StoreChange::SignedOut),
            Effect::Changed => store.change(StoreChange::Changed),
            Effect::Revoked(_) if self.own => store.change(StoreChange::SignedOut),
            Effect::DeviceRevoked(_) if self.own => {
                store.change(StoreChange::SignedOut);
                store.change(StoreChange::SignedIn);
            }
            Effect::Revoked(_) | Effect::DeviceRevoked(_) => store.change(StoreChange::Changed),
        }
        if route(&self.path) != "/list-sessions" {
            return self.finish(Ok(response));
        }
        match store.known_token() {
            Some(current) => {
                response.body.mark_current(current.as_deref());
                self.finish(Ok(response));
            }
            None => self.read("/get-session", Stage::MarkingList(response)),
        }
    }
}
