//! Hazards (issue 11): one test per class, each with its exact message and JSON code, through
//! the real `cli` binary against a database brought out of line with the entities by hand;
//! `revision --autogenerate --no-destructive` and `--fail-on`.
//!
//! Needs the `cli` binary: see `tests::process`.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use tests::drifted::Drifted as Setup;
use tests::process::{success, texts};
use tests::{Backend, per_backend};

/// The drifted database, with the hazard checks of this file.
trait HazardChecks {
    fn json_hazards(&self, kind: &str, column: &str) -> Value;
    fn refused_by(&self, class: &str, op_line: &str);
}

impl HazardChecks for Setup {
    /// The hazards `check --format json` lists for the op `kind` on `column`.
    fn json_hazards(&self, kind: &str, column: &str) -> Value {
        let out = self.run(&["check", "--format", "json"]);
        let (stdout, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
        let value: Value = serde_json::from_str(&stdout).unwrap();
        let op = value["ops"]
            .as_array()
            .unwrap()
            .iter()
            .find(|op| op["op"] == kind && op["column"] == column)
            .unwrap_or_else(|| panic!("no {kind} {column} in {stdout}"))
            .clone();
        op["hazards"].clone()
    }

    /// `--fail-on class` exits 1, names the op, and writes nothing.
    fn refused_by(&self, class: &str, op_line: &str) {
        let out = self.autogenerate(&["--fail-on", class]);
        let (stdout, stderr) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&format!("refused (--fail-on): {op_line}"))),
            "{stdout}"
        );
        assert!(
            stderr.contains(&format!("of class {class}; no revision written")),
            "{stderr}"
        );
        assert!(self.files().is_empty(), "--fail-on wrote a file");
    }
}

fn user(backend: Backend) -> String {
    backend.ident("user")
}

const DROP_COLUMN: &str = "dropping column user.legacy_note deletes the data in it";
const RESTORES: &str = "the downgrade recreates column user.legacy_note without its values: it restores the structure, not the data";

async fn data_loss(backend: Backend) {
    let s = Setup::new(
        backend,
        "hz_loss",
        &[format!(
            "ALTER TABLE {} ADD COLUMN legacy_note integer NULL",
            user(backend)
        )],
    )
    .await;
    assert_eq!(
        s.json_hazards("drop_column", "legacy_note"),
        json!([
            {"class": "data-loss", "code": "drop_column", "message": DROP_COLUMN},
            {"class": "irreversible", "code": "drop_restores_structure_only", "message": RESTORES},
        ])
    );
    s.refused_by("data-loss", "drop column user.legacy_note");

    // --no-destructive leaves the drop out and says so: nothing else to write.
    let out = success(&s.autogenerate(&["--no-destructive"]));
    assert!(
        out.contains("left out (--no-destructive, data loss): drop column user.legacy_note"),
        "{out}"
    );
    assert!(
        out.ends_with("No changes detected; no revision written.\n"),
        "{out}"
    );
    assert!(s.files().is_empty());

    // Without flags: listed with its warning, and the file says it in up and in down.
    let out = success(&s.autogenerate(&[]));
    assert!(
        out.contains(&format!(
            "drop column user.legacy_note (integer NULL)  [WARNING: {DROP_COLUMN}]"
        )),
        "{out}"
    );
    let files = s.files();
    assert_eq!(files.len(), 1);
    let file = &files[0];
    let (up, down) = file.split_once("async fn down").unwrap();
    assert!(
        up.contains(&format!("// WARNING: {DROP_COLUMN}\n")),
        "{file}"
    );
    assert!(
        down.contains(&format!(
            "// HAZARD: {RESTORES} (irreversible drop_restores_structure_only)\n"
        )),
        "{file}"
    );
}

async fn irreversible(backend: Backend) {
    let s = Setup::new(
        backend,
        "hz_irrev",
        &[format!(
            "ALTER TABLE {} ADD COLUMN legacy_note integer NULL",
            user(backend)
        )],
    )
    .await;
    let hazards = s.json_hazards("drop_column", "legacy_note");
    assert_eq!(hazards[1]["code"], "drop_restores_structure_only");
    assert_eq!(hazards[1]["class"], "irreversible");
    assert_eq!(hazards[1]["message"], RESTORES);
    s.refused_by("irreversible", "drop column user.legacy_note");
    // Another class the op does not have lets it through.
    success(&s.autogenerate(&["--fail-on", "may-fail"]));
    assert_eq!(s.files().len(), 1);
}

