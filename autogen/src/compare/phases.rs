//! The buckets ops are collected in; their order is the execution order of a migration.

use crate::ops::Op;

/// Ops grouped by phase. Concatenated in field order, they form an executable migration:
///
/// 1. `renames` first, so every later op can use the desired column names; then new enum
///    types and changed enum values, then new and changed domains, before any column uses them;
/// 2. `drop_fks` before anything they point at disappears;
/// 3. `drop_tables` child-first (early, so no surviving column or key is still referenced);
/// 4. `drop_pks`: primary keys whose columns are about to be dropped or loosened;
/// 5. `drop_keys`: indexes and uniques;
/// 6. `drop_columns`, 7. `alter_columns` (and table comments), 8. `add_columns`;
/// 9. `alter_pks`; 10. `add_keys`: uniques and indexes;
/// 11. `add_tables` parent-first (late, so keys they reference already exist), each followed by
///     its indexes;
/// 12. `add_fks`, once every referenced table and key exists;
/// 13. `drop_domains`, then `drop_enums` last, once no column uses them.
#[derive(Default)]
pub(super) struct Phases {
    pub renames: Vec<Op>,
    pub create_enums: Vec<Op>,
    pub alter_enums: Vec<Op>,
    pub create_domains: Vec<Op>,
    pub alter_domains: Vec<Op>,
    pub drop_fks: Vec<Op>,
    pub drop_tables: Vec<Op>,
    pub drop_pks: Vec<Op>,
    pub drop_keys: Vec<Op>,
    pub drop_columns: Vec<Op>,
    pub alter_columns: Vec<Op>,
    pub add_columns: Vec<Op>,
    pub alter_pks: Vec<Op>,
    pub add_keys: Vec<Op>,
    pub add_tables: Vec<Op>,
    pub add_fks: Vec<Op>,
    pub drop_domains: Vec<Op>,
    pub drop_enums: Vec<Op>,
}

impl Phases {
    /// All ops in execution order.
    pub fn into_ops(mut self) -> Vec<Op> {
        // Two sources feed each FK bucket (kept tables, cycle-breaking FKs of created/dropped
        // tables); a stable sort by table keeps the per-table key order.
        self.drop_fks.sort_by(|a, b| a.table().cmp(b.table()));
        self.add_fks.sort_by(|a, b| a.table().cmp(b.table()));
        [
            self.renames,
            self.create_enums,
            self.alter_enums,
            self.create_domains,
            self.alter_domains,
            self.drop_fks,
            self.drop_tables,
            self.drop_pks,
            self.drop_keys,
            self.drop_columns,
            self.alter_columns,
            self.add_columns,
            self.alter_pks,
            self.add_keys,
            self.add_tables,
            self.add_fks,
            self.drop_domains,
            self.drop_enums,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}
