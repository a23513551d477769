//! A table in the database that no entity describes (a forgotten entity, another
//! application's table) is reported by `check` and `revision --autogenerate`, one line each,
//! and never proposed for a drop; an exclude pattern of `autogen.toml` silences it.
//!
//! Needs the `cli` binary: see `tests::process`.

use sea_orm::ConnectionTrait;
use tests::process::{success, texts};
use tests::{Backend, TempDir, TestDb, per_backend};

async fn unmanaged_table_is_reported_not_dropped(backend: Backend) {
    let db = TestDb::new(backend, "unmanaged").await;
    let dir = TempDir::new();
    let run = |args: &[&str]| tests::process::cli_on(&dir.path, &db.url, args);
    success(&run(&["upgrade"]));
    let conn = db.connect().await;
    for table in ["legacy_audit", "spatial_ref_sys"] {
        conn.execute_unprepared(&format!(
            "CREATE TABLE {} (id integer PRIMARY KEY)",
            backend.ident(table)
        ))
        .await
        .unwrap();
    }

    let out = run(&["check"]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for (line, table) in lines.iter().zip(["legacy_audit", "spatial_ref_sys"]) {
        assert!(
            line.starts_with(&format!(
                "unmanaged table \"{table}\": in the database but in no entity"
            )),
            "{line}"
        );
    }
    assert!(!stdout.contains("drop table"), "{stdout}");

    let out = run(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let (json, _) = texts(&out);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["in_sync"], false);
    assert_eq!(value["ops"], serde_json::json!([]));
    assert_eq!(
        value["unmanaged"],
        serde_json::json!(["legacy_audit", "spatial_ref_sys"])
    );

    let versions = TempDir::new();
    let dir_arg = versions.path.to_string_lossy().into_owned();
    let out = success(&run(&[
        "revision",
        "--autogenerate",
        "-m",
        "nothing",
        "--versions-dir",
        &dir_arg,
    ]));
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.contains("unmanaged table \"legacy_audit\""), "{out}");
    assert!(
        out.ends_with("No changes detected; no revision written.\n"),
        "{out}"
    );
    assert_eq!(std::fs::read_dir(&versions.path).unwrap().count(), 0);

    // An exclude pattern of autogen.toml leaves a table alone: not reported, not dropped.
    std::fs::write(
        dir.path.join("autogen.toml"),
        "exclude_tables = [\"spatial_*\", \"legacy_?udit\"]\n",
    )
    .unwrap();
    let out = success(&run(&["check"]));
    assert_eq!(out, "No changes detected: the database matches.\n");
}

per_backend!(unmanaged_table_is_reported_not_dropped);
