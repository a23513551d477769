//! `revision --autogenerate --concurrently` (or `concurrent_indexes = true`): which index ops
//! PostgreSQL builds and drops `CONCURRENTLY`, so that writers are not blocked while the
//! index builds: <https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY>.
//!
//! The choice is made here once and carried by the op (`concurrently`), so the executed SQL,
//! the generated file and the hazards all read it from the same place.

use std::collections::BTreeSet;

use super::Op;

/// Marks the index and unique ops on tables that exist before the migration and stay after
/// it; returns how many were marked. A table created in the same migration has no rows to
/// protect (and its ops carry no lock hazard), and the indexes of a table dropped later go
/// with the table. A revision with a marked op cannot run in a transaction on PostgreSQL.
pub fn build_concurrently(ops: &mut [Op]) -> usize {
    let created: BTreeSet<String> = ops
        .iter()
        .filter_map(|op| match op {
            Op::AddTable(t) => Some(t.name.clone()),
            _ => None,
        })
        .collect();
    let dropped: BTreeSet<String> = ops
        .iter()
        .filter_map(|op| match op {
            Op::DropTable(t) => Some(t.name.clone()),
            _ => None,
        })
        .collect();
    let mut marked = 0;
    for op in ops.iter_mut() {
        let table = op.table().to_string();
        if created.contains(&table) || dropped.contains(&table) {
            continue;
        }
        if let Op::AddIndex { concurrently, .. }
        | Op::DropIndex { concurrently, .. }
        | Op::AddUnique { concurrently, .. }
        | Op::DropUnique { concurrently, .. } = op
        {
            *concurrently = true;
            marked += 1;
        }
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Index, Table};

    fn add_index(table: &str) -> Op {
        Op::AddIndex {
            table: table.into(),
            index: Index {
                name: format!("ix_{table}"),
                columns: vec!["a".into()],
            },
            concurrently: false,
        }
    }

    #[test]
    fn only_indexes_of_tables_that_exist_before_and_after_are_marked() {
        let fresh = Table {
            name: "fresh".into(),
            ..Table::default()
        };
        let gone = Table {
            name: "gone".into(),
            ..Table::default()
        };
        let mut ops = vec![
            Op::AddTable(fresh),
            add_index("fresh"),
            add_index("kept"),
            add_index("gone"),
            Op::DropTable(gone),
        ];
        assert_eq!(build_concurrently(&mut ops), 1);
        let marked: Vec<bool> = ops.iter().map(Op::concurrently).collect();
        assert_eq!(marked, [false, false, true, false, false]);
        assert!(ops[2].describe().ends_with(", CONCURRENTLY on PostgreSQL"));
        assert!(ops[2].hazards().is_empty(), "{:?}", ops[2].hazards());
        assert_eq!(add_index("kept").hazards()[0].code, "index_locks_table");
    }
}
