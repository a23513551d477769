//! Bounded waits inside a revision: a statement cut off by `statement_timeout` on every backend,
//! and a connection frozen mid-upgrade by a loopback proxy (PostgreSQL, MariaDB), which the
//! client-side watchdog ends with a clear error (in this process, and through the fixture
//! binary's `--statement-timeout`). Afterwards the state is consistent:
//! PostgreSQL and SQLite rolled the revision back, MariaDB keeps its `running` / `failed` row.

use std::path::Path;
use std::time::{Duration, Instant};

use autogen::config::{DatabaseUrl, UrlSource};
use autogen::runtime::{
    ConnectOptions, Migrations, Migrator, RevisionState, RunOptions, RuntimeError,
};
use tests::catalog::{set, tables, version_rows};
use tests::fixtures::{migrations, rev};
use tests::process::{one_line_error, std_command};
use tests::proxy::{Proxy, host_port};
use tests::slow_revision::SlowRevision;
use tests::{Backend, TempDir, TestDb};

const SLOW: &str = "5e0000000001";
const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

fn slow(seconds: u64, mark: Option<&Path>) -> Migrations {
    migrations(vec![rev(
        SLOW,
        &[],
        SlowRevision {
            seconds,
            mark: mark.map(Path::to_path_buf),
        },
    )])
}

fn options(statement: Option<u64>, lock: u64) -> (ConnectOptions, RunOptions) {
    let connect = ConnectOptions {
        statement_timeout: statement.map(Duration::from_secs),
        lock_timeout: Duration::from_secs(lock),
        ..ConnectOptions::default()
    };
    let run = RunOptions {
        lock_timeout: Duration::from_secs(lock),
        ..RunOptions::default()
    };
    (connect, run)
}

/// A 30-second statement under a 2-second statement timeout fails within the bound, named as
/// a statement timeout, and leaves a consistent state.
async fn statement_timeout_cuts_a_slow_statement(backend: Backend) {
    let db = TestDb::new(backend, "stmttimeout").await;
    let migs = slow(30, None);
    let (connect, run) = options(Some(2), 10);
    let m = Migrator::connect(&db.database_url(), &migs, &connect)
        .await
        .unwrap();
    let started = Instant::now();
    let err = m.upgrade("heads", &run).await.unwrap_err();
    let took = started.elapsed();
    eprintln!("[reliability] {backend:?} statement timeout 2s: failed after {took:?}: {err}");
    assert!(took < Duration::from_secs(2 + 5), "took {took:?}: {err}");
    assert!(
        matches!(err, RuntimeError::StatementTimeout { .. }),
        "not named as a statement timeout: {err}"
    );
    assert!(
        err.to_string().contains("--statement-timeout (2s)"),
        "{err}"
    );
    let conn = db.connect().await;
    if backend == Backend::MySql {
        assert_eq!(tables(&conn).await, set(&["fx_before"]));
        let rows = m.applied().await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].state, RevisionState::Failed);
    } else {
        assert!(tables(&conn).await.is_empty(), "rolled back");
        assert!(version_rows(&conn).await.is_empty());
    }
}

mod statement_timeout {
    #[tokio::test]
    async fn postgres() {
        super::statement_timeout_cuts_a_slow_statement(tests::Backend::Postgres).await
    }
    #[tokio::test]
    async fn mysql() {
        super::statement_timeout_cuts_a_slow_statement(tests::Backend::MySql).await
    }
    #[tokio::test]
    async fn sqlite() {
        super::statement_timeout_cuts_a_slow_statement(tests::Backend::Sqlite).await
    }
}

