//! Statement builder chains (`Table::create()...`, `Index::create()...`) as Rust text.

use crate::model::{ForeignKey, Table};
use crate::plan::inline_pk;

use super::code::Code;
use super::column::{column_def, fk_action};
use super::literal::rs;

/// `.col("a").col("b")` for index-like column lists.
fn cols(columns: &[String]) -> String {
    columns.iter().map(|c| format!(".col({})", rs(c))).collect()
}

/// `Table::create()...` for `table`, created under `name` (differs for SQLite rebuilds).
pub fn create_table(table: &Table, name: &str, c: &mut Code) -> String {
    c.use_sq(&["Table"]);
    let single = inline_pk(table);
    let mut s = format!("Table::create().table({})", rs(name));
    for column in &table.columns {
        let inline = single == Some(column.name.as_str());
        s.push_str(&format!(".col({})", column_def(column, inline, c)));
    }
    if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.columns.len() > 1) {
        c.use_sq(&["Index"]);
        s.push_str(&format!(
            ".primary_key(Index::create(){})",
            cols(&pk.columns)
        ));
    }
    for unique in table.uniques.values() {
        c.use_sq(&["Index"]);
        s.push_str(&format!(
            ".index(Index::create().name({}){}.unique())",
            rs(&unique.name),
            cols(&unique.columns)
        ));
    }
    for fk in table.foreign_keys.values() {
        s.push_str(&format!(
            ".foreign_key({})",
            foreign_key_create(fk, None, c)
        ));
    }
    if let Some(comment) = &table.comment {
        s.push_str(&format!(".comment({})", rs(comment)));
    }
    s
}

/// `Index::create()...` for a named index on `table`.
pub fn create_index(
    table: &str,
    name: &str,
    columns: &[String],
    unique: bool,
    c: &mut Code,
) -> String {
    c.use_sq(&["Index"]);
    format!(
        "Index::create().name({}).table({}){}{}",
        rs(name),
        rs(table),
        cols(columns),
        if unique { ".unique()" } else { "" }
    )
}

/// `ForeignKey::create()...`, with `.from_tbl` when added to an existing table.
pub fn foreign_key_create(fk: &ForeignKey, from_table: Option<&str>, c: &mut Code) -> String {
    c.use_sq(&["ForeignKey"]);
    let mut s = format!("ForeignKey::create().name({})", rs(&fk.name));
    if let Some(t) = from_table {
        s.push_str(&format!(".from_tbl({})", rs(t)));
    }
    for col in &fk.columns {
        s.push_str(&format!(".from_col({})", rs(col)));
    }
    s.push_str(&format!(".to_tbl({})", rs(&fk.ref_table)));
    for col in &fk.ref_columns {
        s.push_str(&format!(".to_col({})", rs(col)));
    }
    if let Some(a) = fk_action(fk.on_delete, c) {
        s.push_str(&format!(".on_delete({a})"));
    }
    if let Some(a) = fk_action(fk.on_update, c) {
        s.push_str(&format!(".on_update({a})"));
    }
    s
}
