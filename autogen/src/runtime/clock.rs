//! Deadlines from user-given durations, without overflow: `Instant + Duration` panics past the
//! platform's range (e.g. `--lock-timeout 9223372036854775807`), so every wait goes through here.

use std::time::{Duration, Instant};

/// The longest wait handed to a driver or a timer: a century, far beyond any real timeout.
pub(crate) const FOREVER: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

/// `d`, capped at [`FOREVER`], so that drivers adding it to `Instant::now()` cannot overflow.
pub(crate) fn capped(d: Duration) -> Duration {
    d.min(FOREVER)
}

/// The instant `d` from now (capped).
pub(crate) fn deadline(d: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(capped(d)).unwrap_or(now)
}

/// Whole seconds, rounded up (MySQL's lock timeouts take integer seconds).
pub(crate) fn ceil_secs(d: Duration) -> u64 {
    let d = capped(d);
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// Milliseconds for a PostgreSQL setting: at least 1 (0 would mean "no limit"), at most the
/// largest value PostgreSQL accepts (`INT_MAX` milliseconds).
pub(crate) fn pg_millis(d: Duration) -> u64 {
    (d.as_millis().clamp(1, i32::MAX as u128)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_durations_do_not_overflow() {
        let huge = Duration::from_secs(u64::MAX);
        assert!(deadline(huge) > Instant::now());
        assert_eq!(capped(huge), FOREVER);
        assert_eq!(ceil_secs(huge), FOREVER.as_secs());
        assert_eq!(pg_millis(huge), i32::MAX as u64);
    }

    #[test]
    fn zero_means_try_once() {
        assert!(deadline(Duration::ZERO) <= Instant::now());
        assert_eq!(ceil_secs(Duration::ZERO), 0);
        assert_eq!(pg_millis(Duration::ZERO), 1);
        assert_eq!(ceil_secs(Duration::from_millis(1500)), 2);
    }
}
