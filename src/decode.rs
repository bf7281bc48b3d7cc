//! Reading the server's JSON into the model types: [`Decode`], implemented once over
//! [`JsonView`] for the browser and for native tests.
//!
//! A body of the wrong shape decodes to `None`, which the transport reports as
//! `INVALID_RESPONSE`. Unknown fields are kept in `extra`; missing optional ones are
//! `None`.

use crate::json::JsonView;
use crate::model::{
    ListedSession, Session, SessionData, SignInResponse, SignOutResponse, SignUpResponse,
    Timestamp, User,
};

/// A type read from the server's JSON.
pub trait Decode: Sized {
    /// The value, or `None` when the JSON does not have its shape.
    fn decode<J: JsonView>(json: &J) -> Option<Self>;

    /// Whether `json` stands for no value where one may be absent (`Option<Self>`):
    /// `null`.
    fn absent<J: JsonView>(json: &J) -> bool {
        json.is_null()
    }
}

fn string<J: JsonView>(json: &J, key: &str) -> Option<String> {
    json.field(key)?.string()
}

/// A field that may be missing or `null`; present, it must be a string.
fn opt_string<J: JsonView>(json: &J, key: &str) -> Option<Option<String>> {
    match json.field(key) {
        None => Some(None),
        Some(value) if value.is_null() => Some(None),
        Some(value) => value.string().map(Some),
    }
}

/// A date: an ISO-8601 string (see [`Timestamp::parse_iso8601`]) or a number of
/// milliseconds since the epoch (what a server's own serializer may send instead).
fn time<J: JsonView>(json: &J, key: &str) -> Option<Timestamp> {
    let value = json.field(key)?;
    match value.number() {
        Some(millis) => Timestamp::from_epoch_millis(millis),
        None => Timestamp::parse_iso8601(&value.string()?),
    }
}

const USER_FIELDS: &[&str] = &[
    "id",
    "email",
    "emailVerified",
    "name",
    "image",
    "createdAt",
    "updatedAt",
];

impl Decode for User {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        Some(Self {
            id: string(json, "id")?,
            email: string(json, "email")?,
            email_verified: match json.field("emailVerified") {
                None => false,
                Some(value) => value.boolean()?,
            },
            name: string(json, "name")?,
            image: opt_string(json, "image")?,
            created_at: time(json, "createdAt")?,
            updated_at: time(json, "updatedAt")?,
            extra: json.extra(USER_FIELDS),
        })
    }
}

const SESSION_FIELDS: &[&str] = &[
    "id",
    "token",
    "userId",
    "expiresAt",
    "createdAt",
    "updatedAt",
    "ipAddress",
    "userAgent",
];

impl Decode for Session {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        Some(Self {
            id: string(json, "id")?,
            token: string(json, "token")?,
            user_id: string(json, "userId")?,
            expires_at: time(json, "expiresAt")?,
            created_at: time(json, "createdAt")?,
            updated_at: time(json, "updatedAt")?,
            ip_address: opt_string(json, "ipAddress")?,
            user_agent: opt_string(json, "userAgent")?,
            extra: json.extra(SESSION_FIELDS),
        })
    }
}

/// An item of `list-sessions` after `AuthClient::send` marked it: `current` is this
/// crate's field, not the server's, so it is not kept in `extra`.
impl Decode for ListedSession {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        let mut session = Session::decode(json)?;
        session.extra = session
            .extra
            .iter()
            .filter(|(key, _)| *key != "current")
            .map(|(key, value)| (key.to_owned(), value.clone()))
            .collect();
        Some(Self {
            current: json.field("current").and_then(|c| c.boolean()) == Some(true),
            session,
        })
    }
}

impl Decode for SessionData {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        Some(Self {
            session: Session::decode(&json.field("session")?)?,
            user: User::decode(&json.field("user")?)?,
        })
    }

    /// Signed out: `null`, or `{session: null, ...}` (`{session: null, user: null}`), as
    /// the official client reads them.
    fn absent<J: JsonView>(json: &J) -> bool {
        json.is_null()
            || json
                .field("session")
                .is_some_and(|session| session.is_null())
    }
}

/// What the session store needs of a `get-session` answer: this device's session token
/// and when the session expires (the npm face's store keeps the rest as the server's
/// JSON; a call checking whose session it revokes needs only the token).
#[derive(Clone, Debug, PartialEq)]
pub struct SessionKey {
    /// This device's session token (`session.token`).
    pub token: String,
    /// When the session expires (`session.expiresAt`).
    pub expires_at: Timestamp,
}