/// Waits (bounded) until `check` holds.
async fn eventually(what: &str, limit: Duration, mut check: impl AsyncFnMut() -> bool) {
    let until = Instant::now() + limit;
    while !check().await {
        assert!(
            Instant::now() < until,
            "{what} did not happen within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// How the frozen migrator runs: in this process (library), or as the fixture binary with
/// `--statement-timeout 2`, whose exit code and one-line error are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via {
    Library,
    Process,
}

/// The proxy freezes once the slow statement is on its way: the migrator ends within
/// statement timeout + grace + margin with a "stalled" error. Bypassing the still-frozen proxy,
/// the next migrator proceeds or names the leftover session within its lock timeout; once the
/// proxy drops the connections, the state is consistent.
async fn frozen_connection(backend: Backend, via: Via) {
    let db = TestDb::new(backend, "frozen").await;
    let dir = TempDir::new();
    let mark = dir.path.join("started");
    let proxy = Proxy::start(&host_port(&db.url));
    let through = proxy.redirect(&db.url);
    let freezer = {
        let mark = mark.clone();
        tokio::spawn(async move {
            while !mark.exists() {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            proxy.freeze();
            proxy
        })
    };
    let started = Instant::now();
    let text = match via {
        Via::Library => {
            let url = DatabaseUrl::parse(&through, UrlSource::Flag).unwrap();
            let migs = slow(30, Some(&mark));
            let (connect, run) = options(Some(2), 5);
            let m = Migrator::connect(&url, &migs, &connect).await.unwrap();
            let err = m.upgrade("heads", &run).await.unwrap_err();
            assert!(matches!(err, RuntimeError::Stalled { .. }), "{err}");
            err.to_string()
        }
        Via::Process => {
            let output = std_command(Path::new(FIXTURE), &dir.path)
                .args([
                    "--statement-timeout",
                    "2",
                    "--lock-timeout",
                    "5",
                    "-q",
                    "upgrade",
                ])
                .env("AUTOGEN_FIXTURE", "slow_revision")
                .env("AUTOGEN_FIXTURE_SLEEP", "30")
                .env("AUTOGEN_FIXTURE_MARK", &mark)
                .env("DATABASE_URL", &through)
                .output()
                .unwrap();
            one_line_error(&output, &["stalled", "--statement-timeout 2s"])
        }
    };
    let took = started.elapsed();
    eprintln!(
        "[reliability] {backend:?} frozen proxy ({via:?}): migrator ended after {took:?}: {text}"
    );
    assert!(
        text.contains("stalled") && text.contains("--statement-timeout 2s"),
        "{text}"
    );
    assert!(took < Duration::from_secs(2 + 5 + 5), "took {took:?}");
    let proxy = freezer.await.unwrap();

    // Bypassing the frozen proxy: bounded, and clear about the leftover session.
    let direct = db.database_url();
    let fast = slow(0, None);
    let (connect, run) = options(None, 3);
    let next = Migrator::connect(&direct, &fast, &connect).await.unwrap();
    let started = Instant::now();
    let outcome = next.upgrade("heads", &run).await;
    let took = started.elapsed();
    eprintln!("[reliability] {backend:?} bypass while frozen: {took:?}: {outcome:?}");
    assert!(took < Duration::from_secs(3 + 5), "took {took:?}");
    match &outcome {
        Ok(applied) => assert_eq!(applied, &[SLOW]),
        Err(RuntimeError::LockHeld { holder, .. }) => {
            assert!(
                holder.contains("session") || holder.contains("connection"),
                "{holder}"
            );
        }
        Err(RuntimeError::Interrupted { revision }) => assert_eq!(revision, SLOW),
        Err(other) => panic!("unexpected: {other}"),
    }

    // The network path finally breaks: the server ends the leftover session.
    proxy.cut();
    let conn = db.connect().await;
    if backend == Backend::MySql {
        let interrupted = async || {
            matches!(
                next.upgrade("heads", &run).await,
                Err(RuntimeError::Interrupted { .. })
            )
        };
        eventually(
            "MariaDB reporting the interrupted revision",
            Duration::from_secs(30),
            interrupted,
        )
        .await;
        assert_eq!(tables(&conn).await, set(&["fx_before"]));
        let rows = next.applied().await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].state, RevisionState::Running);
    } else {
        if outcome.is_err() {
            let applied = async || next.upgrade("heads", &run).await.is_ok();
            eventually(
                "PostgreSQL ending the leftover session",
                Duration::from_secs(30),
                applied,
            )
            .await;
        }
        // The frozen revision was rolled back; the rerun applied it once.
        assert_eq!(tables(&conn).await, set(&["fx_after", "fx_before"]));
        assert_eq!(version_rows(&conn).await, [SLOW]);
    }
}

mod frozen_proxy {
    use super::Via::{Library, Process};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::frozen_connection(tests::Backend::Postgres, Library).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mysql() {
        super::frozen_connection(tests::Backend::MySql, Library).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres_cli() {
        super::frozen_connection(tests::Backend::Postgres, Process).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mysql_cli() {
        super::frozen_connection(tests::Backend::MySql, Process).await
    }
}

/// The server ends the migrator's session in the middle of the slow statement (an operator's
/// `pg_terminate_backend` / `KILL`, a failover): the migrator fails at once, saying the session
/// and its lock were lost, and never continues on a new session without the lock.
async fn session_ended_by_the_server(backend: Backend) {
    use sea_orm::{ConnectionTrait, Statement};
    let db = TestDb::new(backend, "sessionlost").await;
    let dir = TempDir::new();
    let mark = dir.path.join("started");
    let migs = slow(30, Some(&mark));
    let (connect, run) = options(None, 5);
    let m = Migrator::connect(&db.database_url(), &migs, &connect)
        .await
        .unwrap();
    let admin = db.connect().await;
    let killer = {
        let mark = mark.clone();
        let kill = match backend {
            Backend::Postgres => "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'"
                .to_string(),
            _ => String::new(),
        };
        tokio::spawn(async move {
            while !mark.exists() {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
            let backend = admin.get_database_backend();
            if kill.is_empty() {
                let row = admin
                    .query_one_raw(Statement::from_string(
                        backend,
                        "SELECT CAST(ID AS SIGNED) AS id FROM information_schema.PROCESSLIST \
                         WHERE DB = DATABASE() AND INFO LIKE 'SELECT SLEEP%'",
                    ))
                    .await
                    .unwrap()
                    .expect("the migrator's session");
                let id: i64 = row.try_get("", "id").unwrap();
                admin
                    .execute_unprepared(&format!("KILL {id}"))
                    .await
                    .unwrap();
            } else {
                admin
                    .execute_raw(Statement::from_string(backend, kill))
                    .await
                    .unwrap();
            }
            admin
        })
    };
    let started = Instant::now();
    let err = m.upgrade("heads", &run).await.unwrap_err();
    let took = started.elapsed();
    eprintln!(
        "[reliability] {backend:?} session ended by the server: failed after {took:?}: {err}"
    );
    let admin = killer.await.unwrap();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(
        matches!(err, RuntimeError::SessionLost { .. }),
        "not reported as a lost session: {err}"
    );
    // Nothing ran on a second session.
    if backend == Backend::MySql {
        assert_eq!(tables(&admin).await, set(&["fx_before"]));
    } else {
        assert!(tables(&admin).await.is_empty(), "rolled back");
    }
}

mod session_lost {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::session_ended_by_the_server(tests::Backend::Postgres).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn mysql() {
        super::session_ended_by_the_server(tests::Backend::MySql).await
    }
}
