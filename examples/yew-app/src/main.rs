//! A small Yew app on better-auth-wasm: sign in, show the user, list and revoke
//! sessions, sign out. Built for wasm in `make test` and driven by a browser test.
// Measuring without the auth client leaves the app's own items unused.
#![cfg_attr(feature = "without-auth", allow(dead_code, unused_imports))]

use better_auth_wasm::yew::{use_auth, use_session, AuthProvider};
use better_auth_wasm::{AuthClient, ListedSession, SessionData, SessionStatus, SignInEmail};
use std::sync::Arc;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn main() {
    #[cfg(not(feature = "without-auth"))]
    yew::Renderer::<App>::new().render();
    #[cfg(feature = "without-auth")]
    yew::Renderer::<Bare>::new().render();
}

/// The same framework with no auth client (feature `without-auth`), for measuring what
/// the integration adds (scripts/integration-bytes.sh).
#[cfg(feature = "without-auth")]
#[function_component]
fn Bare() -> Html {
    html! { <main><h1>{ "Yew" }</h1><p id="status">{ "Signed out" }</p></main> }
}

#[function_component]
fn App() -> Html {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let client = use_memo((), move |_| AuthClient::new(&origin));
    match &*client {
        Ok(client) => html! {
            <main>
                <h1>{ "Yew + better-auth-wasm" }</h1>
                <AuthProvider client={client.clone()}><Home /></AuthProvider>
            </main>
        },
        Err(err) => html! { <p id="error">{ err.message.to_string() }</p> },
    }
}

#[function_component]
fn Home() -> Html {
    match SessionStatus::of(&use_session()) {
        SessionStatus::Pending => html! { <p id="status">{ "Loading…" }</p> },
        SessionStatus::SignedOut => html! { <SignIn /> },
        SessionStatus::SignedIn(data) => html! { <Account {data} /> },
    }
}

#[function_component]
fn SignIn() -> Html {
    let client = use_auth();
    let email = use_node_ref();
    let password = use_node_ref();
    let message = use_state(String::new);
    let onsubmit = {
        let (email, password, message) = (email.clone(), password.clone(), message.clone());
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let value = |node: &NodeRef| {
                node.cast::<HtmlInputElement>()
                    .map(|input| input.value())
                    .unwrap_or_default()
            };
            let request = SignInEmail {
                email: value(&email),
                password: value(&password),
                ..SignInEmail::default()
            };
            let (Some(client), message) = (client.clone(), message.clone()) else {
                return;
            };
            message.set("Signing in…".into());
            spawn_local(async move {
                match client.sign_in_email(&request).await {
                    Ok(_) => message.set(String::new()),
                    Err(err) => message.set(format!("{}: {}", err.code.as_str(), err.message)),
                }
            });
        })
    };
    html! {
        <form id="sign-in" {onsubmit}>
            <p id="status">{ "Signed out" }</p>
            <input id="email" placeholder="email" ref={email} />
            <input id="password" type="password" placeholder="password" ref={password} />
            <button type="submit">{ "Sign in" }</button>
            <p id="message">{ (*message).clone() }</p>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct AccountProps {
    data: Arc<SessionData>,
}

#[function_component]
fn Account(props: &AccountProps) -> Html {
    let client = use_auth();
    let sessions = use_state(Vec::<ListedSession>::new);
    let note = use_state(|| String::from("Loading sessions…"));
    let reload = use_state(|| 0u32);
    {
        let (client, sessions, note) = (client.clone(), sessions.clone(), note.clone());
        use_effect_with(*reload, move |_| {
            if let Some(client) = client {
                spawn_local(async move {
                    match client.list_sessions().await {
                        Ok(list) => {
                            note.set(format!("{} active session(s)", list.len()));
                            sessions.set(list);
                        }
                        Err(err) => note.set(err.message.to_string()),
                    }
                });
            }
        });
    }
    let sign_out = {
        let client = client.clone();
        Callback::from(move |_| {
            if let Some(client) = client.clone() {
                spawn_local(async move {
                    let _ = client.sign_out().await;
                });
            }
        })
    };
    let items = sessions.iter().map(|listed| {
        let token = listed.session.token.clone();
        let (client, reload) = (client.clone(), reload.clone());
        let revoke = Callback::from(move |_| {
            let (token, reload) = (token.clone(), reload.clone());
            if let Some(client) = client.clone() {
                spawn_local(async move {
                    if client.revoke_session(&token).await.is_ok() {
                        reload.set(*reload + 1);
                    }
                });
            }
        });
        html! {
            <li>
                { listed.session.user_agent.clone().unwrap_or_default() }
                if listed.current { <strong>{ " This device" }</strong> }
                <button onclick={revoke}>{ "Revoke" }</button>
            </li>
        }
    });
    html! {
        <section>
            <p id="status">{ format!("Signed in as {}", props.data.user.name) }</p>
            <p id="sessions-note">{ (*note).clone() }</p>
            <ul id="sessions">{ for items }</ul>
            <button id="sign-out" onclick={sign_out}>{ "Sign out" }</button>
        </section>
    }
}
