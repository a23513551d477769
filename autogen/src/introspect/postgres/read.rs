//! Running the Postgres catalog queries and turning rows into parts.

use crate::backend::Backend;
use crate::introspect::IntrospectError;
use crate::introspect::assemble::{
    ColumnPart, FkPart, KeyKind, KeyPart, Parts, TablePart, assemble, check_expression,
    defined_index, unmanaged_row,
};
use crate::introspect::catalog::{Catalog, CatalogConnection};
use crate::model::{
    Check, Column, ColumnType, Deferrable, Domain, EnumType, FkAction, Generated, Identity,
    IdentityKind, Schema, Unmanaged, UnmanagedKind,
};

use super::{queries, types::parse_type};

/// Reads the current schema with eight catalog queries in two chains of about equal server
/// work, each with half of the columns (the largest query by far); the second starts with the
/// tables, whose rows carry the server version that picks its index query. On a connection
/// with two lanes ([`CatalogConnection::lanes`]) the chains run at once, and each result is
/// decoded while the server works on the other chain; otherwise one after the other. The
/// parts are grouped by [`assemble`], which sorts them, so the order they arrive in does not
/// matter.
pub(crate) async fn read<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    skip: impl Fn(&str) -> bool,
) -> Result<Schema, IntrospectError> {
    let first = async {
        let mut parts = Parts::default();
        read_columns(catalog, queries::COLUMNS_OF_HALF[0], &mut parts).await?;
        read_keys(catalog, &mut parts).await?;
        read_foreign_keys(catalog, &mut parts).await?;
        Ok::<_, IntrospectError>(parts)
    };
    let second = async {
        let mut parts = Parts::default();
        let server_version = read_tables(catalog, &mut parts).await?;
        read_columns(catalog, queries::COLUMNS_OF_HALF[1], &mut parts).await?;
        read_user_types(catalog, &mut parts).await?;
        let indexes = if server_version >= queries::NULLS_NOT_DISTINCT_SINCE {
            queries::INDEXES
        } else {
            queries::INDEXES_PRE_15
        };
        read_indexes(catalog, indexes, &mut parts).await?;
        read_unmanaged(catalog, &mut parts).await?;
        Ok::<_, IntrospectError>(parts)
    };
    let (first, second) = if catalog.concurrent() {
        tokio::try_join!(first, second)?
    } else {
        (first.await?, second.await?)
    };
    let mut parts = first;
    parts.extend(second);
    assemble(parts, skip)
}

/// [`queries::TABLES`]; returns `server_version_num` (0 when there is no table).
async fn read_tables<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
) -> Result<i32, IntrospectError> {
    let mut server_version = 0;
    catalog
        .each("tables", queries::TABLES, |row| {
            server_version = row.get("server_version")?;
            parts.tables.push(TablePart {
                name: row.get("table_name")?,
                comment: row.get("comment")?,
                partition_by: row.get("partition_key")?,
            });
            Ok(())
        })
        .await?;
    Ok(server_version)
}

/// [`queries::USER_TYPES`]: enum types and domains.
async fn read_user_types<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    catalog
        .each("enum types and domains", queries::USER_TYPES, |row| {
            let name: String = row.get("type_name")?;
            if row.get::<String>("kind")? == "d" {
                domain_row(&row, name, parts)?;
                return Ok(());
            }
            let value: Option<String> = row.get("value")?;
            let e = parts.enums.entry(name.clone()).or_insert_with(|| EnumType {
                name,
                values: Vec::new(),
            });
            e.values.extend(value);
            Ok(())
        })
        .await?;
    Ok(())
}

/// One half of [`queries::COLUMNS_OF_HALF`].
async fn read_columns<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    sql: &str,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    catalog
        .each("columns", sql, |row| {
            let default: Option<String> = row.get("column_default")?;
            // Identity columns and serial's `nextval(...)` default are both auto-increment.
            let serial = default
                .as_deref()
                .is_some_and(|d| d.starts_with("nextval("));
            let auto_increment = row.get::<bool>("is_identity")? || serial;
            let identity = auto_increment.then(|| Identity {
                kind: match row.get::<String>("identity").unwrap_or_default().as_str() {
                    "a" => IdentityKind::Always,
                    "d" => IdentityKind::ByDefault,
                    _ => IdentityKind::Serial,
                },
                increment: None,
            });
            let identity = match (identity, row.get::<Option<i64>>("increment")?) {
                (Some(id), Some(step)) if step != 1 => Some(Identity {
                    increment: Some(step),
                    ..id
                }),
                (id, _) => id,
            };
            let data_type: String = row.get("data_type")?;
            let generated = row
                .get::<Option<String>>("generated_expr")?
                .map(|expression| Generated {
                    expression,
                    stored: row.get::<String>("generated_kind").unwrap_or_default() != "v",
                });
            let table: String = row.get("table_name")?;
            let name: String = row.get("column_name")?;
            let collation: Option<String> = row.get("collation")?;
            // What the unmanaged-objects query used to read with a second scan of the columns:
            // a non-default collation first, else a type the tool never creates.
            if let Some(c) = &collation {
                parts.unmanaged.push(Unmanaged {
                    kind: UnmanagedKind::Collation,
                    table: Some(table.clone()),
                    name: name.clone(),
                    detail: Some(format!("COLLATE {c}")),
                    sql: None,
                });
            } else if row.get::<bool>("unmanaged_type")? {
                parts.unmanaged.push(Unmanaged {
                    kind: UnmanagedKind::UserType,
                    table: Some(table.clone()),
                    name: name.clone(),
                    detail: Some(data_type.clone()),
                    sql: None,
                });
            }
            parts.columns.push(ColumnPart {
                table,
                ordinal: row.get("ordinal")?,
                column: Column {
                    name,
                    col_type: match (
                        row.get::<Option<String>>("enum_name")?,
                        row.get::<Option<String>>("domain_name")?,
                    ) {
                        // Its values are the type's, filled in by `assemble`.
                        (Some(name), _) => ColumnType::Enum {
                            name,
                            values: Vec::new(),
                        },
                        // Its base type is the domain's, filled in by `assemble`.
                        (None, Some(name)) => ColumnType::Domain {
                            name,
                            base: Box::new(parse_type(&data_type)),
                        },
                        (None, None) => parse_type(&data_type),
                    },
                    nullable: !row.get::<bool>("not_null")?,
                    default: if auto_increment { None } else { default },
                    auto_increment,
                    comment: row.get("comment")?,
                    identity,
                    renamed_from: None,
                    on_update: None,
                    collation: collation.map(crate::model::Collation::postgres),
                    generated,
                },
            });
            Ok(())
        })
        .await?;
    Ok(())
}

