//! `Op::hazards`: the code of every op kind's hazards, and the fresh-table rule.

mod compare_support;

use autogen::backend::Backend;
use autogen::model::{Check, ColumnType as T};
use autogen::ops::{ColumnChange, HazardClass, Op, hazards_for};
use compare_support::all_ops::one_of_each;
use compare_support::*;

/// `(class, code)` of each hazard, with the backends when not all.
fn codes(op: &Op) -> Vec<String> {
    op.hazards()
        .iter()
        .map(|h| {
            let mut s = format!("{} {}", h.class, h.code);
            for b in &h.backends {
                s.push_str(&format!(" {b}"));
            }
            s
        })
        .collect()
}

#[test]
fn every_kind_has_its_codes() {
    let got: Vec<(String, Vec<String>)> = one_of_each()
        .iter()
        .map(|op| (op.kind().to_string(), codes(op)))
        .collect();
    let want: Vec<(&str, Vec<&str>)> = vec![
        ("add_table", vec![]),
        (
            "drop_table",
            vec![
                "data-loss drop_table",
                "irreversible drop_restores_structure_only",
            ],
        ),
        ("add_column", vec![]),
        (
            "drop_column",
            vec![
                "data-loss drop_column",
                "irreversible drop_restores_structure_only",
            ],
        ),
        (
            "alter_column",
            vec![
                "data-loss narrowing_type",
                "may-fail set_not_null",
                "locks column_rewrite postgres",
                "locks mysql_table_copy mysql",
                "locks sqlite_rebuild sqlite",
            ],
        ),
        ("add_index", vec!["locks index_locks_table postgres"]),
        ("drop_index", vec![]),
        (
            "add_unique",
            vec!["may-fail new_unique", "locks index_locks_table postgres"],
        ),
        (
            "drop_unique",
            vec!["irreversible drop_unique", "locks sqlite_rebuild sqlite"],
        ),
        (
            "add_foreign_key",
            vec!["may-fail new_foreign_key", "locks sqlite_rebuild sqlite"],
        ),
        ("drop_foreign_key", vec!["locks sqlite_rebuild sqlite"]),
        ("alter_foreign_key", vec!["locks sqlite_rebuild sqlite"]),
        (
            "alter_primary_key",
            vec![
                "irreversible replace_primary_key",
                "locks sqlite_rebuild sqlite",
            ],
        ),
        ("rename_column", vec![]),
        ("set_table_comment", vec![]),
    ];
    let want: Vec<(String, Vec<String>)> = want
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn checks_casts_and_not_null_without_default() {
    let check = Op::AddCheck {
        table: "t".into(),
        check: Check {
            name: "positive".into(),
            expression: "n > 0".into(),
        },
    };
    let h = &check.hazards()[0];
    assert_eq!((h.class, h.code), (HazardClass::MayFail, "new_check"));
    assert_eq!(
        h.message,
        "adding check positive on t fails if existing rows violate it"
    );

    let cast = Op::AlterColumn {
        table: "t".into(),
        from: col("c", T::Text),
        to: col("c", T::Integer),
        changes: vec![ColumnChange::Type],
    };
    let h = cast
        .hazards()
        .into_iter()
        .find(|h| h.code == "type_without_cast")
        .expect("text -> integer has no assignment cast");
    assert_eq!(h.class, HazardClass::MayFail);
    assert_eq!(h.backends, [Backend::Postgres]);
    assert_eq!(
        h.message,
        "text to integer has no assignment cast: t.c is converted with USING and fails on any value that does not convert"
    );

    let add = |c| Op::AddColumn {
        table: "t".into(),
        column: c,
    };
    assert_eq!(
        codes(&add(col("c", T::Integer)))[0],
        "may-fail not_null_without_default"
    );
    assert!(codes(&add(col("c", T::Integer).default("0"))).is_empty());
    assert!(codes(&add(col("c", T::Integer).null())).is_empty());
}

#[test]
fn a_table_made_in_the_same_migration_has_no_row_or_lock_hazards() {
    let index = one_of_each()
        .into_iter()
        .find(|op| op.kind() == "add_index")
        .unwrap();
    let ops = vec![Op::AddTable(simple("user")), index.clone()];
    assert!(hazards_for(&ops)[1].is_empty());
    assert_eq!(hazards_for(&[index])[0].len(), 1);
}

#[test]
fn classes_parse_by_name_only() {
    for class in HazardClass::ALL {
        assert_eq!(class.name().parse::<HazardClass>(), Ok(class));
    }
    assert_eq!(
        "loss".parse::<HazardClass>(),
        Err("unknown hazard class 'loss' (one of data-loss, may-fail, locks, irreversible)".into())
    );
}
