//! What a successful call to a path does to the session store ([`Effect::of`]): the
//! official client's list of paths (`matchesSessionSignal`), where sign-out, and
//! revoking this device's own session, sign out at once instead of re-reading.

/// What a successful call to a path does to the session store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Effect {
    /// Nothing (reads, and paths the store does not know).
    None,
    /// A session began: read it once, tell other tabs.
    SignedIn,
    /// A sign-in or sign-up: a session began when the answer carries a `token` (none
    /// when the server waits for email verification or a second factor).
    SignedInIfToken,
    /// This device's session ended: clear the data now, tell other tabs.
    SignedOut,
    /// The session or user changed: read it again past the cookie cache.
    Changed,
    /// A session was revoked by the token in this body field: signed out when it is
    /// this device's, else changed.
    Revoked(&'static str),
    /// A device session (multi-session) was revoked by the token in this body field:
    /// when it was the active one, signed out now and the server's next one read.
    DeviceRevoked(&'static str),
}

/// A path without its query string: what the rules match.
pub(crate) fn route(path: &str) -> &str {
    crate::base_url::byte_at(path, b'?')
        .and_then(|at| path.get(..at))
        .unwrap_or(path)
}

impl Effect {
    /// The effect of a successful call to `path` (its query string ignored).
    pub(crate) fn of(path: &str) -> Self {
        let path = route(path);
        match path {
            "/sign-out" | "/revoke-sessions" => Self::SignedOut,
            "/revoke-session" => Self::Revoked("token"),
            "/multi-session/revoke" => Self::DeviceRevoked("sessionToken"),
            "/multi-session/set-active" => Self::SignedIn,
            "/update-user"
            | "/update-session"
            | "/delete-user"
            | "/verify-email"
            | "/revoke-other-sessions"
            | "/change-email"
            | "/change-password" => Self::Changed,
            _ if path.starts_with("/sign-in/") || path.starts_with("/sign-up/") => {
                Self::SignedInIfToken
            }
            _ => Self::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_the_official_matcher_and_our_sign_out_rules() {
        assert_eq!(Effect::of("/sign-out"), Effect::SignedOut);
        assert_eq!(Effect::of("/revoke-sessions"), Effect::SignedOut);
        assert_eq!(Effect::of("/revoke-session"), Effect::Revoked("token"));
        assert_eq!(Effect::of("/sign-in/email"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/sign-up/email"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/sign-in/username"), Effect::SignedInIfToken);
        assert_eq!(Effect::of("/multi-session/set-active"), Effect::SignedIn);
        for changed in [
            "/update-user",
            "/update-session",
            "/delete-user",
            "/verify-email",
            "/revoke-other-sessions",
            "/change-email",
            "/change-password",
        ] {
            assert_eq!(Effect::of(changed), Effect::Changed, "{changed}");
        }
        assert_eq!(Effect::of("/get-session?disableRefresh=true"), Effect::None);
        assert_eq!(Effect::of("/list-sessions"), Effect::None);
        assert_eq!(Effect::of("/sign-in"), Effect::None);
    }

    #[test]
    fn rules_match_the_path_without_its_query() {
        assert_eq!(route("/list-sessions?limit=5"), "/list-sessions");
        assert_eq!(route("/revoke-session"), "/revoke-session");
        assert_eq!(Effect::of("/revoke-session?x=1"), Effect::Revoked("token"));
    }
}
