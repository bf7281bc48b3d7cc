//! A Dioxus fullstack app on better-auth-wasm: the server (feature `server`) reads the
//! request's session from Better Auth in a `use_server_future`, renders with it and
//! serialises it into the page; the browser (feature `web`) hydrates, and its store
//! starts from the same value (`use_rendered_session`): the first paint is the
//! signed-in view, and the browser makes no `get-session` request.
//!
//! The server reads (besides Dioxus's `IP`, `PORT` and `DIOXUS_PUBLIC_PATH`):
//!   AUTH_URL          Better Auth's origin, for the server and the browser (default
//!                     http://127.0.0.1:3000)
//!   AUTH_TIMEOUT_MS   how long a render waits for Better Auth (default 3000)
// Measuring without the auth client leaves the app's own items unused.
#![cfg_attr(feature = "without-auth", allow(dead_code, unused_imports))]

use better_auth_wasm::dioxus::{use_auth, use_rendered_session, use_session_status};
use better_auth_wasm::SessionStatus;
use dioxus::prelude::*;

/// In the browser: launch, which hydrates the server's page. On the server: Dioxus's
/// router for the app (what `dioxus::launch` serves), on `IP`:`PORT`, printing its
/// address.
fn main() {
    #[cfg(feature = "server")]
    if let Err(err) = serve() {
        eprintln!("dioxus-app: {err}");
        std::process::exit(1);
    }
    #[cfg(not(any(feature = "server", feature = "without-auth")))]
    dioxus::launch(App);
    #[cfg(all(feature = "without-auth", not(feature = "server")))]
    dioxus::launch(|| rsx! { main { h1 { "Dioxus" } p { id: "status", "Signed out" } } });
}

#[cfg(feature = "server")]
fn serve() -> std::io::Result<()> {
    tokio::runtime::Runtime::new()?.block_on(async {
        let address = dioxus::cli_config::fullstack_address_or_localhost();
        let listener = tokio::net::TcpListener::bind(address).await?;
        println!("http://{}/", listener.local_addr()?);
        dioxus::server::axum::serve(listener, dioxus::server::router(App)).await
    })
}

/// What the server read for the page: Better Auth's URL (for the browser's client) and
/// the session as JSON text (`"null"`: signed out; `None`: the read failed).
type Rendered = (String, Option<String>);

/// The app: waits (on the server) for the request's session, then the views. In the
/// browser the value comes from the page.
#[component]
fn App() -> Element {
    let rendered = use_server_future(read_session)?;
    let (auth_url, json) = rendered().unwrap_or_default();
    rsx! {
        main { Session { auth_url, json } }
    }
}

/// The rendered session provided (the same call on both sides), then who is signed in;
/// in the browser it marks `<body data-hydrated>` once hydrated (for the tests).
#[component]
fn Session(auth_url: String, json: Option<String>) -> Element {
    use_rendered_session(&auth_url, json.as_deref());
    use_effect(|| {
        document::eval("document.body.setAttribute('data-hydrated', '')");
    });
    rsx! { Status {} }
}

/// Signed in (with sign-out and refresh buttons), signed out, or loading (never painted
/// here: the store starts from the server's session). `data-renders` counts this
/// component's renders: a refresh that reads the same session renders nothing.
#[component]
fn Status() -> Element {
    let status = use_session_status();
    let auth = use_auth();
    let renders = use_hook(|| std::rc::Rc::new(std::cell::Cell::new(0u32)));
    renders.set(renders.get() + 1);
    let renders = renders.get();
    match status() {
        SessionStatus::Pending => rsx! { p { id: "status", "data-renders": renders, "Loading…" } },
        SessionStatus::SignedOut => {
            rsx! { p { id: "status", "data-renders": renders, "Signed out" } }
        }
        SessionStatus::SignedIn(data) => {
            let sign_out = {
                let auth = auth.clone();
                move |_| {
                    if let Some(client) = auth.clone() {
                        spawn(async move {
                            let _ = client.sign_out().await;
                        });
                    }
                }
            };
            let refresh = move |_| {
                if let Some(client) = &auth {
                    client.refetch();
                }
            };
            rsx! {
                p { id: "status", "data-renders": renders, "Signed in as {data.user.name}" }
                button { id: "sign-out", onclick: sign_out, "Sign out" }
                button { id: "refresh", onclick: refresh, "Refresh" }
            }
        }
    }
}

/// On the server: the request's session, Better Auth's `Set-Cookie` added to the
/// page's response. A failure renders signed out, with the typed error logged.
#[cfg(feature = "server")]
async fn read_session() -> Rendered {
    use better_auth_wasm::server::ServerClient;
    use dioxus::fullstack::http::{header, HeaderValue};
    use dioxus::fullstack::FullstackContext;
    use std::sync::OnceLock;

    static AUTH: OnceLock<(Result<ServerClient, better_auth_wasm::AuthError>, String)> =
        OnceLock::new();
    let (client, url) = AUTH.get_or_init(|| {
        let url = std::env::var("AUTH_URL").unwrap_or_else(|_| "http://127.0.0.1:3000".into());
        let timeout = std::env::var("AUTH_TIMEOUT_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .unwrap_or(3000);
        let client = ServerClient::with_timeout(&url, std::time::Duration::from_millis(timeout));
        (client, url)
    });
    let context = FullstackContext::current();
    let cookie = context.as_ref().and_then(|context| {
        let parts = context.parts_mut();
        let value = parts.headers.get(header::COOKIE)?;
        value.to_str().ok().map(String::from)
    });
    let read = match client {
        Ok(client) => client.get_session_json(cookie.as_deref()).await,
        Err(err) => Err(err.clone()),
    };
    match read {
        Ok(read) => {
            for value in read.set_cookies {
                if let (Some(context), Ok(value)) = (&context, HeaderValue::from_str(&value)) {
                    context.add_response_header(header::SET_COOKIE, value);
                }
            }
            (url.clone(), Some(read.value))
        }
        Err(err) => {
            eprintln!(
                "session read failed during render: {}: {}",
                err.code.as_str(),
                err.message
            );
            (url.clone(), None)
        }
    }
}

/// In the browser the value comes from the page; this runs only if it did not, and then
/// there is no Better Auth URL to start from.
#[cfg(not(feature = "server"))]
async fn read_session() -> Rendered {
    (String::new(), None)
}
