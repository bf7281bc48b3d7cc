//! Plain data the server sends: [`SessionData`], [`Session`], [`User`], the sign-in and
//! sign-up answers, and [`Timestamp`].
//!
//! Dates are parsed once, here, from the server's ISO-8601 strings. Fields this crate
//! does not know (plugins, `user.additionalFields`) are kept in `extra`, never rejected.
//! This module owns no I/O; `crate::decode` reads these from the server's JSON.

/// A point in time, as milliseconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The timestamp for this many milliseconds since the Unix epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// Milliseconds since the Unix epoch.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// Milliseconds since the epoch as JSON carries them: a whole or fractional number
    /// within the range of JavaScript dates (±8.64e15), else `None`.
    pub fn from_epoch_millis(millis: f64) -> Option<Self> {
        (millis.is_finite() && millis.abs() <= 8.64e15).then(|| Self(millis.floor() as i64))
    }

    /// Parses an ISO-8601 date and time with an offset:
    /// `YYYY-MM-DD(T|t| )HH:MM:SS[.fraction](Z|z|±HH:MM|±HHMM|±HH)`. Better Auth sends
    /// `2026-11-22T10:00:00.000Z`; the other offsets are what other serializers write.
    /// Returns `None` for anything else (a time without an offset is ambiguous).
    pub fn parse_iso8601(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let num = |from: usize, len: usize| -> Option<i64> {
            let digits = b.get(from..from + len)?;
            digits.iter().try_fold(0i64, |acc, &d| {
                d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0'))
            })
        };
        let sep_is = |at: usize, want: &[u8]| b.get(at).is_some_and(|c| want.contains(c));
        let separators_ok = sep_is(4, b"-")
            && sep_is(7, b"-")
            && sep_is(10, b"Tt ")
            && sep_is(13, b":")
            && sep_is(16, b":");
        if !separators_ok {
            return None;
        }
        let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
        let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
        if !(1..=12).contains(&month)
            || !(1..=days_in_month(year, month)).contains(&day)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let mut at = 19;
        let mut millis = 0i64;
        if sep_is(at, b".") {
            at += 1;
            let start = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                if at - start < 3 {
                    millis = millis * 10 + i64::from(b.get(at).copied().unwrap_or(b'0') - b'0');
                }
                at += 1;
            }
            let digits = at - start;
            if digits == 0 {
                return None;
            }
            for _ in digits..3 {
                millis *= 10;
            }
        }
        let offset_minutes = match b.get(at) {
            Some(b'Z' | b'z') if at + 1 == b.len() => 0,
            Some(sign @ (b'+' | b'-')) => {
                let minutes_at = match b.len() - at {
                    6 if sep_is(at + 3, b":") => Some(at + 4), // ±HH:MM
                    5 => Some(at + 3),                         // ±HHMM
                    3 => None,                                 // ±HH
                    _ => return None,
                };
                let hours = num(at + 1, 2)?;
                let minutes = match minutes_at {
                    Some(from) => num(from, 2)?,
                    None => 0,
                };
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let minutes = hours * 60 + minutes;
                if *sign == b'+' {
                    minutes
                } else {
                    -minutes
                }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
        Some(Self(seconds * 1_000 + millis))
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A JSON value of a field this crate does not know, kept as the server sent it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Extra),
}

/// JSON fields by name, in the order the server sent them: the fields of a user or
/// session this crate has no name for, or the fields of an unknown object.
///
/// A list, not a map: these are few, and a map would cost the wasm several KB.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extra(Vec<(String, Value)>);

impl Extra {
    /// The field named `key`, if there is one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The fields, in the server's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Self::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The field named `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(fields) => fields.get(key),
            _ => None,
        }
    }
}

/// A signed-in user.
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    /// The user's id.
    pub id: String,
    /// The user's email address.
    pub email: String,
    /// Whether the email address is verified.
    pub email_verified: bool,
    /// The user's display name.
    pub name: String,
    /// The user's avatar URL, if any.
    pub image: Option<String>,
    /// When the user was created.
    pub created_at: Timestamp,
    /// When the user was last updated.
    pub updated_at: Timestamp,
    /// Additional fields (`user.additionalFields`, plugins), kept as sent.
    pub extra: Extra,
}

/// One session of a user on one device.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The session's id.
    pub id: String,
    /// The session's token (the server's; this crate never stores it).
    pub token: String,
    /// The id of the session's user.
    pub user_id: String,
    /// When the session expires.
    pub expires_at: Timestamp,
    /// When the session was created.
    pub created_at: Timestamp,
    /// When the session was last updated.
    pub updated_at: Timestamp,
    /// The IP address the session was created from, if known.
    pub ip_address: Option<String>,
    /// The user agent the session was created from, if known.
    pub user_agent: Option<String>,
    /// Plugin fields, kept as sent.
    pub extra: Extra,
}

impl Session {
    /// Better Auth's freshness rule: the session is fresh while less than `fresh_age_secs`
    /// (the server's `session.freshAge`, default one day) have passed since it was created.
    /// Calls that need a fresh session fail with `SESSION_NOT_FRESH` otherwise: ask the
    /// user to sign in again first.
    pub fn is_fresh(&self, fresh_age_secs: u32, now: Timestamp) -> bool {
        fresh_age_secs == 0
            || now.as_millis() - self.created_at.as_millis() < i64::from(fresh_age_secs) * 1_000
    }
}

