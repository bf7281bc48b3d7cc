//! The native face (feature `server`, not for wasm): read the session on the server, for
//! server-side rendering and server functions, by forwarding the incoming request's
//! `Cookie` header to Better Auth's `get-session`.
//!
//! Blocking (ureq, a small and well-kept HTTP client): in an async server, call it
//! from a blocking task (`tokio::task::spawn_blocking`); `examples/axum-ssr` shows how.
//!
//! ```no_run
//! use better_auth_wasm::server::ServerClient;
//!
//! let auth = ServerClient::new("http://127.0.0.1:3000")?;
//! // The Cookie header of the request being rendered:
//! let cookie = "better-auth.session_token=...";
//! match auth.get_session(Some(cookie))? {
//!     Some(data) => println!("render for {}", data.user.name),
//!     None => println!("render signed out"),
//! }
//! # Ok::<(), better_auth_wasm::AuthError>(())
//! ```

use crate::base_url::BaseUrl;
use crate::decode::Decode;
use crate::error::{AuthError, ErrorCode};
use crate::json::JsonView;
use crate::model::SessionData;
use std::time::Duration;

/// Reads sessions from a Better Auth server on behalf of incoming requests.
#[derive(Clone, Debug)]
pub struct ServerClient {
    base: BaseUrl,
    agent: ureq::Agent,
}

impl ServerClient {
    /// A client for the server at `base_url` (as for [`crate::AuthClient::new`]), with a
    /// 10 s timeout.
    pub fn new(base_url: &str) -> Result<Self, AuthError> {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(10)))
            .http_status_as_error(false)
            .build()
            .new_agent();
        Ok(Self {
            base: BaseUrl::parse(base_url)?,
            agent,
        })
    }

    /// The session of the request whose `Cookie` header this is (`None`: no cookie), or
    /// `None` when it has no valid session. Every failure is a typed [`AuthError`].
    pub fn get_session(
        &self,
        cookie_header: Option<&str>,
    ) -> Result<Option<SessionData>, AuthError> {
        let mut request = self.agent.get(self.base.endpoint("/get-session"));
        if let Some(cookie) = cookie_header {
            request = request.header("cookie", cookie);
        }
        let mut response = request.call().map_err(|err| {
            AuthError::local(match err {
                ureq::Error::Timeout(_) => ErrorCode::Timeout,
                _ => ErrorCode::Network,
            })
        })?;
        let status = response.status().as_u16();
        let status_text = response
            .status()
            .canonical_reason()
            .unwrap_or_default()
            .to_owned();
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(|_| AuthError::local(ErrorCode::Network))?;
        let body: Option<serde_json::Value> = serde_json::from_str(&text).ok();
        if !(200..300).contains(&status) {
            let field = |key: &str| body.as_ref()?.field(key)?.string();
            return Err(AuthError::from_response(
                status,
                status_text,
                field("code"),
                field("message"),
            ));
        }
        body.as_ref()
            .and_then(Option::<SessionData>::decode)
            .ok_or_else(|| AuthError::invalid_response(status, status_text))
    }
}
