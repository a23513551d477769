//! Running the MySQL/MariaDB catalog queries and turning rows into parts.

use std::collections::{BTreeSet, HashMap};

use crate::introspect::IntrospectError;
use crate::introspect::assemble::{
    ColumnPart, FkPart, KeyKind, KeyPart, Parts, TablePart, assemble, parse_fk_action,
    unmanaged_row,
};
use crate::introspect::catalog::{Catalog, CatalogConnection};
use crate::model::{Column, ColumnType, Generated, OnUpdate, Schema, Unmanaged, UnmanagedKind};

use super::{defaults::default_sql, queries, types::parse_type};

/// Reads the current database with one query per object kind (plus the server version, and
/// on MariaDB the JSON checks).
pub(crate) async fn read<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    skip: impl Fn(&str) -> bool,
) -> Result<Schema, IntrospectError> {
    let version_rows = catalog.fetch("server version", queries::VERSION).await?;
    let mariadb = match version_rows.first() {
        Some(row) => row
            .get::<String>("version")?
            .to_ascii_lowercase()
            .contains("mariadb"),
        None => false,
    };
    let json_columns = if mariadb {
        mariadb_json_columns(catalog).await?
    } else {
        BTreeSet::new()
    };

    let mut parts = Parts::default();
    // Each table's default collation, to tell which columns chose another one.
    let mut table_collations = HashMap::new();
    for row in catalog.fetch("tables", queries::TABLES).await? {
        let name: String = row.get("table_name")?;
        if let Some(collation) = row.text_opt("collation")? {
            table_collations.insert(name.clone(), collation);
        }
        parts.tables.push(TablePart {
            name,
            comment: row.text_opt("comment")?,
            partition_by: None,
        });
    }

    for row in catalog.fetch("columns", queries::COLUMNS).await? {
        let table: String = row.get("table_name")?;
        let name: String = row.get("column_name")?;
        let extra: String = row.get::<Option<String>>("extra")?.unwrap_or_default();
        let auto_increment = extra.to_ascii_lowercase().contains("auto_increment");
        let mut col_type = parse_type(&row.get::<String>("column_type")?);
        if col_type == ColumnType::Custom("longtext".into())
            && json_columns.contains(&(table.clone(), name.clone()))
        {
            col_type = ColumnType::Json;
        }
        let default = default_sql(row.get("column_default")?, mariadb, &extra, &col_type);
        let on_update = OnUpdate::parse(&extra);
        if on_update.is_none() && extra.to_ascii_lowercase().contains("on update") {
            parts.unmanaged.push(Unmanaged {
                kind: UnmanagedKind::ColumnAttribute,
                table: Some(table.clone()),
                name: name.clone(),
                detail: Some(extra.clone()),
                sql: None,
            });
        }
        let generated = generation(&extra, row.text_opt("generation_expression")?);
        let collation = row
            .text_opt("collation")?
            .filter(|c| table_collations.get(&table).is_some_and(|t| t != c));
        // MariaDB's JSON is `longtext COLLATE utf8mb4_bin` with a `json_valid` check: the
        // collation is the type's, not a choice.
        let json_check = json_columns.contains(&(table.clone(), name.clone()));
        if let Some(collation) = collation.as_ref().filter(|_| !json_check) {
            parts.unmanaged.push(Unmanaged {
                kind: UnmanagedKind::Collation,
                table: Some(table.clone()),
                name: name.clone(),
                detail: row
                    .text_opt("charset")?
                    .map(|charset| format!("CHARACTER SET {charset} COLLATE {collation}")),
                sql: None,
            });
        }
        let collation = collation
            .filter(|_| col_type != ColumnType::Json)
            .map(crate::model::Collation::mysql);
        parts.columns.push(ColumnPart {
            table,
            ordinal: row.get("ordinal")?,
            column: Column {
                name,
                nullable: row.get::<String>("is_nullable")? == "YES",
                default: if auto_increment { None } else { default },
                col_type,
                auto_increment,
                comment: row.text_opt("comment")?,
                identity: None,
                renamed_from: None,
                on_update,
                collation,
                generated,
            },
        });
    }

    read_indexes(catalog, &mut parts).await?;

    for row in catalog.fetch("foreign keys", queries::FOREIGN_KEYS).await? {
        let table: String = row.get("table_name")?;
        let name: String = row.get("fk_name")?;
        let on_delete = parse_fk_action(&table, &name, &row.get::<String>("on_delete")?)?;
        let on_update = parse_fk_action(&table, &name, &row.get::<String>("on_update")?)?;
        parts.fks.push(FkPart {
            table,
            name,
            seq: row.get("seq")?,
            column: row.get("column_name")?,
            ref_table: row.get("ref_table")?,
            ref_column: Some(row.get("ref_column")?),
            on_delete,
            on_update,
            // MySQL/MariaDB have no deferrable foreign keys.
            deferrable: crate::model::Deferrable::No,
        });
    }

    for row in catalog
        .fetch("unmanaged objects", &queries::unmanaged(mariadb))
        .await?
    {
        unmanaged_row(&row, &mut parts, crate::backend::Backend::MySql)?;
    }

    assemble(parts, skip)
}

