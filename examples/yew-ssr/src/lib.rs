//! A Yew app rendered by the server and hydrated in the browser, on better-auth-wasm.
//! The server (`ssr`, src/main.rs) reads the request's session from Better Auth, renders
//! with it, and hands it to the page as the root element's data attributes; the browser
//! (`hydrate`) hydrates with the same props, so its store starts from that session: the
//! first paint is the signed-in view, and the browser makes no `get-session` request.

pub mod app;

/// The browser's entry point: hydrates `#app` with the props the server rendered it
/// with (`data-auth-url`, and `data-session` when the server could read the session).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"));
    if let Some(root) = root {
        let props = app::AppProps {
            auth_url: root
                .get_attribute("data-auth-url")
                .unwrap_or_default()
                .into(),
            rendered: root.get_attribute("data-session").map(Into::into),
        };
        yew::Renderer::<app::App>::with_root_and_props(root, props).hydrate();
    }
}
