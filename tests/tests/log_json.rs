//! `--log-format json`: every stderr line of a run is one JSON object, and each executed
//! statement of a revision is an `autogen::statement` event with the revision, the statement's
//! index within it and its duration. The human format stays the default.
//!
//! Needs the `cli` binary (see `tests::process`).

use serde_json::Value;
use tests::process::{cli, success, texts};
use tests::{Backend, TempDir, TestDb};

#[tokio::test]
async fn json_logs_carry_revision_statement_and_duration() {
    let db = TestDb::new(Backend::Postgres, "log_json").await;
    let dir = TempDir::new();
    let out = cli(&dir.path)
        .args(["--database-url", &db.url, "--log-format", "json", "upgrade"])
        .output()
        .unwrap();
    success(&out);
    let (_, err) = texts(&out);
    let events: Vec<Value> = err
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let statements: Vec<&Value> = events
        .iter()
        .filter(|e| e["target"] == "autogen::statement")
        .collect();
    let heads = success(&cli(&dir.path).arg("history").output().unwrap());
    for line in heads.lines() {
        let id = line
            .split(" -> ")
            .nth(1)
            .and_then(|rest| rest.split([' ', ',']).next())
            .expect("history line");
        let mine: Vec<&&Value> = statements.iter().filter(|e| e["revision"] == id).collect();
        assert!(!mine.is_empty(), "no statement events for {id}:\n{err}");
        for (n, event) in mine.iter().enumerate() {
            assert_eq!(event["statement"], n + 1, "{event}");
            assert!(
                event["duration_ms"].as_f64().is_some_and(|d| d >= 0.0),
                "{event}"
            );
            assert_eq!(event["failed"], false, "{event}");
            assert!(event["timestamp"].is_string(), "{event}");
        }
    }
    // The default format is for people.
    let db2 = TestDb::new(Backend::Postgres, "log_text").await;
    let out = cli(&dir.path)
        .args(["--database-url", &db2.url, "upgrade"])
        .output()
        .unwrap();
    success(&out);
    let (_, err) = texts(&out);
    assert!(err.lines().all(|l| !l.starts_with('{')), "{err}");
    assert!(!err.contains("autogen::statement"), "{err}");
}

#[test]
fn a_failure_in_json_mode_keeps_the_error_line() {
    // Events before the failure are JSON; the failure itself stays the one `error:` line
    // every run ends with (aggregators keep a non-JSON line as a raw message).
    let dir = TempDir::new();
    let out = cli(&dir.path)
        .args([
            "--log-format",
            "json",
            "--database-url",
            "postgres://u@127.0.0.1:1/x",
        ])
        .args(["--wait-for-db", "3", "--connect-timeout", "1", "current"])
        .output()
        .unwrap();
    let (_, err) = texts(&out);
    let lines: Vec<&str> = err.lines().collect();
    let (last, events) = lines.split_last().expect("stderr lines");
    assert!(
        last.starts_with("error: database postgres://u@127.0.0.1:1/x still not reachable"),
        "{err}"
    );
    assert!(!events.is_empty(), "{err}");
    for line in events {
        let event: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(event["target"], "autogen::runtime::db_wait", "{line}");
    }
}
