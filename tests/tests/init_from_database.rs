//! `init --from-database` on PostgreSQL, MariaDB and SQLite: a workspace whose entity crate is empty, next to a
//! populated database without a version table, is adopted in one command (`pull` + `init` +
//! baseline + `stamp`). Then `current` is the baseline, `upgrade` has nothing to do (the
//! stamped checksum is the file's), `check` is clean, and an empty database built by `upgrade`
//! checks clean too. Builds into the shared `target/e2e`; needs the `cli` binary.

use std::path::Path;

use sea_orm::ConnectionTrait;
use tests::e2e::{build_bin, repo, write};
use tests::process::{cli, command, one_line_error, success};
use tests::{Backend, TempDir, TestDb};

const SCHEMA: &str = "CREATE TABLE author (id integer PRIMARY KEY, name varchar(50) NOT NULL);
CREATE TABLE book (
    id integer PRIMARY KEY,
    author_id integer NOT NULL,
    title varchar(100) NOT NULL DEFAULT 'untitled',
    FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE
);
CREATE INDEX book_title_author ON book (title, author_id);";

fn run(bin: &Path, ws: &Path, url: &str, args: &[&str]) -> std::process::Output {
    command(bin, ws)
        .args(args)
        .env("DATABASE_URL", url)
        .output()
        .unwrap()
}

tests::per_backend!(init_from_database_pulls_baselines_and_stamps);

/// One workspace per backend (the pulled entities are the backend's); they build one after
/// the other into `target/e2e` (see `build_bin`).
async fn init_from_database_pulls_baselines_and_stamps(backend: Backend) {
    let tmp = TempDir::new();
    let ws = tmp.path.join(format!("existing_{backend:?}"));
    tests::e2e::workspace_root(
        &ws,
        "[workspace]\nresolver = \"3\"\nmembers = [\"entity\"]\n",
    );
    write(
        &ws.join("entity/Cargo.toml"),
        &format!(
            "[package]\nname = \"entity\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\n\
             sea-orm = {{ version = \"2.0.4\", default-features = false, features = [\"macros\"] }}\n\
             autogen = {{ path = {:?} }}\n",
            repo().join("autogen").display().to_string()
        ),
    );
    let db = TestDb::new(backend, "from_db").await;
    let conn = db.connect().await;
    for stmt in SCHEMA.split(';').filter(|s| !s.trim().is_empty()) {
        conn.execute_unprepared(stmt).await.unwrap();
    }

    let out = success(
        &cli(&ws)
            .args(["init", "--from-database", "--autogen-path"])
            .arg(repo().join("autogen"))
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap(),
    );
    assert!(out.contains("Generated baseline"), "{out}");
    assert!(out.contains("Stamped"), "{out}");
    let main = std::fs::read_to_string(ws.join("autogen-cli/src/main.rs")).unwrap();
    assert!(main.contains("entity::entities()"), "{main}");
    assert!(ws.join("entity/src/book.rs").exists());

    let bin = build_bin(&ws, &["autogen-cli"], "autogen-cli", &tmp.path);
    let current = success(&run(&bin, &ws, &db.url, &["current"]));
    assert!(current.contains("head"), "{current}");
    let up = success(&run(&bin, &ws, &db.url, &["upgrade"]));
    assert!(up.contains("Already at head"), "{up}");
    assert_eq!(
        success(&run(&bin, &ws, &db.url, &["check"])),
        "No changes detected: the database matches.\n",
        "{backend:?}"
    );
    // The baseline builds the schema on an empty database.
    let empty = TestDb::new(backend, "from_db_empty").await;
    success(&run(&bin, &ws, &empty.url, &["upgrade"]));
    assert_eq!(
        success(&run(&bin, &ws, &empty.url, &["check"])),
        "No changes detected: the database matches.\n"
    );
    // This binary has no sea-orm-migration Migrator to import.
    one_line_error(
        &run(&bin, &ws, &db.url, &["import", "seaorm"]),
        &[
            "import seaorm",
            "no sea-orm-migration Migrator",
            "run_with_seaorm",
        ],
    );
    // A second adoption refuses: the database is versioned now.
    one_line_error(
        &cli(&ws)
            .args(["init", "--from-database"])
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap(),
        &["init --from-database", "version table"],
    );
}