impl Decode for SessionKey {
    /// `{session: {token, expiresAt, ...}, user: {id, ...}}`.
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        let session = json.field("session")?;
        string(&json.field("user")?, "id")?;
        Some(Self {
            token: string(&session, "token")?,
            expires_at: time(&session, "expiresAt")?,
        })
    }

    fn absent<J: JsonView>(json: &J) -> bool {
        SessionData::absent(json)
    }
}

/// `None` when `T` says the JSON stands for none (`null`); anything else must decode.
impl<T: Decode> Decode for Option<T> {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        if T::absent(json) {
            Some(None)
        } else {
            T::decode(json).map(Some)
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        json.items()?.iter().map(T::decode).collect()
    }
}

impl Decode for SignUpResponse {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        Some(Self {
            token: opt_string(json, "token")?,
            user: User::decode(&json.field("user")?)?,
        })
    }
}

impl Decode for SignInResponse {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        Some(Self {
            redirect: json
                .field("redirect")
                .and_then(|v| v.boolean())
                .unwrap_or(false),
            token: opt_string(json, "token")?,
            url: opt_string(json, "url")?,
            user: User::decode(&json.field("user")?)?,
        })
    }
}

/// `{status: true}`, the answer of the revoke calls.
pub(crate) struct StatusResponse;

impl Decode for StatusResponse {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        json.field("status")?.boolean()?.then_some(Self)
    }
}

impl Decode for SignOutResponse {
    fn decode<J: JsonView>(json: &J) -> Option<Self> {
        Some(Self {
            success: json.field("success")?.boolean()?,
        })
    }
}

#[cfg(test)]
mod tests {
    //! On responses captured from the real test server (`tests/fixtures/`, re-captured
    //! by `make fixtures`).
    use super::*;
    use crate::error::{AuthError, ErrorCode};
    use crate::model::Value;

    fn fixture(name: &str) -> serde_json::Value {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap()
    }

    /// How the transport turns a non-2xx JSON body into an error.
    fn error_from(status: u16, status_text: &str, body: &serde_json::Value) -> AuthError {
        AuthError::from_response(
            status,
            status_text.into(),
            body.field("code").and_then(|v| v.string()),
            body.field("message").and_then(|v| v.string()),
        )
    }

    #[test]
    fn signed_out_get_session_is_null() {
        let parsed = Option::<SessionData>::decode(&fixture("get-session-signed-out.json"));
        assert_eq!(parsed, Some(None));
    }

