//! sea-query index and foreign-key statements → model keys.

use sea_orm::sea_query::{
    ForeignKeyAction, IndexCreateStatement, TableForeignKey, TableName, TableRef,
};

use crate::model::{FkAction, ForeignKey};

/// The bare table name of a table reference (any schema qualifier dropped).
pub(super) fn table_ref_name(r: &TableRef) -> String {
    match r {
        TableRef::Table(TableName(_, name), _) => name.to_string(),
        TableRef::SubQuery(_, alias)
        | TableRef::ValuesList(_, alias)
        | TableRef::FunctionCall(_, alias) => alias.to_string(),
        _ => String::new(), // non-exhaustive; entities only produce plain tables
    }
}

/// What an index statement becomes in the model.
pub(super) enum IndexKind {
    /// The (composite) primary key, with sea-orm's `pk-{table}` name.
    Primary(Option<String>, Vec<String>),
    /// A unique index, kept as a unique constraint.
    Unique(String, Vec<String>),
    /// A plain index.
    Plain(String, Vec<String>),
}

/// Classifies an index statement; unnamed indexes get `{table}_{cols}_idx`/`_key` names.
pub(super) fn classify_index(stmt: &IndexCreateStatement, table: &str) -> IndexKind {
    let spec = stmt.get_index_spec();
    let columns = spec.get_column_names();
    let name = |suffix: &str| {
        spec.get_name()
            .map(str::to_string)
            .unwrap_or_else(|| format!("{table}_{}_{suffix}", columns.join("_")))
    };
    if stmt.is_primary_key() {
        IndexKind::Primary(spec.get_name().map(str::to_string), columns)
    } else if stmt.is_unique_key() {
        IndexKind::Unique(name("key"), columns)
    } else {
        IndexKind::Plain(name("idx"), columns)
    }
}

/// Reads a foreign key back; a missing action is the SQL default, NO ACTION.
pub(super) fn foreign_key(fk: &TableForeignKey, table: &str) -> ForeignKey {
    let columns = fk.get_columns();
    ForeignKey {
        name: fk
            .get_name()
            .map(str::to_string)
            .unwrap_or_else(|| format!("fk-{table}-{}", columns.join("-"))),
        ref_table: fk.get_ref_table().map(table_ref_name).unwrap_or_default(),
        ref_columns: fk.get_ref_columns(),
        on_delete: action(fk.get_on_delete()),
        on_update: action(fk.get_on_update()),
        // sea-orm cannot say it: `SchemaExtras::foreign_keys` does.
        deferrable: crate::model::Deferrable::No,
        columns,
    }
}

fn action(a: Option<ForeignKeyAction>) -> FkAction {
    match a {
        Some(ForeignKeyAction::Restrict) => FkAction::Restrict,
        Some(ForeignKeyAction::Cascade) => FkAction::Cascade,
        Some(ForeignKeyAction::SetNull) => FkAction::SetNull,
        Some(ForeignKeyAction::SetDefault) => FkAction::SetDefault,
        _ => FkAction::NoAction,
    }
}
