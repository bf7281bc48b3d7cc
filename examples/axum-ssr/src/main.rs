//! Server-side rendering with the right user: each request's `Cookie` header is
//! forwarded to Better Auth, so the first HTML already shows who is signed in (no flash
//! on hydration), and any `Set-Cookie` Better Auth answers with (a session renewed by
//! `updateAge`) goes back to the browser with the page. `AUTH_URL` is the Better Auth
//! server (default http://127.0.0.1:3000), `PORT` this server's port (default 4000).

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;
use better_auth_wasm::server::ServerClient;
use std::sync::Arc;

async fn page(auth: Arc<ServerClient>, headers: HeaderMap) -> impl IntoResponse {
    let cookie = headers.get(header::COOKIE).and_then(|v| v.to_str().ok());
    let mut cookies = HeaderMap::new();
    let body = match auth.get_session(cookie).await {
        Ok(read) => {
            for value in &read.set_cookies {
                if let Ok(value) = HeaderValue::from_str(value) {
                    cookies.append(header::SET_COOKIE, value);
                }
            }
            match read.value {
                Some(data) => format!(
                    "<p id=\"status\">Signed in as {}</p>",
                    escape(&data.user.name)
                ),
                None => "<p id=\"status\">Signed out</p>".to_string(),
            }
        }
        // Better Auth unreachable or failing: render signed out, say why.
        Err(err) => format!(
            "<p id=\"status\">Signed out</p><p id=\"error\">{}: {}</p>",
            err.code.as_str(),
            escape(&err.message)
        ),
    };
    (
        cookies,
        Html(format!("<!doctype html><title>SSR</title>{body}")),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let auth_url = std::env::var("AUTH_URL").unwrap_or_else(|_| "http://127.0.0.1:3000".into());
    let port = std::env::var("PORT").unwrap_or_else(|_| "4000".into());
    let auth = Arc::new(ServerClient::new(&auth_url)?);
    let app = Router::new().route("/", get(move |headers| page(auth.clone(), headers)));
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    println!("http://127.0.0.1:{port}/ (auth: {auth_url})");
    axum::serve(listener, app).await?;
    Ok(())
}
