//! [`AuthClient::send`]: the one path every call to the server takes, typed (the Rust
//! methods), generic ([`AuthClient::call`] for Rust, the JS face's `request` behind the
//! npm package's path proxy).
//!
//! It owns what a path means beyond the HTTP call, written once for both faces:
//! - what a success does to the session store: the official client's list of paths
//!   (`matchesSessionSignal`), where sign-out, and revoking this device's own session,
//!   sign out at once instead of re-reading;
//! - this crate's additions: `revoke-session` by `{id}` (looked up in `list-sessions`)
//!   and `list-sessions` items marked `current` for this client's own session.

use crate::client::AuthClient;
use crate::error::{AuthError, ErrorCode};
use crate::json::{JsonView, JsonWriter};
use crate::loaded::Loaded;
use crate::model::SessionData;
use crate::store::{Event, SessionState};
use crate::transport::Transport;
use crate::transport::{answer, JsonResponse, Method};
use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What a successful call to a path does to the session store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effect {
    /// Nothing (reads, and paths the store does not know).
    None,
    /// A session began: read it once, tell other tabs.
    SignedIn,
    /// A sign-in or sign-up: a session began when the answer carries a `token` (none
    /// when the server waits for email verification or a second factor).
    SignedInIfToken,
    /// This device's session ended: clear the data now, tell other tabs.
    SignedOut,
    /// The session or user changed: read it again past the cookie cache.
    Changed,
    /// A session was revoked by the token in this body field: signed out when it is
    /// this device's, else changed.
    Revoked(&'static str),
    /// A device session (multi-session) was revoked by the token in this body field:
    /// when it was the active one, signed out now and the server's next one read.
    DeviceRevoked(&'static str),
}

/// A path without its query string: what the rules below match.
fn route(path: &str) -> &str {
    crate::base_url::byte_at(path, b'?')
        .and_then(|at| path.get(..at))
        .unwrap_or(path)
}

impl Effect {
    fn of(path: &str) -> Self {
        let path = route(path);
        match path {
            "/sign-out" | "/revoke-sessions" => Self::SignedOut,
            "/revoke-session" => Self::Revoked("token"),
            "/multi-session/revoke" => Self::DeviceRevoked("sessionToken"),
            "/multi-session/set-active" => Self::SignedIn,
            "/update-user"
            | "/update-session"
            | "/delete-user"
            | "/verify-email"
            | "/revoke-other-sessions"
            | "/change-email"
            | "/change-password" => Self::Changed,
            _ if path.starts_with("/sign-in/") || path.starts_with("/sign-up/") => {
                Self::SignedInIfToken
            }
            _ => Self::None,
        }
    }
}

/// The field `key` of a parsed JSON body, if it is a string.
fn body_field(body: Option<&JsValue>, key: &str) -> Option<String> {
    body?.field(key)?.string()
}

fn session_not_found() -> AuthError {
    let mut err = AuthError::local(ErrorCode::Other("SESSION_NOT_FOUND".into()));
    err.message = "No active session of this user has this id. List the sessions again.".into();
    err
}

/// The token of the session in a `get-session` answer (`None` for `null`).
fn session_token(read: Result<JsonResponse, AuthError>) -> Result<Option<String>, AuthError> {
    let read: Option<SessionData> = read?.decode()?;
    Ok(read.map(|data| data.session.token))
}

/// Sets `current` on each session of a `list-sessions` answer.
fn mark_current(sessions: &JsValue, current: Option<&str>) {
    for item in sessions.items().unwrap_or_default() {
        let token = item.field("token").and_then(|t| t.string());
        let is_current = token.is_some() && token.as_deref() == current;
        let _ = js_sys::Reflect::set(&item, &"current".into(), &is_current.into());
    }
}

/// What a [`Call`] needs of the client it belongs to: how it sends, the store it
/// tells, and that store's state (read in place).
pub(crate) trait Host {
    fn transport(&self) -> &Transport;
    fn notify(&self, event: Event<Loaded>);
    /// `read` of the store's state; `None` while the store is busy.
    fn with_state<R>(&self, read: impl FnOnce(&SessionState<Loaded>) -> R) -> Option<R>;

    /// This client's session token as the store knows it (`Some(None)`: signed out),
    /// or `None` when the store cannot tell and the session must be read: before its
    /// first result, and while it reads again (after a password change this device's
    /// session is a new one, which that read is fetching). Never stored anywhere.
    fn known_token(&self) -> Option<Option<String>> {
        self.with_state(|state| {
            let known =
                !state.is_refetching && (state.data.is_some() || state.last_result_at.is_some());
            known.then(|| state.data.as_ref().map(|d| d.data.session.token.clone()))
        })
        .flatten()
    }
}

impl Host for AuthClient {
    fn transport(&self) -> &Transport {
        AuthClient::transport(self)
    }
    fn notify(&self, event: Event<Loaded>) {
        AuthClient::notify(self, event);
    }
    fn with_state<R>(&self, read: impl FnOnce(&SessionState<Loaded>) -> R) -> Option<R> {
        AuthClient::with_state(self, read)
    }
}

/// Where a [`Call`] is: what the request it started (if any) is for.
enum Stage {
    /// Nothing sent yet.
    Start,
    /// `list-sessions`, to find the token of the session with this id.
    FindingId(String),
    /// `get-session`, for this device's token (is the revoked session its own?).
    ReadingOwnToken,
    /// The call itself.
    Sending,
    /// `get-session`, for this device's token, to mark this `list-sessions` answer.
    MarkingList(JsonResponse),
    /// Finished with this result.
    Done(Result<JsonResponse, AuthError>),
}

/// One call to a path and what it means for the store, as steps without IO of its
/// own waiting: each step starts at most one request and the driver hands its answer
/// back ([`Call::resume`]) until none is started. The Rust driver awaits in
/// [`AuthClient::send`]; the JS face's is `drive` in `src/js/shell.js`: one
/// sequence for both, and no Rust future in the npm wasm.
pub(crate) struct Call<H> {
    client: H,
    method: Method,
    path: String,
    body: Option<String>,
    options: JsValue,
    effect: Effect,
    /// The token of the session a revocation names.
    token: Option<String>,
    /// Whether that session is this device's.
    own: bool,
    stage: Stage,
}

impl<H: Host> Call<H> {
    /// A call of `method` to `path` with `body` (JSON text); `options`, the caller's
    /// own `{headers, fetch}` for it (not for the reads made on the way); without its
    /// store effect unless `signal`.
    pub fn new(
        client: H,
        method: Method,
        path: &str,
        body: Option<String>,
        options: JsValue,
        signal: bool,
    ) -> Self {
        let effect = if signal {
            Effect::of(path)
        } else {
            Effect::None
        };
        Self {
            client,
            method,
            path: path.to_owned(),
            body,
            options,
            effect,
            token: None,
            own: false,
            stage: Stage::Start,
        }
    }

    /// Takes the first step: the request it started, if any.
    pub fn start(&mut self) -> Option<Promise> {
        self.begin()
    }

    /// Takes the next step with `answer`, the answer to the request the last step
    /// started: the next request, or `None` when the call is finished.
    pub fn resume(&mut self, answer: Result<JsonResponse, AuthError>) -> Option<Promise> {
        let stage = std::mem::replace(&mut self.stage, Stage::Start);
        match stage {
            Stage::Start => self.begin(),
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
                        self.check_own()
                    }
                    Err(err) => self.finish_with(Err(err)),
                }
            }
            Stage::ReadingOwnToken => match session_token(answer) {
                Ok(current) => {
                    self.own = current == self.token;
                    self.send()
                }
                Err(err) => self.finish_with(Err(err)),
            },
            Stage::Sending => match answer {
                Ok(response) => self.succeeded(response),
                Err(err) => self.finish_with(Err(err)),
            },
            Stage::MarkingList(response) => match session_token(answer) {
                Ok(current) => {
                    mark_current(&response.body, current.as_deref());
                    self.finish_with(Ok(response))
                }
                Err(err) => self.finish_with(Err(err)),
            },
            Stage::Done(result) => self.finish_with(result),
        }
    }

    /// The call's result, once [`Call::resume`] has returned `None`.
    pub fn finish(self) -> Result<JsonResponse, AuthError> {
        match self.stage {
            Stage::Done(result) => result,
            _ => Err(AuthError::local(ErrorCode::Network)),
        }
    }

    fn finish_with(&mut self, result: Result<JsonResponse, AuthError>) -> Option<Promise> {
        self.stage = Stage::Done(result);
        None
    }

    /// Starts a read of `path` (GET, without the caller's options) for the stage `next`.
    fn read(&mut self, path: &str, next: Stage) -> Option<Promise> {
        self.stage = next;
        Some(
            self.client
                .transport()
                .start(Method::Get, path, None, &JsValue::UNDEFINED, None),
        )
    }

    /// A revocation names its session by token, or by id (looked up first).
    fn begin(&mut self) -> Option<Promise> {
        let key = match self.effect {
            Effect::Revoked(key) | Effect::DeviceRevoked(key) => key,
            _ => return self.send(),
        };
        let parsed = self
            .body
            .as_deref()
            .and_then(|text| js_sys::JSON::parse(text).ok());
        self.token = body_field(parsed.as_ref(), key);
        if self.effect == Effect::Revoked("token") && self.token.is_none() {
            if let Some(id) = body_field(parsed.as_ref(), "id") {
                return self.read("/list-sessions", Stage::FindingId(id));
            }
        }
        self.check_own()
    }

    /// Whether the revoked session is this device's: from the store when it knows, else
    /// from a read.
    fn check_own(&mut self) -> Option<Promise> {
        if self.token.is_none() {
            return self.send();
        }
        match self.client.known_token() {
            Some(current) => {
                self.own = current == self.token;
                self.send()
            }
            None => self.read("/get-session", Stage::ReadingOwnToken),
        }
    }

    fn send(&mut self) -> Option<Promise> {
        // Better Auth answers 415 to a POST without a JSON body.
        if self.method == Method::Post && self.body.is_none() {
            self.body = Some("{}".into());
        }
        self.stage = Stage::Sending;
        let body = self.body.take();
        Some(
            self.client
                .transport()
                .start(self.method, &self.path, body, &self.options, None),
        )
    }

    /// The call succeeded: what it means for the store, then its answer.
    fn succeeded(&mut self, response: JsonResponse) -> Option<Promise> {
        let client = &self.client;
        match self.effect {
            Effect::None => {}
            Effect::SignedIn => client.notify(Event::SignedIn),
            Effect::SignedInIfToken => {
                if response
                    .body
                    .field("token")
                    .and_then(|t| t.string())
                    .is_some()
                {
                    client.notify(Event::SignedIn);
                }
            }
            Effect::SignedOut => client.notify(Event::SignedOut),
            Effect::Changed => client.notify(Event::SessionChanged),
            Effect::Revoked(_) => client.notify(if self.own {
                Event::SignedOut
            } else {
                Event::SessionChanged
            }),
            Effect::DeviceRevoked(_) => {
                if self.own {
                    client.notify(Event::SignedOut);
                    client.notify(Event::SignedIn);
                } else {
                    client.notify(Event::SessionChanged);
                }
            }
        }
        if route(&self.path) != "/list-sessions" {
            return self.finish_with(Ok(response));
        }
        match self.client.known_token() {
            Some(current) => {
                mark_current(&response.body, current.as_deref());
                self.finish_with(Ok(response))
            }
            None => self.read("/get-session", Stage::MarkingList(response)),
        }
    }
}

