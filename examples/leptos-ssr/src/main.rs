//! The server half: axum and leptos_axum render each page with the session Better Auth
//! reads from the request's cookies (src/app.rs), and serve the browser half from the
//! site's `pkg/` directory.
//!   AUTH_URL          Better Auth's origin, for the server and the browser (default
//!                     http://127.0.0.1:3000)
//!   PORT              this server's port (default 3001)
//!   AUTH_TIMEOUT_MS   how long a render waits for Better Auth (default 3000)
//!   LEPTOS_SITE_ROOT  the built site (default target/site, as cargo-leptos makes it)

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    use axum::Router;
    use leptos::prelude::*;
    use leptos_axum::{generate_route_list, LeptosRoutes};
    use leptos_ssr::app::{shell, App, AuthServer};

    let auth_url = std::env::var("AUTH_URL").unwrap_or_else(|_| "http://127.0.0.1:3000".into());
    let port = std::env::var("PORT").unwrap_or_else(|_| "3001".into());
    let site_root = std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into());
    let options = LeptosOptions::builder()
        .output_name("leptos_ssr")
        .site_root(site_root.as_str())
        .site_pkg_dir("pkg")
        .build();
    let timeout = std::env::var("AUTH_TIMEOUT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .unwrap_or(3000);
    let auth = AuthServer::new(&auth_url, std::time::Duration::from_millis(timeout))?;
    let routes = generate_route_list(App);
    let app = Router::new()
        .leptos_routes_with_context(&options, routes, move || provide_context(auth.clone()), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .nest_service(
            "/pkg",
            tower_http::services::ServeDir::new(format!("{site_root}/pkg")),
        )
        .with_state(options);
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    println!("http://{}/ (auth: {auth_url})", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}

/// Built without `ssr` (the browser half), there is no server.
#[cfg(not(feature = "ssr"))]
fn main() {}
