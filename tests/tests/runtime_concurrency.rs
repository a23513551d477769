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

async fn concurrent_cli_upgrades(backend: Backend) {
    let db = TestDb::new(backend, "concurrent").await;
    let dir = TempDir::new();
    let bin = cli_bin();
    let children: Vec<Child> = (0..4)
        .map(|_| {
            std_command(&bin, &dir.path)
                .args(["--lock-timeout", "120", "upgrade"])
                .env("DATABASE_URL", &db.url)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn cli")
        })
        .collect();
    let outputs: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait for cli"))
        .collect();
    let mut upgraded = 0;
    for output in &outputs {
        let out = success(output);
        if out.contains(&format!("Upgraded 2 revision(s): {FIRST}, {INITIAL}")) {
            upgraded += 1;
        } else {
            assert!(out.contains("nothing to upgrade"), "{out}");
        }
    }
    assert_eq!(upgraded, 1, "exactly one process applies the revision");
    let conn = db.connect().await;
    assert_eq!(version_rows(&conn).await, [FIRST, INITIAL]);
    assert_eq!(tables(&conn).await, set(&["order", "product", "user"]));
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

/// Starts a separate process that takes the migration lock on `url` and holds it.
fn hold_lock(url: &str, dir: &Path) -> Child {
    let mut child = std_command(Path::new(FIXTURE), dir)
        .args(["hold-lock", url])
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

async fn lock_timeout_and_killed_holder(backend: Backend) {
    let db = TestDb::new(backend, "killedlock").await;
    let dir = TempDir::new();
    let mut holder = hold_lock(&db.url, &dir.path);

    // While the lock is really held elsewhere, a short timeout gives up with a clear error.
    let started = Instant::now();
    let output = cli(&dir.path)
        .args(["--lock-timeout", "1", "upgrade"])
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    let line = one_line_error(&output, &["migration lock", "1s", "--lock-timeout"]);
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}: {line}",
        started.elapsed()
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
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the lock of a killed process was released only after {:?}",
        started.elapsed()
    );
    let conn = db.connect().await;
    assert_eq!(version_rows(&conn).await, [FIRST, INITIAL]);
}

per_backend!(
    concurrent_cli_upgrades,
    concurrent_slow_chain,
    lock_timeout_and_killed_holder
);

/// A migrator SIGKILLed in the middle of a revision: Postgres and SQLite roll the revision back
/// (the next run applies it cleanly); MySQL, whose DDL already committed, must name the
/// half-applied revision instead of retrying it blindly.
async fn killed_in_the_middle_of_a_revision(backend: Backend) {
    let db = TestDb::new(backend, "killedmid").await;
    let dir = TempDir::new();
    let mark = dir.path.join("started");
    let fixture = |sleep: &str| {
        let mut cmd = std_command(Path::new(FIXTURE), &dir.path);
        cmd.args(["upgrade"])
            .env("AUTOGEN_FIXTURE", "interruptible")
            .env("AUTOGEN_FIXTURE_SLEEP", sleep)
            .env("AUTOGEN_FIXTURE_MARK", &mark)
            .env("DATABASE_URL", &db.url)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    };
    let mut victim = fixture("60").spawn().expect("spawn fixture");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !mark.exists() {
        assert!(Instant::now() < deadline, "the revision never started");
        if let Some(status) = victim.try_wait().unwrap() {
            panic!("fixture exited early: {status}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    victim.kill().expect("SIGKILL");
    victim.wait().unwrap();

    let rerun = fixture("0").output().unwrap();
    let conn = db.connect().await;
    if backend == Backend::MySql {
        let line = one_line_error(&rerun, &["1e0000000001", "was interrupted", "stamp"]);
        assert!(!line.contains("already exists"), "{line}");
        // Nothing was retried, and the state is visible.
        assert_eq!(tables(&conn).await, set(&["fx_first"]));
        let out = success(
            &cli(&dir.path)
                .arg("current")
                .env("DATABASE_URL", &db.url)
                .output()
                .unwrap(),
        );
        assert!(out.contains("1e0000000001 (INTERRUPTED"), "{out}");
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