/// Reads `STATISTICS`: `PRIMARY` is the primary key, unique indexes are uniques, the rest are
/// indexes. Functional indexes (a NULL column name, MySQL 8) and prefix indexes (a column
/// with a `sub_part`, other than in the primary key) are skipped whole: the unmanaged-objects
/// query reports them.
async fn read_indexes<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    let mut keys = Vec::new();
    let mut skipped = BTreeSet::new();
    for row in catalog.fetch("indexes", queries::STATISTICS).await? {
        let table: String = row.get("table_name")?;
        let name: String = row.get("index_name")?;
        // A prefix or a descending column: the index is kept as SQL (see `UNMANAGED`).
        let prefix = name != "PRIMARY"
            && (row.get::<Option<i64>>("sub_part")?.is_some()
                || row.text_opt("ordering")?.as_deref() == Some("D"));
        let column = row.get::<Option<String>>("column_name")?;
        let Some(column) = column.filter(|_| !prefix) else {
            skipped.insert((table, name));
            continue;
        };
        let kind = if name == "PRIMARY" {
            KeyKind::Primary
        } else if row.get::<i64>("non_unique")? == 0 {
            KeyKind::Unique
        } else {
            KeyKind::Index
        };
        keys.push(KeyPart {
            table,
            name,
            kind,
            seq: row.get("seq")?,
            column,
        });
    }
    parts.keys.extend(
        keys.into_iter()
            .filter(|k| !skipped.contains(&(k.table.clone(), k.name.clone()))),
    );
    Ok(())
}

/// The (table, column) pairs guarded by MariaDB's `json_valid(`col`)` check.
async fn mariadb_json_columns<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
) -> Result<BTreeSet<(String, String)>, IntrospectError> {
    let mut out = BTreeSet::new();
    for row in catalog
        .fetch("json checks", queries::MARIADB_JSON_CHECKS)
        .await?
    {
        let clause: String = row.get("check_clause")?;
        let column = clause
            .strip_prefix("json_valid(`")
            .and_then(|c| c.strip_suffix("`)"));
        if let Some(column) = column {
            out.insert((row.get("table_name")?, column.replace("``", "`")));
        }
    }
    Ok(out)
}

/// A generated column from `COLUMNS.EXTRA` (`STORED GENERATED`, `VIRTUAL GENERATED`; older
/// MariaDB says `PERSISTENT GENERATED`, and `DEFAULT_GENERATED` marks an expression default,
/// not a generated column) and `GENERATION_EXPRESSION`.
fn generation(extra: &str, expression: Option<String>) -> Option<Generated> {
    let upper = extra.to_ascii_uppercase();
    let generated = upper
        .split_whitespace()
        .any(|w| w == "GENERATED" || w == "PERSISTENT" || w == "VIRTUAL" || w == "STORED");
    if !generated {
        return None;
    }
    Some(Generated {
        expression: expression.unwrap_or_default(),
        stored: !upper.contains("VIRTUAL"),
    })
}

#[cfg(test)]
mod tests {
    use super::generation;

    #[test]
    fn mysql_generation_from_extra() {
        let g = |extra: &str| generation(extra, Some("`a` * 2".into()));
        assert!(g("STORED GENERATED").is_some_and(|g| g.stored));
        assert!(g("PERSISTENT GENERATED").is_some_and(|g| g.stored));
        assert!(g("VIRTUAL GENERATED").is_some_and(|g| !g.stored));
        assert_eq!(g("DEFAULT_GENERATED"), None);
        assert_eq!(g("DEFAULT_GENERATED on update CURRENT_TIMESTAMP"), None);
        assert_eq!(g("auto_increment"), None);
        assert_eq!(g(""), None);
    }
}
