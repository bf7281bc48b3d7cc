//! [`Transport`]: one HTTP call to the auth server, and every way it can fail turned
//! into an [`AuthError`].
//!
//! Calls the global `fetch` directly (web-sys; gloo-net's request builder pulled
//! `core::fmt` into the wasm) with `credentials: "include"` (the session cookie is
//! HttpOnly; the browser sends it), a timeout that aborts the request and its body, and
//! the browser's own JSON parser. Owns no state beyond the base URL and the timeout.

use crate::base_url::BaseUrl;
use crate::decode::Decode;
use crate::error::{AuthError, ErrorCode};
use gloo_timers::callback::Timeout;
use js_sys::Promise;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, RequestCredentials, RequestInit, RequestRedirect, Response,
    ResponseType,
};

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`: in a window and in a worker alike. A wrapped `fetch` may throw
    /// at once or return something other than a Promise: both are caught.
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch(input: &str, init: &RequestInit) -> Result<JsValue, JsValue>;

    /// `JSON.parse` of a JS string: the body is never copied into the wasm's memory.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
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

/// The HTTP method of a call (Better Auth's endpoints take no other).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A read: no body.
    Get,
    /// A change: a JSON body.
    Post,
}

/// A successful (2xx) response whose body is JSON.
pub(crate) struct JsonResponse {
    pub status: u16,
    pub status_text: String,
    /// The body, parsed by the browser's `JSON.parse`.
    pub body: JsValue,
}

impl JsonResponse {
    /// Reads the body as `T`; a body of the wrong shape is [`ErrorCode::InvalidResponse`].
    pub fn decode<T: Decode>(&self) -> Result<T, AuthError> {
        T::decode(&self.body)
            .ok_or_else(|| AuthError::invalid_response(self.status, self.status_text.clone()))
    }
}

/// Sends requests to one Better Auth server.
#[derive(Clone, Debug)]
pub(crate) struct Transport {
    base: BaseUrl,
    timeout_ms: u32,
}

impl Transport {
    pub fn new(base: BaseUrl, timeout_ms: u32) -> Self {
        Self { base, timeout_ms }
    }

    pub fn base(&self) -> &BaseUrl {
        &self.base
    }

    /// Sends one request with an optional JSON body (already serialized) and returns
    /// the parsed JSON of a 2xx answer; anything else is a typed error.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        json_body: Option<String>,
        headers: Option<&Headers>,
    ) -> Result<JsonResponse, AuthError> {
        in_browser()?;
        let controller =
            AbortController::new().map_err(|_| AuthError::local(ErrorCode::Network))?;
        self.request_with(method, path, json_body, headers, &controller)
            .await
    }

    /// Like [`Transport::request`], abortable through `controller` (an aborted request
    /// fails with [`ErrorCode::Network`]; the timeout uses the same controller).
    /// `extra_headers`: the caller's own headers (the JSON content type is added to
    /// them when there is a body).
    pub async fn request_with(
        &self,
        method: Method,
        path: &str,
        json_body: Option<String>,
        extra_headers: Option<&Headers>,
        controller: &AbortController,
    ) -> Result<JsonResponse, AuthError> {
        let network = || AuthError::local(ErrorCode::Network);
        let timed_out = Rc::new(Cell::new(false));
        // The deadline aborts the request and also rejects `deadline`, which every wait
        // below races: a wrapped fetch that ignores the abort signal cannot hang a call.
        let reject: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
        let deadline = {
            let reject = Rc::clone(&reject);
            Promise::new(&mut move |_, rejecter| {
                reject.replace(Some(rejecter));
            })
        };
        let _deadline = {
            let controller = controller.clone();
            let timed_out = Rc::clone(&timed_out);
            Timeout::new(self.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
                if let Some(rejecter) = reject.take() {
                    let _ = rejecter.call0(&JsValue::UNDEFINED);
                }
            })
        };
        let within_deadline = |promise: &JsValue| {
            JsFuture::from(Promise::race(&js_sys::Array::of2(promise, &deadline)))
        };
        let failed = |timed_out: &Cell<bool>| {
            AuthError::local(if timed_out.get() {
                ErrorCode::Timeout
            } else {
                ErrorCode::Network
            })
        };

        let init = RequestInit::new();
        init.set_method(match method {
            Method::Get => "GET",
            Method::Post => "POST",
        });
        init.set_credentials(RequestCredentials::Include);
        init.set_signal(Some(&controller.signal()));
        if json_body.is_some() || extra_headers.is_some() {
            let headers = match extra_headers {
                Some(headers) => headers.clone(),
                None => Headers::new().map_err(|_| network())?,
            };
            if let Some(body) = json_body {
                // A redirect is not followed with a body (a password must not be re-sent
                // to wherever a 307 points); Better Auth answers JSON, never 3xx.
                init.set_redirect(RequestRedirect::Manual);
                headers
                    .set("content-type", "application/json")
                    .map_err(|_| network())?;
                init.set_body(&JsValue::from_str(&body));
            }
            init.set_headers(&headers);
        }

        let called = global_fetch(&self.base.endpoint(path), &init).map_err(|_| network())?;
        let response: Response = within_deadline(&called)
            .await
            .and_then(|value| value.dyn_into())
            .map_err(|_| failed(&timed_out))?;
        if response.type_() == ResponseType::Opaqueredirect {
            return Err(refused(
                "The server answered with a redirect, which is not followed for a request with a body. Check the base URL: Better Auth answers with JSON.",
            ));
        }
        let status = response.status();
        let status_text = response.status_text();
        // Better Auth's own rate limiter sends X-Retry-After; proxies send Retry-After.
        let headers = response.headers();
        let retry_after = ["retry-after", "x-retry-after"]
            .iter()
            .find_map(|name| headers.get(name).ok().flatten())
            .as_deref()
            .and_then(parse_retry_after);
        let announced = headers
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|length| length.trim().parse::<u64>().ok());
        let too_large = || {
            controller.abort();
            refused("The server's answer is larger than this client reads (8 MB). Check the base URL and the server.")
        };
        if announced.is_some_and(|length| length > u64::from(MAX_BODY_LENGTH)) {
            return Err(too_large());
        }
        // A body cut off by a reset connection or by the timeout fails here.
        let text: js_sys::JsString = match response.text() {
            Ok(promise) => within_deadline(&promise)
                .await
                .ok()
                .and_then(|t| t.dyn_into().ok()),
            Err(_) => None,
        }
        .ok_or_else(|| failed(&timed_out))?;
        if text.length() > MAX_BODY_LENGTH {
            return Err(too_large());
        }
        let parsed = json_parse(&text).ok();

        if (200..300).contains(&status) {
            return match parsed {
                Some(body) => Ok(JsonResponse {
                    status,
                    status_text,
                    body,
                }),
                None => Err(AuthError::invalid_response(status, status_text)),
            };
        }
        let field = |name: &str| {
            parsed
                .as_ref()
                .filter(|body| body.is_object())
                .and_then(|body| js_sys::Reflect::get(body, &JsValue::from_str(name)).ok())
                .and_then(|value| value.as_string())
        };
        let mut err =
            AuthError::from_response(status, status_text, field("code"), field("message"));
        err.retry_after = retry_after;
        Err(err)
    }
}

/// An answer this client does not read, with what to do about it.
fn refused(message: &'static str) -> AuthError {
    let mut err = AuthError::local(ErrorCode::InvalidResponse);
    err.message = message.into();
    err
}

/// Reads a `Retry-After` header: seconds, or an HTTP date (seconds from now).
fn parse_retry_after(value: &str) -> Option<u32> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u32>() {
        return Some(seconds);
    }
    let at = js_sys::Date::parse(value);
    if at.is_nan() {
        return None;
    }
    let seconds = ((at - js_sys::Date::now()) / 1_000.0).ceil();
    Some(if seconds > 0.0 { seconds as u32 } else { 0 })
}
