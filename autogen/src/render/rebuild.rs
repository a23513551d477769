//! SQLite's table rebuild: create the new shape under a temporary name, copy the rows, drop
//! the old table, rename, recreate the indexes. The runner turns foreign keys off around each
//! revision so the drop does not cascade, and checks them before commit.

use std::collections::BTreeMap;

use crate::model::Table;

use super::code::Code;
use super::literal::{ident, rs};
use super::op::{create_index_stmt, create_table};

/// Code that rebuilds `before` into `after` on SQLite. `renamed` maps new column names to old.
pub fn sqlite_rebuild(before: &Table, after: &Table, renamed: &BTreeMap<String, String>) -> Code {
    let mut inner = Code::default();
    let temp = format!("_autogen_new_{}", after.name);
    let stmt = create_table(after, &temp, &mut inner);
    inner.manager("create_table", stmt);
    let (targets, sources): (Vec<String>, Vec<String>) = after
        .columns
        .iter()
        .filter_map(|c| {
            let source = renamed
                .get(&c.name)
                .cloned()
                .unwrap_or_else(|| c.name.clone());
            before
                .column(&source)
                .map(|_| (ident(&c.name), ident(&source)))
        })
        .unzip();
    if !targets.is_empty() {
        inner.raw_sql(&format!(
            "INSERT INTO {} ({}) SELECT {} FROM {}",
            ident(&temp),
            targets.join(", "),
            sources.join(", "),
            ident(&before.name)
        ));
    }
    inner.use_sq(&["Table"]);
    inner.manager(
        "drop_table",
        format!("Table::drop().table({})", rs(&before.name)),
    );
    inner.manager(
        "rename_table",
        format!("Table::rename().table({}, {})", rs(&temp), rs(&after.name)),
    );
    for index in after.indexes.values() {
        let stmt = create_index_stmt(&after.name, index, &mut inner);
        inner.manager("create_index", stmt);
    }
    let mut c = Code::default();
    c.sea_orm.insert("DbBackend");
    let body = c.absorb(inner);
    c.push(format!(
        "// SQLite cannot alter {} in place: rebuild it, keeping its rows.\nif manager.get_database_backend() == DbBackend::Sqlite {{\n{body}\n}}",
        rs(&after.name)
    ));
    c
}
