//! The client-side bound on a frozen connection. A proxy or firewall that stops forwarding
//! keeps TCP alive, so neither keepalive nor the server's own statement timeout (whose error
//! cannot reach us) ends the wait: the client gives up when no statement has completed for
//! `--statement-timeout` plus a grace period. Progress is fed by sea-orm's metric callback,
//! which fires after every statement (see `recorder.rs` for what it does not see).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// When the last statement completed, shared by the connection's callback and the watchdog.
#[derive(Debug)]
pub(crate) struct Progress {
    origin: Instant,
    /// Milliseconds after `origin` of the last completion (or of [`Progress::touch`]).
    last: AtomicU64,
    /// How many statements completed; lets SQLite's progress handler see a new statement.
    completed: AtomicU64,
}

impl Progress {
    /// A clock that starts now.
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Self {
            origin: Instant::now(),
            last: AtomicU64::new(0),
            completed: AtomicU64::new(0),
        })
    }

    /// Records that a statement completed (or that waiting starts now).
    pub(crate) fn touch(&self) {
        let now = self.origin.elapsed().as_millis().min(u64::MAX as u128) as u64;
        self.last.store(now, Ordering::Relaxed);
        self.completed.fetch_add(1, Ordering::Relaxed);
    }

    /// Time since the last completion.
    fn idle(&self) -> Duration {
        let last = Duration::from_millis(self.last.load(Ordering::Relaxed));
        self.origin.elapsed().saturating_sub(last)
    }

    fn completed(&self) -> u64 {
        self.completed.load(Ordering::Relaxed)
    }
}

/// Runs `work`, giving up (with the idle time) once no statement has completed for `bound`.
/// Dropping `work` abandons the statement in flight; the caller must not reuse the session.
pub(crate) async fn guard<T>(
    progress: &Progress,
    bound: Option<Duration>,
    work: impl Future<Output = T>,
) -> Result<T, Duration> {
    let Some(bound) = bound else {
        return Ok(work.await);
    };
    progress.touch();
    tokio::pin!(work);
    loop {
        let idle = progress.idle();
        if idle >= bound {
            return Err(idle);
        }
        tokio::select! {
            out = &mut work => return Ok(out),
            _ = tokio::time::sleep(bound - idle) => {}
        }
    }
}

/// SQLite's statement timeout: a progress handler (called every few hundred virtual-machine
/// steps while a statement runs) that interrupts a statement running longer than `limit`.
/// A statement starts when the completion count changed since the handler last ran, or after
/// a pause in its calls (statements the callback does not see).
pub(crate) fn sqlite_interrupter(
    progress: Arc<Progress>,
    limit: Duration,
) -> impl FnMut() -> bool + Send + 'static {
    let mut seen = progress.completed();
    let mut started = Instant::now();
    let mut last_call = Instant::now();
    move || {
        let now = Instant::now();
        let completed = progress.completed();
        if completed != seen || now.duration_since(last_call) > Duration::from_millis(100) {
            seen = completed;
            started = now;
        }
        last_call = now;
        now.duration_since(started) < limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn gives_up_when_nothing_completes() {
        let progress = Progress::new();
        let bound = Some(Duration::from_millis(100));
        let never = std::future::pending::<()>();
        let started = Instant::now();
        assert!(guard(&progress, bound, never).await.is_err());
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[tokio::test]
    async fn progress_keeps_it_alive() {
        let progress = Progress::new();
        let bound = Some(Duration::from_millis(200));
        let work = async {
            for _ in 0..6 {
                tokio::time::sleep(Duration::from_millis(60)).await;
                progress.touch();
            }
            7
        };
        assert_eq!(guard(&progress, bound, work).await, Ok(7));
        assert_eq!(guard(&progress, None, async { 1 }).await, Ok(1));
    }

    #[test]
    fn interrupter_bounds_one_statement() {
        let progress = Progress::new();
        let mut handler = sqlite_interrupter(progress.clone(), Duration::from_millis(50));
        assert!(handler());
        std::thread::sleep(Duration::from_millis(30));
        assert!(handler());
        std::thread::sleep(Duration::from_millis(30));
        assert!(!handler(), "the same statement ran past the limit");
        progress.touch();
        assert!(handler(), "a new statement starts a new limit");
    }
}
