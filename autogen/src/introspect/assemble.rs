//! Grouping flat catalog rows (one per table, column, key part) into a [`Schema`].
//!
//! Each backend turns its catalog rows into these backend-neutral parts; grouping them in
//! memory is what keeps the number of queries constant whatever the number of tables.

use std::collections::{BTreeMap, HashMap};

use crate::model::{
    Check, Column, ColumnType, Deferrable, DefinedIndex, Domain, EnumType, FkAction, ForeignKey,
    Index, PrimaryKey, Schema, Table, Unique, Unmanaged, UnmanagedKind, check_key, column_key,
};

use super::IntrospectError;
use crate::backend::Backend;

/// One table row.
pub(crate) struct TablePart {
    /// Table name.
    pub name: String,
    /// Table comment.
    pub comment: Option<String>,
    /// PostgreSQL: a partitioned table's key.
    pub partition_by: Option<String>,
}

/// One column row.
pub(crate) struct ColumnPart {
    /// Owning table.
    pub table: String,
    /// Position in the table, used only for ordering.
    pub ordinal: i64,
    /// The column itself.
    pub column: Column,
}

/// What a key row belongs to.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum KeyKind {
    /// The primary key.
    Primary,
    /// A unique constraint or unique index.
    Unique,
    /// A non-unique index.
    Index,
}

/// One column of a primary key, unique constraint or index.
pub(crate) struct KeyPart {
    /// Owning table.
    pub table: String,
    /// Constraint or index name; empty for a nameless primary key (SQLite).
    pub name: String,
    /// Which collection it goes to.
    pub kind: KeyKind,
    /// Position in the key, used only for ordering.
    pub seq: i64,
    /// Column name.
    pub column: String,
}

/// One column pair of a foreign key.
pub(crate) struct FkPart {
    /// Referencing table.
    pub table: String,
    /// Constraint name.
    pub name: String,
    /// Position in the key, used only for ordering.
    pub seq: i64,
    /// Referencing column.
    pub column: String,
    /// Referenced table.
    pub ref_table: String,
    /// Referenced column; `None` means "the referenced table's primary key" (SQLite).
    pub ref_column: Option<String>,
    /// ON DELETE action.
    pub on_delete: FkAction,
    /// ON UPDATE action.
    pub on_update: FkAction,
    /// Deferrability.
    pub deferrable: Deferrable,
}

/// Everything read from one catalog, before grouping.
#[derive(Default)]
pub(crate) struct Parts {
    /// Tables.
    pub tables: Vec<TablePart>,
    /// Columns.
    pub columns: Vec<ColumnPart>,
    /// Key and index columns.
    pub keys: Vec<KeyPart>,
    /// Foreign-key column pairs.
    pub fks: Vec<FkPart>,
    /// Objects read but not managed.
    pub unmanaged: Vec<Unmanaged>,
    /// Check constraints, by table.
    pub checks: Vec<(String, Check)>,
    /// Indexes kept as SQL, by table.
    pub defined_indexes: Vec<(String, DefinedIndex)>,
    /// Native enum types (PostgreSQL), by name.
    pub enums: BTreeMap<String, EnumType>,
    /// Domains (PostgreSQL), by name.
    pub domains: BTreeMap<String, Domain>,
}

impl Parts {
    /// Adds what another chain of queries read ([`assemble`] sorts and groups, so the order
    /// does not matter).
    pub(crate) fn extend(&mut self, other: Parts) {
        self.tables.extend(other.tables);
        self.columns.extend(other.columns);
        self.keys.extend(other.keys);
        self.fks.extend(other.fks);
        self.unmanaged.extend(other.unmanaged);
        self.checks.extend(other.checks);
        self.defined_indexes.extend(other.defined_indexes);
        self.enums.extend(other.enums);
        self.domains.extend(other.domains);
    }
}

