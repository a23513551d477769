//! Building the desired schema from entity statements.

use sea_orm::DbBackend;
use sea_orm::sea_query::{IndexCreateStatement, TableCreateStatement};

use super::column::{column_from_def, unmanaged_extra};
use super::index_sql::{OnBackend, index_on_table};
use super::keys::{IndexKind, classify_index, foreign_key, table_ref_name};
use super::{EntityDef, Extras};
use crate::backend::Backend;
use crate::model::{
    Check, ColumnType, EnumType, Index, PrimaryKey, Schema, Table, Unique, Unmanaged,
    UnmanagedKind, check_key, column_key,
};

/// The schema the given entities describe on `backend`.
pub fn desired_schema(entities: &[EntityDef], backend: DbBackend) -> Schema {
    let mut schema = Schema::default();
    for e in entities {
        let create = e.create_table(backend);
        let indexes = e.create_indexes(backend);
        let mut table = table_from_statements(&create, &indexes, backend);
        schema.unmanaged.extend(extra_notices(&create, &table.name));
        for ec in e.enum_columns() {
            if let Some(c) = table.columns.iter_mut().find(|c| c.name == ec.column) {
                c.col_type = ColumnType::Enum {
                    name: ec.name,
                    values: ec.values,
                };
            }
        }
        add_extras(&mut schema, &mut table, &e.extras(), backend);
        schema.insert(table);
    }
    if backend == DbBackend::Postgres {
        add_enum_types(&mut schema, entities);
    }
    add_domains(&mut schema, entities);
    schema
}

/// The domains entities declare through `SchemaExtras`, and every column whose
/// `custom("name")` type names one (sea-query lower-cases a custom type, so the name matches
/// in lower case too). Normalization keeps them on PostgreSQL only; elsewhere such a column
/// has the base type.
fn add_domains(schema: &mut Schema, entities: &[EntityDef]) {
    for e in entities {
        for d in e.extras().domains {
            schema.domains.insert(d.name.clone(), d.to_domain());
        }
    }
    for t in schema.tables.values_mut() {
        for c in &mut t.columns {
            let ColumnType::Custom(ty) = &c.col_type else {
                continue;
            };
            let found = schema.domains.get(ty).or_else(|| {
                schema
                    .domains
                    .values()
                    .find(|d| d.name.to_lowercase() == *ty)
            });
            if let Some(d) = found {
                c.col_type = d.column_type();
            }
        }
    }
}

/// PostgreSQL: every enum type a column uses, and those declared through `SchemaExtras`
/// (a declaration wins over a column's values, so a type can be declared before use).
fn add_enum_types(schema: &mut Schema, entities: &[EntityDef]) {
    let mut found: Vec<EnumType> = Vec::new();
    for t in schema.tables.values() {
        for c in &t.columns {
            if let ColumnType::Enum { name, values } = &c.col_type {
                found.push(EnumType {
                    name: name.clone(),
                    values: values.clone(),
                });
            }
        }
    }
    for e in entities {
        for d in e.extras().enum_types {
            schema.enums.insert(
                d.name.clone(),
                EnumType {
                    name: d.name,
                    values: d.values,
                },
            );
        }
    }
    for e in found {
        schema.enums.entry(e.name.clone()).or_insert(e);
    }
}

/// Adds what an entity declares through `SchemaExtras`: plain indexes, uniques and checks join
/// the table, other indexes join it as `backend`'s statement ([`index_on`]); an index
/// `backend` cannot express becomes an unmanaged object of the desired schema, which every
/// report lists (never a silent loss of the declaration).
/// The table's string columns (a PostgreSQL `::text` cast on them means nothing to SQLite).
fn text_columns(table: &Table) -> std::collections::BTreeSet<String> {
    use crate::model::ColumnType;
    table
        .columns
        .iter()
        .filter(|c| {
            matches!(
                c.col_type,
                ColumnType::Char(_) | ColumnType::String(_) | ColumnType::Text
            )
        })
        .map(|c| c.name.clone())
        .collect()
}

