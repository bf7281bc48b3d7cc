//! The page: the HTML shell, and who is signed in. The session comes from a blocking
//! resource the server fills while rendering (Better Auth read with the request's
//! cookies, its `Set-Cookie` forwarded); Leptos serialises the resource into the page,
//! so on hydrate the browser's store starts from the same value without reading.

use better_auth_wasm::leptos::{provide_rendered_session, use_auth, use_session_status};
use better_auth_wasm::SessionStatus;
use leptos::prelude::*;

/// What the server read for the page: Better Auth's URL (for the browser's client) and
/// the session as JSON text (`"null"`: signed out; `None`: the read failed).
type Rendered = (String, Option<String>);

/// The whole document, rendered by the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <link rel="icon" href="data:," />
                <title>"better-auth-wasm: Leptos SSR"</title>
                <HydrationScripts options />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The app: the rendered session provided, then the views that use it.
#[component]
pub fn App() -> impl IntoView {
    let rendered = Resource::new_blocking(|| (), |_| read_session());
    view! {
        <main>
            <Suspense>
                {move || Suspend::new(async move {
                    let (auth_url, json) = rendered.await;
                    if let Err(err) = provide_rendered_session(&auth_url, json) {
                        leptos::logging::error!("session: {}: {}", err.code.as_str(), err.message);
                    }
                    view! { <Status /> }
                })}
            </Suspense>
        </main>
    }
}

/// Signed in (with a sign-out button), signed out, or loading (never painted here: the
/// store starts from the server's session).
#[component]
fn Status() -> impl IntoView {
    let status = use_session_status();
    let auth = use_auth();
    move || match status.get() {
        SessionStatus::Pending => view! { <p id="status">"Loading…"</p> }.into_any(),
        SessionStatus::SignedOut => view! { <p id="status">"Signed out"</p> }.into_any(),
        SessionStatus::SignedIn(data) => {
            let sign_out = move |_| {
                if let Some(auth) = auth {
                    let client = auth.get_value();
                    leptos::task::spawn_local(async move {
                        if let Err(err) = client.sign_out().await {
                            leptos::logging::error!("sign-out: {}", err.message);
                        }
                    });
                }
            };
            view! {
                <p id="status">"Signed in as " {data.user.name.clone()}</p>
                <button id="sign-out" on:click=sign_out>"Sign out"</button>
            }
            .into_any()
        }
    }
}

/// Better Auth for the server's renders: the client and the URL the browser uses.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct AuthServer {
    client: better_auth_wasm::server::ServerClient,
    url: String,
}

#[cfg(feature = "ssr")]
impl AuthServer {
    /// Better Auth at `url` (its origin; the API under /api/auth); a render waits for it
    /// at most `timeout`.
    pub fn new(
        url: &str,
        timeout: std::time::Duration,
    ) -> Result<Self, better_auth_wasm::AuthError> {
        Ok(Self {
            client: better_auth_wasm::server::ServerClient::with_timeout(url, timeout)?,
            url: url.to_owned(),
        })
    }
}

/// On the server: the request's session, its `Set-Cookie` forwarded with the page. A
/// failure renders signed out, with the typed error logged.
#[cfg(feature = "ssr")]
async fn read_session() -> Rendered {
    use axum::http::{header, request::Parts, HeaderValue};
    let auth = expect_context::<AuthServer>();
    let cookie = use_context::<Parts>().and_then(|parts| {
        let value = parts.headers.get(header::COOKIE)?;
        value.to_str().ok().map(String::from)
    });
    let response = use_context::<leptos_axum::ResponseOptions>();
    match auth.client.get_session_json(cookie.as_deref()).await {
        Ok(read) => {
            for value in read.set_cookies {
                if let (Some(response), Ok(value)) = (&response, HeaderValue::from_str(&value)) {
                    response.append_header(header::SET_COOKIE, value);
                }
            }
            (auth.url, Some(read.value))
        }
        Err(err) => {
            eprintln!(
                "session read failed during render: {}: {}",
                err.code.as_str(),
                err.message
            );
            (auth.url, None)
        }
    }
}

/// In the browser the value comes from the page; this runs only if it did not, and
/// then there is no Better Auth URL to start from (logged by `App`).
#[cfg(not(feature = "ssr"))]
async fn read_session() -> Rendered {
    (String::new(), None)
}
