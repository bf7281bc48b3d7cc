//! Errors as data: [`AuthError`] and its [`ErrorCode`].
//!
//! Every failure of every public call ends up here: server errors (with the server's
//! own code kept), network failures, timeouts and bodies that are not what the server
//! should send. Messages are static and say what to do; no formatting machinery is
//! pulled into the wasm for them.

use std::borrow::Cow;

/// What went wrong, as a stable code. Unknown server codes are kept in [`ErrorCode::Other`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorCode {
    /// Wrong email or password on sign-in (`INVALID_EMAIL_OR_PASSWORD`).
    InvalidEmailOrPassword,
    /// Sign-up with an email that already has an account: Better Auth's
    /// `USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL` (older servers: `USER_ALREADY_EXISTS`),
    /// reported as the former, as the official client reports it.
    UserAlreadyExists,
    /// The session has expired (`SESSION_EXPIRED`).
    SessionExpired,
    /// The session token is invalid or revoked (`INVALID_TOKEN`).
    InvalidToken,
    /// The session is too old for a sensitive call; sign in again (`SESSION_NOT_FRESH`).
    SessionNotFresh,
    /// The call needs a signed-in session (`UNAUTHORIZED`).
    Unauthorized,
    /// The server refused the call (`FORBIDDEN`).
    Forbidden,
    /// The endpoint does not exist: the base URL or base path is wrong (`NOT_FOUND`).
    NotFound,
    /// Too many requests; wait before retrying (`RATE_LIMITED`).
    RateLimited,
    /// The server failed with a 5xx status (`SERVER_ERROR`).
    ServerError,
    /// The request did not reach the server or its answer was lost (`NETWORK`).
    Network,
    /// The server did not answer in time (`TIMEOUT`).
    Timeout,
    /// The answer is not what a Better Auth server sends: HTML, cut short, wrong shape
    /// (`INVALID_RESPONSE`).
    InvalidResponse,
    /// The client's base URL is empty, relative or not http(s) (`INVALID_BASE_URL`).
    InvalidBaseUrl,
    /// Any other code, as the server spelled it.
    Other(String),
}

impl ErrorCode {
    /// Maps a server's `code` string to a code, keeping unknown ones.
    pub fn from_server(code: &str) -> Self {
        match code {
            "INVALID_EMAIL_OR_PASSWORD" => Self::InvalidEmailOrPassword,
            "USER_ALREADY_EXISTS" | "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" => {
                Self::UserAlreadyExists
            }
            "SESSION_EXPIRED" => Self::SessionExpired,
            "INVALID_TOKEN" => Self::InvalidToken,
            "SESSION_NOT_FRESH" => Self::SessionNotFresh,
            "UNAUTHORIZED" => Self::Unauthorized,
            "FORBIDDEN" => Self::Forbidden,
            "NOT_FOUND" => Self::NotFound,
            "RATE_LIMITED" | "TOO_MANY_REQUESTS" => Self::RateLimited,
            other => Self::Other(other.into()),
        }
    }

    /// The code for an HTTP status whose body carried none. A 4xx is the request's
    /// fault, not the answer's: it keeps a code of its own and is not retried.
    pub fn from_status(status: u16) -> Self {
        match status {
            400 => Self::Other("BAD_REQUEST".into()),
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            405 => Self::Other("METHOD_NOT_ALLOWED".into()),
            415 => Self::Other("UNSUPPORTED_MEDIA_TYPE".into()),
            422 => Self::Other("UNPROCESSABLE_ENTITY".into()),
            429 => Self::RateLimited,
            402..=499 => Self::Other("CLIENT_ERROR".into()),
            500..=599 => Self::ServerError,
            _ => Self::InvalidResponse,
        }
    }

    /// The code as the SCREAMING_SNAKE_CASE string the JS face and the server use.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidEmailOrPassword => "INVALID_EMAIL_OR_PASSWORD",
            Self::UserAlreadyExists => "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
            Self::SessionExpired => "SESSION_EXPIRED",
            Self::InvalidToken => "INVALID_TOKEN",
            Self::SessionNotFresh => "SESSION_NOT_FRESH",
            Self::Unauthorized => "UNAUTHORIZED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::RateLimited => "RATE_LIMITED",
            Self::ServerError => "SERVER_ERROR",
            Self::Network => "NETWORK",
            Self::Timeout => "TIMEOUT",
            Self::InvalidResponse => "INVALID_RESPONSE",
            Self::InvalidBaseUrl => "INVALID_BASE_URL",
            Self::Other(code) => code,
        }
    }

    /// A message for this code that says what to do, used when the server gave none.
    pub fn default_message(&self) -> &'static str {
        match self {
            Self::InvalidEmailOrPassword => "Invalid email or password. Check both and try again.",
            Self::UserAlreadyExists => "An account with this email already exists. Sign in instead.",
            Self::SessionExpired => "The session has expired. Sign in again.",
            Self::InvalidToken => {
                "The session is no longer valid (it was revoked or signed out elsewhere). Sign in again."
            }
            Self::SessionNotFresh => {
                "The session is too old for this action. Ask the user to sign in again, then retry."
            }
            Self::Unauthorized => "Not signed in. Sign in, then retry.",
            Self::Forbidden => {
                "The server refused the request. Check that this page's origin is in the server's trustedOrigins."
            }
            Self::NotFound => {
                "Endpoint not found. Check the client's base URL and base path (default /api/auth)."
            }
            Self::RateLimited => "Too many requests. Wait before retrying.",
            Self::ServerError => "The auth server failed. Retry later.",
            Self::Network => {
                "Could not reach the auth server. Check the base URL, that the server runs, its CORS headers, and the connection."
            }
            Self::Timeout => "The auth server did not answer in time. Retry later.",
            Self::InvalidResponse => {
                "The server's answer is not a Better Auth response. Check that the base URL points at a Better Auth server, not a proxy page."
            }
            Self::InvalidBaseUrl => {
                "The base URL must be an absolute http:// or https:// URL, such as http://127.0.0.1:3000."
            }
            Self::Other(_) => "The auth server returned an error.",
        }
    }
}

