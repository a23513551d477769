//! `cargo run -p service`: serves `/token`, `/users/me` and `/healthz` (see the library).

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use autogen::runtime::Migrations;
use clap::Parser;
use service::config::{MIN_TOKEN_SECRET, Settings};
use service::{AppState, app, auth::Keys};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
    match serve(Settings::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(line) => {
            let _ = writeln!(std::io::stderr(), "error: {line}");
            ExitCode::from(2)
        }
    }
}

/// Resolves the URL, connects, and serves until killed; `Err` is the one-line reason.
async fn serve(settings: Settings) -> Result<(), String> {
    if settings.token_secret.len() < MIN_TOKEN_SECRET {
        return Err(format!(
            "SERVICE_TOKEN_SECRET must be at least {MIN_TOKEN_SECRET} bytes"
        ));
    }
    let one_line = |e: autogen::Error| e.one_line();
    let url = settings
        .database_url()
        .await
        .map_err(|e| one_line(e.into()))?;
    let mut options = url.sea_orm_options();
    options
        .connect_timeout(settings.timeout())
        .acquire_timeout(settings.timeout())
        .sqlx_logging(false);
    let db = sea_orm::Database::connect(options)
        .await
        .map_err(|e| format!("cannot connect to {url}: {}", url.scrub(&e.to_string())))?;
    let migrations = Migrations::new(migration::revisions()).map_err(|e| one_line(e.into()))?;
    let state = Arc::new(AppState {
        db,
        url,
        migrations,
        keys: Keys::new(settings.token_secret.as_bytes()),
    });
    let listener = tokio::net::TcpListener::bind(settings.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    // The line tests and operators wait for.
    tracing::info!("listening on http://{local}");
    axum::serve(listener, app(state))
        .await
        .map_err(|e| format!("server stopped: {e}"))
}
