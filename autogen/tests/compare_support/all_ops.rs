//! One op of every kind, for the ops tests.

use autogen::model::{
    ColumnType as T, Deferrable, FkAction, ForeignKey, Index, PrimaryKey, Unique,
};
use autogen::ops::{ColumnChange, Op};

use super::*;

/// One op of each kind, in enum order.
pub fn one_of_each() -> Vec<Op> {
    let order = table("order", vec![id(), col("user_id", T::Integer)])
        .pk(&["id"])
        .fk(&["user_id"], "user", &["id"], FkAction::Cascade);
    let fk = order.foreign_keys["user_id"].clone();
    let pk = |cols: &[&str]| PrimaryKey {
        name: None,
        columns: cols.iter().map(|c| c.to_string()).collect(),
    };
    vec![
        Op::AddTable(simple("user")),
        Op::DropTable(order.clone()),
        Op::AddColumn {
            table: "user".into(),
            column: col("avatar_url", T::String(Some(255))).null(),
        },
        Op::DropColumn {
            table: "user".into(),
            column: col("age", T::SmallInteger).default("0"),
        },
        Op::AlterColumn {
            table: "user".into(),
            from: col("email", T::String(Some(255))).null(),
            to: col("email", T::String(Some(100))),
            changes: vec![ColumnChange::Type, ColumnChange::Nullable],
        },
        Op::AddIndex {
            table: "user".into(),
            index: Index {
                name: "idx-user-email".into(),
                columns: vec!["email".into()],
            },
            concurrently: false,
        },
        Op::DropIndex {
            table: "user".into(),
            index: Index {
                name: "idx-user-email".into(),
                columns: vec!["email".into()],
            },
            concurrently: false,
        },
        Op::AddUnique {
            table: "user".into(),
            unique: Unique {
                name: "user_email_key".into(),
                columns: vec!["email".into()],
            },
            concurrently: false,
        },
        Op::DropUnique {
            table: "user".into(),
            unique: Unique {
                name: "user_email_key".into(),
                columns: vec!["email".into()],
            },
            concurrently: false,
        },
        Op::AddForeignKey {
            table: "order".into(),
            foreign_key: fk.clone(),
        },
        Op::DropForeignKey {
            table: "order".into(),
            foreign_key: fk.clone(),
        },
        Op::AlterForeignKey {
            table: "order".into(),
            from: fk.clone(),
            to: ForeignKey {
                deferrable: Deferrable::InitiallyDeferred,
                ..fk
            },
        },
        Op::AlterPrimaryKey {
            table: "user".into(),
            from: Some(pk(&["id"])),
            to: Some(pk(&["tenant_id", "id"])),
        },
        Op::RenameColumn {
            table: "user".into(),
            from: "fullname".into(),
            to: "full_name".into(),
        },
        Op::SetTableComment {
            table: "user".into(),
            from: None,
            to: Some("people".into()),
        },
    ]
}
