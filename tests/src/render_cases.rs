//! Op mixes whose rendered migration files are committed under `tests/generated/` (compiled
//! with the tests) and snapshotted with insta. Each case is a pair of schemas; its ops are what
//! `compare` finds between them, so the files are what autogenerate would write.

use autogen::compare::compare;
use autogen::model::{
    Column, ColumnType as Ty, FkAction, ForeignKey, Index, PrimaryKey, Schema, Table, Unique,
    column_key,
};
use autogen::ops::{Op, build_concurrently};
use autogen::render::{RenderInput, render_migration};
use autogen::revision::NewRevision;

mod column_kinds;
mod computed;
mod hostile;

/// One rendered-file case.
pub struct RenderCase {
    /// File stem under `tests/generated/` and snapshot name.
    pub name: &'static str,
    /// Revision id written into the file.
    pub id: &'static str,
    /// The schema the upgrade starts from.
    pub before: Schema,
    /// The schema it ends at.
    pub desired: Schema,
    /// Whether indexes of existing tables are built `CONCURRENTLY` (`--concurrently`).
    pub concurrently: bool,
}

impl RenderCase {
    /// The upgrade ops.
    pub fn ops(&self) -> Vec<Op> {
        let mut ops = compare(&self.before, &self.desired);
        if self.concurrently {
            build_concurrently(&mut ops);
        }
        ops
    }

    /// The rendered file.
    pub fn render(&self) -> String {
        render_migration(RenderInput {
            revision: NewRevision {
                id: self.id.into(),
                down_revisions: Vec::new(),
                message: self.name.replace('_', " "),
                create_date: "2026-01-01 00:00:00 UTC".into(),
                transactional: !self.ops().iter().any(Op::concurrently),
                ..NewRevision::default()
            },
            ops: &self.ops(),
            before: &self.before,
        })
    }
}

pub(crate) fn col(name: &str, ty: Ty) -> Column {
    Column {
        name: name.into(),
        col_type: ty,
        nullable: false,
        default: None,
        auto_increment: false,
        comment: None,
        identity: None,
        renamed_from: None,
        on_update: None,
        collation: None,
        generated: None,
    }
}

pub(crate) fn null(mut c: Column) -> Column {
    c.nullable = true;
    c
}

pub(crate) fn def(mut c: Column, sql: &str) -> Column {
    c.default = Some(sql.into());
    c
}

pub(crate) fn auto(mut c: Column) -> Column {
    c.auto_increment = true;
    c
}

pub(crate) fn comment(mut c: Column, text: &str) -> Column {
    c.comment = Some(text.into());
    c
}

pub(crate) fn renamed(mut c: Column, old: &str) -> Column {
    c.renamed_from = Some(old.into());
    c
}

