//! [`AuthClient::call`] and `send`: the Rust faces' driver of a [`Call`] in the browser,
//! one awaited request per step.

use super::{Call, Step};
use crate::client::AuthClient;
use crate::error::{AuthError, ErrorCode};
use crate::json::JsonBody;
use crate::transport::{answer, JsonResponse, Method};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

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
            if JsValue::parse(text).is_none() {
                let mut err = AuthError::local(ErrorCode::Other("INVALID_BODY".into()));
                err.message = "The request body is not JSON; nothing was sent.".into();
                return Err(err);
            }
        }
        let response = self.send(method, path, body.map(String::from)).await?;
        Ok(crate::json::JsonView::to_value(&response.body))
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
        let mut call = Call::new(method, path, body, true);
        let store = self.core();
        loop {
            match call.poll(store) {
                Step::Send(request) => {
                    let sent = store.transport.start(
                        request.method,
                        request.path,
                        request.body,
                        &JsValue::UNDEFINED,
                        None,
                    );
                    call.handle(answer(JsFuture::from(sent).await), store);
                }
                Step::Done(result) => return result,
            }
        }
    }
}
