//! Bad input to the `cli` binary: exit code 2, one `error:` line naming the problem, and never
//! the password.
//!
//! Needs the `cli` binary: see `tests::process` (`cargo nextest run --workspace` builds it).

use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use tests::catalog::tables;
use tests::process::{assert_no_secret, cli, command, one_line_error};
use tests::{Backend, TempDir, TestDb, admin_connection, unique};

const SECRET: &str = "secretpw";
const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

#[test]
fn diff_names_the_malformed_side() {
    let dir = TempDir::new();
    let bad = format!("postgres://u:{SECRET}@host:port/db");
    let output = cli(&dir.path)
        .args(["diff", "--from", &bad, "--to", "sqlite::memory:"])
        .output()
        .unwrap();
    one_line_error(
        &output,
        &["malformed database URL from --from", "invalid port"],
    );
    assert_no_secret(&output, SECRET);
    let output = cli(&dir.path)
        .args(["diff", "--from", "sqlite::memory:", "--to", "ftp://x/y"])
        .output()
        .unwrap();
    one_line_error(
        &output,
        &["unsupported database URL scheme 'ftp' from --to"],
    );
    assert_eq!(
        std::fs::read_dir(&dir.path).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn malformed_url() {
    let dir = TempDir::new();
    let url = format!("postgres://u:{SECRET}@host:port/db");
    let output = cli(&dir.path)
        .arg("current")
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    one_line_error(
        &output,
        &["malformed database URL from DATABASE_URL", "invalid port"],
    );
    assert_no_secret(&output, SECRET);

    let output = cli(&dir.path)
        .args(["--database-url", &url, "upgrade"])
        .output()
        .unwrap();
    one_line_error(&output, &["malformed database URL from --database-url"]);
    assert_no_secret(&output, SECRET);

    let output = cli(&dir.path)
        .arg("current")
        .env("DATABASE_URL", format!("ftp://u:{SECRET}@host/db"))
        .output()
        .unwrap();
    one_line_error(&output, &["unsupported database URL scheme 'ftp'"]);
    assert_no_secret(&output, SECRET);

    let output = cli(&dir.path)
        .arg("current")
        .env("DATABASE_URL", format!("{SECRET} is not a url"))
        .output()
        .unwrap();
    one_line_error(&output, &["malformed database URL"]);
    assert_no_secret(&output, SECRET);
}

#[tokio::test]
async fn wrong_password_mysql() {
    let db = TestDb::new(Backend::MySql, "wrongpw").await;
    let admin = admin_connection(Backend::MySql).await.unwrap();
    let user = unique("u").chars().take(32).collect::<String>();
    let right = "Right-Horse-7";
    admin
        .execute_unprepared(&format!("CREATE USER '{user}'@'%' IDENTIFIED BY '{right}'"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("GRANT ALL ON `{}`.* TO '{user}'@'%'", db.name))
        .await
        .unwrap();
    let dir = TempDir::new();
    let with = |password: &str| format!("mysql://{user}:{password}@127.0.0.1:3306/{}", db.name);

    let output = cli(&dir.path)
        .arg("current")
        .env("DATABASE_URL", with(SECRET))
        .output()
        .unwrap();
    let line = one_line_error(&output, &["cannot connect", "access denied", &user]);
    assert!(line.contains(":***@"), "{line}");
    assert_no_secret(&output, SECRET);

    // The right password works, and is not printed either (`-v` logs the URL).
    let output = cli(&dir.path)
        .args(["-v", "upgrade"])
        .env("DATABASE_URL", with(right))
        .output()
        .unwrap();
    tests::process::success(&output);
    assert_no_secret(&output, right);
    admin
        .execute_unprepared(&format!("DROP USER '{user}'@'%'"))
        .await
        .unwrap();
}

#[test]
fn unreachable_server_fails_within_connect_timeout() {
    let dir = TempDir::new();
    for url in [
        format!("postgres://u:{SECRET}@127.0.0.1:1/db"),
        format!("mysql://u:{SECRET}@127.0.0.1:1/db"),
    ] {
        let started = Instant::now();
        let output = cli(&dir.path)
            .args(["--connect-timeout", "3", "upgrade"])
            .env("DATABASE_URL", &url)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        one_line_error(&output, &["cannot connect", "127.0.0.1:1", "refused"]);
        assert_no_secret(&output, SECRET);
        // The 3 s budget, plus process start-up on a loaded machine.
        assert!(elapsed < Duration::from_millis(4500), "{url}: {elapsed:?}");
    }
}

#[test]
fn silent_server_times_out() {
    // Accepts connections and never answers: only the connect timeout can end the wait.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    let dir = TempDir::new();
    for scheme in ["postgres", "mysql"] {
        let url = format!("{scheme}://u:{SECRET}@127.0.0.1:{port}/db");
        let started = Instant::now();
        let output = cli(&dir.path)
            .args(["--connect-timeout", "2", "current"])
            .env("DATABASE_URL", &url)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        one_line_error(&output, &["cannot connect", "timed out after 2s"]);
        assert_no_secret(&output, SECRET);
        assert!(
            elapsed >= Duration::from_secs(2) && elapsed < Duration::from_millis(4500),
            "{scheme}: {elapsed:?}"
        );
    }
}

#[test]
fn non_integer_postgres_port() {
    let dir = TempDir::new();
    let output = cli(&dir.path)
        .arg("current")
        .env("POSTGRES_USER", "app")
        .env("POSTGRES_PASSWORD", SECRET)
        .env("POSTGRES_HOST", "127.0.0.1")
        .env("POSTGRES_DB", "app")
        .env("POSTGRES_PORT", "54x2")
        .output()
        .unwrap();
    one_line_error(&output, &["POSTGRES_PORT must be a port number", "'54x2'"]);
    assert_no_secret(&output, SECRET);
}

#[test]
fn unreadable_database_url_file() {
    let dir = TempDir::new();
    let missing = dir.path.join("no-such-secret");
    let output = cli(&dir.path)
        .arg("current")
        .env("DATABASE_URL_FILE", &missing)
        .output()
        .unwrap();
    one_line_error(
        &output,
        &["DATABASE_URL_FILE", &missing.display().to_string()],
    );
}

#[tokio::test]
async fn unknown_revision() {
    let db = TestDb::new(Backend::Sqlite, "unknownrev").await;
    let dir = TempDir::new();
    for args in [
        &["upgrade", "zzzz"][..],
        &["downgrade", "zzzz"],
        &["stamp", "zzzz"],
        &["show", "zzzz"],
    ] {
        let output = cli(&dir.path)
            .args(args)
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap();
        one_line_error(&output, &["revision 'zzzz' not found"]);
    }
    assert!(tables(&db.connect().await).await.is_empty());
}

#[tokio::test]
async fn ambiguous_prefix() {
    let db = TestDb::new(Backend::Sqlite, "ambiguous").await;
    let dir = TempDir::new();
    for args in [&["show", "a1b2c3"][..], &["upgrade", "a1b2c3"]] {
        let output = command(Path::new(FIXTURE), &dir.path)
            .args(args)
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap();
        one_line_error(
            &output,
            &[
                "prefix 'a1b2c3' is ambiguous",
                "a1b2c3aaaaaa",
                "a1b2c3bbbbbb",
                "a1b2c3d4e5f6",
            ],
        );
    }
    assert!(tables(&db.connect().await).await.is_empty());
}

#[tokio::test]
async fn upgrade_head_with_two_heads() {
    let db = TestDb::new(Backend::Sqlite, "twoheads").await;
    let dir = TempDir::new();
    let output = command(Path::new(FIXTURE), &dir.path)
        .arg("upgrade")
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    one_line_error(
        &output,
        &["multiple heads", "a1b2c3aaaaaa", "a1b2c3bbbbbb", "merge"],
    );
    assert!(tables(&db.connect().await).await.is_empty());
}

#[test]
fn bad_command_lines_are_one_line_errors() {
    let dir = TempDir::new();
    let cases: [(&[&str], &[&str]); 4] = [
        (&["downgrade"], &["<TARGET>", "not provided"]),
        (
            &["--lock-timeout", "abc", "upgrade"],
            &["--lock-timeout", "'abc'"],
        ),
        (&["frobnicate"], &["unrecognized subcommand 'frobnicate'"]),
        (&[], &["no command given", "--help"]),
    ];
    for (args, needles) in cases {
        one_line_error(&cli(&dir.path).args(args).output().unwrap(), needles);
    }
    // Help and version still print in full and succeed.
    let out = tests::process::success(&cli(&dir.path).arg("--help").output().unwrap());
    assert!(out.contains("Usage:") && out.contains("upgrade"), "{out}");
    let out = tests::process::success(&cli(&dir.path).args(["upgrade", "-h"]).output().unwrap());
    assert!(out.contains("--sql"), "{out}");
    tests::process::success(&cli(&dir.path).arg("--version").output().unwrap());
}

/// A database that records a revision this build has no file for (applied from another
/// branch): `current` shows it, `upgrade` refuses with a line naming it.
#[tokio::test]
async fn revision_unknown_to_this_build() {
    let db = TestDb::new(Backend::Sqlite, "unknownapplied").await;
    let dir = TempDir::new();
    let run = |args: &[&str]| tests::process::cli_on(&dir.path, &db.url, args);
    tests::process::success(&run(&["upgrade"]));
    db.connect()
        .await
        .execute_unprepared(
            "INSERT INTO autogen_version (revision, checksum, state) VALUES ('feedbeef0000', 'x', 'applied')",
        )
        .await
        .unwrap();
    let out = tests::process::success(&run(&["current"]));
    assert_eq!(
        out,
        "feedbeef0000 (unknown: no migration file defines it; upgrade and downgrade refuse until the file is back)\n680c9dba15ef (head, current), add order\n"
    );
    let out = tests::process::success(&run(&["current", "--verbose"]));
    assert!(out.contains("feedbeef0000 (unknown"), "{out}");
    one_line_error(&run(&["upgrade"]), &["feedbeef0000", "no migration file"]);
    one_line_error(&run(&["stamp", "head"]), &["feedbeef0000"]);
    let out = tests::process::success(&run(&["stamp", "head", "--purge"]));
    assert!(out.contains("recorded 2 revision(s)"), "{out}");
    assert_eq!(
        tests::process::success(&run(&["current"])),
        "680c9dba15ef (head, current), add order\n"
    );
}

/// A revision that fails: progress lines, then one error line (only the error with `-q`);
/// MySQL's recorded failure shows in `current` and blocks the next run until `stamp`.
async fn failing_revision_through_the_cli(backend: Backend) {
    let db = TestDb::new(backend, "clifail").await;
    let dir = TempDir::new();
    let fixture = |args: &[&str]| {
        command(Path::new(FIXTURE), &dir.path)
            .args(args)
            .env("AUTOGEN_FIXTURE", "failing")
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap()
    };
    let expected = if backend == Backend::MySql {
        "failed at statement 2 of 2"
    } else {
        "rolled back"
    };
    let output = fixture(&["upgrade"]);
    let (_, err) = tests::process::texts(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let (last, progress) = lines.split_last().expect("stderr");
    assert!(last.starts_with("error: revision f00d00000002"), "{err}");
    assert!(last.contains(expected), "{err}");
    assert!(
        progress.iter().all(|l| l.contains("INFO running upgrade")),
        "{err}"
    );

    if backend == Backend::MySql {
        let out = tests::process::success(&fixture(&["current"]));
        assert_eq!(
            out,
            "f00d00000002 (FAILED at statement 2; repair, then stamp)\n\
             f00d00000001 (current), f00d00000001\n"
        );
        one_line_error(
            &fixture(&["-q", "upgrade"]),
            &["previously failed", "stamp"],
        );
        // Repair by hand: drop what the failed revision created, then record the state.
        db.connect()
            .await
            .execute_unprepared("DROP TABLE fx_half")
            .await
            .unwrap();
        tests::process::success(&fixture(&["stamp", "f00d00000001"]));
        assert_eq!(
            tests::process::success(&fixture(&["current"])),
            "f00d00000001 (current), f00d00000001\n"
        );
    }
    one_line_error(&fixture(&["-q", "upgrade"]), &[expected]);
    let conn = db.connect().await;
    let expected_tables: &[&str] = if backend == Backend::MySql {
        &["fx_good", "fx_half"]
    } else {
        &["fx_good"]
    };
    assert_eq!(tables(&conn).await, tests::catalog::set(expected_tables));
}

tests::per_backend!(failing_revision_through_the_cli);
