//! Passwords (argon2) and bearer tokens (HS256 JWT, `sub` = the user's id).

use std::sync::Arc;
use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use entity::user;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::AppState;

/// How long a token is valid.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// The signing and verifying keys (one HMAC secret).
#[derive(Clone)]
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl Keys {
    /// Keys from the shared secret.
    pub fn new(secret: &[u8]) -> Keys {
        Keys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }

    /// A token for user `id`, valid for [`TOKEN_LIFETIME`].
    pub fn issue(&self, id: Uuid) -> Result<String, jsonwebtoken::errors::Error> {
        let exp = chrono::Utc::now().timestamp() + TOKEN_LIFETIME.as_secs() as i64;
        self.issue_until(id, exp)
    }

    /// A token for user `id` that expires at `exp` (Unix seconds).
    pub fn issue_until(&self, id: Uuid, exp: i64) -> Result<String, jsonwebtoken::errors::Error> {
        let claims = Claims {
            sub: id.to_string(),
            exp,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// The user id of a valid, unexpired token.
    pub fn verify(&self, token: &str) -> Option<Uuid> {
        let validation = Validation::new(Algorithm::HS256);
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        Uuid::parse_str(&data.claims.sub).ok()
    }
}

/// The token's claims.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    exp: i64,
}

/// An argon2id hash (PHC string) of `password`.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Whether `password` matches the stored `hash`; a malformed hash matches nothing.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// The body of `POST /token`.
#[derive(Debug, Deserialize)]
pub struct Login {
    /// The account's e-mail.
    pub email: String,
    /// Its password.
    pub password: String,
}

/// The answer of `POST /token`.
#[derive(Debug, Serialize, Deserialize)]
pub struct TokenAnswer {
    /// The signed token.
    pub access_token: String,
    /// Always `bearer`.
    pub token_type: String,
}

/// `POST /token`: 200 with a token for a known, active e-mail and the right password; 401
/// otherwise (the same answer for an unknown e-mail and a wrong password).
pub async fn token(
    State(state): State<Arc<AppState>>,
    Json(login): Json<Login>,
) -> Result<Json<TokenAnswer>, StatusCode> {
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(login.email.as_str()))
        .one(&state.db)
        .await
        .map_err(|e| internal("find user", &e))?;
    let Some(found) = found.filter(|u| u.is_active) else {
        return Err(StatusCode::UNAUTHORIZED);
    };
    if !verify_password(&login.password, &found.hashed_password) {
        return Err(StatusCode::UNAUTHORIZED);
    }
    let access_token = state
        .keys
        .issue(found.id)
        .map_err(|e| internal("sign token", &e))?;
    Ok(Json(TokenAnswer {
        access_token,
        token_type: "bearer".into(),
    }))
}

/// The user id a request's `Authorization: Bearer <token>` names; 401 when it is missing,
/// malformed, badly signed or expired.
pub fn bearer_user(parts: &Parts, keys: &Keys) -> Result<Uuid, StatusCode> {
    let header = parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or(StatusCode::UNAUTHORIZED)?;
    let (scheme, token) = header.split_once(' ').ok_or(StatusCode::UNAUTHORIZED)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(StatusCode::UNAUTHORIZED);
    }
    keys.verify(token.trim()).ok_or(StatusCode::UNAUTHORIZED)
}

/// Logs an unexpected failure (scrubbed of passwords) and answers 500.
pub fn internal(what: &str, err: &dyn std::fmt::Display) -> StatusCode {
    let text = autogen::config::scrub_known_secrets(&err.to_string());
    tracing::error!("{what}: {text}");
    StatusCode::INTERNAL_SERVER_ERROR
}
