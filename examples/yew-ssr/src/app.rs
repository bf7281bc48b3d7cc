//! The app: the rendered session provided (`RenderedSessionProvider`, the same props on
//! both sides), then who is signed in.

use better_auth_wasm::yew::{use_auth, use_session, RenderedSessionProvider};
use better_auth_wasm::SessionStatus;
use yew::prelude::*;

/// What the server read for the page.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Better Auth's URL, for the browser's client.
    pub auth_url: AttrValue,
    /// The session as JSON text (`"null"`: signed out), or `None` when the read failed.
    pub rendered: Option<AttrValue>,
}

/// The app; in the browser it marks `<body data-hydrated>` once hydrated (for the
/// tests).
#[function_component]
pub fn App(props: &AppProps) -> Html {
    use_effect_with((), |_| {
        #[cfg(feature = "hydrate")]
        if let Some(body) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.body())
        {
            let _ = body.set_attribute("data-hydrated", "");
        }
    });
    html! {
        <main>
            <RenderedSessionProvider
                base_url={props.auth_url.clone()}
                rendered={props.rendered.clone()}
            >
                <Status />
            </RenderedSessionProvider>
        </main>
    }
}

/// Signed in (with a sign-out button), signed out, or loading (never painted here: the
/// store starts from the server's session).
#[function_component]
fn Status() -> Html {
    let auth = use_auth();
    match SessionStatus::of(&use_session()) {
        SessionStatus::Pending => html! { <p id="status">{ "Loading…" }</p> },
        SessionStatus::SignedOut => html! { <p id="status">{ "Signed out" }</p> },
        SessionStatus::SignedIn(data) => {
            let sign_out = Callback::from(move |_: MouseEvent| {
                if let Some(client) = auth.clone() {
                    yew::platform::spawn_local(async move {
                        let _ = client.sign_out().await;
                    });
                }
            });
            html! {
                <>
                    <p id="status">{ format!("Signed in as {}", data.user.name) }</p>
                    <button id="sign-out" onclick={sign_out}>{ "Sign out" }</button>
                </>
            }
        }
    }
}
