//! A user binary over `autogen::cli::run`, like `cli/src/main.rs`, but with in-test revision
//! graphs the real `migration` crate does not have (two heads sharing an id prefix, a slow
//! chain). `AUTOGEN_FIXTURE` picks the graph:
//!
//! - `two_heads` (default): `a1b2c3d4e5f6` with children `a1b2c3aaaaaa` and `a1b2c3bbbbbb`.
//! - `slow_chain`: five revisions `5c0000000001`..`5c0000000005`, each creating a table and then
//!   sleeping 200 ms, so that concurrent runs really overlap.
//!
//! - `failing`: `f00d00000001` creates a table, `f00d00000002` creates one and then runs
//!   invalid SQL.
//!
//! - `interruptible`: `1e0000000001` creates `fx_first`, creates the file named by
//!   `AUTOGEN_FIXTURE_MARK` (if set), sleeps `AUTOGEN_FIXTURE_SLEEP` seconds (default 0), then
//!   creates `fx_second`: a test can SIGKILL the process in the middle of the revision.
//!
//! - `slow_revision`: `5e0000000001` creates `fx_before`, creates the file named by
//!   `AUTOGEN_FIXTURE_MARK` (if set), runs a statement that keeps the server busy for
//!   `AUTOGEN_FIXTURE_SLEEP` seconds (default 0; see `tests::slow_revision`), then creates
//!   `fx_after`.
//!
//! - `conflicting_heads`: `c0ffee0000b0` creates `fx_base`; its children `c0ffee0000a1` and
//!   `c0ffee0000a2` both add column `note` to it (a branch conflict).
//!
//! - `entity_ahead`: this repository's own chain plus `da0000000001`, which drops
//!   `user.avatar_url`: the entities then declare a column no revision creates (an entity
//!   changed without a revision).
//!
//! - `edited_before` / `edited_after`: `ed0000000001` creates `fx_edited`; in `edited_after`
//!   the same revision has one more column (a file edited after it was applied).
//!
//! - `squash_refusals`: `5f0000000001` creates `fx_kept`, `5f0000000002` inserts a row into it,
//!   `5f0000000003` creates `fx_more`, `5f0000000004` `fx_last`; apart from them `5f00000000b0` with children
//!   `5f00000000b1` and `5f00000000b2`, merged by `5f00000000b3`, then `5f00000000b4`.
//!
//! `autogen_fixture hold-lock <url> [busy]` instead takes the migration lock, prints `locked`,
//! and sleeps until it is killed; with `busy`, its session then runs a one-hour statement, as
//! a migrator killed inside a slow revision leaves behind.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use autogen::runtime::{ConnectOptions, Revision, Session};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};
use tests::fixtures::{
    CreateTable, CreateTableEdited, FailingSecondStatement, Noop, RawStatements, rev,
};
use tests::slow_revision::{SlowRevision, slow_sql};

/// Creates a table, then sleeps.
struct SlowCreate(&'static str);

impl MigrationName for SlowCreate {
    fn name(&self) -> &str {
        self.0
    }
}

#[async_trait::async_trait]
impl MigrationTrait for SlowCreate {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable(self.0).up(manager).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable(self.0).down(manager).await
    }
}

/// Drops `user.avatar_url`; `down` adds it back.
struct DropAvatar;

impl MigrationName for DropAvatar {
    fn name(&self) -> &str {
        "drop_avatar"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for DropAvatar {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                sea_query::Table::alter()
                    .table("user")
                    .drop_column("avatar_url")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                sea_query::Table::alter()
                    .table("user")
                    .add_column(sea_query::ColumnDef::new("avatar_url").string().null())
                    .to_owned(),
            )
            .await
    }
}

/// Two tables, with a pause (and a mark file) between them.
struct Interruptible;

