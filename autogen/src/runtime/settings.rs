//! The settings every session starts with, so that the server itself bounds each wait:
//! lock waits by `--lock-timeout`, statements by `--statement-timeout`, and (PostgreSQL) a
//! client that vanished is noticed within seconds instead of after its statement ends.
//! Values are numbers computed here; the one name (`search_path`) goes through
//! [`Backend::ident`].

use std::time::Duration;

use super::ConnectOptions;
use super::clock::{capped, ceil_secs, pg_millis};
use super::engine::Engine;
use crate::backend::{Backend, ObjectName};

/// Extra time the client waits beyond `--statement-timeout` before it calls the connection
/// stalled: long enough for the server's own timeout error to arrive first.
pub(crate) const GRACE: Duration = Duration::from_secs(5);

/// The statement timeout, if one is set (zero means none).
pub(crate) fn statement_timeout(options: &ConnectOptions) -> Option<Duration> {
    options
        .statement_timeout
        .filter(|d| !d.is_zero())
        .map(capped)
}

/// How long the client waits for any statement to complete before it gives up on the
/// connection: the statement timeout plus [`GRACE`]; no bound without a statement timeout.
pub(crate) fn stall_bound(options: &ConnectOptions) -> Option<Duration> {
    statement_timeout(options).map(|d| capped(d.saturating_add(GRACE)))
}

/// PostgreSQL settings the session needs; an error in one of them fails the connection.
pub(crate) fn postgres(options: &ConnectOptions) -> Vec<String> {
    // `lock_timeout = 0` would mean "wait forever": `--lock-timeout 0` becomes 1 ms ("try once").
    let mut sql = vec![format!(
        "SET lock_timeout = {}",
        pg_millis(options.lock_timeout)
    )];
    if let Some(limit) = statement_timeout(options) {
        sql.push(format!("SET statement_timeout = {}", pg_millis(limit)));
    }
    if let Some(bound) = stall_bound(options) {
        // A frozen client leaves its transaction open on the server; end it server-side too.
        sql.push(format!(
            "SET idle_in_transaction_session_timeout = {}",
            pg_millis(bound)
        ));
    }
    sql
}

/// PostgreSQL: the session works in `schema` alone. Nothing else is on the path (not even
/// `public`): a name missing from the tenant's schema must fail, not resolve to another
/// schema's table. `pg_catalog` is always searched first anyway
/// (<https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-SEARCH-PATH>).
/// sea-orm's own `ConnectOptions::set_schema_search_path` does the same, with less quoting.
pub(crate) fn search_path(schema: &ObjectName) -> String {
    format!("SET search_path TO {}", schema.ident(Backend::Postgres))
}

/// PostgreSQL liveness settings, applied on PostgreSQL itself (the first needs 14+; the
/// distributed engines do not know them). `client_connection_check_interval` makes the server poll the client socket
/// while a statement runs, so a killed migrator's statement (and its locks) end within a
/// second instead of when the statement finishes; the keepalives do the same for a dead
/// network. See <https://www.postgresql.org/docs/current/runtime-config-connection.html>.
pub(crate) const POSTGRES_LIVENESS: &[&str] = &[
    "SET client_connection_check_interval = 1000",
    "SET tcp_keepalives_idle = 10",
    "SET tcp_keepalives_interval = 5",
    "SET tcp_keepalives_count = 3",
];

/// MySQL / MariaDB settings the session needs.
pub(crate) fn mysql(options: &ConnectOptions, engine: Engine) -> Vec<String> {
    // Metadata locks (DDL) and InnoDB row locks have separate timeouts, in whole seconds;
    // MariaDB accepts 0 (no wait), MySQL raises 0 to its minimum of 1.
    let lock = ceil_secs(options.lock_timeout).min(31_536_000);
    let mut sql = vec![
        format!("SET SESSION lock_wait_timeout = {lock}"),
        format!("SET SESSION innodb_lock_wait_timeout = {lock}"),
    ];
    if let Some(limit) = statement_timeout(options) {
        sql.push(match engine {
            // MariaDB bounds every statement (seconds, fractions allowed).
            Engine::MariaDb => format!(
                "SET SESSION max_statement_time = {:.3}",
                limit.as_secs_f64().min(31_536_000.0)
            ),
            // MySQL bounds only SELECTs (milliseconds); the client-side bound covers the rest.
            _ => format!(
                "SET SESSION max_execution_time = {}",
                limit.as_millis().min(u32::MAX as u128)
            ),
        });
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(lock: Duration, statement: Option<Duration>) -> ConnectOptions {
        ConnectOptions {
            lock_timeout: lock,
            statement_timeout: statement,
            ..ConnectOptions::default()
        }
    }

    #[test]
    fn zero_lock_timeout_tries_once() {
        let pg = postgres(&options(Duration::ZERO, None));
        assert_eq!(pg, ["SET lock_timeout = 1"]);
        let my = mysql(&options(Duration::ZERO, None), Engine::MariaDb);
        assert_eq!(my[0], "SET SESSION lock_wait_timeout = 0");
    }

    #[test]
    fn statement_timeout_sets_server_and_client_bounds() {
        let o = options(Duration::from_secs(3), Some(Duration::from_millis(2500)));
        assert_eq!(
            postgres(&o),
            [
                "SET lock_timeout = 3000",
                "SET statement_timeout = 2500",
                "SET idle_in_transaction_session_timeout = 7500"
            ]
        );
        assert_eq!(
            mysql(&o, Engine::MariaDb)[2],
            "SET SESSION max_statement_time = 2.500"
        );
        assert_eq!(
            mysql(&o, Engine::MySql)[2],
            "SET SESSION max_execution_time = 2500"
        );
        assert_eq!(stall_bound(&o), Some(Duration::from_millis(7500)));
    }

    #[test]
    fn search_path_is_one_quoted_schema() {
        let odd = ObjectName::parse("t\"1, public").unwrap();
        assert_eq!(search_path(&odd), "SET search_path TO \"t\"\"1, public\"");
    }

    #[test]
    fn huge_values_are_clamped() {
        let huge = Duration::from_secs(u64::MAX);
        let o = options(huge, Some(huge));
        assert!(postgres(&o).iter().all(|s| s.ends_with("2147483647")));
        assert!(stall_bound(&o).is_some());
        assert_eq!(
            mysql(&o, Engine::MySql)[0],
            "SET SESSION lock_wait_timeout = 31536000"
        );
        assert_eq!(
            statement_timeout(&options(huge, Some(Duration::ZERO))),
            None
        );
    }
}
