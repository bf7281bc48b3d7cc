//! JSON without a JSON library in the wasm: [`JsonView`], read access to a value the
//! browser's `JSON.parse` made, and [`JsonWriter`], which writes request bodies.
//!
//! The decoders in `crate::decode` are generic over [`JsonView`], so the same code runs
//! on `JsValue` in the browser and on `serde_json::Value` in native tests (captured
//! server responses). Keeping serde and `core::fmt` out of this path keeps the wasm small.

use crate::model::{Extra, Value};

/// How deep a field this crate keeps may nest (the server's own fields nest two or
/// three levels).
pub(crate) const MAX_DEPTH: usize = 64;

/// Read access to a parsed JSON value.
pub trait JsonView: Sized {
    /// The field `key` of an object; `None` when this is not an object, or the field is
    /// missing or `undefined`.
    fn field(&self, key: &str) -> Option<Self>;
    /// The string, if this is one.
    fn string(&self) -> Option<String>;
    /// The number, if this is one.
    fn number(&self) -> Option<f64>;
    /// The boolean, if this is one.
    fn boolean(&self) -> Option<bool>;
    /// True for `null`.
    fn is_null(&self) -> bool;
    /// The items, if this is an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The fields in order, if this is a plain object (not an array).
    fn entries(&self) -> Option<Vec<(String, Self)>>;

    /// This value as a [`Value`], to keep a field this crate has no name for. Below
    /// [`MAX_DEPTH`] levels it keeps `null`: recursion as deep as a hostile body can
    /// nest (JSON.parse takes 10,000 levels) would overflow the wasm stack.
    fn to_value(&self) -> Value {
        self.to_value_within(MAX_DEPTH)
    }

    /// [`JsonView::to_value`] with `depth` levels left.
    fn to_value_within(&self, depth: usize) -> Value {
        let Some(depth) = depth.checked_sub(1) else {
            return Value::Null;
        };
        if let Some(s) = self.string() {
            Value::String(s)
        } else if let Some(n) = self.number() {
            Value::Number(n)
        } else if let Some(b) = self.boolean() {
            Value::Bool(b)
        } else if let Some(items) = self.items() {
            Value::Array(items.iter().map(|i| i.to_value_within(depth)).collect())
        } else if let Some(entries) = self.entries() {
            Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value_within(depth)))
                    .collect(),
            )
        } else {
            Value::Null
        }
    }

    /// The fields of an object other than `known`, as [`Value`]s.
    fn extra(&self, known: &[&str]) -> Extra {
        self.entries()
            .unwrap_or_default()
            .into_iter()
            .filter(|(key, _)| !known.contains(&key.as_str()))
            .map(|(key, value)| (key, value.to_value()))
            .collect()
    }
}

impl JsonView for wasm_bindgen::JsValue {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        js_sys::Reflect::get(self, &Self::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined())
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn is_null(&self) -> bool {
        Self::is_null(self)
    }
    fn items(&self) -> Option<Vec<Self>> {
        // By index, as the transport reads its answer: one array import for both.
        js_sys::Array::is_array(self).then(|| {
            let array = js_sys::Array::from(self);
            (0..array.length()).map(|i| array.get(i)).collect()
        })
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        if !self.is_object() || js_sys::Array::is_array(self) {
            return None;
        }
        let object = js_sys::Object::from(self.clone());
        Some(
            js_sys::Object::keys(&object)
                .iter()
                .filter_map(|key| {
                    let value = js_sys::Reflect::get(self, &key).ok()?;
                    Some((key.as_string()?, value))
                })
                .collect(),
        )
    }
}

/// A whole parsed body a call works on: parsed from text, and its `list-sessions`
/// items marked as this device's or not.
pub trait JsonBody: JsonView {
    /// `text` parsed, or `None` when it is not JSON.
    fn parse(text: &str) -> Option<Self>;
    /// Sets `current` on each item of this array: whether its `token` is `current`.
    fn mark_current(&mut self, current: Option<&str>);
}

impl JsonBody for wasm_bindgen::JsValue {
    fn parse(text: &str) -> Option<Self> {
        js_sys::JSON::parse(text).ok()
    }
    fn mark_current(&mut self, current: Option<&str>) {
        // The items share their objects with this array: setting on them marks it.
        for item in self.items().unwrap_or_default() {
            let token = item.field("token").and_then(|t| t.string());
            let is_current = token.is_some() && token.as_deref() == current;
            let _ = js_sys::Reflect::set(&item, &"current".into(), &is_current.into());
        }
    }
}

