//! Running the SQLite catalog queries and turning rows into parts.

use std::collections::{BTreeMap, BTreeSet};

use crate::introspect::IntrospectError;
use crate::introspect::assemble::{
    ColumnPart, FkPart, KeyKind, KeyPart, Parts, TablePart, assemble, parse_fk_action,
};
use crate::introspect::catalog::{Catalog, CatalogConnection};
use crate::model::{
    Check, Collation, Column, ColumnType, Deferrable, DefinedIndex, Generated, Schema, Unmanaged,
    UnmanagedKind,
};
use crate::normalize::checks::canonical_tokens;

use super::{
    autoinc::{check_clauses, has_autoincrement},
    clauses::{collate_clauses, table_options},
    deferrable::deferrable_clauses,
    generated::generated_clauses,
    queries,
    types::parse_type,
};

/// Reads `main` with five catalog queries.
pub(crate) async fn read<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    skip: impl Fn(&str) -> bool,
) -> Result<Schema, IntrospectError> {
    let mut parts = Parts::default();

    // Tables that declare AUTOINCREMENT somewhere in their CREATE statement.
    let mut autoinc_tables = BTreeSet::new();
    // Generated columns' expressions, per table: (column, expression).
    let mut generated: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    // Columns' `COLLATE` clauses, per table: (column, collation).
    let mut collations: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    // Deferrable foreign keys, per table: (columns, deferrability).
    let mut deferrable: BTreeMap<String, Vec<(Vec<String>, Deferrable)>> = BTreeMap::new();
    for row in catalog.fetch("tables", queries::TABLES).await? {
        let name: String = row.get("table_name")?;
        let sql: Option<String> = row.get("create_sql")?;
        let text = sql.as_deref().unwrap_or_default();
        generated.insert(name.clone(), generated_clauses(text));
        collations.insert(name.clone(), collate_clauses(text));
        deferrable.insert(name.clone(), deferrable_clauses(text));
        // `WITHOUT ROWID` / `STRICT`: not modelled; named, and kept by a rebuild.
        for option in table_options(text) {
            parts.unmanaged.push(unmanaged(
                UnmanagedKind::TableOption,
                Some(&name),
                &option,
                None,
            ));
        }
        if sql.as_deref().is_some_and(has_autoincrement) {
            autoinc_tables.insert(name.clone());
        }
        for (check_name, expression) in check_clauses(sql.as_deref().unwrap_or_default()) {
            parts.checks.push((
                name.clone(),
                Check {
                    name: check_name,
                    expression,
                },
            ));
        }
        // SQLite has no comments.
        parts.tables.push(TablePart {
            name,
            comment: None,
            partition_by: None,
        });
    }

    let clauses = Clauses {
        generated: &generated,
        collations: &collations,
    };
    read_columns(catalog, &mut parts, &autoinc_tables, clauses).await?;
    let unexpressed = read_indexes(catalog, &mut parts).await?;
    read_objects(catalog, &mut parts, &unexpressed).await?;

    for row in catalog.fetch("foreign keys", queries::FOREIGN_KEYS).await? {
        let table: String = row.get("table_name")?;
        // SQLite does not keep foreign-key names; names are ignored by comparison anyway.
        let name = format!("fk_{table}_{}", row.get::<i64>("fk_id")?);
        let on_delete = parse_fk_action(&table, &name, &row.get::<String>("on_delete")?)?;
        let on_update = parse_fk_action(&table, &name, &row.get::<String>("on_update")?)?;
        parts.fks.push(FkPart {
            table,
            name,
            seq: row.get("seq")?,
            column: row.get("column_name")?,
            ref_table: row.get("ref_table")?,
            ref_column: row.get("ref_column")?,
            on_delete,
            on_update,
            // Not in the pragma: read from the CREATE TABLE text below.
            deferrable: Deferrable::No,
        });
    }

    let mut schema = assemble(parts, skip)?;
    for (table, clauses) in deferrable {
        let Some(t) = schema.tables.get_mut(&table) else {
            continue;
        };
        for (columns, how) in clauses {
            let same = |fk: &&mut crate::model::ForeignKey| {
                fk.columns.len() == columns.len()
                    && fk
                        .columns
                        .iter()
                        .zip(&columns)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            if let Some(fk) = t.foreign_keys.values_mut().find(same) {
                fk.deferrable = how;
            }
        }
    }
    Ok(schema)
}

/// What the `CREATE TABLE` texts say about columns, per table: `(column, text)` pairs.
#[derive(Clone, Copy)]
struct Clauses<'a> {
    /// Generated columns' expressions.
    generated: &'a BTreeMap<String, Vec<(String, String)>>,
    /// Columns' collations.
    collations: &'a BTreeMap<String, Vec<(String, String)>>,
}

impl Clauses<'_> {
    fn find<'m>(
        map: &'m BTreeMap<String, Vec<(String, String)>>,
        table: &str,
        column: &str,
    ) -> Option<&'m str> {
        map.get(table)?
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(column))
            .map(|(_, text)| text.as_str())
    }
}

