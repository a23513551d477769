//! Ordering of compare output: executable and deterministic.

mod compare_support;

use autogen::compare::compare;
use autogen::model::{ColumnType as T, FkAction, Schema, Table};
use autogen::ops::Op;
use compare_support::*;

/// `{name}(id, {ref}_id -> {ref}.id)` for each reference.
fn child(name: &str, refs: &[&str]) -> Table {
    let mut cols = vec![id()];
    cols.extend(
        refs.iter()
            .map(|r| col(&format!("{r}_id"), T::Integer).null()),
    );
    let mut t = table(name, cols).pk(&["id"]);
    for r in refs {
        t = t.fk(&[&format!("{r}_id")], r, &["id"], FkAction::NoAction);
    }
    t
}

/// `kind table [detail]` per op, for readable order assertions.
fn summary(ops: &[Op]) -> Vec<String> {
    ops.iter()
        .map(|op| match op {
            Op::AddForeignKey { foreign_key, .. } | Op::DropForeignKey { foreign_key, .. } => {
                format!(
                    "{} {} {}",
                    op.kind(),
                    op.table(),
                    foreign_key.columns.join(",")
                )
            }
            Op::AddColumn { column, .. } | Op::DropColumn { column, .. } => {
                format!("{} {} {}", op.kind(), op.table(), column.name)
            }
            Op::AlterColumn { to, .. } => format!("{} {} {}", op.kind(), op.table(), to.name),
            Op::AddIndex { index, .. } | Op::DropIndex { index, .. } => {
                format!("{} {} {}", op.kind(), op.table(), index.name)
            }
            Op::AddUnique { unique, .. } | Op::DropUnique { unique, .. } => {
                format!("{} {} {}", op.kind(), op.table(), unique.columns.join(","))
            }
            _ => format!("{} {}", op.kind(), op.table()),
        })
        .collect()
}

#[test]
fn created_tables_are_parent_first() {
    // a_leaf -> m_mid -> z_root, so name order is the exact opposite of creation order.
    let desired = schema(vec![
        child("a_leaf", &["m_mid"]),
        child("m_mid", &["z_root"]),
        simple("z_root"),
    ]);
    let ops = compare(&Schema::default(), &desired);
    assert_eq!(
        summary(&ops),
        ["add_table z_root", "add_table m_mid", "add_table a_leaf"]
    );
}

#[test]
fn ties_are_broken_by_name() {
    let desired = schema(vec![
        child("c", &["p"]),
        child("b", &["p"]),
        simple("p"),
        simple("a"),
    ]);
    let ops = compare(&Schema::default(), &desired);
    assert_eq!(
        summary(&ops),
        ["add_table a", "add_table p", "add_table b", "add_table c"]
    );
}

#[test]
fn dropped_tables_are_child_first() {
    let current = schema(vec![
        child("a_leaf", &["m_mid"]),
        child("m_mid", &["z_root"]),
        simple("z_root"),
    ]);
    let ops = compare(&current, &Schema::default());
    assert_eq!(
        summary(&ops),
        ["drop_table a_leaf", "drop_table m_mid", "drop_table z_root"]
    );
}

#[test]
fn foreign_keys_into_a_dropped_table_go_first() {
    // `post` stays, `author` goes; the FK post.author_id -> author must be dropped before it.
    let current = schema(vec![child("post", &["author"]), simple("author")]);
    let mut post = child("post", &["author"]);
    post.foreign_keys.clear();
    let desired = schema(vec![post]);
    let ops = compare(&current, &desired);
    assert_eq!(
        summary(&ops),
        ["drop_foreign_key post author_id", "drop_table author"]
    );
}

#[test]
fn cycle_between_new_tables_defers_one_foreign_key() {
    // a.b_id -> b and b.a_id -> a: create a without its FK, then b, then add a's FK.
    let desired = schema(vec![child("a", &["b"]), child("b", &["a"])]);
    let ops = compare(&Schema::default(), &desired);
    let mut a_without_fk = child("a", &["b"]);
    a_without_fk.foreign_keys.clear();
    assert_eq!(
        ops,
        vec![
            Op::AddTable(a_without_fk),
            Op::AddTable(child("b", &["a"])),
            Op::AddForeignKey {
                table: "a".into(),
                foreign_key: child("a", &["b"]).foreign_keys["b_id"].clone(),
            },
        ]
    );
}

