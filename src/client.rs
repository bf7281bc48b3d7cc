//! [`AuthClient`]: the public Rust API, one async method per server call.
//!
//! Owns the transport; knows endpoint paths and response types. It holds no session
//! state yet and never stores a token.

use crate::base_url::BaseUrl;
use crate::error::{AuthError, ErrorCode};
use crate::model::{SessionData, SignInResponse, SignOutResponse, SignUpResponse};
use crate::requests::{SignInEmail, SignUpEmail};
use crate::transport::{JsonResponse, Method, Transport, DEFAULT_TIMEOUT_MS};
use serde::Serialize;

/// A client for one Better Auth server.
///
/// ```no_run
/// # async fn run() -> Result<(), better_auth_wasm::AuthError> {
/// use better_auth_wasm::{AuthClient, SignInEmail};
///
/// let client = AuthClient::new("http://127.0.0.1:3000")?;
/// client
///     .sign_in_email(&SignInEmail {
///         email: "ada@example.com".into(),
///         password: "correct horse battery".into(),
///         ..SignInEmail::default()
///     })
///     .await?;
/// if let Some(data) = client.get_session().await? {
///     let _name = data.user.name;
/// }
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct AuthClient {
    transport: Transport,
}

impl AuthClient {
    /// A client for the server at `base_url`, such as `http://127.0.0.1:3000` (the API
    /// is then under `/api/auth`) or `https://example.com/custom/auth`.
    ///
    /// Fails with [`ErrorCode::InvalidBaseUrl`] for an empty, relative or non-http(s) URL.
    pub fn new(base_url: &str) -> Result<Self, AuthError> {
        Ok(Self {
            transport: Transport::new(BaseUrl::parse(base_url)?, DEFAULT_TIMEOUT_MS),
        })
    }

    /// The checked base URL of the auth API, such as `http://127.0.0.1:3000/api/auth`.
    pub fn base_url(&self) -> &str {
        self.transport.base().as_str()
    }

    /// The current session, or `None` when signed out (the server answers `null`).
    pub async fn get_session(&self) -> Result<Option<SessionData>, AuthError> {
        self.get_session_response().await?.decode()
    }

    /// Creates an account with email and password (and signs in, unless the server
    /// requires email verification).
    pub async fn sign_up_email(&self, request: &SignUpEmail) -> Result<SignUpResponse, AuthError> {
        self.post("/sign-up/email", Some(to_json(request)?))
            .await?
            .decode()
    }

    /// Signs in with email and password.
    pub async fn sign_in_email(&self, request: &SignInEmail) -> Result<SignInResponse, AuthError> {
        self.post("/sign-in/email", Some(to_json(request)?))
            .await?
            .decode()
    }

    /// Signs out: the server ends the session and clears its cookies.
    pub async fn sign_out(&self) -> Result<SignOutResponse, AuthError> {
        self.post("/sign-out", None).await?.decode()
    }

    pub(crate) async fn get_session_response(&self) -> Result<JsonResponse, AuthError> {
        self.transport
            .request(Method::Get, "/get-session", None)
            .await
    }

    pub(crate) async fn post(
        &self,
        path: &str,
        json_body: Option<String>,
    ) -> Result<JsonResponse, AuthError> {
        // Better Auth answers 415 to a POST without a JSON body.
        let body = json_body.unwrap_or_else(|| "{}".into());
        self.transport.request(Method::Post, path, Some(body)).await
    }
}

/// Serializes a request body with the browser's JSON.stringify.
fn to_json<T: Serialize>(value: &T) -> Result<String, AuthError> {
    let invalid = || AuthError::local(ErrorCode::Other("INVALID_REQUEST".into()));
    let value = serde_wasm_bindgen::to_value(value).map_err(|_| invalid())?;
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(invalid)
}