impl AuthClient {
    /// Any endpoint of the server, plugins' included, as the official client's path
    /// proxy reaches them: `path` under the base URL with its query string, if any
    /// (`"/organization/list"`, `"/get-session?disableCookieCache=true"`), and for POST
    /// a JSON body (text). Returns the answer's JSON. What the path means for the
    /// session store happens as with the typed methods: after `/update-user` the store
    /// reads the session again, after `/sign-out` it is signed out at once, and so on.
    /// A body that is not JSON is `INVALID_BODY`, and nothing is sent.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
    ) -> Result<crate::model::Value, AuthError> {
        crate::transport::in_browser()?;
        if let Some(text) = body {
            if js_sys::JSON::parse(text).is_err() {
                let mut err = AuthError::local(ErrorCode::Other("INVALID_BODY".into()));
                err.message = "The request body is not JSON; nothing was sent.".into();
                return Err(err);
            }
        }
        let response = self.send(method, path, body.map(String::from)).await?;
        Ok(response.body.to_value())
    }

    /// Sends one call (a JSON body, already serialized, for POST), then does what its
    /// path means for the session store. Returns the 2xx answer's parsed JSON.
    pub(crate) async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<JsonResponse, AuthError> {
        crate::transport::in_browser()?;
        let mut call = Call::new(self.clone(), method, path, body, JsValue::UNDEFINED, true);
        let mut sent = call.start();
        while let Some(promise) = sent {
            sent = call.resume(answer(JsFuture::from(promise).await));
        }
        call.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_the_official_matcher_and_our_sign_out_rules() {
        assert_eq!(Effect::of("/sign-out"), Effect::SignedOut);
        assert_eq!(Effect::of("/revoke-sessions"), Effect::SignedOut);
        assert_eq!(Effect::of("/revoke-session"), Effect::Revoked("token"));
        assert_eq!(Effect::of("/sign-in/email"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/sign-up/email"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/sign-in/username"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/multi-session/set-active"), Effect::SignedIn);
        for changed in [
            "/update-user",
            "/update-session",
            "/delete-user",
            "/verify-email",
            "/revoke-other-sessions",
            "/change-email",
            "/change-password",
        ] {
            assert_eq!(Effect::of(changed), Effect::Changed, "{changed}");
        }
        assert_eq!(Effect::of("/get-session?disableRefresh=true"), Effect::None);
        assert_eq!(Effect::of("/list-sessions"), Effect::None);
        assert_eq!(Effect::of("/sign-in"), Effect::None);
    }

    #[test]
    fn rules_match_the_path_without_its_query() {
        assert_eq!(route("/list-sessions?limit=5"), "/list-sessions");
        assert_eq!(route("/revoke-session"), "/revoke-session");
        assert_eq!(Effect::of("/revoke-session?x=1"), Effect::Revoked("token"));
    }
}
