//! One migrator at a time, through real processes: concurrent `cli upgrade` runs, a lock holder
//! killed with SIGKILL, and `--lock-timeout` while another process holds the lock.
//!
//! Needs the `cli` binary: see `tests::process` (`cargo nextest run --workspace` builds it).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use tests::catalog::{set, tables, version_rows};
use tests::process::{cli, cli_bin, one_line_error, std_command, success, texts};
use tests::{Backend, TempDir, TestDb, per_backend};

/// The first generated revision of the real migration crate.
const FIRST: &str = "75a0c80e6bb5";
/// Its head.
const INITIAL: &str = "680c9dba15ef";
const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

/// The URL spellings a user may write for `backend`: lower case, upper case, and the other
/// scheme names (`postgresql://`, `mariadb://`, mixed case).
fn spellings(backend: Backend, url: &str) -> Vec<String> {
    let (_, rest) = url.split_once("://").expect("test URL has a scheme");
    let schemes: &[&str] = match backend {
        Backend::Postgres => &["postgres", "POSTGRES", "postgresql"],
        Backend::MySql => &["mysql", "MYSQL", "mariadb"],
        Backend::Sqlite => &["sqlite", "SQLITE", "Sqlite"],
    };
    schemes.iter().map(|s| format!("{s}://{rest}")).collect()
}

/// Eight `cli upgrade` processes at once, three rounds (a fresh database each), with every URL
/// spelling in each round: every process exits 0 and each revision is applied exactly once.
async fn concurrent_cli_upgrades(backend: Backend) {
    const PROCESSES: usize = 8;
    const ROUNDS: usize = 3;
    let bin = cli_bin();
    for round in 0..ROUNDS {
        let db = TestDb::new(backend, &format!("concurrent{round}")).await;
        let dir = TempDir::new();
        let urls = spellings(backend, &db.url);
        let started = Instant::now();
        let children: Vec<(String, Child)> = (0..PROCESSES)
            .map(|i| {
                let url = urls[(i + round) % urls.len()].clone();
                let child = std_command(&bin, &dir.path)
                    .args(["--lock-timeout", "120", "upgrade"])
                    .env("DATABASE_URL", &url)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn cli");
                (url, child)
            })
            .collect();
        let mut upgraded = 0;
        for (url, child) in children {
            let output = child.wait_with_output().expect("wait for cli");
            let (out, err) = texts(&output);
            assert_eq!(
                output.status.code(),
                Some(0),
                "round {round}, {url}: {out}\n{err}"
            );
            if out.contains(&format!("Upgraded 2 revision(s): {FIRST}, {INITIAL}")) {
                upgraded += 1;
            } else {
                assert!(
                    out.contains("nothing to upgrade"),
                    "round {round}, {url}: {out}"
                );
            }
        }
        eprintln!(
            "[reliability] {backend:?} round {round}: {PROCESSES} processes ({}) in {:?}",
            urls.join(", ").replace(&db.name, "<db>"),
            started.elapsed()
        );
        assert_eq!(
            upgraded, 1,
            "round {round}: exactly one process applies the revisions"
        );
        let conn = db.connect().await;
        assert_eq!(version_rows(&conn).await, [FIRST, INITIAL], "round {round}");
        assert_eq!(
            tables(&conn).await,
            set(&["order", "product", "user"]),
            "round {round}"
        );
    }
}

