//! Request bodies of the calls that take one: [`SignUpEmail`], [`SignInEmail`],
//! [`SignInSocial`], [`UpdateUser`], [`ChangePassword`].
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

/// Sign in with a social provider configured on the server (`github`, `google`, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignInSocial {
    /// The provider's id, as configured in the server's `socialProviders`.
    pub provider: String,
    /// Where the provider sends the user back after sign-in.
    pub callback_url: Option<String>,
    /// Where to go when sign-in fails.
    pub error_callback_url: Option<String>,
    /// Where to go after the first sign-in of a new user.
    pub new_user_callback_url: Option<String>,
}

/// Changes to the signed-in user's profile; fields left `None` stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateUser {
    /// The new display name.
    pub name: Option<String>,
    /// The new avatar URL.
    pub image: Option<String>,
}

/// A new password for the signed-in user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangePassword {
    /// The password now.
    pub current_password: String,
    /// The new password.
    pub new_password: String,
    /// Also sign out every other device (this one gets a new session).
    pub revoke_other_sessions: bool,
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

impl SignInSocial {
    pub(crate) fn to_json(&self) -> String {
        JsonWriter::new()
            .string("provider", &self.provider)
            .opt_string("callbackURL", self.callback_url.as_deref())
            .opt_string("errorCallbackURL", self.error_callback_url.as_deref())
            .opt_string("newUserCallbackURL", self.new_user_callback_url.as_deref())
            // The URL comes back to the caller, who goes there.
            .opt_bool("disableRedirect", Some(true))
            .finish()
    }
}

impl UpdateUser {
    pub(crate) fn to_json(&self) -> String {
        JsonWriter::new()
            .opt_string("name", self.name.as_deref())
            .opt_string("image", self.image.as_deref())
            .finish()
    }
}

impl ChangePassword {
    pub(crate) fn to_json(&self) -> String {
        JsonWriter::new()
            .string("currentPassword", &self.current_password)
            .string("newPassword", &self.new_password)
            .opt_bool("revokeOtherSessions", Some(self.revoke_other_sessions))
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
        let social = SignInSocial {
            provider: "github".into(),
            callback_url: Some("/home".into()),
            ..SignInSocial::default()
        };
        assert_eq!(
            social.to_json(),
            r#"{"provider":"github","callbackURL":"/home","disableRedirect":true}"#
        );
        assert_eq!(UpdateUser::default().to_json(), "{}");
        let change = ChangePassword {
            current_password: "old".into(),
            new_password: "new".into(),
            revoke_other_sessions: true,
        };
        assert_eq!(
            change.to_json(),
            r#"{"currentPassword":"old","newPassword":"new","revokeOtherSessions":true}"#
        );
    }
}
