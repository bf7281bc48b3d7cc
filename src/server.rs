//! The native face (feature `server`, not for wasm): Better Auth on behalf of an incoming
//! request, for server-side rendering and server functions. The request's `Cookie`
//! header is forwarded, and every `Set-Cookie` Better Auth answers with comes back to
//! hand to the browser (a session renewed by `updateAge` during the render must reach
//! it).
//!
//! Async, on reqwest (tokio's HTTP client, what axum and Leptos servers already run on):
//! call it straight from a handler. Plain `http://` works as is; for `https://`, turn on
//! one of reqwest's TLS features in your own `Cargo.toml` (for example
//! `reqwest = { version = "0.12", features = ["rustls-tls"] }`): cargo unifies them.
//!
//! ```no_run
//! use better_auth_wasm::server::ServerClient;
//!
//! # async fn render() -> Result<(), better_auth_wasm::AuthError> {
//! let auth = ServerClient::new("http://127.0.0.1:3000")?;
//! // The Cookie header of the request being rendered:
//! let read = auth.get_session(Some("better-auth.session_token=...")).await?;
//! match &read.value {
//!     Some(data) => println!("render for {}", data.user.name),
//!     None => println!("render signed out"),
//! }
//! // Send these with the page: `Set-Cookie: <each>`.
//! for cookie in &read.set_cookies {
//!     println!("set-cookie: {cookie}");
//! }
//! # Ok(()) }
//! ```

use crate::base_url::BaseUrl;
use crate::decode::{Decode, StatusResponse};
use crate::endpoint::{Answer, Call, Request, Response, Step, Store, StoreChange};
use crate::error::{AuthError, ErrorCode};
use crate::model::{ListedSession, SessionData};
use crate::transport::Method;
use std::time::Duration;

/// A value read from Better Auth for one incoming request, and the cookies Better Auth
/// set while answering (each a whole `Set-Cookie` header value, to send to the browser
/// unchanged).
#[derive(Clone, Debug, PartialEq)]
pub struct Forwarded<T> {
    /// What Better Auth answered.
    pub value: T,
    /// Its `Set-Cookie` headers, in order (usually none; a renewed session sets some).
    pub set_cookies: Vec<String>,
}

/// Calls Better Auth on behalf of incoming requests.
#[derive(Clone, Debug)]
pub struct ServerClient {
    base: BaseUrl,
    origin: String,
    http: reqwest::Client,
}

impl ServerClient {
    /// A client for the server at `base_url` (as for [`crate::AuthClient::new`]), with a
    /// 10 s timeout.
    pub fn new(base_url: &str) -> Result<Self, AuthError> {
        Self::with_timeout(base_url, Duration::from_secs(10))
    }