const NOT_NULL: &str = "adding user.full_name NOT NULL without a default fails if user has rows (PostgreSQL: column \"full_name\" contains null values)";

async fn may_fail(backend: Backend) {
    let s = Setup::new(
        backend,
        "hz_fail",
        &[format!(
            "ALTER TABLE {} DROP COLUMN full_name",
            user(backend)
        )],
    )
    .await;
    let hazards = s.json_hazards("add_column", "full_name");
    assert_eq!(
        hazards[0],
        json!({"class": "may-fail", "code": "not_null_without_default", "message": NOT_NULL})
    );
    s.refused_by("may-fail", "add column user.full_name");

    let out = success(&s.autogenerate(&[]));
    assert!(
        out.contains(&format!(
            "    HAZARD: {NOT_NULL} (may-fail not_null_without_default)"
        )),
        "{out}"
    );
    let file = &s.files()[0];
    for line in [
        format!("// HAZARD: {NOT_NULL} (may-fail not_null_without_default)"),
        "// Safe pattern when user has rows (replace the add_column below with):".to_string(),
        "//   1. add user.full_name as NULL (`.null()` instead of `.not_null()`);".to_string(),
        "//   2. backfill: UPDATE user SET full_name = <value> WHERE full_name IS NULL;"
            .to_string(),
    ] {
        assert!(file.contains(&line), "{line}\n{file}");
    }

    // The claim is true on PostgreSQL: with a row, the plain ADD COLUMN fails as the message says.
    if backend == Backend::Postgres {
        let conn = s.db.connect().await;
        conn.execute_unprepared(
            "INSERT INTO \"user\" (id, email, hashed_password) VALUES ('00000000-0000-0000-0000-000000000001', 'a@b', 'x')",
        )
        .await
        .unwrap();
        let err = conn
            .execute_unprepared("ALTER TABLE \"user\" ADD COLUMN full_name varchar NOT NULL")
            .await
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("column \"full_name\" of relation \"user\" contains null values"),
            "{err}"
        );
    }
}

async fn locks(backend: Backend) {
    // PostgreSQL and MySQL: a char(20) column the entity declares as a string is retyped;
    // SQLite cannot retype in place, and re-adding a NOT NULL column rebuilds the table.
    let (sql, kind, code, message) = match backend {
        Backend::Postgres => (
            "ALTER TABLE \"user\" ALTER COLUMN full_name TYPE char(20)".to_string(),
            "alter_column",
            "column_rewrite",
            "changing the type of user.full_name rewrites every row of user under an exclusive lock",
        ),
        Backend::MySql => (
            "ALTER TABLE `user` MODIFY full_name char(20) NOT NULL".to_string(),
            "alter_column",
            "mysql_table_copy",
            "MODIFY COLUMN user.full_name copies the whole table user, blocking writes until done",
        ),
        Backend::Sqlite => (
            "ALTER TABLE \"user\" DROP COLUMN full_name".to_string(),
            "add_column",
            "sqlite_rebuild",
            "SQLite rebuilds table user: every row is copied into a new table",
        ),
    };
    let s = Setup::new(backend, "hz_locks", &[sql]).await;
    let hazards = s.json_hazards(kind, "full_name");
    let found = hazards
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["class"] == "locks")
        .unwrap_or_else(|| panic!("no locks hazard in {hazards}"));
    assert_eq!(
        found,
        &json!({"class": "locks", "code": code, "message": message})
    );
    // Only the hazards of the backend checked: no other backend's lock is listed.
    let locks: Vec<&Value> = hazards
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["class"] == "locks")
        .collect();
    assert_eq!(locks.len(), 1, "{hazards}");
    let op_line = if kind == "add_column" {
        "add column user.full_name"
    } else {
        "alter column user.full_name"
    };
    s.refused_by("locks", op_line);
}

per_backend!(data_loss, irreversible, may_fail, locks);