/// A failed call: the HTTP status (0 when no response arrived), the status text, a code
/// and a message that says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthError {
    /// HTTP status of the response, or 0 when there was none (network, timeout, bad URL).
    pub status: u16,
    /// HTTP status text of the response, empty when there was none.
    pub status_text: String,
    /// What went wrong.
    pub code: ErrorCode,
    /// A human-readable message: the server's when it sent one, else one that says what
    /// to do.
    pub message: Cow<'static, str>,
    /// Seconds the server asked to wait before retrying (`Retry-After`), if it did.
    pub retry_after: Option<u32>,
}

impl AuthError {
    /// An error with this status and code and the code's default message.
    fn with_default_message(status: u16, status_text: String, code: ErrorCode) -> Self {
        Self {
            status,
            status_text,
            message: Cow::Borrowed(code.default_message()),
            code,
            retry_after: None,
        }
    }

    /// An error with no response behind it (status 0) and the code's default message.
    pub fn local(code: ErrorCode) -> Self {
        Self::with_default_message(0, String::new(), code)
    }

    /// Whether trying the same call again later may succeed: network failures,
    /// timeouts, 5xx, 429 and bodies that were not the server's.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.code,
            ErrorCode::Network
                | ErrorCode::Timeout
                | ErrorCode::ServerError
                | ErrorCode::RateLimited
                | ErrorCode::InvalidResponse
        ) || self.status == 429
            || self.status >= 500
    }

    /// An error for a response with this status and no usable error body.
    pub fn from_status(status: u16, status_text: String) -> Self {
        Self::from_response(status, status_text, None, None)
    }

    /// An error for a non-2xx response, from the `code` and `message` of its JSON body
    /// when it had them. A missing code comes from the status; a missing or empty
    /// message is the code's default one.
    pub fn from_response(
        status: u16,
        status_text: String,
        code: Option<String>,
        message: Option<String>,
    ) -> Self {
        let code = match code.as_deref() {
            Some(code) if !code.is_empty() => ErrorCode::from_server(code),
            _ => ErrorCode::from_status(status),
        };
        let mut err = Self::with_default_message(status, status_text, code);
        if let Some(message) = message.filter(|m| !m.is_empty()) {
            err.message = Cow::Owned(message);
        }
        err
    }

    /// A 2xx response whose body is not what a Better Auth server sends.
    pub fn invalid_response(status: u16, status_text: String) -> Self {
        Self::with_default_message(status, status_text, ErrorCode::InvalidResponse)
    }
}

impl std::fmt::Display for AuthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code.as_str())?;
        f.write_str(": ")?;
        f.write_str(&self.message)
    }
}

impl std::error::Error for AuthError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_codes_round_trip_and_unknown_codes_are_kept() {
        for code in [
            "INVALID_EMAIL_OR_PASSWORD",
            "SESSION_EXPIRED",
            "INVALID_TOKEN",
            "SESSION_NOT_FRESH",
            "UNAUTHORIZED",
        ] {
            assert_eq!(ErrorCode::from_server(code).as_str(), code);
        }
        assert_eq!(
            ErrorCode::from_server("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"),
            ErrorCode::UserAlreadyExists
        );
        let unknown = ErrorCode::from_server("SOME_PLUGIN_CODE");
        assert_eq!(unknown, ErrorCode::Other("SOME_PLUGIN_CODE".into()));
        assert_eq!(unknown.as_str(), "SOME_PLUGIN_CODE");
    }

    #[test]
    fn statuses_without_a_body_get_a_code_and_a_message_that_says_what_to_do() {
        assert_eq!(ErrorCode::from_status(404), ErrorCode::NotFound);
        assert_eq!(ErrorCode::from_status(429), ErrorCode::RateLimited);
        assert_eq!(ErrorCode::from_status(502), ErrorCode::ServerError);
        let err = AuthError::from_status(404, "Not Found".into());
        assert!(err.message.contains("base URL"));
        assert_eq!(err.to_string().split(':').next(), Some("NOT_FOUND"));
    }

    #[test]
    fn a_code_less_4xx_is_the_requests_fault_and_not_retried() {
        for (status, code) in [
            (400, "BAD_REQUEST"),
            (405, "METHOD_NOT_ALLOWED"),
            (415, "UNSUPPORTED_MEDIA_TYPE"),
            (422, "UNPROCESSABLE_ENTITY"),
            (418, "CLIENT_ERROR"),
        ] {
            let err = AuthError::from_status(status, String::new());
            assert_eq!(err.code.as_str(), code);
            assert!(!err.is_retryable(), "{status} must not be retried");
        }
        assert!(AuthError::from_status(503, String::new()).is_retryable());
    }

    #[test]
    fn a_servers_error_body_wins_over_the_status() {
        let err = AuthError::from_response(
            401,
            "Unauthorized".into(),
            Some("INVALID_EMAIL_OR_PASSWORD".into()),
            Some("Invalid email or password".into()),
        );
        assert_eq!(err.code, ErrorCode::InvalidEmailOrPassword);
        assert_eq!(err.message, "Invalid email or password");
        let bare = AuthError::from_response(403, String::new(), Some(String::new()), None);
        assert_eq!(bare.code, ErrorCode::Forbidden);
        assert!(bare.message.contains("trustedOrigins"));
    }
}
