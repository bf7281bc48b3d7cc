//! The account flows Rust front-ends need beyond sessions: update the user, change the
//! password, reset a forgotten one, and the social sign-in URL. Each is one call through
//! [`AuthClient::send`], which does what the path means for the session store (an
//! updated user or a changed password reads the session again; other tabs follow).

use crate::client::AuthClient;
use crate::decode::{Decode, StatusResponse};
use crate::error::AuthError;
use crate::json::{JsonView, JsonWriter};
use crate::requests::{ChangePassword, SignInSocial, UpdateUser};
use crate::transport::Method;

/// Where to send the user for a social sign-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SocialSignIn {
    /// The provider's authorization URL: set `window.location` to it.
    pub url: String,
}

impl Decode for SocialSignIn {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        Some(Self {
            url: json.field("url")?.string()?,
        })
    }
}

impl AuthClient {
    /// The provider's sign-in URL for a social sign-in; go there
    /// (`window.location().set_href(&url)`), and the provider sends the user back to
    /// `callback_url` signed in. Nothing navigates by itself.
    pub async fn sign_in_social(&self, request: &SignInSocial) -> Result<SocialSignIn, AuthError> {
        self.send(Method::Post, "/sign-in/social", Some(request.to_json()))
            .await?
            .decode()
    }

    /// Changes the signed-in user's name or image. The store reads the session again
    /// (with the new user), and other tabs follow.
    pub async fn update_user(&self, request: &UpdateUser) -> Result<(), AuthError> {
        self.post_for_status("/update-user", Some(request.to_json()))
            .await
    }

    /// Changes the signed-in user's password (`INVALID_PASSWORD` when the current one
    /// is wrong). With `revoke_other_sessions`, every other device is signed out and
    /// this one continues on a new session. The store reads the session again.
    pub async fn change_password(&self, request: &ChangePassword) -> Result<(), AuthError> {
        self.send(Method::Post, "/change-password", Some(request.to_json()))
            .await
            .map(|_| ())
    }

    /// Asks the server to email a password-reset link to `email`; the link leads to
    /// `redirect_to` with a `token` in its query. The answer is the same whether or not
    /// the address has an account.
    pub async fn request_password_reset(
        &self,
        email: &str,
        redirect_to: Option<&str>,
    ) -> Result<(), AuthError> {
        let body = JsonWriter::new()
            .string("email", email)
            .opt_string("redirectTo", redirect_to)
            .finish();
        self.post_for_status("/request-password-reset", Some(body))
            .await
    }

    /// Sets a new password with the `token` of a reset link (`INVALID_TOKEN` when it
    /// expired or was used). The user then signs in with it.
    pub async fn reset_password(&self, new_password: &str, token: &str) -> Result<(), AuthError> {
        let body = JsonWriter::new()
            .string("newPassword", new_password)
            .string("token", token)
            .finish();
        self.send(Method::Post, "/reset-password", Some(body))
            .await?
            .decode::<StatusResponse>()
            .map(|_| ())
    }
}