/// Groups the parts into tables, dropping every table for which `skip` is true.
pub(crate) fn assemble(
    parts: Parts,
    skip: impl Fn(&str) -> bool,
) -> Result<Schema, IntrospectError> {
    let mut tables: BTreeMap<String, Table> = parts
        .tables
        .into_iter()
        .map(|t| {
            let mut table = Table::new(t.name.clone());
            table.comment = t.comment;
            table.partition_by = t.partition_by;
            (t.name, table)
        })
        .collect();

    // Columns, grouped by table through a hash map and then sorted by ordinal within their
    // table: at 10,000 tables a sort of all 140,000 by (table, ordinal) and a tree lookup
    // per column were a tenth of the client's time, all string comparisons.
    let mut by_table: HashMap<String, Vec<ColumnPart>> = HashMap::new();
    for mut part in parts.columns {
        by_table
            .entry(std::mem::take(&mut part.table))
            .or_default()
            .push(part);
    }
    for (name, table) in &mut tables {
        let Some(mut columns) = by_table.remove(name) else {
            continue;
        };
        // (table, ordinal) is unique, so an unstable sort gives the one order.
        columns.sort_unstable_by_key(|c| c.ordinal);
        for mut part in columns {
            // A column of a native enum type carries the type's values.
            if let ColumnType::Enum { name, values } = &mut part.column.col_type
                && let Some(e) = parts.enums.get(name)
            {
                *values = e.values.clone();
            }
            // A column of a domain carries the domain's base type.
            if let ColumnType::Domain { name, base } = &mut part.column.col_type
                && let Some(d) = parts.domains.get(name)
            {
                **base = d.base.clone();
            }
            table.columns.push(part.column);
        }
    }

    add_keys(&mut tables, parts.keys);
    for (table, index) in parts.defined_indexes {
        if let Some(t) = tables.get_mut(&table) {
            t.defined_indexes.insert(index.name.clone(), index);
        }
    }
    for (table, check) in parts.checks {
        if let Some(t) = tables.get_mut(&table) {
            t.checks.insert(check_key(&check), check);
        }
    }
    add_foreign_keys(&mut tables, parts.fks)?;

    // Filter last, so foreign keys could still resolve against skipped tables' keys.
    let mut schema = Schema::default();
    for (name, table) in tables {
        if !skip(&name) {
            schema.insert(table);
        }
    }
    let mut unmanaged = parts.unmanaged;
    unmanaged.retain(|u| !u.table.as_deref().is_some_and(&skip) && !skip(&u.name));
    unmanaged.sort();
    unmanaged.dedup();
    schema.unmanaged = unmanaged;
    schema.enums = parts.enums;
    schema.domains = parts.domains;
    Ok(schema)
}

/// Groups key parts by (table, name, kind) and attaches them.
fn add_keys(tables: &mut BTreeMap<String, Table>, keys: Vec<KeyPart>) {
    let mut grouped: BTreeMap<(String, KeyKind, String), Vec<(i64, String)>> = BTreeMap::new();
    for k in keys {
        grouped
            .entry((k.table, k.kind, k.name))
            .or_default()
            .push((k.seq, k.column));
    }
    for ((table_name, kind, name), mut cols) in grouped {
        let Some(table) = tables.get_mut(&table_name) else {
            continue;
        };
        cols.sort();
        let columns: Vec<String> = cols.into_iter().map(|(_, c)| c).collect();
        match kind {
            KeyKind::Primary => {
                table.primary_key = Some(PrimaryKey {
                    name: (!name.is_empty()).then_some(name),
                    columns,
                });
            }
            KeyKind::Unique => {
                table
                    .uniques
                    .insert(column_key(&columns), Unique { name, columns });
            }
            KeyKind::Index => {
                table.indexes.insert(name.clone(), Index { name, columns });
            }
        }
    }
}

/// Groups foreign-key parts by (table, name) and attaches them, resolving implicit
/// references to the parent's primary key.
fn add_foreign_keys(
    tables: &mut BTreeMap<String, Table>,
    fks: Vec<FkPart>,
) -> Result<(), IntrospectError> {
    let mut grouped: BTreeMap<(String, String), Vec<FkPart>> = BTreeMap::new();
    for fk in fks {
        grouped
            .entry((fk.table.clone(), fk.name.clone()))
            .or_default()
            .push(fk);
    }
    for ((table_name, name), mut pairs) in grouped {
        pairs.sort_by_key(|p| p.seq);
        let first = &pairs[0];
        let ref_table = first.ref_table.clone();
        let (on_delete, on_update) = (first.on_delete, first.on_update);
        let deferrable = first.deferrable;
        let columns: Vec<String> = pairs.iter().map(|p| p.column.clone()).collect();
        let ref_columns = if pairs.iter().all(|p| p.ref_column.is_some()) {
            pairs.into_iter().filter_map(|p| p.ref_column).collect()
        } else {
            // `REFERENCES parent` without columns means the parent's primary key.
            tables
                .get(&ref_table)
                .and_then(|t| t.primary_key.as_ref())
                .map(|pk| pk.columns.clone())
                .ok_or_else(|| IntrospectError::MissingReferencedKey {
                    table: table_name.clone(),
                    constraint: name.clone(),
                    ref_table: ref_table.clone(),
                })?
        };
        if let Some(table) = tables.get_mut(&table_name) {
            table.foreign_keys.insert(
                column_key(&columns),
                ForeignKey {
                    name,
                    columns,
                    ref_table,
                    ref_columns,
                    on_delete,
                    on_update,
                    deferrable,
                },
            );
        }
    }
    Ok(())
}

