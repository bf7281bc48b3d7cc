//! A small Leptos app on better-auth-wasm: sign in, show the user, list and revoke
//! sessions, sign out. Built for wasm in `make test` and driven by a browser test.
// Measuring without the auth client leaves the app's own items unused.
#![cfg_attr(feature = "without-auth", allow(dead_code, unused_imports))]

use better_auth_wasm::leptos::{provide_auth, use_auth, use_session_status};
use better_auth_wasm::{AuthClient, ListedSession, SessionData, SessionStatus, SignInEmail};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

fn main() {
    #[cfg(not(feature = "without-auth"))]
    leptos::mount::mount_to_body(App);
    #[cfg(feature = "without-auth")]
    leptos::mount::mount_to_body(
        || view! { <main><h1>"Leptos"</h1><p id="status">"Signed out"</p></main> },
    );
}

#[component]
fn App() -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let client = AuthClient::new(&origin);
    let problem = client.as_ref().err().map(|err| err.message.to_string());
    if let Ok(client) = client {
        provide_auth(client);
    }
    let status = use_session_status();
    view! {
        <main>
            <h1>"Leptos + better-auth-wasm"</h1>
            {problem.map(|message| view! { <p id="error">{message}</p> })}
            {move || match status.get() {
                SessionStatus::Pending => view! { <p id="status">"Loading…"</p> }.into_any(),
                SessionStatus::SignedOut => view! { <SignIn /> }.into_any(),
                SessionStatus::SignedIn(data) => view! { <Account data /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn SignIn() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let client = use_auth();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(client) = client.map(|c| c.get_value()) else {
            return;
        };
        let request = SignInEmail {
            email: email.get_untracked(),
            password: password.get_untracked(),
            ..SignInEmail::default()
        };
        message.set("Signing in…".into());
        spawn_local(async move {
            match client.sign_in_email(&request).await {
                Ok(_) => message.set(String::new()),
                Err(err) => message.set(format!("{}: {}", err.code.as_str(), err.message)),
            }
        });
    };
    view! {
        <form id="sign-in" on:submit=submit>
            <p id="status">"Signed out"</p>
            <input id="email" placeholder="email" prop:value=email
                on:input=move |ev| email.set(event_target_value(&ev)) />
            <input id="password" type="password" placeholder="password" prop:value=password
                on:input=move |ev| password.set(event_target_value(&ev)) />
            <button type="submit">"Sign in"</button>
            <p id="message">{move || message.get()}</p>
        </form>
    }
}

#[component]
fn Account(data: Arc<SessionData>) -> impl IntoView {
    let sessions = RwSignal::new(Vec::<ListedSession>::new());
    let note = RwSignal::new(String::from("Loading sessions…"));
    let client = use_auth();
    let load = move || {
        let Some(client) = client.map(|c| c.get_value()) else {
            return;
        };
        spawn_local(async move {
            match client.list_sessions().await {
                Ok(list) => {
                    note.set(format!("{} active session(s)", list.len()));
                    sessions.set(list);
                }
                Err(err) => note.set(err.message.to_string()),
            }
        });
    };
    load();
    let sign_out = move |_| {
        if let Some(client) = client.map(|c| c.get_value()) {
            spawn_local(async move {
                let _ = client.sign_out().await;
            });
        }
    };
    view! {
        <section>
            <p id="status">"Signed in as " {data.user.name.clone()}</p>
            <p id="sessions-note">{move || note.get()}</p>
            <ul id="sessions">
                {move || sessions.get().into_iter().map(|listed| {
                    let token = listed.session.token.clone();
                    let revoke = move |_| {
                        let token = token.clone();
                        if let Some(client) = client.map(|c| c.get_value()) {
                            spawn_local(async move {
                                if client.revoke_session(&token).await.is_ok() {
                                    load();
                                }
                            });
                        }
                    };
                    view! {
                        <li>
                            {listed.session.user_agent.clone().unwrap_or_default()}
                            {listed.current.then(|| view! { <strong>" This device"</strong> })}
                            <button on:click=revoke>"Revoke"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button id="sign-out" on:click=sign_out>"Sign out"</button>
        </section>
    }
}
