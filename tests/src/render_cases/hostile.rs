//! A case whose every name is hostile: quotes of each backend, `'`, `\`, `;`, `--`, a bidi
//! control, reserved words, and index, unique and foreign-key names that would drop a table
//! if they were written unescaped. Its committed file shows how such names are written
//! (`escaped_name(manager, ..)`, escaped string literals) and runs on every backend.

use autogen::model::{Column, ColumnType as Ty, FkAction, ForeignKey, Table, column_key};

use super::{RenderCase, auto, col, comment, index, null, schema, table, unique};

const NAME: &str = "na\"me`'\\";
const NOTE: &str = "note`\u{202e}";

fn key(name: &str, column: &str, on_delete: FkAction) -> ForeignKey {
    ForeignKey {
        name: name.into(),
        columns: vec![column.into()],
        ref_table: "user".into(),
        ref_columns: vec!["select".into()],
        on_delete,
        on_update: FkAction::NoAction,
        deferrable: Default::default(),
    }
}

fn with_key(mut t: Table, fk: ForeignKey) -> Table {
    t.foreign_keys.insert(column_key(&fk.columns), fk);
    t
}

fn user(extra: Vec<Column>) -> Table {
    let mut columns = vec![
        auto(col("select", Ty::Integer)),
        null(col(NAME, Ty::String(Some(40)))),
    ];
    columns.extend(extra);
    table("user", columns, &["select"])
}

/// Indexes, uniques and foreign keys added and dropped under hostile names, a new table with
/// hostile names and comments, and a SQLite rebuild of a table with a hostile name.
pub fn hostile_names() -> RenderCase {
    let log = |fk: ForeignKey| {
        let t = table(
            "log`\"",
            vec![auto(col("id", Ty::Integer)), null(col("ref", Ty::Integer))],
            &["id"],
        );
        with_key(t, fk)
    };
    let before = vec![
        index(user(vec![]), "ix\"; DROP TABLE canary; --", &[NAME]),
        log(key("fk`; DROP TABLE canary; --", "ref", FkAction::NoAction)),
    ];

    let note = comment(
        null(col(NOTE, Ty::String(Some(40)))),
        "it's a \\ \"note\" \u{202e}",
    );
    let user_after = unique(user(vec![note]), "uq`; DROP TABLE canary; --", &[NAME]);
    let user_after = index(user_after, "ix\u{202e}\"`", &[NOTE]);
    let mut order = table(
        "order; --\u{202e}",
        vec![
            auto(col("id", Ty::Integer)),
            null(col("user\"id", Ty::Integer)),
        ],
        &["id"],
    );
    order.comment = Some("it's \"ours\" \\".into());
    let order = unique(order, "ck\"`'", &["user\"id"]);
    let order = with_key(
        order,
        key("fk\"; DROP TABLE canary; --", "user\"id", FkAction::Cascade),
    );
    let after = vec![
        user_after,
        log(key("fk2\"`", "ref", FkAction::SetNull)),
        order,
    ];
    RenderCase {
        name: "hostile_names",
        id: "c0ffee000005",
        before: schema(before),
        desired: schema(after),
        concurrently: false,
    }
}