/// [`queries::KEYS`]: primary keys and uniques.
async fn read_keys<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    catalog
        .each("primary keys and uniques", queries::KEYS, |row| {
            let key_type: String = row.get("key_type")?;
            parts.keys.push(KeyPart {
                table: row.get("table_name")?,
                name: row.get("key_name")?,
                kind: if key_type == "p" {
                    KeyKind::Primary
                } else {
                    KeyKind::Unique
                },
                seq: row.get("seq")?,
                column: row.get("column_name")?,
            });
            Ok(())
        })
        .await?;
    Ok(())
}

/// [`queries::INDEXES`] (or its variant before PostgreSQL 15, `sql`).
async fn read_indexes<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    sql: &str,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    catalog
        .each("indexes", sql, |row| {
            let table: String = row.get("table_name")?;
            let name: String = row.get("index_name")?;
            if let Some(definition) = row.get::<Option<String>>("definition")? {
                defined_index(parts, Backend::Postgres, table, name, definition);
                return Ok(());
            }
            // A unique index is a unique constraint as far as the model is concerned.
            parts.keys.push(KeyPart {
                table,
                name,
                kind: if row.get::<bool>("is_unique")? {
                    KeyKind::Unique
                } else {
                    KeyKind::Index
                },
                seq: row.get("seq")?,
                column: row.get("column_name")?,
            });
            Ok(())
        })
        .await?;
    Ok(())
}

/// [`queries::FOREIGN_KEYS`].
async fn read_foreign_keys<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    catalog
        .each("foreign keys", queries::FOREIGN_KEYS, |row| {
            let table: String = row.get("table_name")?;
            let name: String = row.get("fk_name")?;
            let on_delete = fk_action(&table, &name, &row.get::<String>("on_delete")?)?;
            let on_update = fk_action(&table, &name, &row.get::<String>("on_update")?)?;
            parts.fks.push(FkPart {
                table,
                name,
                seq: row.get("seq")?,
                column: row.get("column_name")?,
                ref_table: row.get("ref_table")?,
                ref_column: Some(row.get("ref_column")?),
                on_delete,
                on_update,
                deferrable: match (row.get::<bool>("deferrable")?, row.get::<bool>("deferred")?) {
                    (false, _) => Deferrable::No,
                    (true, false) => Deferrable::InitiallyImmediate,
                    (true, true) => Deferrable::InitiallyDeferred,
                },
            });
            Ok(())
        })
        .await?;
    Ok(())
}

/// [`queries::UNMANAGED`]: checks, and what is read but not managed.
async fn read_unmanaged<C: CatalogConnection>(
    catalog: &Catalog<'_, C>,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    catalog
        .each("unmanaged objects", queries::UNMANAGED, |row| {
            unmanaged_row(&row, parts, Backend::Postgres)?;
            Ok(())
        })
        .await?;
    Ok(())
}

/// One domain row of [`queries::USER_TYPES`]: the domain, and one of its checks if any.
fn domain_row(
    row: &crate::introspect::catalog::Row,
    name: String,
    parts: &mut Parts,
) -> Result<(), IntrospectError> {
    let base: String = row.get("base_type")?;
    let d = match parts.domains.entry(name.clone()) {
        std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::btree_map::Entry::Vacant(e) => {
            let mut d = Domain::new(name, parse_type(&base));
            d.default = row.get("domain_default")?;
            d.not_null = row.get("not_null")?;
            d.collation = row.get("collation")?;
            e.insert(d)
        }
    };
    if let Some(check) = row.get::<Option<String>>("check_name")? {
        let clause: String = row.text_opt("check_def")?.unwrap_or_default();
        d.checks.insert(
            check.clone(),
            Check {
                name: check,
                expression: check_expression(&clause),
            },
        );
    }
    Ok(())
}

/// Decodes `pg_constraint.confdeltype` / `confupdtype`.
fn fk_action(table: &str, constraint: &str, code: &str) -> Result<FkAction, IntrospectError> {
    match code {
        "a" => Ok(FkAction::NoAction),
        "r" => Ok(FkAction::Restrict),
        "c" => Ok(FkAction::Cascade),
        "n" => Ok(FkAction::SetNull),
        "d" => Ok(FkAction::SetDefault),
        _ => Err(IntrospectError::UnknownFkAction {
            table: table.to_owned(),
            constraint: constraint.to_owned(),
            action: code.to_owned(),
        }),
    }
}
