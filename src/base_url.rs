//! [`BaseUrl`]: the checked address of a Better Auth server's API, such as
//! `http://127.0.0.1:3000/api/auth`.
//!
//! Owns the validation of what the app passes to `AuthClient::new`; pure string work,
//! no URL crate in the wasm.

use crate::error::{AuthError, ErrorCode};

/// The path Better Auth serves its API under when the base URL names none.
pub const DEFAULT_BASE_PATH: &str = "/api/auth";

/// Where `byte` first is in `text`.
pub(crate) fn byte_at(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

/// An absolute http(s) URL of the auth API, without a trailing slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(String);

/// Unicode's White_Space characters (what `char::is_whitespace` answers), written out:
/// its lookup table costs the wasm about 300 B.
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

impl BaseUrl {
    /// Checks an app's base URL. Like better-auth's client, a URL with no path gets
    /// [`DEFAULT_BASE_PATH`]; a URL with a path is used as given.
    ///
    /// Fails with [`ErrorCode::InvalidBaseUrl`] for an empty or relative URL, a scheme
    /// other than http or https, a missing host, credentials (`user:pass@`), a port
    /// that is not a number up to 65535, whitespace, a query or a fragment.
    pub fn parse(input: &str) -> Result<Self, AuthError> {
        let invalid = || AuthError::local(ErrorCode::InvalidBaseUrl);
        let url = input.trim_matches(is_space);
        let scheme_len = ["http://", "https://"]
            .iter()
            .find(|scheme| {
                url.get(..scheme.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
            })
            .map(|scheme| scheme.len())
            .ok_or_else(invalid)?;
        let rest = url.get(scheme_len..).ok_or_else(invalid)?;
        if rest.is_empty()
            || rest
                .chars()
                .any(|c| is_space(c) || c.is_control() || c == '?' || c == '#' || c == '\\')
        {
            return Err(invalid());
        }
        // Byte searches (the characters sought are ASCII): char patterns cost the wasm.
        let (authority, path) = rest.split_at(byte_at(rest, b'/').unwrap_or(rest.len()));
        // No user:password@ (fetch refuses credentials in the URL), a host, and a port
        // (when given) that is a number a port can be.
        if authority.is_empty() || byte_at(authority, b'@').is_some() || authority.starts_with(':')
        {
            return Err(invalid());
        }
        let port = match authority.bytes().rposition(|b| b == b':') {
            Some(colon) if !authority.ends_with(']') => authority.get(colon + 1..),
            _ => None,
        };
        if let Some(port) = port {
            let value = port.bytes().try_fold(0_u32, |value, b| {
                b.is_ascii_digit()
                    .then(|| value * 10 + u32::from(b - b'0'))
                    .filter(|v| *v <= 65_535)
            });
            if port.is_empty() || value.is_none() {
                return Err(invalid());
            }
        }
        let end = path.bytes().rposition(|b| b != b'/').map_or(0, |at| at + 1);
        let path = path.get(..end).unwrap_or_default();
        let path = if path.is_empty() {
            DEFAULT_BASE_PATH
        } else {
            path
        };
        let mut base = String::with_capacity(scheme_len + authority.len() + path.len());
        base.push_str(
            &url.get(..scheme_len)
                .unwrap_or_default()
                .to_ascii_lowercase(),
        );
        base.push_str(authority);
        base.push_str(path);
        Ok(Self(base))
    }

    /// The base URL as a string, such as `http://127.0.0.1:3000/api/auth`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The URL of an endpoint path such as `/get-session`.
    pub fn endpoint(&self, path: &str) -> String {
        let mut url = String::with_capacity(self.0.len() + path.len());
        url.push_str(&self.0);
        url.push_str(path);
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_unicodes_white_space() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(super::is_space(c), c.is_whitespace(), "{:#x}", c as u32);
        }
    }

    #[test]
    fn adds_the_default_base_path_only_when_there_is_none() {
        let parse = |s: &str| BaseUrl::parse(s).map(|b| b.as_str().to_owned());
        assert_eq!(
            parse("http://127.0.0.1:3000"),
            Ok("http://127.0.0.1:3000/api/auth".into())
        );
        assert_eq!(
            parse(" HTTPS://auth.example.com/ "),
            Ok("https://auth.example.com/api/auth".into())
        );
        assert_eq!(
            parse("http://127.0.0.1:3000/custom/auth/"),
            Ok("http://127.0.0.1:3000/custom/auth".into())
        );
        assert_eq!(
            parse("http://[::1]:65535"),
            Ok("http://[::1]:65535/api/auth".into())
        );
        assert_eq!(parse("http://[::1]"), Ok("http://[::1]/api/auth".into()));
        let base = BaseUrl::parse("http://127.0.0.1:1").unwrap();
        assert_eq!(
            base.endpoint("/get-session"),
            "http://127.0.0.1:1/api/auth/get-session"
        );
    }

    #[test]
    fn rejects_urls_a_browser_could_not_reach_the_server_with() {
        for bad in [
            "",
            "   ",
            "/api/auth",
            "127.0.0.1:3000",
            "ftp://127.0.0.1",
            "http://",
            "http:///api/auth",
            "http://:3000",
            "http://exa mple.com",
            "http://127.0.0.1:3000/api?x=1",
            "http://127.0.0.1:3000/#top",
            "javascript:alert(1)",
            "http://user:secret@127.0.0.1:3000",
            "http://@127.0.0.1",
            "http://127.0.0.1:65536",
            "http://127.0.0.1:99999999999",
            "http://127.0.0.1:",
            "http://127.0.0.1:80a",
        ] {
            let err = BaseUrl::parse(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidBaseUrl, "{bad:?}");
            assert_eq!(err.status, 0);
        }
    }
}
