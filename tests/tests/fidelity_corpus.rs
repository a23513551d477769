//! The fidelity corpus: `tests/fidelity/<backend>_<case>.sql`, each two schemas written as SQL
//! (after `-- A` and `-- B`) in the spellings real dumps and hand-written DDL use.
//!
//! - A case marked `-- same` holds two spellings of one schema: `diff` finds nothing, either
//!   way.
//! - Any other case is a change: `diff` finds ops, `diff --sql` applied to A as a script runs
//!   without error, and a second `diff` finds nothing. What A and B both hold but the tool does
//!   not manage (a column's collation, a view, ...) is still in A afterwards: never lost
//!   silently by a statement that restates a column or rebuilds a table.
//!
//! A new case is a new file; `pg_`, `my_` and `sq_` name the backend. Every failing case is
//! listed at once.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use autogen::drift::{current_schema, database_drift};
use autogen::ops::Op;
use tests::process::cli_bin;
use tests::script::{run_script, try_run_script};
use tests::{Backend, TestDb};

/// One corpus file, split.
struct Case {
    name: String,
    same: bool,
    a: String,
    b: String,
}

fn cases(prefix: &str) -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fidelity");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "sql")
                && p.file_name().unwrap().to_string_lossy().starts_with(prefix)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no {prefix}*.sql in {}", dir.display());
    files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let (head, b) = text
                .split_once("-- B\n")
                .unwrap_or_else(|| panic!("{}: no `-- B` line", p.display()));
            let (marks, a) = head
                .split_once("-- A\n")
                .unwrap_or_else(|| panic!("{}: no `-- A` line", p.display()));
            Case {
                name: p.file_stem().unwrap().to_string_lossy().into_owned(),
                same: marks.contains("-- same"),
                a: a.to_string(),
                b: b.to_string(),
            }
        })
        .collect()
}

fn described(ops: &[Op]) -> Vec<String> {
    ops.iter().map(Op::describe).collect()
}

/// Runs one case; `Err` says what went wrong.
async fn run(backend: Backend, case: &Case) -> Result<(), String> {
    let (a, b) = (
        TestDb::new(backend, "fidelity").await,
        TestDb::new(backend, "fidelity").await,
    );
    run_script(&a, &case.a).await;
    run_script(&b, &case.b).await;
    let (ca, cb) = (a.connect().await, b.connect().await);
    let ops = database_drift(&ca, &cb)
        .await
        .map_err(|e| e.to_string())?
        .ops;
    if case.same {
        let back = database_drift(&cb, &ca)
            .await
            .map_err(|e| e.to_string())?
            .ops;
        if !ops.is_empty() || !back.is_empty() {
            return Err(format!(
                "same schema, but A->B {:?}, B->A {:?}",
                described(&ops),
                described(&back)
            ));
        }
        return Ok(());
    }
    if ops.is_empty() {
        return Err("the change was not found".into());
    }
    let out = Command::new(cli_bin())
        .args(["diff", "--from", &a.url, "--to", &b.url, "--sql"])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    if out.status.code() != Some(1) {
        return Err(format!("diff --sql: {out:?}"));
    }
    let script = String::from_utf8_lossy(&out.stdout);
    let kept_before = shared_unmanaged(&ca, &cb).await?;
    if let Err(e) = try_run_script(&a, &script).await {
        return Err(format!("diff --sql did not apply: {e}\n{script}"));
    }
    let left = database_drift(&ca, &cb)
        .await
        .map_err(|e| e.to_string())?
        .ops;
    if !left.is_empty() {
        return Err(format!(
            "after diff --sql, left {:?} (found {:?})",
            described(&left),
            described(&ops)
        ));
    }
    let kept_after = shared_unmanaged(&ca, &cb).await?;
    let lost: Vec<&String> = kept_before
        .iter()
        .filter(|u| !kept_after.contains(u))
        .collect();
    if !lost.is_empty() {
        return Err(format!("diff --sql lost {lost:?}\n{script}"));
    }
    Ok(())
}

/// The unmanaged objects (as their notice lines) that both databases hold.
async fn shared_unmanaged(
    a: &sea_orm::DatabaseConnection,
    b: &sea_orm::DatabaseConnection,
) -> Result<Vec<String>, String> {
    let lines = |s: &autogen::model::Schema| -> Vec<String> {
        s.unmanaged.iter().map(ToString::to_string).collect()
    };
    let (sa, sb) = (
        current_schema(a).await.map_err(|e| e.to_string())?.0,
        current_schema(b).await.map_err(|e| e.to_string())?.0,
    );
    let theirs = lines(&sb);
    Ok(lines(&sa)
        .into_iter()
        .filter(|l| theirs.contains(l))
        .collect())
}

async fn corpus(backend: Backend, prefix: &str) {
    let mut failed = Vec::new();
    let all = cases(prefix);
    for case in &all {
        if let Err(why) = run(backend, case).await {
            failed.push(format!("{}: {why}", case.name));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} {backend:?} cases failed:\n{}",
        failed.len(),
        all.len(),
        failed.join("\n")
    );
}

#[tokio::test]
async fn postgres_corpus() {
    corpus(Backend::Postgres, "pg_").await;
}

#[tokio::test]
async fn mysql_corpus() {
    corpus(Backend::MySql, "my_").await;
}

#[tokio::test]
async fn sqlite_corpus() {
    corpus(Backend::Sqlite, "sq_").await;
}
