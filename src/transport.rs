//! [`Transport`]: one HTTP call to the auth server, and every way it can fail turned
//! into an [`AuthError`].
//!
//! The IO is `src/transport.js` (fetch with `credentials: "include"`, the deadline that
//! aborts the request and its body, the length bound, the browser's own JSON parser):
//! one await here, where the same steps written with web-sys cost the wasm about 3 KB.
//! This side turns its answer into the typed result. Owns no state beyond the base URL,
//! the timeout and the `fetch` to call.

use crate::base_url::BaseUrl;
use crate::error::{AuthError, ErrorCode};
use js_sys::Promise;
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

#[wasm_bindgen(module = "/src/transport.js")]
extern "C" {
    /// The request's IO (`src/transport.js`): fetch with its deadline, and the answer
    /// read as JSON within it. Resolves `[status, statusText, retryAfter, body,
    /// unparsed]`; rejects with a number: 0 network, 1 timeout, 2 redirect, 3 too large.
    #[wasm_bindgen(js_name = send)]
    fn js_send(
        fetch: &JsValue,
        url: &str,
        method: &str,
        body: Option<String>,
        call: &JsValue,
        timeout_ms: u32,
        max_length: u32,
        controller: Option<&AbortController>,
    ) -> Promise;

}

/// The largest answer read, in UTF-16 code units (about 8 MB of ASCII JSON): a larger one
/// is refused with [`ErrorCode::InvalidResponse`] (before it is read when the server
/// announces its length). Far above any session or list a Better Auth server sends;
/// a bound on what a broken or hostile server can make the page hold.
pub(crate) const MAX_BODY_LENGTH: u32 = 8 << 20;

/// The default time a request may take, body included, before it fails with
/// [`ErrorCode::Timeout`].
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// `Ok` in a browser (wasm32); outside one, the error every call then returns: this
/// client's requests need the browser's `fetch` and cookie jar.
pub(crate) fn in_browser() -> Result<(), AuthError> {
    if cfg!(target_arch = "wasm32") {
        return Ok(());
    }
    let mut err = AuthError::local(ErrorCode::Network);
    err.message = "AuthClient sends requests from a browser (wasm32). On a server, read sessions with server::ServerClient (feature \"server\").".into();
    Err(err)
}

/// The HTTP method of a call. Better Auth's own endpoints take GET and POST; plugins'
/// may take the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A read: no body.
    Get,
    /// A change: a JSON body (`{}` when none is given).
    Post,
    /// PUT, with a JSON body if given.
    Put,
    /// PATCH, with a JSON body if given.
    Patch,
    /// DELETE, with a JSON body if given.
    Delete,
}

impl Method {
    /// The method's name on the wire (`"GET"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// The method named `name` (upper case, as on the wire).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "GET" => Self::Get,
            "POST" => Self::Post,
            "PUT" => Self::Put,
            "PATCH" => Self::Patch,
            "DELETE" => Self::Delete,
            _ => return None,
        })
    }
}

/// A successful (2xx) answer, its body parsed by the browser.
pub type JsonResponse = crate::endpoint::Response<JsValue>;

/// Sends requests to one Better Auth server.
#[derive(Clone, Debug)]
pub struct Transport {
    base: BaseUrl,
    timeout_ms: u32,
    /// The `fetch` to call; `undefined` for the global one.
    fetch: JsValue,
}

impl Transport {
    /// Requests to `base` with the default timeout and the global `fetch`.
    pub fn new(base: BaseUrl) -> Self {
        Self {
            base,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            fetch: JsValue::UNDEFINED,
        }
    }

    /// The base URL its requests go below.
    pub fn base(&self) -> &BaseUrl {
        &self.base
    }

    /// The same transport with this timeout (ms).
    pub fn with_timeout(mut self, timeout_ms: u32) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }

    /// Calls `fetch` (a function with the global `fetch`'s signature) instead of the
    /// global one.
    pub fn with_fetch(mut self, fetch: JsValue) -> Self {
        self.fetch = fetch;
        self
    }

    /// Starts one request with an optional JSON body (already serialized): the promise
    /// settles as `src/transport.js` says, for [`answer`] (the parsed JSON of a 2xx
    /// answer; anything else a typed error). `call`: the caller's own `{headers,
    /// fetch}` for this request, or `undefined` (the JSON content type is added to the
    /// headers when there is a body). `controller` aborts it (an aborted request fails
    /// with [`ErrorCode::Network`]); the timeout aborts through it too.
    pub fn start(
        &self,
        method: Method,
        path: &str,
        json_body: Option<String>,
        call: &JsValue,
        controller: Option<&AbortController>,
    ) -> Promise {
        js_send(
            &self.fetch,
            &self.base.endpoint(path),
            method.as_str(),
            json_body,
            call,
            self.timeout_ms,
            MAX_BODY_LENGTH,
            controller,
        )
    }
}

/// The typed result of a request [`Transport::start`] began: `settled` is what its
/// promise resolved (`Ok`) or rejected (`Err`) with.
pub fn answer(settled: Result<JsValue, JsValue>) -> Result<JsonResponse, AuthError> {
    let answer = match settled {
        Ok(answer) => js_sys::Array::from(&answer),
        Err(reason) => return Err(failure(reason.as_f64())),
    };
    JsonResponse::classify(
        answer.get(0).as_f64().unwrap_or_default() as u16,
        answer.get(1).as_string().unwrap_or_default(),
        answer.get(2).as_f64().map(|seconds| seconds as u32),
        answer.get(3),
        // 0 when the body was read (a number test: no import of its own).
        answer.get(4).as_f64() != Some(0.0),
    )
}

/// The error of a request that got no answer to read: `reason` as `src/transport.js`
/// rejects.
fn failure(reason: Option<f64>) -> AuthError {
    match reason.map(|r| r as u8) {
        Some(1) => AuthError::local(ErrorCode::Timeout),
        Some(2) => refused(
            "The server answered with a redirect, which is not followed for a request with a body. Check the base URL: Better Auth answers with JSON.",
        ),
        Some(3) => refused(
            "The server's answer is larger than this client reads (8 MB). Check the base URL and the server.",
        ),
        _ => AuthError::local(ErrorCode::Network),
    }
}

/// An answer this client does not read, with what to do about it.
fn refused(message: &'static str) -> AuthError {
    let mut err = AuthError::local(ErrorCode::InvalidResponse);
    err.message = message.into();
    err
}
