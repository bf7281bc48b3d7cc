//! A Leptos SSR plus hydrate app on better-auth-wasm. The server (`ssr`, src/main.rs)
//! reads the request's session from Better Auth while rendering and the page carries it
//! to the browser, whose store starts from it (`hydrate`): the first paint is the
//! signed-in view, and the browser makes no `get-session` request.

pub mod app;

/// The browser's entry point: hydrates the server-rendered body, then marks it
/// (`<body data-hydrated>`, for the tests).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(app::App);
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "");
    }
}