fn add_extras(schema: &mut Schema, table: &mut Table, extras: &Extras, backend: DbBackend) {
    let backend = Backend::of(backend);
    let mut declared = |kind, name: &str, detail: String| {
        schema.unmanaged.push(Unmanaged {
            kind,
            table: Some(table.name.clone()),
            name: name.to_owned(),
            detail: Some(detail),
            sql: None,
        })
    };
    let text_columns = text_columns(table);
    for ix in &extras.indexes {
        match index_on_table(ix, &table.name, &text_columns, backend) {
            OnBackend::Plain(columns) if ix.unique => {
                let name = ix.name.clone();
                table
                    .uniques
                    .insert(column_key(&columns), Unique { name, columns });
            }
            OnBackend::Plain(columns) => {
                let name = ix.name.clone();
                table.indexes.insert(name.clone(), Index { name, columns });
            }
            OnBackend::Defined(index) => {
                table.defined_indexes.insert(index.name.clone(), index);
            }
            OnBackend::Cannot(why) => declared(UnmanagedKind::Index, &ix.name, why),
        }
    }
    for check in &extras.checks {
        let check = Check {
            name: check.name.clone(),
            expression: check.expression.clone(),
        };
        table.checks.insert(check_key(&check), check);
    }
    for def in &extras.generated {
        match table.columns.iter_mut().find(|c| c.name == def.column) {
            Some(c) => {
                c.generated = Some(def.generated.clone());
                c.default = None;
            }
            None => declared(
                UnmanagedKind::ColumnAttribute,
                &def.column,
                format!("{}: no such column", def.generated.sql()),
            ),
        }
    }
    for def in &extras.foreign_keys {
        let key = column_key(&def.columns);
        match table.foreign_keys.get_mut(&key) {
            Some(fk) => fk.deferrable = def.deferrable,
            None => declared(
                UnmanagedKind::ForeignKeyOption,
                &key,
                format!("{}: no foreign key on these columns", def.deferrable.sql()),
            ),
        }
    }
    for def in &extras.identities {
        match table.columns.iter_mut().find(|c| c.name == def.column) {
            Some(c) if c.auto_increment => c.identity = Some(def.identity),
            _ => declared(
                UnmanagedKind::ColumnAttribute,
                &def.column,
                format!("{}: not an auto-increment column", def.identity.label()),
            ),
        }
    }
}

/// One notice per column whose sea-orm `extra` attribute holds what the model cannot keep.
fn extra_notices(create: &TableCreateStatement, table: &str) -> Vec<Unmanaged> {
    create
        .get_columns()
        .iter()
        .filter_map(|def| {
            unmanaged_extra(def).map(|extra| Unmanaged {
                kind: UnmanagedKind::ColumnAttribute,
                table: Some(table.to_owned()),
                name: def.get_column_name(),
                detail: Some(format!("extra {extra:?}")),
                sql: None,
            })
        })
        .collect()
}

/// One table from its `CREATE TABLE` and separate `CREATE INDEX` statements.
pub fn table_from_statements(
    create: &TableCreateStatement,
    indexes: &[IndexCreateStatement],
    backend: DbBackend,
) -> Table {
    let name = create
        .get_table_name()
        .map(table_ref_name)
        .unwrap_or_default();
    let mut table = Table::new(&name);
    table.comment = create.get_comment().cloned();

    // Index-like statements: inline ones (the composite primary key) and the separate ones.
    let mut pk_name: Option<String> = None;
    let mut pk_columns: Vec<String> = Vec::new();
    for stmt in create.get_indexes().iter().chain(indexes) {
        match classify_index(stmt, &name) {
            IndexKind::Primary(name, cols) => (pk_name, pk_columns) = (name, cols),
            IndexKind::Unique(name, columns) => {
                table
                    .uniques
                    .insert(column_key(&columns), Unique { name, columns });
            }
            IndexKind::Plain(name, columns) => {
                table.indexes.insert(name.clone(), Index { name, columns });
            }
        }
    }
    // A single-column key is flagged on the column itself.
    if pk_columns.is_empty() {
        pk_columns = create
            .get_columns()
            .iter()
            .filter(|c| c.get_column_spec().primary_key)
            .map(|c| c.get_column_name())
            .collect();
    }

    for def in create.get_columns() {
        let column = column_from_def(def, pk_columns.contains(&def.get_column_name()), backend);
        if def.get_column_spec().unique {
            let columns = vec![column.name.clone()];
            let unique = Unique {
                name: format!("{name}_{}_key", column.name),
                columns,
            };
            table.uniques.insert(column_key(&unique.columns), unique);
        }
        table.columns.push(column);
    }

    if !pk_columns.is_empty() {
        table.primary_key = Some(PrimaryKey {
            name: pk_name,
            columns: pk_columns,
        });
    }

    for fk in create.get_foreign_key_create_stmts() {
        let fk = foreign_key(fk.get_foreign_key(), &name);
        table.foreign_keys.insert(column_key(&fk.columns), fk);
    }
    table
}
