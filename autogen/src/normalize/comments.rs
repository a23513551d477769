//! Comment normalization.

use sea_orm::DbBackend;

use crate::model::Table;

/// Normalizes the table's and its columns' comments in place.
pub(crate) fn normalize_comments(backend: DbBackend, table: &mut Table) {
    if backend == DbBackend::Sqlite {
        sqlite_has_no_comments(table);
    }
    empty_comment_is_no_comment(&mut table.comment);
    for column in &mut table.columns {
        empty_comment_is_no_comment(&mut column.comment);
    }
}

/// SQLite cannot store table or column comments, so a desired comment can never be seen.
fn sqlite_has_no_comments(table: &mut Table) {
    table.comment = None;
    for column in &mut table.columns {
        column.comment = None;
    }
}

/// MySQL reports "no comment" as `''`, and `COMMENT ON ... IS ''` removes a Postgres comment.
fn empty_comment_is_no_comment(comment: &mut Option<String>) {
    if comment.as_deref() == Some("") {
        *comment = None;
    }
}