#[test]
fn cycle_between_dropped_tables_is_the_reverse() {
    let current = schema(vec![child("a", &["b"]), child("b", &["a"])]);
    let ops = compare(&current, &Schema::default());
    assert_eq!(
        summary(&ops),
        ["drop_foreign_key a b_id", "drop_table b", "drop_table a"]
    );
    assert_eq!(
        ops,
        autogen::ops::reverse_all(&compare(&Schema::default(), &current))
    );
}

#[test]
fn self_reference_does_not_block() {
    let desired = schema(vec![child("node", &["node"])]);
    let ops = compare(&Schema::default(), &desired);
    assert_eq!(ops, vec![Op::AddTable(child("node", &["node"]))]);
}

#[test]
fn new_table_referenced_by_kept_table_exists_before_the_fk() {
    let current = schema(vec![
        table("post", vec![id(), col("author_id", T::Integer).null()]).pk(&["id"]),
    ]);
    let desired = schema(vec![child("post", &["author"]), simple("author")]);
    let ops = compare(&current, &desired);
    assert_eq!(
        summary(&ops),
        ["add_table author", "add_foreign_key post author_id"]
    );
}

#[test]
fn phases_run_in_executable_order() {
    let current = schema(vec![
        simple("gone"),
        table(
            "t",
            vec![
                id(),
                col("old", T::Text),
                col("keep", T::Integer),
                col("gone_id", T::Integer),
            ],
        )
        .pk(&["id"])
        .fk(&["gone_id"], "gone", &["id"], FkAction::NoAction)
        .index("ix_old", &["old"])
        .unique("uq_keep", &["keep"]),
    ]);
    let desired = schema(vec![
        simple("fresh"),
        table(
            "t",
            vec![
                id(),
                col("keep", T::BigInteger),
                col("fresh_id", T::Integer).null(),
            ],
        )
        .pk(&["id", "keep"])
        .fk(&["fresh_id"], "fresh", &["id"], FkAction::Cascade)
        .index("ix_keep", &["keep"]),
    ]);
    let ops = compare(&current, &desired);
    assert_eq!(
        summary(&ops),
        [
            "drop_foreign_key t gone_id",
            "drop_table gone",
            "drop_index t ix_old",
            "drop_unique t keep",
            "drop_column t gone_id",
            "drop_column t old",
            "alter_column t keep",
            "add_column t fresh_id",
            "alter_primary_key t",
            "add_index t ix_keep",
            "add_table fresh",
            "add_foreign_key t fresh_id",
        ]
    );
}

#[test]
fn output_is_deterministic() {
    let current = schema(vec![child("a", &["b"]), child("b", &["a"]), simple("c")]);
    let desired = schema(vec![
        child("c", &["d"]),
        simple("d"),
        child("e", &["c", "d"]),
    ]);
    let first = compare(&current, &desired);
    for _ in 0..5 {
        assert_eq!(compare(&current, &desired), first);
    }
}

#[test]
fn a_thousand_tables_compare_quickly() {
    // A reversed-name FK chain is the worst case for the parent-first scan.
    let names: Vec<String> = (0..1000).map(|i| format!("t{i:04}")).collect();
    let tables: Vec<Table> = names
        .iter()
        .enumerate()
        .map(|(i, n)| match names.get(i + 1) {
            Some(parent) => child(n, &[parent]),
            None => simple(n),
        })
        .collect();
    let desired = schema(tables);
    let start = std::time::Instant::now();
    let ops = compare(&Schema::default(), &desired);
    let back = compare(&desired, &Schema::default());
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
    assert_eq!(ops.len(), 1000);
    assert_eq!(ops[0].table(), "t0999");
    assert_eq!(back, autogen::ops::reverse_all(&ops));
}
