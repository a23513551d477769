//! Running one job per tenant: at most `jobs` at a time, each on its own session (its own
//! connection, lock and version table), a failure kept to its tenant. With `fail_fast`, the
//! first failure stops new tenants from starting; those already running finish (a migration
//! is never cut in the middle), the rest are reported as skipped.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::stream::{self, StreamExt};
use tracing::Instrument;

use super::resolve::Tenant;
use crate::Error;
use crate::backend::ObjectName;

/// The most tenants run at once (`--jobs`): each holds one connection.
pub const MAX_JOBS: usize = 256;

/// How one tenant ended.
#[derive(Debug)]
pub enum Outcome<T> {
    /// The job ran to its end.
    Done(T),
    /// The job failed: its one-line error (passwords scrubbed).
    Failed(String),
    /// Not started: `--fail-fast` and another tenant had failed.
    Skipped,
}

/// One tenant's result.
#[derive(Debug)]
pub struct TenantResult<T> {
    /// The tenant.
    pub name: ObjectName,
    /// What happened.
    pub outcome: Outcome<T>,
}

/// Runs `job` for every tenant, at most `jobs` at once; `finished` sees each result as it
/// comes (progress, one line each). Returns every result, sorted by tenant name.
pub async fn run_all<T, F, Fut>(
    tenants: Vec<Tenant>,
    jobs: usize,
    fail_fast: bool,
    job: F,
    mut finished: impl FnMut(&TenantResult<T>),
) -> Vec<TenantResult<T>>
where
    F: Fn(Tenant) -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let stop = AtomicBool::new(false);
    let (stop, job) = (&stop, &job);
    let mut results = Vec::with_capacity(tenants.len());
    // `buffer_unordered` makes each future only when a slot is free, so the `stop` check is
    // made when the tenant would start.
    let mut running = stream::iter(tenants)
        .map(|tenant| async move {
            let name = tenant.name.clone();
            if fail_fast && stop.load(Ordering::SeqCst) {
                return TenantResult {
                    name,
                    outcome: Outcome::Skipped,
                };
            }
            // Every log line of the job names its tenant.
            let span = tracing::info_span!("tenant", tenant = %name);
            let outcome = match job(tenant).instrument(span).await {
                Ok(value) => Outcome::Done(value),
                Err(e) => {
                    stop.store(true, Ordering::SeqCst);
                    Outcome::Failed(e.one_line())
                }
            };
            TenantResult { name, outcome }
        })
        .buffer_unordered(jobs.clamp(1, MAX_JOBS));
    while let Some(result) = running.next().await {
        finished(&result);
        results.push(result);
    }
    results.sort_by(|a, b| a.name.cmp(&b.name));
    results
}

/// Counts of a finished run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Ran to their end.
    pub ok: usize,
    /// Failed.
    pub failed: usize,
    /// Not started (`--fail-fast`).
    pub skipped: usize,
}

impl Tally {
    /// The counts of `results`.
    pub fn of<T>(results: &[TenantResult<T>]) -> Tally {
        let mut tally = Tally::default();
        for r in results {
            match r.outcome {
                Outcome::Done(_) => tally.ok += 1,
                Outcome::Failed(_) => tally.failed += 1,
                Outcome::Skipped => tally.skipped += 1,
            }
        }
        tally
    }
}