impl MigrationName for Interruptible {
    fn name(&self) -> &str {
        "interruptible"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Interruptible {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable("fx_first").up(manager).await?;
        // The runner also runs `up` against a recording connection (checksums, statement
        // counts), where every query returns no rows: mark and pause only in the real run.
        let conn = manager.get_connection();
        let probe = Statement::from_string(conn.get_database_backend(), "SELECT 1 AS one");
        if conn.query_one_raw(probe).await?.is_none() {
            return CreateTable("fx_second").up(manager).await;
        }
        if let Ok(mark) = std::env::var("AUTOGEN_FIXTURE_MARK") {
            std::fs::write(mark, "started").expect("write mark file");
        }
        let pause: u64 = std::env::var("AUTOGEN_FIXTURE_SLEEP")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        tokio::time::sleep(Duration::from_secs(pause)).await;
        CreateTable("fx_second").up(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable("fx_second").down(manager).await?;
        CreateTable("fx_first").down(manager).await
    }
}

fn revisions() -> Vec<Revision> {
    match std::env::var("AUTOGEN_FIXTURE").as_deref() {
        Ok("interruptible") => vec![rev("1e0000000001", &[], Interruptible)],
        Ok("slow_revision") => vec![rev(
            "5e0000000001",
            &[],
            SlowRevision {
                seconds: std::env::var("AUTOGEN_FIXTURE_SLEEP")
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0),
                mark: std::env::var_os("AUTOGEN_FIXTURE_MARK").map(Into::into),
            },
        )],
        Ok("slow_chain") => vec![
            rev("5c0000000001", &[], SlowCreate("slow_1")),
            rev("5c0000000002", &["5c0000000001"], SlowCreate("slow_2")),
            rev("5c0000000003", &["5c0000000002"], SlowCreate("slow_3")),
            rev("5c0000000004", &["5c0000000003"], SlowCreate("slow_4")),
            rev("5c0000000005", &["5c0000000004"], SlowCreate("slow_5")),
        ],
        Ok("failing") => vec![
            rev("f00d00000001", &[], CreateTable("fx_good")),
            rev(
                "f00d00000002",
                &["f00d00000001"],
                FailingSecondStatement("fx_half"),
            ),
        ],
        Ok("entity_ahead") => {
            let mut all = migration::revisions();
            let head = all
                .iter()
                .map(|r| r.meta.id)
                .find(|id| !all.iter().any(|r| r.meta.down_revisions.contains(id)))
                .expect("the chain has a head");
            let parents: &'static [&'static str] = Box::leak(vec![head].into_boxed_slice());
            all.push(rev("da0000000001", parents, DropAvatar));
            all
        }
        Ok("edited_before") => vec![rev("ed0000000001", &[], CreateTable("fx_edited"))],
        Ok("edited_after") => vec![rev("ed0000000001", &[], CreateTableEdited("fx_edited"))],
        Ok("conflicting_heads") => vec![
            rev("c0ffee0000b0", &[], CreateTable("fx_base")),
            rev(
                "c0ffee0000a1",
                &["c0ffee0000b0"],
                RawStatements(
                    "left_note",
                    &[r#"ALTER TABLE "fx_base" ADD COLUMN "note" integer"#],
                ),
            ),
            rev(
                "c0ffee0000a2",
                &["c0ffee0000b0"],
                RawStatements(
                    "right_note",
                    &[r#"ALTER TABLE "fx_base" ADD COLUMN "note" text"#],
                ),
            ),
        ],
        Ok("squash_refusals") => vec![
            rev("5f0000000001", &[], CreateTable("fx_kept")),
            rev(
                "5f0000000002",
                &["5f0000000001"],
                RawStatements(
                    "seed",
                    &[r#"INSERT INTO "fx_kept" ("id", "name") VALUES (1, 'seed')"#],
                ),
            ),
            rev("5f0000000003", &["5f0000000002"], CreateTable("fx_more")),
            rev("5f0000000004", &["5f0000000003"], CreateTable("fx_last")),
            rev("5f00000000b0", &[], CreateTable("fx_root")),
            rev("5f00000000b1", &["5f00000000b0"], CreateTable("fx_left")),
            rev("5f00000000b2", &["5f00000000b0"], CreateTable("fx_right")),
            rev(
                "5f00000000b3",
                &["5f00000000b1", "5f00000000b2"],
                Noop("joined"),
            ),
            rev("5f00000000b4", &["5f00000000b3"], CreateTable("fx_after")),
        ],
        Ok("two_heads") | Err(_) => vec![
            rev("a1b2c3d4e5f6", &[], CreateTable("fx_base")),
            rev("a1b2c3aaaaaa", &["a1b2c3d4e5f6"], CreateTable("fx_left")),
            rev("a1b2c3bbbbbb", &["a1b2c3d4e5f6"], CreateTable("fx_right")),
        ],
        Ok(other) => panic!("unknown AUTOGEN_FIXTURE {other}"),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("hold-lock") {
        let url = args.get(2).expect("hold-lock <url>");
        let url = autogen::config::DatabaseUrl::parse(url, autogen::config::UrlSource::Flag)
            .expect("hold-lock <url>: a valid URL");
        let session = Session::open(&url, &ConnectOptions::default())
            .await
            .expect("connect");
        let _lock = session
            .lock(Duration::from_secs(30))
            .await
            .expect("take the migration lock");
        println!("locked");
        std::io::stdout().flush().expect("flush");
        if args.get(3).map(String::as_str) == Some("busy") {
            let conn = session.connection();
            let slow = slow_sql(conn.get_database_backend(), 3600);
            let _ = conn
                .query_one_raw(Statement::from_string(conn.get_database_backend(), slow))
                .await;
        }
        loop {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
    }
    match autogen::cli::run(entity::all(), revisions()).await {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", err.one_line());
            ExitCode::from(2)
        }
    }
}
