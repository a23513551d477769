//! The async service the migrations serve: axum on tokio, SeaORM on the `entity` crate.
//!
//! - `POST /token` exchanges an e-mail and password (argon2-hashed in the database) for a signed
//!   bearer token (HS256 JWT);
//! - `GET /users/me` decodes the token and loads the user through an async connection: 401
//!   for a missing or invalid token, 404 for an unknown user, the public fields otherwise
//!   (never the hash);
//! - `GET /healthz` answers 200 when the database is reachable and at the migration head (the
//!   toolkit's `Migrator`), 503 otherwise, so a deployment can gate on it.

pub mod auth;
pub mod config;
pub mod health;
pub mod users;

use std::sync::Arc;

use autogen::config::DatabaseUrl;
use autogen::runtime::Migrations;
use axum::Router;
use axum::routing::{get, post};
use sea_orm::DatabaseConnection;

/// What every handler shares.
pub struct AppState {
    /// The pool the handlers use.
    pub db: DatabaseConnection,
    /// The resolved URL, for the health check's own connection.
    pub url: DatabaseUrl,
    /// The migrations this service expects to be applied.
    pub migrations: Migrations,
    /// The token signing key.
    pub keys: auth::Keys,
}

/// The service's routes.
pub fn app(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/token", post(auth::token))
        .route("/users/me", get(users::read_users_me))
        .route("/healthz", get(health::healthz))
        .with_state(state)
}
