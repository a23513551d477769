//! Human descriptions and destructive-op warnings.

mod compare_support;

use autogen::model::ColumnType as T;
use autogen::ops::{ColumnChange, Op};
use compare_support::all_ops::one_of_each;
use compare_support::*;

#[test]
fn one_line_per_kind() {
    let lines: Vec<String> = one_of_each().iter().map(Op::describe).collect();
    assert_eq!(
        lines,
        [
            "add table \"user\" (1 column)",
            "drop table \"order\"",
            "add column user.avatar_url (varchar(255) NULL)",
            "drop column user.age (smallint NOT NULL DEFAULT 0)",
            "alter column user.email: type varchar(255) -> varchar(100), NULL -> NOT NULL",
            "add index idx-user-email on user (email)",
            "drop index idx-user-email on user (email)",
            "add unique user_email_key on user (email)",
            "drop unique user_email_key on user (email)",
            "add foreign key fk-order-user_id on order (user_id) -> user (id) ON DELETE CASCADE",
            "drop foreign key fk-order-user_id on order (user_id) -> user (id) ON DELETE CASCADE",
            "alter foreign key fk-order-user_id on order (user_id): NOT DEFERRABLE -> DEFERRABLE INITIALLY DEFERRED",
            "alter primary key on user: (id) -> (tenant_id, id)",
            "rename column user.fullname -> full_name",
            "alter comment on table \"user\": none -> \"people\"",
        ]
    );
    assert!(lines.iter().all(|l| !l.contains('\n')));
}

#[test]
fn destructive_kinds() {
    let flagged: Vec<&str> = one_of_each()
        .iter()
        .filter(|op| op.is_destructive().is_some())
        .map(|op| op.kind())
        .collect();
    assert_eq!(flagged, ["drop_table", "drop_column", "alter_column",]);
}

fn alter(from: T, to: T) -> Op {
    Op::AlterColumn {
        table: "t".into(),
        from: col("c", from),
        to: col("c", to),
        changes: vec![ColumnChange::Type],
    }
}

#[test]
fn widening_types_are_safe_and_narrowing_is_flagged() {
    let safe = [
        (T::Integer, T::BigInteger),
        (T::SmallInteger, T::Integer),
        (T::String(Some(100)), T::String(Some(255))),
        (T::String(Some(100)), T::String(None)),
        (T::String(Some(100)), T::Text),
        (T::Char(Some(2)), T::String(Some(2))),
        (T::Float, T::Double),
        (T::Decimal(Some((10, 2))), T::Decimal(Some((12, 2)))),
        (T::Date, T::DateTime),
        (T::Integer, T::Text),
        (T::VarBinary(Some(16)), T::Blob),
    ];
    for (from, to) in safe {
        assert_eq!(
            alter(from.clone(), to.clone()).is_destructive(),
            None,
            "{from:?} -> {to:?}"
        );
    }
    let risky = [
        (T::BigInteger, T::Integer),
        (T::String(Some(255)), T::String(Some(100))),
        (T::String(None), T::String(Some(100))),
        (T::Text, T::String(Some(255))),
        (T::Double, T::Float),
        (T::Decimal(Some((10, 2))), T::Decimal(Some((10, 4)))),
        (T::Text, T::Integer),
        (T::Blob, T::Text),
        (T::Custom("citext".into()), T::Text),
    ];
    for (from, to) in risky {
        let w = alter(from.clone(), to.clone()).is_destructive();
        assert!(w.is_some_and(|w| w.contains("t.c")), "{from:?} -> {to:?}");
    }
}

#[test]
fn harmless_alters_are_not_destructive() {
    let loosen = Op::AlterColumn {
        table: "t".into(),
        from: col("c", T::Integer),
        to: col("c", T::Integer).null().default("1").comment("x"),
        changes: vec![
            ColumnChange::Nullable,
            ColumnChange::Default,
            ColumnChange::Comment,
        ],
    };
    assert_eq!(loosen.is_destructive(), None);
    let serial = Op::AlterColumn {
        table: "t".into(),
        from: col("c", T::Integer).auto(),
        to: col("c", T::Integer),
        changes: vec![ColumnChange::Type],
    };
    assert_eq!(serial.is_destructive(), None);
    let new_pk = Op::AlterPrimaryKey {
        table: "t".into(),
        from: None,
        to: simple("t").primary_key,
    };
    assert_eq!(new_pk.is_destructive(), None);
}
