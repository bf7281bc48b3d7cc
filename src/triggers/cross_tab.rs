//! [`CrossTab`]: messages between tabs of one origin.
//!
//! Our tabs talk over a `BroadcastChannel` named after the API's base URL. To
//! interoperate with tabs running the official client, sign-in, sign-out and updates
//! are also written to, and read from, its localStorage key `better-auth.message`.
//! No message ever carries a token or session data.

use super::page::STORAGE_KEY;
use crate::store::TabMessage;
use js_sys::{Reflect, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};
/// Our marker in `clientId`: our tabs also hear each other on the channel, so they skip
/// these storage messages.
const CLIENT_ID_PREFIX: &str = "better-auth-wasm:";

fn encode(message: TabMessage) -> &'static str {
    match message {
        TabMessage::SignedIn => "signed-in",
        TabMessage::SignedOut => "signed-out",
        TabMessage::Updated => "updated",
        TabMessage::Fetching => "fetching",
        TabMessage::Changed => "changed",
    }
}

fn decode(text: &str) -> Option<TabMessage> {
    Some(match text {
        "signed-in" => TabMessage::SignedIn,
        "signed-out" => TabMessage::SignedOut,
        "updated" => TabMessage::Updated,
        "fetching" => TabMessage::Fetching,
        "changed" => TabMessage::Changed,
        _ => return None,
    })
}

/// The official client's `trigger` for our message, when it has one.
fn official_trigger(message: TabMessage) -> Option<&'static str> {
    match message {
        TabMessage::SignedOut => Some("signout"),
        TabMessage::SignedIn => Some("getSession"),
        TabMessage::Updated => Some("updateUser"),
        TabMessage::Fetching | TabMessage::Changed => None,
    }
}

/// Reads a `better-auth.message` value written by another client's tab (the page's
/// storage listener, shared by every client, hands it over).
pub(crate) fn from_official(value: &str) -> Option<TabMessage> {
    let parsed = JSON::parse(value).ok()?;
    let get = |v: &JsValue, k: &str| Reflect::get(v, &JsValue::from_str(k)).ok();
    if get(&parsed, "event")?.as_string()? != "session" {
        return None;
    }
    let client_id = get(&parsed, "clientId").and_then(|v| v.as_string());
    if client_id.is_some_and(|id| id.starts_with(CLIENT_ID_PREFIX)) {
        return None;
    }
    match get(&get(&parsed, "data")?, "trigger")?
        .as_string()?
        .as_str()
    {
        "signout" => Some(TabMessage::SignedOut),
        _ => Some(TabMessage::Updated),
    }
}

/// The channel and the id this tab writes as `clientId`.
pub(crate) struct CrossTab {
    channel: Option<BroadcastChannel>,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    client_id: String,
}

impl CrossTab {
    /// Joins the channel for `base_url`; `receive` gets each message from another tab
    /// (the official client's come through the page's storage listener).
    pub fn install(base_url: &str, receive: impl Fn(TabMessage) + Clone + 'static) -> Self {
        let mut name = String::from(CLIENT_ID_PREFIX);
        name.push_str(base_url);
        let channel = BroadcastChannel::new(&name).ok();
        let on_message = channel.as_ref().map(|channel| {
            let receive = receive.clone();
            let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(message) = event.data().as_string().as_deref().and_then(decode) {
                    receive(message);
                }
            });
            channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
            closure
        });
        let mut client_id = String::from(CLIENT_ID_PREFIX);
        let random = (js_sys::Math::random() * 1e15).floor();
        if let Ok(text) = js_sys::Number::from(random).to_string_with_radix(36) {
            client_id.push_str(&String::from(&text));
        }
        Self {
            channel,
            _on_message: on_message,
            client_id,
        }
    }

    /// Tells the other tabs: ours on the channel, the official client's through
    /// localStorage for the messages it knows.
    pub fn send(&self, message: TabMessage) {
        if let Some(channel) = &self.channel {
            let _ = channel.post_message(&JsValue::from_str(encode(message)));
        }
        let Some(trigger) = official_trigger(message) else {
            return;
        };
        let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return;
        };
        let payload = js_sys::Object::new();
        let data = js_sys::Object::new();
        let set = |o: &js_sys::Object, k: &str, v: JsValue| {
            let _ = Reflect::set(o, &JsValue::from_str(k), &v);
        };
        set(&data, "trigger", JsValue::from_str(trigger));
        set(&payload, "event", JsValue::from_str("session"));
        set(&payload, "data", data.into());
        set(&payload, "clientId", JsValue::from_str(&self.client_id));
        set(
            &payload,
            "timestamp",
            JsValue::from_f64(js_sys::Date::now()),
        );
        if let Some(text) = JSON::stringify(&payload).ok().and_then(|t| t.as_string()) {
            let _ = storage.set_item(STORAGE_KEY, &text);
        }
    }
}

impl Drop for CrossTab {
    fn drop(&mut self) {
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
    }
}
