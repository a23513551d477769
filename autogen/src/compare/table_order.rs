//! Parent-first creation order for a set of tables, breaking foreign-key cycles.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{ForeignKey, Table, column_key};
use crate::ops::Op;

/// How to create a set of tables: `AddTable` (each followed by its `AddIndex` ops) parent-first,
/// then `AddForeignKey` for the keys that had to be deferred to break a cycle.
pub(super) struct CreatePlan {
    /// `AddTable`/`AddIndex` ops in creation order.
    pub tables: Vec<Op>,
    /// Deferred foreign keys, sorted by table then column key.
    pub deferred_fks: Vec<Op>,
}

/// Plans the creation of `tables` (already stripped of rename hints).
///
/// Kahn's algorithm with ties broken by name: the smallest-named table whose referenced tables
/// (within the set) all exist goes next. When none is ready there is a cycle: the smallest-named
/// remaining table goes next anyway, and its foreign keys to tables not yet created are deferred to
/// `AddForeignKey` ops. Self-references never block: `CREATE TABLE` may reference itself.
pub(super) fn plan_create(tables: &[&Table]) -> CreatePlan {
    let by_name: BTreeMap<&str, &Table> = tables.iter().map(|t| (t.name.as_str(), *t)).collect();
    let mut remaining: BTreeSet<&str> = by_name.keys().copied().collect();

    // Kahn's bookkeeping: distinct in-set parents per table, and the reverse edges.
    let mut pending: BTreeMap<&str, usize> = BTreeMap::new();
    let mut dependents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (&name, t) in &by_name {
        let parents: BTreeSet<&str> = t
            .foreign_keys
            .values()
            .map(|fk| fk.ref_table.as_str())
            .filter(|p| *p != name && by_name.contains_key(p))
            .collect();
        pending.insert(name, parents.len());
        for p in parents {
            dependents.entry(p).or_default().push(name);
        }
    }
    let mut ready: BTreeSet<&str> = pending
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(name, _)| *name)
        .collect();

    let mut plan = CreatePlan {
        tables: Vec::new(),
        deferred_fks: Vec::new(),
    };
    let mut deferred: Vec<(String, ForeignKey)> = Vec::new();

    while let Some(&first) = remaining.first() {
        // The smallest ready table; none ready means a cycle, broken at the smallest name.
        let next = ready.pop_first().unwrap_or(first);
        remaining.remove(next);
        for d in dependents.get(next).into_iter().flatten() {
            let n = pending.get_mut(d).expect("every table has a count");
            *n -= 1;
            if *n == 0 && remaining.contains(d) {
                ready.insert(d);
            }
        }

        let mut table = by_name[next].clone();
        let late: Vec<ForeignKey> = table
            .foreign_keys
            .values()
            .filter(|fk| fk.ref_table != table.name && remaining.contains(fk.ref_table.as_str()))
            .cloned()
            .collect();
        for fk in late {
            table.foreign_keys.remove(&column_key(&fk.columns));
            deferred.push((table.name.clone(), fk));
        }

        // Indexes are separate ops after their table.
        let indexes = std::mem::take(&mut table.indexes);
        let defined = std::mem::take(&mut table.defined_indexes);
        let name = table.name.clone();
        plan.tables.push(Op::AddTable(table));
        for index in indexes.into_values() {
            plan.tables.push(Op::AddIndex {
                table: name.clone(),
                index,
                concurrently: false,
            });
        }
        for index in defined.into_values() {
            plan.tables.push(Op::AddDefinedIndex {
                table: name.clone(),
                index,
            });
        }
    }

    deferred
        .sort_by(|a, b| (&a.0, column_key(&a.1.columns)).cmp(&(&b.0, column_key(&b.1.columns))));
    plan.deferred_fks = deferred
        .into_iter()
        .map(|(table, foreign_key)| Op::AddForeignKey { table, foreign_key })
        .collect();
    plan
}
