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

/// Flags of `get-session`. The server reads any value, even `false`, as true, so a flag
/// is sent only when set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GetSessionQuery {
    /// Read the session from the database, not the cookie cache (a revoked session can
    /// live on in the cache for its `maxAge`).
    pub disable_cookie_cache: bool,
    /// Do not extend the session's expiry on this read.
    pub disable_refresh: bool,
}

impl GetSessionQuery {
    pub(crate) fn path(self) -> &'static str {
        match (self.disable_cookie_cache, self.disable_refresh) {
            (false, false) => "/get-session",
            (true, false) => "/get-session?disableCookieCache=true",
            (false, true) => "/get-session?disableRefresh=true",
            (true, true) => "/get-session?disableCookieCache=true&disableRefresh=true",
        }
    }
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
    fn get_session_flags_are_sent_only_when_true() {
        assert_eq!(GetSessionQuery::default().path(), "/get-session");
        let both = GetSessionQuery {
            disable_cookie_cache: true,
            disable_refresh: true,
        };
        assert_eq!(
            both.path(),
            "/get-session?disableCookieCache=true&disableRefresh=true"
        );
        assert!(!GetSessionQuery {
            disable_refresh: true,
            ..GetSessionQuery::default()
        }
        .path()
        .contains("disableCookieCache"));
    }

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
