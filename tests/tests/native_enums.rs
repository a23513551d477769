//! Native enums end to end: PostgreSQL `CREATE TYPE .. AS ENUM`, MySQL inline `ENUM(..)`,
//! SQLite text. The round-trip property (autogenerate, upgrade, autogenerate = nothing,
//! downgrade = the snapshot) for a text column turned into a new enum, a value added in the
//! middle, a value removed, and MySQL upper-case values; `diff --sql` between databases built
//! from SQL converges.

use autogen::metadata::EntityDef;
use tests::Backend;
use tests::roundtrip::RoundTrip;
use tests::sql_pair::converge;

mod v1 {
    tests::entity!(ticket, #[sea_orm(table_name = "ticket")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "Text")]
        pub status: String,
    });
}

/// An ActiveEnum module `$m` with values `$v`, and a `ticket` table whose `status` uses it.
macro_rules! enum_version {
    ($m:ident, $($variant:ident = $v:literal),*) => {
        mod $m {
            pub mod status {
                use sea_orm::entity::prelude::*;
                /// The ticket status, a database enum.
                #[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
                #[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "ticket_status")]
                pub enum Status {
                    $(#[sea_orm(string_value = $v)] $variant,)*
                }
            }
            pub mod ticket {
                use sea_orm::entity::prelude::*;
                /// A row.
                #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
                #[sea_orm(table_name = "ticket")]
                pub struct Model {
                    #[sea_orm(primary_key)]
                    pub id: i32,
                    pub status: super::status::Status,
                }
                /// No relations.
                #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
                pub enum Relation {}
                impl ActiveModelBehavior for ActiveModel {}
            }
        }
    };
}

enum_version!(v2, Open = "open", Closed = "closed");
enum_version!(v3, Open = "open", Pending = "pending", Closed = "closed");
enum_version!(v4, Open = "Open", Closed = "closed");
enum_version!(rating, G = "G", Pg = "PG", R = "R");

fn one(e: EntityDef) -> Vec<EntityDef> {
    vec![e]
}

/// text → enum → value added in the middle → value removed (and renamed case), on `backend`.
async fn walk(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "enum_walk").await;
    rt.step(&one(EntityDef::of::<v1::ticket::Entity>()), &["add_table"])
        .await;
    rt.insert(
        "ticket",
        &["id", "status"],
        &[&["1", "'open'"], &["2", "'closed'"]],
    )
    .await;
    let (to_enum, values): (&[&str], &[&str]) = match backend {
        Backend::Postgres => (&["create_enum", "alter_column"], &["alter_enum"]),
        Backend::MySql => (&["alter_column"], &["alter_column"]),
        // SQLite has no enums: text either way, no false diff.
        Backend::Sqlite => (&[], &[]),
    };
    rt.step(&one(EntityDef::of::<v2::ticket::Entity>()), to_enum)
        .await;
    rt.step(&one(EntityDef::of::<v3::ticket::Entity>()), values)
        .await;
    rt.exec("UPDATE ticket SET status = 'pending' WHERE id = 2")
        .await;
    rt.exec("UPDATE ticket SET status = 'closed' WHERE id = 2")
        .await;
    rt.exec("UPDATE ticket SET status = 'closed' WHERE id = 1")
        .await;
    // 'pending' and 'open' go, 'Open' comes: removal rebuilds the type on PostgreSQL.
    rt.step(&one(EntityDef::of::<v4::ticket::Entity>()), values)
        .await;
    assert_eq!(rt.count("ticket").await, 2);
}

#[tokio::test]
async fn postgres_text_to_enum_add_and_remove_values() {
    walk(Backend::Postgres).await;
}

#[tokio::test]
async fn mysql_text_to_enum_add_and_remove_values() {
    walk(Backend::MySql).await;
}

#[tokio::test]
async fn sqlite_enum_is_text_without_false_diff() {
    walk(Backend::Sqlite).await;
}

