//! [`Response`]: a 2xx answer's parsed body, and [`Response::classify`], the one mapping
//! of an answer (status, body) to it or to a typed [`AuthError`], whichever IO read it
//! (the browser's `fetch` through `crate::transport`, reqwest in `crate::server`).

use crate::decode::Decode;
use crate::error::AuthError;
use crate::json::JsonView;

/// A successful (2xx) answer and its parsed body (`J`: the browser's `JsValue`, or
/// `serde_json::Value` natively).
#[derive(Clone, Debug, PartialEq)]
pub struct Response<J> {
    pub status: u16,
    pub status_text: String,
    /// The body: its JSON, `null` when empty, or its text when it is plain text.
    pub body: J,
}

/// What one request gave: its 2xx answer, or why there is none.
pub type Answer<J> = Result<Response<J>, AuthError>;

impl<J: JsonView> Response<J> {
    /// Reads the body as `T`; a body of the wrong shape is `INVALID_RESPONSE`.
    pub fn decode<T: Decode>(&self) -> Result<T, AuthError> {
        T::decode(&self.body)
            .ok_or_else(|| AuthError::invalid_response(self.status, self.status_text.clone()))
    }

    /// An answer as read off the wire: `body` parsed as better-fetch reads it (JSON;
    /// `null` when empty; the text of a plain-text body), `refused` when it claimed JSON
    /// but was not (cut short) or was an HTML page (a wrong base URL). A 2xx with a
    /// refused body is `INVALID_RESPONSE`; any other status is the server's error, with
    /// its `code` and `message` when the body gives them.
    pub fn classify(
        status: u16,
        status_text: String,
        retry_after: Option<u32>,
        body: J,
        refused: bool,
    ) -> Answer<J> {
        if (200..300).contains(&status) {
            return if refused {
                Err(AuthError::invalid_response(status, status_text))
            } else {
                Ok(Self {
                    status,
                    status_text,
                    body,
                })
            };
        }
        let field = |name: &str| body.field(name)?.string().filter(|_| !refused);
        let mut err =
            AuthError::from_response(status, status_text, field("code"), field("message"));
        err.retry_after = retry_after;
        Err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::{json, Value};

    #[test]
    fn a_2xx_gives_its_body_unless_it_was_refused() {
        let ok = Response::classify(200, "OK".into(), None, json!({"a": 1}), false).unwrap();
        assert_eq!(ok.body, json!({"a": 1}));
        let refused = Response::classify(200, "OK".into(), None, Value::Null, true).unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidResponse);
    }

    #[test]
    fn an_error_status_keeps_the_servers_code_message_and_retry_after() {
        let body =
            json!({"code": "INVALID_EMAIL_OR_PASSWORD", "message": "Invalid email or password"});
        let err = Response::classify(401, "Unauthorized".into(), None, body, false).unwrap_err();
        assert_eq!(err.code.as_str(), "INVALID_EMAIL_OR_PASSWORD");
        assert_eq!(err.message, "Invalid email or password");
        let limited = Response::<Value>::classify(
            429,
            "Too Many Requests".into(),
            Some(7),
            Value::Null,
            false,
        )
        .unwrap_err();
        assert_eq!(limited.code, ErrorCode::RateLimited);
        assert_eq!(limited.retry_after, Some(7));
        let html = Response::classify(500, String::new(), None, json!({"code": "X"}), true);
        assert_eq!(html.unwrap_err().code, ErrorCode::ServerError);
    }
}
