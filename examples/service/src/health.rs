//! `GET /healthz`: reachable and at the migration head, through the toolkit's `Migrator`.

use std::sync::Arc;
use std::time::Duration;

use autogen::runtime::{ConnectOptions, Migrator};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::AppState;

/// The health answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct Health {
    /// The database answered.
    pub reachable: bool,
    /// The applied heads are the migrations' heads.
    pub at_head: bool,
    /// The revisions the database is at.
    pub current: Vec<String>,
    /// The revisions this service expects.
    pub heads: Vec<String>,
    /// Why not healthy (scrubbed of passwords), if not.
    pub error: Option<String>,
}

/// 200 when reachable and at head, 503 otherwise.
pub async fn healthz(State(state): State<Arc<AppState>>) -> (StatusCode, Json<Health>) {
    let heads: Vec<String> = state.migrations.head_ids().into_iter().collect();
    let options = ConnectOptions {
        timeout: Duration::from_secs(3),
        ..ConnectOptions::default()
    };
    let current = match Migrator::connect(&state.url, &state.migrations, &options).await {
        Ok(migrator) => migrator.current_heads().await,
        Err(e) => Err(e),
    };
    let health = match current {
        Ok(mut current) => {
            current.sort();
            Health {
                reachable: true,
                at_head: current == heads,
                current,
                heads,
                error: None,
            }
        }
        Err(e) => Health {
            reachable: false,
            at_head: false,
            current: Vec::new(),
            heads,
            error: Some(autogen::Error::from(e).one_line()),
        },
    };
    let status = if health.reachable && health.at_head {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(health))
}