/// MySQL keeps upper-case values exactly: no diff after the upgrade, none on a second run.
#[tokio::test]
async fn mysql_enum_with_upper_case_values() {
    for backend in [Backend::MySql, Backend::Postgres] {
        let mut rt = RoundTrip::new(backend, "enum_case").await;
        let kinds: &[&str] = match backend {
            Backend::Postgres => &["create_enum", "add_table"],
            _ => &["add_table"],
        };
        rt.step(&one(EntityDef::of::<rating::ticket::Entity>()), kinds)
            .await;
        rt.insert("ticket", &["id", "status"], &[&["1", "'PG'"]])
            .await;
        rt.step(&one(EntityDef::of::<rating::ticket::Entity>()), &[])
            .await;
    }
}

const PG_T: &str = "CREATE TABLE t (id int PRIMARY KEY, s st NOT NULL DEFAULT 'a')";

#[tokio::test]
async fn postgres_diff_creates_the_enum_it_uses() {
    converge(
        Backend::Postgres,
        &[],
        &["CREATE TYPE st AS ENUM ('a', 'b')", PG_T],
        &["create_enum", "add_table"],
    )
    .await;
}

#[tokio::test]
async fn postgres_diff_adds_a_value_in_the_middle() {
    converge(
        Backend::Postgres,
        &["CREATE TYPE st AS ENUM ('a', 'c')", PG_T],
        &["CREATE TYPE st AS ENUM ('a', 'b', 'c')", PG_T],
        &["alter_enum"],
    )
    .await;
}

#[tokio::test]
async fn postgres_diff_removes_a_value() {
    converge(
        Backend::Postgres,
        &["CREATE TYPE st AS ENUM ('a', 'b', 'c')", PG_T],
        &["CREATE TYPE st AS ENUM ('a', 'c')", PG_T],
        &["alter_enum"],
    )
    .await;
}

#[tokio::test]
async fn postgres_diff_text_to_enum_and_back() {
    let text = "CREATE TABLE t (id int PRIMARY KEY, s text NOT NULL DEFAULT 'a')";
    let with_type = ["CREATE TYPE st AS ENUM ('a', 'b')", PG_T];
    converge(
        Backend::Postgres,
        &[text],
        &with_type,
        &["create_enum", "alter_column"],
    )
    .await;
    converge(
        Backend::Postgres,
        &with_type,
        &[text],
        &["alter_column", "drop_enum"],
    )
    .await;
}

#[tokio::test]
async fn mysql_diff_enum_values_and_case() {
    converge(
        Backend::MySql,
        &["CREATE TABLE t (id int PRIMARY KEY, r enum('g','pg'))"],
        &["CREATE TABLE t (id int PRIMARY KEY, r ENUM('G', 'PG', 'R'))"],
        &["alter_column"],
    )
    .await;
    converge(
        Backend::MySql,
        &["CREATE TABLE t (id int PRIMARY KEY, s set('a','b'))"],
        &["CREATE TABLE t (id int PRIMARY KEY, s SET('b', 'a'))"],
        &["alter_column"],
    )
    .await;
}

/// An enum type that only an unmanaged table uses (one no entity describes) is someone else's:
/// `check` names it in a notice and never proposes to drop it.
#[tokio::test]
async fn postgres_enum_of_an_unmanaged_table_is_left_alone() {
    let d = tests::drifted::Drifted::new(
        Backend::Postgres,
        "enum_foreign",
        &[
            "CREATE TYPE mood AS ENUM ('happy', 'sad')".into(),
            "CREATE TABLE legacy (id integer PRIMARY KEY, m mood)".into(),
        ],
    )
    .await;
    let out = d.run(&["check"]);
    let (stdout, stderr) = tests::process::texts(&out);
    // 1: the unmanaged table is reported (never dropped); no op touches the type.
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(!stdout.contains("drop enum"), "{stdout}");
    assert!(stdout.contains("unmanaged table \"legacy\""), "{stdout}");
    let all = format!("{stdout}{stderr}");
    assert!(
        all.contains(
            "notice: column type \"mood\" (enum type (happy, sad) used by no managed table)"
        ),
        "{all}"
    );
    assert!(all.contains("legacy"), "{all}");
}
