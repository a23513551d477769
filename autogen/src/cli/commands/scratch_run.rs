//! Work on a scratch database (`check --against-migrations`, `revision --verify`, `squash`):
//! it is named on stderr, and dropped on every path: success, failure and Ctrl-C.

use crate::Error;
use crate::cli::context::Context;
use crate::runtime::Scratch;

/// Runs `work` on a new scratch database next to the configured one (in memory for SQLite),
/// said on stderr as `note: <doing> scratch database <name>`. `None` when Ctrl-C ended it;
/// the work's own error comes before a failed drop.
pub async fn on_scratch<T>(
    ctx: &Context,
    doing: &str,
    work: impl AsyncFnOnce(&Scratch) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    let base = ctx.url().await?;
    let scratch = Scratch::create(&base, &ctx.connect_options()).await?;
    // Said whatever the verbosity: it names what the tool made, and then removed.
    eprintln!("note: {doing} scratch database {}", scratch.name);
    let outcome = tokio::select! {
        result = work(&scratch) => Some(result),
        _ = tokio::signal::ctrl_c() => None,
    };
    let name = scratch.name.clone();
    let dropped = scratch.drop().await;
    if dropped.is_ok() {
        tracing::info!("scratch database {name} dropped");
    }
    match outcome {
        None => dropped.map(|()| None),
        Some(result) => {
            let value = result?;
            dropped?;
            Ok(Some(value))
        }
    }
}
