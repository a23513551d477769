//! `GET /users/me` and creating users.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use entity::user;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::AppState;
use crate::auth::{bearer_user, hash_password, internal};

/// The fields of a user that may leave the service: everything but the password hash.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PublicUser {
    /// Id.
    pub id: Uuid,
    /// E-mail.
    pub email: String,
    /// Display name.
    pub full_name: String,
    /// Avatar URL.
    pub avatar_url: Option<String>,
    /// May log in.
    pub is_active: bool,
    /// E-mail verified.
    pub is_verified: bool,
    /// Administrator.
    pub is_superuser: bool,
    /// Created at (RFC 3339).
    pub created_at: String,
    /// Updated at (RFC 3339).
    pub updated_at: String,
}

impl From<user::Model> for PublicUser {
    fn from(u: user::Model) -> Self {
        PublicUser {
            id: u.id,
            email: u.email,
            full_name: u.full_name,
            avatar_url: u.avatar_url,
            is_active: u.is_active,
            is_verified: u.is_verified,
            is_superuser: u.is_superuser,
            created_at: u.created_at.to_rfc3339(),
            updated_at: u.updated_at.to_rfc3339(),
        }
    }
}

/// `GET /users/me`: 401 for a missing or invalid token, 404 when its user does not exist.
pub async fn read_users_me(
    State(state): State<Arc<AppState>>,
    parts: Parts,
) -> Result<Json<PublicUser>, StatusCode> {
    let id = bearer_user(&parts, &state.keys)?;
    let found = user::Entity::find_by_id(id)
        .one(&state.db)
        .await
        .map_err(|e| internal("load user", &e))?;
    found.map(|u| Json(u.into())).ok_or(StatusCode::NOT_FOUND)
}

/// Inserts an active user with an argon2 hash of `password`; returns its id.
pub async fn create_user(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
    full_name: &str,
) -> Result<Uuid, Box<dyn std::error::Error + Send + Sync>> {
    let id = Uuid::new_v4();
    let now = chrono::Utc::now().fixed_offset();
    user::ActiveModel {
        id: Set(id),
        email: Set(email.to_string()),
        hashed_password: Set(hash_password(password).map_err(|e| e.to_string())?),
        full_name: Set(full_name.to_string()),
        avatar_url: Set(None),
        is_active: Set(true),
        is_verified: Set(false),
        is_superuser: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}
