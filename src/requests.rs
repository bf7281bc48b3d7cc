//! Request bodies of the calls that take one: [`SignUpEmail`] and [`SignInEmail`].
//!
//! Plain data, serialized to the JSON names the server expects (camelCase,
//! `callbackURL`); fields left `None` are not sent.

use serde::Serialize;

/// Sign up with email and password.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignUpEmail {
    /// The new account's email address.
    pub email: String,
    /// The new account's password.
    pub password: String,
    /// The user's display name.
    pub name: String,
    /// The user's avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// `false` gives a session that ends with the browser session (default: remembered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remember_me: Option<bool>,
    /// Where the email verification link leads, if the server sends one.
    #[serde(rename = "callbackURL", skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

/// Sign in with email and password.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInEmail {
    /// The account's email address.
    pub email: String,
    /// The account's password.
    pub password: String,
    /// `false` gives a session that ends with the browser session (default: remembered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remember_me: Option<bool>,
    /// Where to go after sign-in, for flows that redirect.
    #[serde(rename = "callbackURL", skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_the_names_the_server_expects_and_omits_unset_fields() {
        let body = SignInEmail {
            email: "a@example.com".into(),
            password: "pw".into(),
            remember_me: Some(false),
            callback_url: Some("/home".into()),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"email":"a@example.com","password":"pw","rememberMe":false,"callbackURL":"/home"}"#
        );
        let bare = SignUpEmail {
            email: "a@example.com".into(),
            password: "pw".into(),
            name: "A".into(),
            ..SignUpEmail::default()
        };
        assert_eq!(
            serde_json::to_string(&bare).unwrap(),
            r#"{"email":"a@example.com","password":"pw","name":"A"}"#
        );
    }
}
