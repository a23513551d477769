//! sea-query column definitions → model columns.

use sea_orm::DbBackend;
use sea_orm::sea_query::ColumnDef;

use super::col_type::map_type;
use super::sql::expr_sql;
use crate::model::{Column, ColumnType, OnUpdate};

/// Reads one column back from the `CREATE TABLE` statement. `in_primary_key` forces NOT NULL
/// (composite key columns carry no `primary_key` flag of their own).
pub(super) fn column_from_def(def: &ColumnDef, in_primary_key: bool, backend: DbBackend) -> Column {
    let spec = def.get_column_spec();
    let (comment, renamed_from) = match &spec.comment {
        Some(c) => split_comment(c),
        None => (None, None),
    };
    Column {
        name: def.get_column_name(),
        col_type: def
            .get_column_type()
            .map(|t| map_type(t, backend))
            .unwrap_or_else(|| ColumnType::Custom(String::new())),
        // sea-orm marks non-Option fields with NOT NULL and leaves Option fields unmarked
        // (`nullable: None`), so anything but an explicit `Some(false)` is nullable.
        nullable: spec.nullable != Some(false) && !in_primary_key && !spec.primary_key,
        default: spec.default.as_ref().map(|e| expr_sql(e, backend)),
        auto_increment: spec.auto_increment,
        identity: None,
        comment,
        renamed_from,
        // `#[sea_orm(extra = "ON UPDATE CURRENT_TIMESTAMP")]`; any other `extra` text is a
        // notice of the desired schema (see `unmanaged_extra`).
        on_update: spec.extra.as_deref().and_then(OnUpdate::parse_exact),
        collation: None,
        generated: None,
    }
}

/// The `extra` text of a column the model cannot keep (anything but an `ON UPDATE` clause):
/// sea-orm writes it into its own `CREATE TABLE`, but a plan restates columns from the
/// model, so it would be lost silently without a notice.
pub(super) fn unmanaged_extra(def: &ColumnDef) -> Option<&str> {
    let extra = def.get_column_spec().extra.as_deref()?;
    OnUpdate::parse_exact(extra).is_none().then_some(extra)
}

/// Splits a sea-orm column comment into `(comment, renamed_from)`.
///
/// sea-orm 2.0.4 appends the rename hint to the comment: `renamed_from "old"` alone, or
/// `{comment}; renamed_from "old"`. An empty remaining comment is `None`.
pub fn split_comment(raw: &str) -> (Option<String>, Option<String>) {
    const TAG: &str = "renamed_from \"";
    let hint = raw.strip_suffix('"').and_then(|body| {
        let at = body.rfind(TAG)?;
        let old = &body[at + TAG.len()..];
        let rest = match &body[..at] {
            "" => "",
            before => before.strip_suffix("; ")?,
        };
        (!old.is_empty()).then_some((rest, old))
    });
    let (comment, old) = match hint {
        Some((rest, old)) => (rest, Some(old.to_string())),
        None => (raw, None),
    };
    let comment = (!comment.is_empty()).then(|| comment.to_string());
    (comment, old)
}