#[cfg(any(test, all(feature = "server", not(target_arch = "wasm32"))))]
impl JsonBody for serde_json::Value {
    fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
    fn mark_current(&mut self, current: Option<&str>) {
        for item in self.as_array_mut().into_iter().flatten() {
            let token = item.field("token").and_then(|t| t.string());
            let is_current = token.is_some() && token.as_deref() == current;
            if let Some(object) = item.as_object_mut() {
                object.insert("current".into(), is_current.into());
            }
        }
    }
}

/// Whether two parsed bodies serialize alike (as JS strings compared by `===`: no copy
/// into the wasm), or are the same object: how a store tells an equal session.
pub fn same_json(a: &wasm_bindgen::JsValue, b: &wasm_bindgen::JsValue) -> bool {
    let text = |json: &wasm_bindgen::JsValue| {
        js_sys::JSON::stringify(json)
            .ok()
            .map(wasm_bindgen::JsValue::from)
    };
    a == b || text(a).is_some_and(|a| Some(a) == text(b))
}

/// serde_json's values: the native face (feature `server`) and native tests read the
/// server's answers through it.
#[cfg(any(test, all(feature = "server", not(target_arch = "wasm32"))))]
impl JsonView for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(String::from)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        Some(
            self.as_object()?
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        )
    }
}

/// Writes a flat JSON object: `{"key":value,...}`.
pub(crate) struct JsonWriter {
    out: String,
}

impl JsonWriter {
    pub fn new() -> Self {
        Self {
            out: String::from("{"),
        }
    }

    fn key(&mut self, key: &str) {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        push_string(&mut self.out, key);
        self.out.push(':');
    }

    /// Adds a string field.
    pub fn string(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        push_string(&mut self.out, value);
        self
    }

    /// Adds a string field when there is a value.
    pub fn opt_string(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.string(key, value),
            None => self,
        }
    }

    /// Adds a boolean field when there is a value.
    pub fn opt_bool(mut self, key: &str, value: Option<bool>) -> Self {
        if let Some(value) = value {
            self.key(key);
            self.out.push_str(if value { "true" } else { "false" });
        }
        self
    }

    pub fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

/// Appends `text` as a JSON string literal.
fn push_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                let code = c as usize;
                for nibble in [code >> 4, code & 0xf] {
                    out.push(char::from(HEX.get(nibble).copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn writes_json_that_round_trips_through_a_real_parser() {
        let nasty = "quote\" backslash\\ newline\n tab\t bell\u{7} zoë 名前 🎉";
        let text = JsonWriter::new()
            .string("name", nasty)
            .opt_string("missing", None)
            .opt_bool("rememberMe", Some(false))
            .opt_string("callbackURL", Some("/home"))
            .finish();
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["name"], nasty);
        assert_eq!(parsed["rememberMe"], false);
        assert_eq!(parsed["callbackURL"], "/home");
        assert!(parsed.get("missing").is_none());
        assert_eq!(JsonWriter::new().finish(), "{}");
    }

    #[test]
    fn unknown_values_are_kept_whole() {
        let json: serde_json::Value =
            serde_json::from_str(r#"{"id":"1","n":2.5,"list":[true,null,"x"],"obj":{"a":{}}}"#)
                .unwrap();
        let extra = json.extra(&["id"]);
        assert_eq!(extra.len(), 3);
        assert_eq!(extra.get("n"), Some(&Value::Number(2.5)));
        assert_eq!(
            extra.get("list"),
            Some(&Value::Array(vec![
                Value::Bool(true),
                Value::Null,
                Value::String("x".into())
            ]))
        );
        let obj = extra.get("obj").unwrap();
        assert_eq!(obj.get("a"), Some(&Value::Object(Extra::default())));
        assert_eq!(extra.get("id"), None);
    }

    #[test]
    fn a_field_nested_past_the_limit_is_cut_to_null_instead_of_overflowing_the_stack() {
        let nest = |levels: usize| {
            let mut value = serde_json::json!("leaf");
            for _ in 0..levels {
                value = serde_json::json!([value]);
            }
            serde_json::json!({ "id": "1", "deep": value })
        };
        let depth_of = |mut value: &Value| {
            let mut depth = 0;
            while let Value::Array(items) = value {
                depth += 1;
                value = match items.first() {
                    Some(item) => item,
                    None => break,
                };
            }
            (depth, value.clone())
        };
        let kept = nest(MAX_DEPTH - 1).extra(&["id"]);
        assert_eq!(
            depth_of(kept.get("deep").unwrap()),
            (MAX_DEPTH - 1, Value::String("leaf".into()))
        );
        let cut = nest(1_000).extra(&["id"]);
        assert_eq!(depth_of(cut.get("deep").unwrap()), (MAX_DEPTH, Value::Null));
    }
}
