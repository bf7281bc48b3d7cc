//! Request bodies of the calls that take one: [`SignUpEmail`] and [`SignInEmail`].
//!
//! Plain data, written as the JSON the server expects (camelCase, `callbackURL`);
//! fields left `None` are not sent.

use crate::json::JsonWriter;

/// Sign up with email and password.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignUpEmail {
    /// The new account's email address.
    pub email: String,
    /// The new account's password.
    pub password: String,
    /// The user's display name.
    pub name: String,
    /// The user's avatar URL.
    pub image: Option<String>,
    /// `false` gives a session that ends with the browser session (default: remembered).
    pub remember_me: Option<bool>,
    /// Where the email verification link leads, if the server sends one.
    pub callback_url: Option<String>,
}

/// Sign in with email and password.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignInEmail {
    /// The account's email address.
    pub email: String,
    /// The account's password.
    pub password: String,
    /// `false` gives a session that ends with the browser session (default: remembered).
    pub remember_me: Option<bool>,
    /// Where to go after sign-in, for flows that redirect.
    pub callback_url: Option<String>,
}

impl SignUpEmail {
    pub(crate) fn to_json(&self) -> String {
        JsonWriter::new()
            .string("email", &self.email)
            .string("password", &self.password)
            .string("name", &self.name)
            .opt_string("image", self.image.as_deref())
            .opt_bool("rememberMe", self.remember_me)
            .opt_string("callbackURL", self.callback_url.as_deref())
            .finish()
    }
}

impl SignInEmail {
    pub(crate) fn to_json(&self) -> String {
        JsonWriter::new()
            .string("email", &self.email)
            .string("password", &self.password)
            .opt_bool("rememberMe", self.remember_me)
            .opt_string("callbackURL", self.callback_url.as_deref())
            .finish()
    }
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
            body.to_json(),
            r#"{"email":"a@example.com","password":"pw","rememberMe":false,"callbackURL":"/home"}"#
        );
        let bare = SignUpEmail {
            email: "a@example.com".into(),
            password: "pw".into(),
            name: "A".into(),
            ..SignUpEmail::default()
        };
        assert_eq!(
            bare.to_json(),
            r#"{"email":"a@example.com","password":"pw","name":"A"}"#
        );
    }
}