pub(crate) fn strings(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

pub(crate) fn table(name: &str, columns: Vec<Column>, pk: &[&str]) -> Table {
    Table {
        columns,
        primary_key: Some(PrimaryKey {
            name: None,
            columns: strings(pk),
        }),
        ..Table::new(name)
    }
}

pub(crate) fn unique(mut t: Table, name: &str, cols: &[&str]) -> Table {
    t.uniques.insert(
        column_key(&strings(cols)),
        Unique {
            name: name.into(),
            columns: strings(cols),
        },
    );
    t
}

pub(crate) fn index(mut t: Table, name: &str, cols: &[&str]) -> Table {
    t.indexes.insert(
        name.into(),
        Index {
            name: name.into(),
            columns: strings(cols),
        },
    );
    t
}

pub(crate) fn fk(
    mut t: Table,
    name: &str,
    cols: &[&str],
    target: &str,
    actions: (FkAction, FkAction),
) -> Table {
    t.foreign_keys.insert(
        column_key(&strings(cols)),
        ForeignKey {
            name: name.into(),
            columns: strings(cols),
            ref_table: target.into(),
            ref_columns: vec!["id".into()],
            on_delete: actions.0,
            on_update: actions.1,
            deferrable: Default::default(),
        },
    );
    t
}

pub(crate) fn schema(tables: Vec<Table>) -> Schema {
    let mut s = Schema::default();
    for t in tables {
        s.insert(t);
    }
    s
}

pub(crate) const NO: (FkAction, FkAction) = (FkAction::NoAction, FkAction::NoAction);

/// New tables: reserved names, comments, every kind of default, a composite key, uniques,
/// indexes, and a foreign-key cycle (one key added after both tables exist).
fn create_tables() -> RenderCase {
    let mut user = table(
        "user",
        vec![
            auto(col("id", Ty::BigInteger)),
            col("email", Ty::String(Some(255))),
            comment(null(col("bio", Ty::Text)), "About me, in the user's words"),
            def(
                col("created_at", Ty::TimestampWithTimeZone),
                "CURRENT_TIMESTAMP",
            ),
            def(col("score", Ty::Double), "1.5"),
            def(col("active", Ty::Boolean), "true"),
            def(col("nickname", Ty::String(Some(32))), "'it''s me'"),
            def(col("slots", Ty::Integer), "1 + 1"),
            null(col("tags", Ty::Custom("text".into()))),
        ],
        &["id"],
    );
    user.comment = Some("Registered users".into());
    let user = unique(user, "user_email_key", &["email"]);
    let order = table(
        "order",
        vec![
            auto(col("id", Ty::BigInteger)),
            col("user_id", Ty::BigInteger),
            col("total", Ty::Decimal(Some((10, 2)))),
            def(col("status", Ty::String(Some(16))), "'pending'"),
        ],
        &["id"],
    );
    let order = fk(
        order,
        "fk-order-user_id",
        &["user_id"],
        "user",
        (FkAction::Cascade, FkAction::NoAction),
    );
    let order = index(order, "idx-order-user_id-status", &["user_id", "status"]);
    let line = table(
        "order_line",
        vec![
            col("order_id", Ty::BigInteger),
            col("line", Ty::Integer),
            col("sku", Ty::Char(Some(8))),
            null(col("data", Ty::Json)),
        ],
        &["order_id", "line"],
    );
    let line = fk(
        line,
        "fk-order_line-order",
        &["order_id"],
        "order",
        (FkAction::Cascade, FkAction::Cascade),
    );
    let person = table(
        "person",
        vec![
            auto(col("id", Ty::Integer)),
            null(col("team_id", Ty::Integer)),
        ],
        &["id"],
    );
    let person = fk(person, "fk-person-team", &["team_id"], "team", NO);
    let team = table(
        "team",
        vec![
            auto(col("id", Ty::Integer)),
            null(col("captain_id", Ty::Integer)),
        ],
        &["id"],
    );
    let team = fk(
        team,
        "fk-team-captain",
        &["captain_id"],
        "person",
        (FkAction::SetNull, FkAction::NoAction),
    );
    RenderCase {
        name: "create_tables",
        id: "c0ffee000001",
        before: Schema::default(),
        desired: schema(vec![user, order, line, person, team]),
        concurrently: false,
    }
}

/// One table altered in many ways: a multi-part column change, a rename with a type change,
/// a column SQLite can only add by rebuilding, a dropped column, a new unique and index.
fn alter_with_rebuild() -> RenderCase {
    let before = table(
        "item",
        vec![
            auto(col("id", Ty::Integer)),
            col("code", Ty::String(Some(50))),
            col("qty", Ty::Integer),
            null(col("note", Ty::Text)),
            null(col("legacy", Ty::Integer)),
        ],
        &["id"],
    );
    let before = index(before, "idx-item-code", &["code"]);
    let desired = table(
        "item",
        vec![
            auto(col("id", Ty::Integer)),
            def(null(col("code", Ty::String(Some(200)))), "'none'"),
            renamed(col("quantity", Ty::BigInteger), "qty"),
            null(col("note", Ty::Text)),
            def(col("created_at", Ty::DateTime), "CURRENT_TIMESTAMP"),
            def(null(col("weight", Ty::Float)), "0"),
        ],
        &["id"],
    );
    let desired = index(desired, "idx-item-code", &["code"]);
    let desired = index(desired, "idx-item-quantity", &["quantity"]);
    let desired = unique(desired, "item_note_key", &["note"]);
    RenderCase {
        name: "alter_with_rebuild",
        id: "c0ffee000002",
        before: schema(vec![before]),
        desired: schema(vec![desired]),
        concurrently: false,
    }
}

/// Foreign keys: one whose actions change, one added to an existing column, one dropped while
/// its column stays (MySQL also drops the index it made for it).
fn foreign_key_change() -> RenderCase {
    let parent = table("parent", vec![auto(col("id", Ty::Integer))], &["id"]);
    let child = |with: &[(&str, (FkAction, FkAction))]| {
        let mut t = table(
            "child",
            vec![
                auto(col("id", Ty::Integer)),
                null(col("parent_id", Ty::Integer)),
                null(col("other_id", Ty::Integer)),
                null(col("old_id", Ty::Integer)),
            ],
            &["id"],
        );
        for (column, actions) in with {
            t = fk(
                t,
                &format!("fk-child-{column}"),
                &[column],
                "parent",
                *actions,
            );
        }
        t
    };
    RenderCase {
        name: "foreign_key_change",
        id: "c0ffee000003",
        before: schema(vec![
            parent.clone(),
            child(&[("parent_id", NO), ("old_id", NO)]),
        ]),
        desired: schema(vec![
            parent,
            child(&[
                ("parent_id", (FkAction::Cascade, FkAction::SetNull)),
                ("other_id", (FkAction::Restrict, FkAction::NoAction)),
            ]),
        ]),
        concurrently: false,
    }
}

/// Ops that put data at risk (each with its warning), plus comment and default removals.
fn destructive() -> RenderCase {
    let mut doc = table(
        "doc",
        vec![
            col("a", Ty::Integer),
            col("b", Ty::Integer),
            null(col("title", Ty::String(Some(200)))),
            comment(def(col("body", Ty::Text), "''"), "the text"),
            null(col("gone", Ty::Integer)),
        ],
        &["a"],
    );
    doc.comment = Some("Documents".into());
    let doc_before = unique(doc.clone(), "doc_title_key", &["title"]);
    let mut doc_after = table(
        "doc",
        vec![
            col("a", Ty::Integer),
            col("b", Ty::Integer),
            col("title", Ty::String(Some(20))),
            col("body", Ty::Text),
        ],
        &["a", "b"],
    );
    doc_after.primary_key.as_mut().unwrap().name = Some("pk-doc".into());
    doc_after.comment = Some("All the documents".into());
    let old = table("old_log", vec![auto(col("id", Ty::Integer))], &["id"]);
    let old = index(old, "idx-old_log-id", &["id"]);
    RenderCase {
        name: "destructive",
        id: "c0ffee000004",
        before: schema(vec![doc_before, old]),
        desired: schema(vec![doc_after]),
        concurrently: false,
    }
}

/// `revision --autogenerate --concurrently`: the indexes and the unique of an existing table
/// are built and dropped `CONCURRENTLY` on PostgreSQL (the file runs outside a transaction
/// there, and carries no `index_locks_table` hazard); a new table's index is built as usual.
fn concurrent_indexes() -> RenderCase {
    let account = || {
        table(
            "account",
            vec![
                auto(col("id", Ty::BigInteger)),
                col("email", Ty::String(Some(255))),
                col("handle", Ty::String(Some(64))),
                null(col("name", Ty::String(Some(100)))),
            ],
            &["id"],
        )
    };
    let before = index(account(), "idx-account-name", &["name"]);
    let desired = index(account(), "idx-account-email", &["email"]);
    let desired = unique(desired, "account_handle_key", &["handle"]);
    let audit = table(
        "audit",
        vec![
            auto(col("id", Ty::BigInteger)),
            col("what", Ty::String(Some(64))),
        ],
        &["id"],
    );
    let audit = index(audit, "idx-audit-what", &["what"]);
    RenderCase {
        name: "concurrent_indexes",
        id: "c0ffee000007",
        before: schema(vec![before]),
        desired: schema(vec![desired, audit]),
        concurrently: true,
    }
}

/// Every case, in file order.
pub fn cases() -> Vec<RenderCase> {
    vec![
        create_tables(),
        alter_with_rebuild(),
        foreign_key_change(),
        destructive(),
        hostile::hostile_names(),
        column_kinds::column_kinds(),
        concurrent_indexes(),
        computed::computed_columns(),
    ]
}
