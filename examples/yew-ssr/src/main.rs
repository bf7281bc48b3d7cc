//! The server half: axum renders each page with yew's `ServerRenderer` and the session
//! Better Auth reads from the request's cookies (its `Set-Cookie` forwarded), and serves
//! the browser half from the site's `pkg/` directory.
//!   AUTH_URL          Better Auth's origin, for the server and the browser (default
//!                     http://127.0.0.1:3000)
//!   PORT              this server's port (default 3002)
//!   AUTH_TIMEOUT_MS   how long a render waits for Better Auth (default 3000)
//!   SITE_ROOT         the built browser half (default target/yew-ssr-site)

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    use axum::routing::get;
    use better_auth_wasm::server::ServerClient;
    use std::sync::Arc;

    let auth_url = std::env::var("AUTH_URL").unwrap_or_else(|_| "http://127.0.0.1:3000".into());
    let port = std::env::var("PORT").unwrap_or_else(|_| "3002".into());
    let site_root = std::env::var("SITE_ROOT").unwrap_or_else(|_| "target/yew-ssr-site".into());
    let timeout = std::env::var("AUTH_TIMEOUT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .unwrap_or(3000);
    let client = ServerClient::with_timeout(&auth_url, std::time::Duration::from_millis(timeout))?;
    let auth = Arc::new((client, auth_url.clone()));
    let app = axum::Router::new()
        .route(
            "/",
            get(move |headers: axum::http::HeaderMap| page(Arc::clone(&auth), headers)),
        )
        .nest_service(
            "/pkg",
            tower_http::services::ServeDir::new(format!("{site_root}/pkg")),
        );
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    println!("http://{}/ (auth: {auth_url})", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}

/// One page: the request's session read (a failure renders signed out, with the typed
/// error logged), rendered, and handed to the page as `#app`'s data attributes.
#[cfg(feature = "ssr")]
async fn page(
    auth: std::sync::Arc<(better_auth_wasm::server::ServerClient, String)>,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    use axum::response::{Html, IntoResponse};
    use yew_ssr::app::{App, AppProps};

    let (client, auth_url) = &*auth;
    let cookie = headers
        .get(header::COOKIE)
        .and_then(|value| value.to_str().ok());
    let (rendered, set_cookies) = match client.get_session_json(cookie).await {
        Ok(read) => (Some(read.value), read.set_cookies),
        Err(err) => {
            eprintln!(
                "session read failed during render: {}: {}",
                err.code.as_str(),
                err.message
            );
            (None, Vec::new())
        }
    };
    // The props are made on the renderer's thread (AttrValue is not Send).
    let (url, json) = (auth_url.clone(), rendered.clone());
    let body = yew::ServerRenderer::<App>::with_props(move || AppProps {
        auth_url: url.into(),
        rendered: json.map(Into::into),
    })
    .render()
    .await;
    let attribute = |name: &str, value: &str| format!(" {name}=\"{}\"", escape(value));
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">\
         <title>better-auth-wasm: Yew SSR</title>\
         <script type=\"module\">import init, {{ hydrate }} from \"/pkg/yew_ssr.js\"; await init(); hydrate();</script>\
         </head><body><div id=\"app\"{}{}>{body}</div></body></html>",
        attribute("data-auth-url", auth_url),
        rendered
            .as_deref()
            .map(|json| attribute("data-session", json))
            .unwrap_or_default(),
    );
    let mut response = Html(html).into_response();
    for value in set_cookies {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// `text` as an HTML attribute value (between double quotes).
#[cfg(feature = "ssr")]
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Built without `ssr` (the browser half), there is no server.
#[cfg(not(feature = "ssr"))]
fn main() {}