    #[test]
    fn an_answer_without_a_session_is_signed_out() {
        for text in [r#"{"session":null,"user":null}"#, r#"{"session":null}"#] {
            let json: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(Option::<SessionData>::decode(&json), Some(None), "{text}");
        }
        for text in [r#"{"session":42,"user":[]}"#, r#""text""#, "[]", "{}"] {
            let json: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                Option::<SessionData>::decode(&json),
                None,
                "not a session answer: {text}"
            );
        }
    }

    #[test]
    fn get_session_gives_typed_session_and_user() {
        let data = SessionData::decode(&fixture("get-session.json")).unwrap();
        assert_eq!(data.user.email, "fixture@example.com");
        assert_eq!(data.user.name, "Fixture User");
        assert!(!data.user.email_verified);
        assert_eq!(data.user.image, None);
        assert_eq!(data.session.user_id, data.user.id);
        assert_eq!(data.session.user_agent.as_deref(), Some("node"));
        // Sessions last 7 days by default.
        let lifetime = data.session.expires_at.as_millis() - data.session.created_at.as_millis();
        assert!((lifetime - 7 * 86_400_000).abs() < 1_000, "{lifetime}");
        assert!(data.session.created_at > Timestamp::from_millis(1_700_000_000_000));
        assert!(data.user.extra.is_empty() && data.session.extra.is_empty());
    }

    #[test]
    fn a_date_sent_as_epoch_milliseconds_or_with_another_offset_is_read() {
        let mut json = fixture("get-session.json");
        let expected = SessionData::decode(&json).unwrap().session.expires_at;
        json["session"]["expiresAt"] = serde_json::json!(expected.as_millis());
        assert_eq!(
            SessionData::decode(&json).map(|d| d.session.expires_at),
            Some(expected)
        );
        json["session"]["expiresAt"] = serde_json::json!("1970-01-01T01:00:00+0100");
        assert_eq!(
            SessionData::decode(&json).map(|d| d.session.expires_at),
            Some(Timestamp::from_millis(0))
        );
        json["session"]["expiresAt"] = serde_json::json!("next tuesday");
        assert_eq!(
            SessionData::decode(&json),
            None,
            "not a date: INVALID_RESPONSE"
        );
    }

    #[test]
    fn unknown_fields_are_kept_not_rejected() {
        let mut json = fixture("get-session.json");
        json["user"]["role"] = "admin".into();
        json["user"]["prefs"] = serde_json::json!({"theme": "dark", "beta": [1, true, null]});
        json["session"]["activeOrganizationId"] = serde_json::Value::Null;
        let data = SessionData::decode(&json).unwrap();
        assert_eq!(
            data.user.extra.get("role").and_then(Value::as_str),
            Some("admin")
        );
        let prefs = data.user.extra.get("prefs").unwrap();
        assert_eq!(
            prefs.get("beta"),
            Some(&Value::Array(vec![
                Value::Number(1.0),
                Value::Bool(true),
                Value::Null
            ]))
        );
        assert_eq!(prefs.get("theme").and_then(Value::as_str), Some("dark"));
        assert_eq!(
            data.session.extra.get("activeOrganizationId"),
            Some(&Value::Null)
        );
    }

    #[test]
    fn an_apps_own_user_type_comes_from_the_extra_fields() {
        #[derive(Debug, PartialEq)]
        struct AppUser {
            email: String,
            role: String,
        }
        impl TryFrom<User> for AppUser {
            type Error = ();
            fn try_from(user: User) -> Result<Self, ()> {
                let role = user.extra.get("role").and_then(Value::as_str).ok_or(())?;
                Ok(Self {
                    email: user.email,
                    role: role.into(),
                })
            }
        }
        let mut json = fixture("get-session.json");
        json["user"]["role"] = "admin".into();
        let typed: SessionData<AppUser> = SessionData::decode(&json).unwrap().with_user().unwrap();
        assert_eq!(typed.user.role, "admin");
        assert_eq!(typed.user.email, "fixture@example.com");
        let without_role = SessionData::decode(&fixture("get-session.json")).unwrap();
        assert!(without_role.with_user::<AppUser>().is_err());
    }

    #[test]
    fn wrong_shapes_are_rejected_not_guessed() {
        let mut broken_date = fixture("get-session.json");
        broken_date["session"]["expiresAt"] = "yesterday".into();
        assert_eq!(SessionData::decode(&broken_date), None);
        let mut missing_user = fixture("get-session.json");
        missing_user.as_object_mut().unwrap().remove("user");
        assert_eq!(SessionData::decode(&missing_user), None);
        let mut wrong_type = fixture("get-session.json");
        wrong_type["user"]["image"] = 42.into();
        assert_eq!(SessionData::decode(&wrong_type), None);
        assert_eq!(SessionData::decode(&serde_json::json!("<html>")), None);
        assert_eq!(Vec::<SessionData>::decode(&serde_json::json!({})), None);
    }

    #[test]
    fn the_store_key_needs_the_token_the_expiry_and_a_user_id_only() {
        let minimal = serde_json::json!({
            "session": {"token": "t", "expiresAt": "2030-01-01T00:00:00.000Z"},
            "user": {"id": "u"}
        });
        let key: Option<SessionKey> = Decode::decode(&minimal).unwrap();
        assert_eq!(key.unwrap().token, "t");
        let full: Option<SessionKey> = Decode::decode(&fixture("get-session.json")).unwrap();
        assert!(full.is_some());
        for absent in [
            serde_json::json!(null),
            serde_json::json!({"session": null, "user": null}),
        ] {
            assert_eq!(Option::<SessionKey>::decode(&absent), Some(None));
        }
        for wrong in [
            serde_json::json!({"session": {"expiresAt": "2030-01-01T00:00:00.000Z"}, "user": {"id": "u"}}),
            serde_json::json!({"session": {"token": "t", "expiresAt": "soon"}, "user": {"id": "u"}}),
            serde_json::json!({"session": {"token": "t", "expiresAt": "2030-01-01T00:00:00.000Z"}}),
            serde_json::json!({"user": {"id": "u"}}),
            serde_json::json!("text"),
        ] {
            assert_eq!(Option::<SessionKey>::decode(&wrong), None, "{wrong}");
        }
    }

    #[test]
    fn sign_up_sign_in_and_sign_out_answers_decode() {
        let up = SignUpResponse::decode(&fixture("sign-up.json")).unwrap();
        assert_eq!(up.user.email, "fixture@example.com");
        assert!(up.token.is_some());
        let signed_in = SignInResponse::decode(&fixture("sign-in.json")).unwrap();
        assert!(!signed_in.redirect);
        assert_eq!(signed_in.user.id, up.user.id);
        let out = SignOutResponse::decode(&fixture("sign-out.json")).unwrap();
        assert!(out.success);
    }

    #[test]
    fn server_error_bodies_become_typed_errors() {
        let wrong = error_from(401, "Unauthorized", &fixture("sign-in-wrong-password.json"));
        assert_eq!(wrong.code, ErrorCode::InvalidEmailOrPassword);
        assert_eq!(wrong.status, 401);
        assert_eq!(wrong.message, "Invalid email or password");
        let dup = error_from(
            422,
            "Unprocessable Entity",
            &fixture("sign-up-duplicate.json"),
        );
        assert_eq!(dup.code, ErrorCode::UserAlreadyExists);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz {
    //! Property tests of the response parsers: any JSON, and captured responses with any
    //! field replaced by any value, decode without panicking; dates parse exactly.
    //! `PARSER_PROPTEST_CASES` raises the case count (`make bench` runs it long).
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value as Json;

    fn cases() -> u32 {
        std::env::var("PARSER_PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20_000)
    }

    fn json() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::from),
            any::<f64>().prop_map(Json::from),
            any::<i64>().prop_map(Json::from),
            ".{0,24}".prop_map(Json::from),
            Just(Json::from("2026-11-22T10:00:00.000Z")),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("session".to_string()),
                        Just("user".to_string()),
                        Just("id".to_string()),
                        Just("token".to_string()),
                        Just("expiresAt".to_string()),
                        ".{0,8}"
                    ],
                    inner,
                    0..6
                )
                .prop_map(|m| Json::Object(m.into_iter().collect())),
            ]
        })
    }

    fn captured() -> Json {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/get-session.json"
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

        #[test]
        fn any_json_decodes_without_panicking(value in json()) {
            let _ = Option::<SessionData>::decode(&value);
            let _ = Vec::<Session>::decode(&value);
            let _ = Vec::<SessionData>::decode(&value);
            let _ = SignInResponse::decode(&value);
            let _ = SignUpResponse::decode(&value);
            let _ = SignOutResponse::decode(&value);
            let _ = StatusResponse::decode(&value);
        }

        #[test]
        fn a_captured_session_with_any_field_replaced_never_panics(
            part in prop_oneof![Just("session"), Just("user")],
            field in prop_oneof![
                Just("id"), Just("token"), Just("expiresAt"), Just("createdAt"), Just("email"),
                Just("emailVerified"), Just("image"), Just("userAgent"), Just("extra")
            ],
            value in json(),
        ) {
            let original = SessionData::decode(&captured()).unwrap();
            let mut session = captured();
            session[part][field] = value;
            if let Some(data) = SessionData::decode(&session) {
                // What decodes keeps the part that was not touched exactly.
                if part == "session" {
                    prop_assert_eq!(data.user, original.user);
                } else {
                    prop_assert_eq!(data.session, original.session);
                }
            }
        }

        #[test]
        fn dates_parse_exactly(
            year in 1970i64..2400, month in 1i64..=12, day in 1i64..=27,
            hour in 0i64..24, minute in 0i64..60, second in 0i64..60, millis in 0i64..1000,
        ) {
            let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{millis:03}Z");
            let parsed = Timestamp::parse_iso8601(&text).unwrap().as_millis();
            let midnight = Timestamp::parse_iso8601(&format!("{year:04}-{month:02}-{day:02}T00:00:00Z"))
                .unwrap()
                .as_millis();
            prop_assert_eq!(parsed - midnight, ((hour * 60 + minute) * 60 + second) * 1000 + millis);
            let next_day = Timestamp::parse_iso8601(&format!("{year:04}-{month:02}-{:02}T00:00:00Z", day + 1))
                .unwrap()
                .as_millis();
            prop_assert_eq!(next_day - midnight, 86_400_000);
        }

        #[test]
        fn any_string_as_a_date_never_panics(text in ".{0,40}") {
            let _ = Timestamp::parse_iso8601(&text);
        }
    }
}