/// Four processes race through a chain of five slow revisions: every revision runs once.
async fn concurrent_slow_chain(backend: Backend) {
    let db = TestDb::new(backend, "slowchain").await;
    let dir = TempDir::new();
    let children: Vec<Child> = (0..4)
        .map(|i| {
            // Half of them go one step at a time, so the processes interleave.
            let target = if i % 2 == 0 { "heads" } else { "+5" };
            std_command(Path::new(FIXTURE), &dir.path)
                .args(["--lock-timeout", "120", "upgrade", target])
                .env("AUTOGEN_FIXTURE", "slow_chain")
                .env("DATABASE_URL", &db.url)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn fixture")
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait"))
        .collect();
    let mut applied = 0;
    for output in &outputs {
        let (out, err) = texts(output);
        if output.status.success() {
            if let Some(rest) = out.strip_prefix("Upgraded ") {
                applied += rest
                    .split_once(' ')
                    .and_then(|(n, _)| n.parse::<usize>().ok())
                    .expect("count");
            }
        } else {
            // `+5` after another process finished has nothing left to move over.
            assert!(err.contains("cannot move 5 steps"), "{out}\n{err}");
        }
    }
    assert_eq!(applied, 5, "every revision applied once in total");
    let conn = db.connect().await;
    let rows = version_rows(&conn).await;
    assert_eq!(
        rows,
        [
            "5c0000000001",
            "5c0000000002",
            "5c0000000003",
            "5c0000000004",
            "5c0000000005"
        ]
    );
    assert_eq!(
        tables(&conn).await,
        set(&["slow_1", "slow_2", "slow_3", "slow_4", "slow_5"])
    );
}

/// Starts a separate process that takes the migration lock on `url` and holds it; `busy`
/// also keeps its session inside a one-hour statement (a killed migrator's leftover).
fn hold_lock(url: &str, dir: &Path, busy: bool) -> Child {
    let mut child = std_command(Path::new(FIXTURE), dir)
        .args(["hold-lock", url, if busy { "busy" } else { "idle" }])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn lock holder");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(line) if line.trim() == "locked" => child,
        other => {
            let _ = child.kill();
            panic!("lock holder did not take the lock: {other:?}");
        }
    }
}

/// The lock holder is busy inside a statement (as a killed migrator's session is until the
/// server notices): a short `--lock-timeout` gives up in time and names that session; after
/// SIGKILL the server ends the session and the next migrator proceeds.
async fn lock_timeout_and_killed_holder(backend: Backend) {
    let db = TestDb::new(backend, "killedlock").await;
    let dir = TempDir::new();
    let mut holder = hold_lock(&db.url, &dir.path, true);
    // Let the holder's statement reach the server.
    std::thread::sleep(Duration::from_millis(300));

    // While the lock is really held elsewhere, a short timeout gives up with a clear error.
    let started = Instant::now();
    let output = cli(&dir.path)
        .args(["--lock-timeout", "1", "upgrade"])
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    let named: &[&str] = match backend {
        Backend::Postgres => &[
            "migration lock",
            "1s",
            "--lock-timeout",
            "session",
            "pg_sleep",
        ],
        Backend::MySql => &[
            "migration lock",
            "1s",
            "--lock-timeout",
            "connection",
            "SLEEP",
            "KILL",
        ],
        Backend::Sqlite => &["migration lock", "1s", "--lock-timeout"],
    };
    let line = one_line_error(&output, named);
    let waited = started.elapsed();
    eprintln!(
        "[reliability] {backend:?} lock held by a busy session, --lock-timeout 1: {waited:?}: {line}"
    );
    assert!(
        waited < Duration::from_secs(1 + 5),
        "took {waited:?}: {line}"
    );
    let conn = db.connect().await;
    assert!(
        tables(&conn).await.is_empty(),
        "nothing ran without the lock"
    );
    drop(conn);

    // SIGKILL: the holder gets no chance to release anything.
    holder.kill().expect("SIGKILL the lock holder");
    holder.wait().expect("reap the lock holder");

    let started = Instant::now();
    let output = cli(&dir.path)
        .args(["--lock-timeout", "30", "upgrade"])
        .env("DATABASE_URL", &db.url)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let out = success(&output);
    assert!(out.contains(INITIAL), "{out}");
    let waited = started.elapsed();
    eprintln!(
        "[reliability] {backend:?} busy lock holder SIGKILLed: next migrator done in {waited:?}"
    );
    assert!(
        waited < Duration::from_secs(30),
        "the lock of a killed process was released only after {waited:?}"
    );
    let conn = db.connect().await;
    assert_eq!(version_rows(&conn).await, [FIRST, INITIAL]);
}

/// `--lock-timeout 0` tries once: it succeeds without contention and fails at once, naming
/// the lock, with it.
async fn lock_timeout_zero(backend: Backend) {
    let db = TestDb::new(backend, "locktimeout0").await;
    let dir = TempDir::new();
    let run = |args: &[&str]| {
        cli(&dir.path)
            .args(["--lock-timeout", "0"])
            .args(args)
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap()
    };
    let out = success(&run(&["upgrade"]));
    assert!(out.contains(INITIAL), "{out}");
    let mut holder = hold_lock(&db.url, &dir.path, false);
    let started = Instant::now();
    let line = one_line_error(&run(&["downgrade", "base"]), &["migration lock", "0s"]);
    let waited = started.elapsed();
    eprintln!("[reliability] {backend:?} --lock-timeout 0 under contention: {waited:?}");
    assert!(waited < Duration::from_secs(5), "took {waited:?}: {line}");
    holder.kill().expect("SIGKILL the lock holder");
    holder.wait().expect("reap the lock holder");
    let conn = db.connect().await;
    assert_eq!(version_rows(&conn).await, [FIRST, INITIAL], "nothing ran");
}

/// Another session holds a lock on the version table (SQLite: the whole database): the
/// migrator gives up within `--lock-timeout`, naming a table lock, and changes nothing.
async fn table_lock_wait_is_bounded(backend: Backend) {
    use sea_orm::TransactionTrait;
    let db = TestDb::new(backend, "tablelock").await;
    let dir = TempDir::new();
    let upgrade = |target: &str, timeout: &str| {
        cli(&dir.path)
            .args(["-q", "--lock-timeout", timeout, "upgrade", target])
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap()
    };
    success(&upgrade(FIRST, "10"));
    // The holder's transaction keeps its lock until it is rolled back.
    let conn = db.connect().await;
    let holder = conn.begin().await.unwrap();
    let lock = match backend {
        Backend::Postgres => "LOCK TABLE autogen_version IN ACCESS EXCLUSIVE MODE",
        Backend::MySql => "LOCK TABLES autogen_version WRITE",
        // Any write takes the database's write lock until the transaction ends.
        Backend::Sqlite => "CREATE TABLE fx_lock_holder (x integer)",
    };
    holder.execute_unprepared(lock).await.unwrap();
    let started = Instant::now();
    let output = upgrade("heads", "2");
    let waited = started.elapsed();
    let line = one_line_error(&output, &["table lock", "2s", "--lock-timeout"]);
    eprintln!(
        "[reliability] {backend:?} table lock held elsewhere, --lock-timeout 2: {waited:?}: {line}"
    );
    assert!(
        waited < Duration::from_secs(2 + 6),
        "took {waited:?}: {line}"
    );
    if backend == Backend::MySql {
        // LOCK TABLES outlives the transaction.
        holder.execute_unprepared("UNLOCK TABLES").await.unwrap();
    }
    holder.rollback().await.unwrap();
    assert_eq!(version_rows(&conn).await, [FIRST], "nothing ran");
    let out = success(&upgrade("heads", "10"));
    assert!(out.contains(INITIAL), "{out}");
}

per_backend!(
    concurrent_cli_upgrades,
    concurrent_slow_chain,
    lock_timeout_and_killed_holder,
    lock_timeout_zero,
    table_lock_wait_is_bounded
);

/// A migrator SIGKILLed while the server runs its slow statement (PostgreSQL `pg_sleep`,
/// MariaDB `SLEEP`, SQLite a long recursive count). The next migrator, with `--lock-timeout 5`,
/// finishes within that bound plus a margin: it proceeds, or names the leftover session, or
/// (MariaDB) reports the interrupted revision. In the end no revision is half-applied:
/// PostgreSQL and SQLite applied it once, MariaDB shows its marker until it is repaired.
async fn killed_inside_a_slow_revision(backend: Backend) {
    const ID: &str = "5e0000000001";
    let db = TestDb::new(backend, "killslow").await;
    let dir = TempDir::new();
    let mark = dir.path.join("started");
    let fixture = |sleep: &str, lock_timeout: &str| {
        fixture_upgrade(
            &dir.path,
            &db.url,
            "slow_revision",
            &mark,
            sleep,
            lock_timeout,
        )
    };
    let victim = fixture("60", "30").spawn().expect("spawn fixture");
    // Let the slow statement reach the server first.
    kill_when_marked(victim, &mark, Duration::from_millis(300));

    let started = Instant::now();
    let next = fixture("0", "5").output().unwrap();
    let waited = started.elapsed();
    let (out, err) = texts(&next);
    eprintln!(
        "[reliability] {backend:?} killed inside a slow revision: next migrator (--lock-timeout 5) done in {waited:?}: {}{}",
        out.trim(),
        err.trim()
    );
    assert!(
        waited < Duration::from_secs(5 + 5),
        "took {waited:?}: {out}{err}"
    );
    if !next.status.success() {
        let line = one_line_error(&next, &[]);
        let leftover = line.contains("held by");
        let marker = backend == Backend::MySql && line.contains("was interrupted");
        assert!(
            leftover || marker,
            "neither proceeded nor named the leftover: {line}"
        );
    }

    let conn = db.connect().await;
    let until = Instant::now() + Duration::from_secs(90);
    if backend == Backend::MySql {
        // Once the leftover session is gone, the half-applied revision is reported.
        loop {
            let rerun = fixture("0", "5").output().unwrap();
            let (_, err) = texts(&rerun);
            if err.contains("was interrupted") {
                one_line_error(&rerun, &[ID, "was interrupted", "stamp"]);
                break;
            }
            assert!(Instant::now() < until, "never reported: {err}");
        }
        assert_eq!(
            tables(&conn).await,
            set(&["fx_before"]),
            "fx_after never ran"
        );
        assert_current_interrupted(&dir.path, &db.url, ID);
    } else {
        while !fixture("0", "5").output().unwrap().status.success() {
            assert!(Instant::now() < until, "the leftover never ended");
        }
        assert_eq!(tables(&conn).await, set(&["fx_after", "fx_before"]));
        assert_eq!(version_rows(&conn).await, [ID], "applied exactly once");
    }
}

per_backend!(killed_inside_a_slow_revision);

/// `autogen_fixture --lock-timeout <lock_timeout> upgrade` on the `fixture` graph, with the
/// revision's sleep and mark file (see `tests/src/bin/autogen_fixture.rs`).
fn fixture_upgrade(
    dir: &Path,
    url: &str,
    fixture: &str,
    mark: &Path,
    sleep: &str,
    lock_timeout: &str,
) -> std::process::Command {
    let mut cmd = std_command(Path::new(FIXTURE), dir);
    cmd.args(["--lock-timeout", lock_timeout, "upgrade"])
        .env("AUTOGEN_FIXTURE", fixture)
        .env("AUTOGEN_FIXTURE_SLEEP", sleep)
        .env("AUTOGEN_FIXTURE_MARK", mark)
        .env("DATABASE_URL", url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// `cli current` shows `revision` as interrupted (MySQL's `running` row).
fn assert_current_interrupted(dir: &Path, url: &str, revision: &str) {
    let output = cli(dir)
        .arg("current")
        .env("DATABASE_URL", url)
        .output()
        .unwrap();
    let out = success(&output);
    assert!(out.contains(&format!("{revision} (INTERRUPTED")), "{out}");
}

/// Waits until `victim` created `mark` (inside its revision), waits `settle`, then SIGKILLs it.
fn kill_when_marked(mut victim: Child, mark: &Path, settle: Duration) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !mark.exists() {
        assert!(Instant::now() < deadline, "the revision never started");
        if let Some(status) = victim.try_wait().unwrap() {
            panic!("fixture exited early: {status}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(settle);
    victim.kill().expect("SIGKILL");
    victim.wait().unwrap();
}

/// A migrator SIGKILLed in the middle of a revision: Postgres and SQLite roll the revision back
/// (the next run applies it cleanly); MySQL, whose DDL already committed, must name the
/// half-applied revision instead of retrying it blindly.
async fn killed_in_the_middle_of_a_revision(backend: Backend) {
    let db = TestDb::new(backend, "killedmid").await;
    let dir = TempDir::new();
    let mark = dir.path.join("started");
    let fixture =
        |sleep: &str| fixture_upgrade(&dir.path, &db.url, "interruptible", &mark, sleep, "60");
    let victim = fixture("60").spawn().expect("spawn fixture");
    kill_when_marked(victim, &mark, Duration::ZERO);

    let rerun = fixture("0").output().unwrap();
    let conn = db.connect().await;
    if backend == Backend::MySql {
        let line = one_line_error(&rerun, &["1e0000000001", "was interrupted", "stamp"]);
        assert!(!line.contains("already exists"), "{line}");
        // Nothing was retried, and the state is visible.
        assert_eq!(tables(&conn).await, set(&["fx_first"]));
        assert_current_interrupted(&dir.path, &db.url, "1e0000000001");
        // Repair by hand (undo the half), stamp, and run again.
        conn.execute_unprepared("DROP TABLE fx_first")
            .await
            .unwrap();
        success(
            &std_command(Path::new(FIXTURE), &dir.path)
                .args(["stamp", "base"])
                .env("AUTOGEN_FIXTURE", "interruptible")
                .env("DATABASE_URL", &db.url)
                .output()
                .unwrap(),
        );
        assert!(version_rows(&conn).await.is_empty());
        let out = success(&fixture("0").output().unwrap());
        assert!(
            out.contains("Upgraded 1 revision(s): 1e0000000001"),
            "{out}"
        );
        assert_eq!(tables(&conn).await, set(&["fx_first", "fx_second"]));
        assert_eq!(version_rows(&conn).await, ["1e0000000001"]);
    } else {
        let out = success(&rerun);
        assert!(
            out.contains("Upgraded 1 revision(s): 1e0000000001"),
            "{out}"
        );
        assert_eq!(tables(&conn).await, set(&["fx_first", "fx_second"]));
        assert_eq!(version_rows(&conn).await, ["1e0000000001"]);
    }
}

per_backend!(killed_in_the_middle_of_a_revision);