/// The server's default `session.freshAge`, in seconds (one day).
pub const DEFAULT_FRESH_AGE_SECS: u32 = 86_400;

/// One of the user's sessions, as [`crate::AuthClient::list_sessions`] returns them.
#[derive(Clone, Debug, PartialEq)]
pub struct ListedSession {
    /// The session.
    pub session: Session,
    /// True for this client's own session.
    pub current: bool,
}

/// What `get-session` returns for a signed-in client: the session and its user.
///
/// `U` is the user type: [`User`] (with custom fields in `user.extra`) unless the app
/// has its own, converted with [`SessionData::with_user`]:
///
/// ```
/// use better_auth_wasm::{SessionData, User};
///
/// /// An app's user, with the server's `role` additional field.
/// struct AppUser {
///     name: String,
///     role: String,
/// }
///
/// impl TryFrom<User> for AppUser {
///     type Error = &'static str;
///     fn try_from(user: User) -> Result<Self, Self::Error> {
///         let role = user.extra.get("role").and_then(|v| v.as_str()).ok_or("no role")?;
///         Ok(Self { role: role.to_owned(), name: user.name })
///     }
/// }
///
/// fn is_admin(data: SessionData) -> bool {
///     let typed: Result<SessionData<AppUser>, _> = data.with_user();
///     typed.is_ok_and(|d| d.user.role == "admin")
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SessionData<U = User> {
    /// The session.
    pub session: Session,
    /// Its user.
    pub user: U,
}

impl SessionData<User> {
    /// The same session with the user converted to the app's own type `U`.
    pub fn with_user<U: TryFrom<User>>(self) -> Result<SessionData<U>, U::Error> {
        Ok(SessionData {
            session: self.session,
            user: U::try_from(self.user)?,
        })
    }
}

/// What a successful sign-up returns.
#[derive(Clone, Debug, PartialEq)]
pub struct SignUpResponse {
    /// The new session's token, when the server signed the user in (it is also set as
    /// an HttpOnly cookie; this crate never stores it).
    pub token: Option<String>,
    /// The new user.
    pub user: User,
}

/// What a successful sign-in returns.
#[derive(Clone, Debug, PartialEq)]
pub struct SignInResponse {
    /// Whether the app should redirect to `url`.
    pub redirect: bool,
    /// The new session's token (also set as an HttpOnly cookie; never stored here).
    pub token: Option<String>,
    /// Where to redirect when `redirect` is true.
    pub url: Option<String>,
    /// The signed-in user.
    pub user: User,
}

/// What a successful sign-out returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOutResponse {
    /// True when the server ended the session.
    pub success: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_servers_dates() {
        assert_eq!(
            Timestamp::parse_iso8601("1970-01-01T00:00:00.000Z"),
            Some(Timestamp(0))
        );
        assert_eq!(
            Timestamp::parse_iso8601("2026-11-22T10:00:00.123Z").map(Timestamp::as_millis),
            Some(1_795_341_600_123)
        );
        assert_eq!(
            Timestamp::parse_iso8601("2024-02-29T23:59:59Z").map(Timestamp::as_millis),
            Some(1_709_251_199_000)
        );
        assert_eq!(
            Timestamp::parse_iso8601("2026-11-22T12:00:00.5+02:00").map(Timestamp::as_millis),
            Some(1_795_341_600_500)
        );
    }

    #[test]
    fn parses_the_offsets_other_serializers_write() {
        let at = Some(1_795_341_600_000);
        for text in [
            "2026-11-22T12:00:00+0200",
            "2026-11-22T12:00:00+02",
            "2026-11-22 07:30:00-0230",
            "2026-11-22t10:00:00.000000z",
            "2026-11-22T10:00:00.000000000+00:00",
        ] {
            assert_eq!(
                Timestamp::parse_iso8601(text).map(Timestamp::as_millis),
                at,
                "{text}"
            );
        }
        assert_eq!(
            Timestamp::from_epoch_millis(1_795_341_600_000.0),
            Some(Timestamp(1_795_341_600_000))
        );
        for bad in [f64::NAN, f64::INFINITY, 9e15, -9e15] {
            assert_eq!(Timestamp::from_epoch_millis(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_session_is_fresh_until_fresh_age_has_passed_since_creation() {
        let session = Session {
            id: "s".into(),
            token: "t".into(),
            user_id: "u".into(),
            expires_at: Timestamp(10_000_000),
            created_at: Timestamp(1_000_000),
            updated_at: Timestamp(5_000_000),
            ip_address: None,
            user_agent: None,
            extra: Extra::default(),
        };
        assert!(session.is_fresh(60, Timestamp(1_059_999)));
        assert!(!session.is_fresh(60, Timestamp(1_060_000)));
        assert!(
            session.is_fresh(0, Timestamp(i64::MAX / 2)),
            "0 turns the check off"
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "2026",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T10:00:00",
            "2026-11-22T10:00:00.Z",
            "2026-11-22T10:00:00Zjunk",
            "2026-11-22T10:00:00+2",
            "2026-11-22T10:00:00+24:00",
            "2026-11-22T10:00:00+02:60",
            "2026-11-22T10:00:00+02:0",
            "２026-11-22T10:00:00Z",
        ] {
            assert_eq!(Timestamp::parse_iso8601(bad), None, "{bad}");
        }
    }
}