    /// [`ServerClient::new`] with another timeout per call (body included): how long a
    /// render waits for Better Auth before it fails with `TIMEOUT`.
    pub fn with_timeout(base_url: &str, timeout: Duration) -> Result<Self, AuthError> {
        let base = BaseUrl::parse(base_url)?;
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|_| AuthError::local(ErrorCode::Network))?;
        // Better Auth checks the Origin of calls that change something: this server
        // calls as the auth server's own origin (its own CSRF checks are its own).
        let origin = origin_of(base.as_str());
        Ok(Self { base, origin, http })
    }

    /// The session of the request whose `Cookie` header this is (`None`: no cookie),
    /// or `None` when it has no valid session.
    pub async fn get_session(
        &self,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<Option<SessionData>>, AuthError> {
        self.call(Method::Get, "/get-session", None, cookie_header)
            .await
    }

    /// [`ServerClient::get_session`] as JSON text (`null`, or the `{session, user}`
    /// object with every field Better Auth sent), checked to be a session: what a server
    /// render hands to the page for the browser's store to start from
    /// (`leptos::provide_rendered_session`, `AuthClient::hydrate_session`).
    pub async fn get_session_json(
        &self,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<String>, AuthError> {
        let read = self
            .exchange(Method::Get, "/get-session", None, cookie_header)
            .await?;
        read.value.decode::<Option<SessionData>>()?;
        Ok(Forwarded {
            value: read.value.body.to_string(),
            set_cookies: read.set_cookies,
        })
    }

    /// That user's active sessions (`current` is never set: this server is not one of
    /// the user's devices). `SESSION_NOT_FRESH` when the session is older than
    /// `freshAge`.
    pub async fn list_sessions(
        &self,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<Vec<ListedSession>>, AuthError> {
        self.call(Method::Get, "/list-sessions", None, cookie_header)
            .await
    }

    /// Revokes one of that user's sessions by its token.
    pub async fn revoke_session(
        &self,
        cookie_header: Option<&str>,
        token: &str,
    ) -> Result<Forwarded<()>, AuthError> {
        let body = crate::json::JsonWriter::new()
            .string("token", token)
            .finish();
        self.call_status("/revoke-session", Some(body), cookie_header)
            .await
    }

    /// Revokes every session of that user but the request's own.
    pub async fn revoke_other_sessions(
        &self,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<()>, AuthError> {
        self.call_status("/revoke-other-sessions", None, cookie_header)
            .await
    }

    /// Revokes every session of that user, the request's own included.
    pub async fn revoke_sessions(
        &self,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<()>, AuthError> {
        self.call_status("/revoke-sessions", None, cookie_header)
            .await
    }

    async fn call_status(
        &self,
        path: &str,
        body: Option<String>,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<()>, AuthError> {
        let answer: Forwarded<StatusResponse> =
            self.call(Method::Post, path, body, cookie_header).await?;
        Ok(Forwarded {
            value: (),
            set_cookies: answer.set_cookies,
        })
    }

    /// One call: the answer read as `T`, and its cookies; every failure typed.
    async fn call<T: Decode>(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<T>, AuthError> {
        let read = self.exchange(method, path, body, cookie_header).await?;
        Ok(Forwarded {
            value: read.value.decode()?,
            set_cookies: read.set_cookies,
        })
    }

    /// One call, its steps those of every face ([`Call`], without store effects: this
    /// client has no store, and knows no session of its own): the 2xx answer and the
    /// cookies of every request it made.
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        cookie_header: Option<&str>,
    ) -> Result<Forwarded<Response<serde_json::Value>>, AuthError> {
        let mut call = Call::new(method, path, body, false);
        let mut set_cookies = Vec::new();
        loop {
            match call.poll(&NoStore) {
                Step::Send(request) => {
                    let answer = self.send(request, cookie_header, &mut set_cookies).await;
                    call.handle(answer, &NoStore);
                }
                Step::Done(result) => {
                    return result.map(|value| Forwarded { value, set_cookies });
                }
            }
        }
    }

    /// Sends one request: its answer, read as the browser's transport reads it
    /// (`src/transport.js`), and its `Set-Cookie` headers added to `set_cookies`.
    async fn send(
        &self,
        request: Request<'_>,
        cookie_header: Option<&str>,
        set_cookies: &mut Vec<String>,
    ) -> Answer<serde_json::Value> {
        let method = reqwest::Method::from_bytes(request.method.as_str().as_bytes())
            .unwrap_or(reqwest::Method::GET);
        let mut builder = self
            .http
            .request(method, self.base.endpoint(request.path))
            .header("origin", &self.origin);
        if let Some(cookie) = cookie_header {
            builder = builder.header("cookie", cookie);
        }
        if let Some(body) = request.body {
            builder = builder
                .header("content-type", "application/json")
                .body(body);
        }
        let failed = |err: reqwest::Error| {
            AuthError::local(if err.is_timeout() {
                ErrorCode::Timeout
            } else {
                ErrorCode::Network
            })
        };
        let response = builder.send().await.map_err(failed)?;
        let status = response.status();
        let status_text = status.canonical_reason().unwrap_or_default().to_owned();
        let headers = response.headers();
        set_cookies.extend(
            headers
                .get_all("set-cookie")
                .iter()
                .filter_map(|value| value.to_str().ok().map(String::from)),
        );
        let claims_json_or_html = headers
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| {
                let value = value.to_ascii_lowercase();
                value.contains("json") || value.contains("html")
            });
        let text = response.text().await.map_err(failed)?;
        // As better-fetch reads a body: empty is null, JSON parsed, plain text as text.
        let (body, refused) = if text.is_empty() {
            (serde_json::Value::Null, false)
        } else {
            match serde_json::from_str(&text) {
                Ok(json) => (json, false),
                Err(_) => (serde_json::Value::String(text), claims_json_or_html),
            }
        };
        Response::classify(status.as_u16(), status_text, None, body, refused)
    }
}

/// The store of a client that has none: no session of its own, nothing to tell.
struct NoStore;

impl Store for NoStore {
    fn known_token(&self) -> Option<Option<String>> {
        Some(None)
    }
    fn change(&self, _: StoreChange) {}
}

/// `scheme://host[:port]` of an absolute URL.
fn origin_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |at| at + 3);
    let end = url
        .get(after_scheme..)
        .and_then(|rest| rest.find('/'))
        .map_or(url.len(), |at| after_scheme + at);
    url.get(..end).unwrap_or(url).to_owned()
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn the_origin_is_the_scheme_host_and_port() {
        assert_eq!(
            origin_of("http://127.0.0.1:3000/api/auth"),
            "http://127.0.0.1:3000"
        );
        assert_eq!(
            origin_of("https://auth.example.com/x/y"),
            "https://auth.example.com"
        );
        assert_eq!(origin_of("https://a.example"), "https://a.example");
    }
}