/// Parses a referential action as spelled by `information_schema` and SQLite pragmas.
pub(crate) fn parse_fk_action(
    table: &str,
    constraint: &str,
    action: &str,
) -> Result<FkAction, IntrospectError> {
    match action.to_ascii_uppercase().as_str() {
        "NO ACTION" | "NONE" | "" => Ok(FkAction::NoAction),
        "RESTRICT" => Ok(FkAction::Restrict),
        "CASCADE" => Ok(FkAction::Cascade),
        "SET NULL" => Ok(FkAction::SetNull),
        "SET DEFAULT" => Ok(FkAction::SetDefault),
        _ => Err(IntrospectError::UnknownFkAction {
            table: table.to_owned(),
            constraint: constraint.to_owned(),
            action: action.to_owned(),
        }),
    }
}

/// One row of a backend's "unmanaged objects" query (`kind`, `table_name`, `name`, `detail`):
/// a check constraint (kind `check`, detail its clause) goes to `parts.checks`, anything else
/// to `parts.unmanaged`.
pub(crate) fn unmanaged_row(
    row: &super::catalog::Row,
    parts: &mut Parts,
    backend: Backend,
) -> Result<(), IntrospectError> {
    let kind: String = row.get("kind")?;
    if kind == "defined index" {
        let detail: String = row.text_opt("detail")?.unwrap_or_default();
        defined_index(
            parts,
            backend,
            row.get("table_name")?,
            row.get("name")?,
            detail,
        );
        return Ok(());
    }
    if kind == "check" {
        let clause: String = row.text_opt("detail")?.unwrap_or_default();
        parts.checks.push((
            row.get("table_name")?,
            Check {
                name: row.get("name")?,
                expression: check_expression(&clause),
            },
        ));
        return Ok(());
    }
    let Some(kind) = UnmanagedKind::from_label(&kind) else {
        return Ok(());
    };
    parts.unmanaged.push(Unmanaged {
        kind,
        table: row.text_opt("table_name")?,
        name: row.get("name")?,
        detail: row.text_opt("detail")?,
        sql: None,
    });
    Ok(())
}

/// An index the model cannot express, from the catalog's description `detail` (see
/// `index_sql`): kept as its SQL, or reported as unmanaged when that cannot be rebuilt.
pub(crate) fn defined_index(
    parts: &mut Parts,
    backend: Backend,
    table: String,
    name: String,
    detail: String,
) {
    if let Some(sql) = index_sql(backend, &table, &name, &detail) {
        parts
            .defined_indexes
            .push((table, DefinedIndex::read(name, backend, sql)));
        return;
    }
    parts.unmanaged.push(Unmanaged {
        kind: UnmanagedKind::Index,
        table: Some(table),
        name,
        detail: Some(detail),
        sql: None,
    });
}

/// The `CREATE INDEX` statement of an index the model cannot express, from the catalog's
/// description: PostgreSQL's `pg_get_indexdef` (re-targeted at the unqualified table), or
/// MySQL's `<FULLTEXT|SPATIAL|UNIQUE|->|<quoted columns>`.
fn index_sql(backend: Backend, table: &str, name: &str, detail: &str) -> Option<String> {
    let (ident_name, ident_table) = (backend.ident(name), backend.ident(table));
    match backend {
        Backend::Postgres => {
            let unique = if detail.starts_with("CREATE UNIQUE INDEX") {
                "UNIQUE "
            } else {
                ""
            };
            let using = detail.find(" USING ")?;
            Some(format!(
                "CREATE {unique}INDEX {ident_name} ON {ident_table}{}",
                &detail[using..]
            ))
        }
        Backend::MySql => {
            let (kind, columns) = detail.split_once('|')?;
            let kind = if kind == "-" {
                String::new()
            } else {
                format!("{kind} ")
            };
            Some(format!(
                "CREATE {kind}INDEX {ident_name} ON {ident_table} ({columns})"
            ))
        }
        Backend::Sqlite => None,
    }
}

/// `CHECK ((price > 0)) NOT VALID` (PostgreSQL's `pg_get_constraintdef`) → `(price > 0)`;
/// MySQL's bare clause is kept as it is.
pub(crate) fn check_expression(clause: &str) -> String {
    let c = clause.trim();
    let c = c.strip_suffix("NOT VALID").unwrap_or(c).trim_end();
    match c.strip_prefix("CHECK") {
        Some(rest) if rest.trim_start().starts_with('(') && rest.trim_end().ends_with(')') => {
            let rest = rest.trim();
            rest[1..rest.len() - 1].trim().to_owned()
        }
        _ => c.to_owned(),
    }
}