/// Reads columns and the primary key (from each column's `pk` position).
async fn read_columns<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
    autoinc_tables: &BTreeSet<String>,
    clauses: Clauses<'_>,
) -> Result<(), IntrospectError> {
    let mut pk_width: BTreeMap<String, usize> = BTreeMap::new();
    let mut columns = Vec::new();
    for row in catalog.fetch("columns", queries::COLUMNS).await? {
        // hidden = 1: hidden column of a virtual table, not part of the declared schema.
        let hidden = row.get::<i64>("hidden")?;
        if hidden == 1 {
            continue;
        }
        let table: String = row.get("table_name")?;
        let name: String = row.get("column_name")?;
        // hidden = 2 / 3: a generated column (virtual / stored), whose expression only the
        // CREATE TABLE text holds.
        let generation = (hidden >= 2).then(|| Generated {
            expression: Clauses::find(clauses.generated, &table, &name)
                .unwrap_or_default()
                .to_owned(),
            stored: hidden == 3,
        });
        let collation = Clauses::find(clauses.collations, &table, &name).map(|c| {
            // Named like PostgreSQL's and MySQL's: kept through a rebuild, not compared.
            parts.unmanaged.push(unmanaged(
                UnmanagedKind::Collation,
                Some(&table),
                &name,
                Some(format!("COLLATE {c}")),
            ));
            Collation::sqlite(c)
        });
        let pk: i64 = row.get("pk")?;
        if pk > 0 {
            *pk_width.entry(table.clone()).or_default() += 1;
            parts.keys.push(KeyPart {
                table: table.clone(),
                name: String::new(),
                kind: KeyKind::Primary,
                seq: pk,
                column: name.clone(),
            });
        }
        let declared: String = row.get::<Option<String>>("data_type")?.unwrap_or_default();
        // Only the exact type name `INTEGER` makes a sole key column the rowid alias.
        let rowid_type = declared.trim().eq_ignore_ascii_case("integer");
        columns.push((
            pk > 0,
            rowid_type,
            ColumnPart {
                table,
                ordinal: row.get("ordinal")?,
                column: Column {
                    name,
                    col_type: parse_type(&declared),
                    nullable: row.get::<i64>("not_null")? == 0,
                    default: row.get("column_default")?,
                    auto_increment: false,
                    comment: None,
                    identity: None,
                    renamed_from: None,
                    on_update: None,
                    collation,
                    generated: generation,
                },
            },
        ));
    }
    // AUTOINCREMENT is only legal on the sole INTEGER PRIMARY KEY column.
    for (in_pk, rowid_type, mut part) in columns {
        // The sole `INTEGER PRIMARY KEY` is the rowid alias, which can never be NULL, though
        // the catalog says `notnull = 0` unless NOT NULL was written
        // (https://www.sqlite.org/lang_createtable.html#rowid).
        if in_pk && rowid_type && pk_width.get(&part.table) == Some(&1) {
            part.column.nullable = false;
        }
        if in_pk
            && part.column.col_type == ColumnType::Integer
            && pk_width.get(&part.table) == Some(&1)
            && autoinc_tables.contains(&part.table)
        {
            part.column.auto_increment = true;
            part.column.default = None;
        }
        parts.columns.push(part);
    }
    Ok(())
}

/// Reads indexes: UNIQUE constraints (`sqlite_autoindex_*`) and unique indexes become
/// uniques; the primary key's own index is skipped; partial, expression, descending and
/// collated indexes are returned as (table, name), to be kept as their SQL.
async fn read_indexes<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
) -> Result<BTreeSet<(String, String)>, IntrospectError> {
    let mut keys = Vec::new();
    let mut expression = BTreeSet::new();
    for row in catalog.fetch("indexes", queries::INDEXES).await? {
        let table: String = row.get("table_name")?;
        let name: String = row.get("index_name")?;
        let origin: String = row.get("origin")?;
        if origin == "pk" {
            continue;
        }
        let index_sql: Option<String> = row.get("index_sql")?;
        // `COLLATE` written in the statement: a collated index part, kept as SQL.
        let collated = index_sql
            .as_deref()
            .is_some_and(|sql| canonical_tokens(sql).iter().any(|t| t == "collate"));
        if row.get::<i64>("partial")? != 0 || row.get::<i64>("ordered")? != 0 || collated {
            expression.insert((table, name));
            continue;
        }
        let Some(column) = row.get::<Option<String>>("column_name")? else {
            expression.insert((table, name));
            continue;
        };
        let kind = if row.get::<i64>("is_unique")? != 0 {
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
            .filter(|k| !expression.contains(&(k.table.clone(), k.name.clone()))),
    );
    Ok(expression)
}

/// Reads views, triggers and the SQL of the indexes the model cannot express.
async fn read_objects<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
    unexpressed: &BTreeSet<(String, String)>,
) -> Result<(), IntrospectError> {
    for row in catalog.fetch("views, triggers", queries::OBJECTS).await? {
        let kind: String = row.get("kind")?;
        let table: String = row.get("table_name")?;
        let name: String = row.get("name")?;
        let sql: Option<String> = row.get("create_sql")?;
        let (kind, table) = match kind.as_str() {
            "view" => (UnmanagedKind::View, None),
            "trigger" => (UnmanagedKind::Trigger, Some(table)),
            _ if unexpressed.contains(&(table.clone(), name.clone())) => {
                if let Some(sql) = sql {
                    let backend = crate::backend::Backend::Sqlite;
                    let index = DefinedIndex::read(name, backend, sql);
                    parts.defined_indexes.push((table, index));
                }
                continue;
            }
            _ => continue,
        };
        let mut object = unmanaged(kind, table.as_deref(), &name, None);
        object.sql = sql;
        parts.unmanaged.push(object);
    }
    Ok(())
}

/// An unmanaged object without SQL.
fn unmanaged(
    kind: UnmanagedKind,
    table: Option<&str>,
    name: &str,
    detail: Option<String>,
) -> Unmanaged {
    Unmanaged {
        kind,
        table: table.map(str::to_owned),
        name: name.to_owned(),
        detail,
        sql: None,
    }
}
