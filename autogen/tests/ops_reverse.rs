//! Reversal of ops.

mod compare_support;

use autogen::ops::{Op, reverse_all};
use compare_support::all_ops::one_of_each;

#[test]
fn reverse_is_an_involution() {
    for op in one_of_each() {
        assert_eq!(op.reverse().reverse(), op);
    }
}

#[test]
fn reverse_swaps_kinds() {
    let pairs: Vec<(&str, &str)> = one_of_each()
        .iter()
        .map(|op| (op.kind(), op.reverse().kind()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("add_table", "drop_table"),
            ("drop_table", "add_table"),
            ("add_column", "drop_column"),
            ("drop_column", "add_column"),
            ("alter_column", "alter_column"),
            ("add_index", "drop_index"),
            ("drop_index", "add_index"),
            ("add_unique", "drop_unique"),
            ("drop_unique", "add_unique"),
            ("add_foreign_key", "drop_foreign_key"),
            ("drop_foreign_key", "add_foreign_key"),
            ("alter_foreign_key", "alter_foreign_key"),
            ("alter_primary_key", "alter_primary_key"),
            ("rename_column", "rename_column"),
            ("set_table_comment", "set_table_comment"),
        ]
    );
}

#[test]
fn alter_column_swaps_from_and_to() {
    let op = &one_of_each()[4];
    let Op::AlterColumn {
        from, to, changes, ..
    } = op
    else {
        panic!()
    };
    let Op::AlterColumn {
        from: rf,
        to: rt,
        changes: rc,
        ..
    } = op.reverse()
    else {
        panic!()
    };
    assert_eq!((&rf, &rt, &rc), (to, from, changes));
}

#[test]
fn reverse_all_reverses_order_and_each_op() {
    let ops = one_of_each();
    let back = reverse_all(&ops);
    assert_eq!(back.len(), ops.len());
    for (i, op) in back.iter().enumerate() {
        assert_eq!(*op, ops[ops.len() - 1 - i].reverse());
    }
    assert_eq!(reverse_all(&back), ops);
}
