//! Rename candidates: a column dropped and one added in the same table with the same
//! definition, or a table gone and one new with the same columns, may be a rename. The
//! comparison itself never guesses; a caller asks (a terminal prompt, `--rename`) and turns
//! each accepted [`Rename`] into a rename hint on the desired schema (see [`apply_renames`]).

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use crate::model::{Schema, Table};

use super::columns::column_changes;

/// One rename: of a table, or of a column within a table (named as in the desired schema).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rename {
    /// `ALTER TABLE from RENAME TO to`.
    Table {
        /// The name in the database.
        from: String,
        /// The name the entities declare.
        to: String,
    },
    /// `ALTER TABLE table RENAME COLUMN from TO to`.
    Column {
        /// The table, as the entities name it.
        table: String,
        /// The column in the database.
        from: String,
        /// The column the entities declare.
        to: String,
    },
}

impl Rename {
    /// The prompt: `rename user.fullname to user.full_name?`, `rename table goods to product?`.
    pub fn question(&self) -> String {
        match self {
            Rename::Table { from, to } => format!("rename table {from} to {to}?"),
            Rename::Column { table, from, to } => {
                format!("rename {table}.{from} to {table}.{to}?")
            }
        }
    }
}

/// The `--rename` spelling: `table.old=new` for a column, `old=new` for a table.
impl fmt::Display for Rename {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rename::Table { from, to } => write!(f, "{from}={to}"),
            Rename::Column { table, from, to } => write!(f, "{table}.{from}={to}"),
        }
    }
}

impl FromStr for Rename {
    type Err = String;

    /// Parses the `--rename` spelling; every name must be non-empty.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not `table.old=new` (a column) or `old=new` (a table)");
        let (left, to) = s.split_once('=').ok_or_else(bad)?;
        let to = to.trim();
        if to.is_empty() || to.contains(['=', '.']) {
            return Err(bad());
        }
        let rename = match left.trim().split_once('.') {
            Some((table, from)) => Rename::Column {
                table: table.trim().to_string(),
                from: from.trim().to_string(),
                to: to.to_string(),
            },
            None => Rename::Table {
                from: left.trim().to_string(),
                to: to.to_string(),
            },
        };
        let names_ok = match &rename {
            Rename::Table { from, .. } => !from.is_empty(),
            Rename::Column { table, from, .. } => {
                !table.is_empty() && !from.is_empty() && !from.contains('.')
            }
        };
        names_ok.then_some(rename).ok_or_else(bad)
    }
}

/// The candidates between two normalized schemas, in a deterministic order: tables first (by
/// new name), then columns (by table, then the new column's declaration order). Each dropped
/// and each added object appears in at most one candidate (the first match in name order).
/// Objects that already carry a rename hint are left out.
pub fn rename_candidates(current: &Schema, desired: &Schema) -> Vec<Rename> {
    let mut out = Vec::new();
    let hinted: BTreeSet<&str> = desired
        .tables
        .values()
        .filter_map(|t| t.renamed_from.as_deref())
        .collect();
    let mut gone: Vec<&Table> = current
        .tables
        .values()
        .filter(|t| !desired.tables.contains_key(&t.name) && !hinted.contains(t.name.as_str()))
        .collect();
    for new in desired.tables.values() {
        if current.tables.contains_key(&new.name) || new.renamed_from.is_some() {
            continue;
        }
        if let Some(i) = gone.iter().position(|old| same_shape(old, new)) {
            out.push(Rename::Table {
                from: gone.remove(i).name.clone(),
                to: new.name.clone(),
            });
        }
    }
    for (name, want) in &desired.tables {
        let Some(cur) = current.tables.get(name) else {
            continue;
        };
        let hinted: BTreeSet<&str> = want
            .columns
            .iter()
            .filter_map(|c| c.renamed_from.as_deref())
            .collect();
        let mut dropped: Vec<_> = cur
            .columns
            .iter()
            .filter(|c| want.column(&c.name).is_none() && !hinted.contains(c.name.as_str()))
            .collect();
        dropped.sort_by(|a, b| a.name.cmp(&b.name));
        for added in &want.columns {
            if cur.column(&added.name).is_some() || added.renamed_from.is_some() {
                continue;
            }
            if let Some(i) = dropped
                .iter()
                .position(|old| column_changes(old, added).is_empty())
            {
                out.push(Rename::Column {
                    table: name.clone(),
                    from: dropped.remove(i).name.clone(),
                    to: added.name.clone(),
                });
            }
        }
    }
    out
}

/// Same columns (by name and definition) and the same primary key columns.
fn same_shape(a: &Table, b: &Table) -> bool {
    a.columns.len() == b.columns.len()
        && a.columns.iter().all(|c| {
            b.column(&c.name)
                .is_some_and(|d| column_changes(c, d).is_empty())
        })
        && a.primary_key.as_ref().map(|k| &k.columns) == b.primary_key.as_ref().map(|k| &k.columns)
}

/// Writes each rename into `desired` as a hint (`renamed_from`), so [`super::compare`] plans
/// it. A rename that names something neither side has is an error naming it.
pub fn apply_renames(
    current: &Schema,
    desired: &mut Schema,
    renames: &[Rename],
) -> Result<(), String> {
    for rename in renames {
        match rename {
            Rename::Table { from, to } => {
                if !current.tables.contains_key(from) {
                    return Err(format!(
                        "--rename {rename}: no table {from} in the database"
                    ));
                }
                let Some(t) = desired.tables.get_mut(to) else {
                    return Err(format!("--rename {rename}: no entity declares table {to}"));
                };
                t.renamed_from = Some(from.clone());
            }
            Rename::Column { table, from, to } => {
                let old_table = desired
                    .tables
                    .get(table)
                    .and_then(|t| t.renamed_from.clone())
                    .unwrap_or_else(|| table.clone());
                if current
                    .tables
                    .get(&old_table)
                    .and_then(|t| t.column(from))
                    .is_none()
                {
                    return Err(format!(
                        "--rename {rename}: no column {from} in table {old_table} in the database"
                    ));
                }
                let column = desired
                    .tables
                    .get_mut(table)
                    .and_then(|t| t.columns.iter_mut().find(|c| &c.name == to));
                let Some(column) = column else {
                    return Err(format!(
                        "--rename {rename}: no entity declares column {table}.{to}"
                    ));
                };
                column.renamed_from = Some(from.clone());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, ColumnType};

    fn col(name: &str, ty: ColumnType) -> Column {
        Column {
            name: name.into(),
            col_type: ty,
            nullable: true,
            default: None,
            auto_increment: false,
            identity: None,
            comment: None,
            renamed_from: None,
            collation: None,
            generated: None,
            on_update: None,
        }
    }

    fn table(name: &str, cols: Vec<Column>) -> Table {
        Table {
            columns: cols,
            ..Table::new(name)
        }
    }

    fn schema(tables: Vec<Table>) -> Schema {
        let mut s = Schema::default();
        for t in tables {
            s.insert(t);
        }
        s
    }

    #[test]
    fn parses_the_flag_spellings() {
        assert_eq!(
            "user.fullname=full_name".parse::<Rename>(),
            Ok(Rename::Column {
                table: "user".into(),
                from: "fullname".into(),
                to: "full_name".into()
            })
        );
        assert_eq!(
            "goods=product".parse::<Rename>(),
            Ok(Rename::Table {
                from: "goods".into(),
                to: "product".into()
            })
        );
        for bad in [
            "", "x", "=y", "a.=b", ".b=c", "a.b=", "a.b.c=d", "a=b.c", "a=b=c",
        ] {
            assert!(bad.parse::<Rename>().is_err(), "{bad}");
        }
        let r: Rename = "user.fullname=full_name".parse().unwrap();
        assert_eq!(r.to_string(), "user.fullname=full_name");
        assert_eq!(r.question(), "rename user.fullname to user.full_name?");
    }

    #[test]
    fn same_definition_pairs_once_and_different_does_not() {
        let current = schema(vec![table(
            "user",
            vec![
                col("id", ColumnType::Integer),
                col("fullname", ColumnType::Text),
                col("age", ColumnType::Integer),
            ],
        )]);
        let desired = schema(vec![table(
            "user",
            vec![
                col("id", ColumnType::Integer),
                col("full_name", ColumnType::Text),
                col("nick", ColumnType::Text),
                col("years", ColumnType::BigInteger),
            ],
        )]);
        assert_eq!(
            rename_candidates(&current, &desired),
            vec![Rename::Column {
                table: "user".into(),
                from: "fullname".into(),
                to: "full_name".into()
            }]
        );
    }

    #[test]
    fn a_table_with_the_same_columns_is_a_candidate() {
        let cols = vec![
            col("id", ColumnType::Integer),
            col("name", ColumnType::Text),
        ];
        let current = schema(vec![table("goods", cols.clone())]);
        let desired = schema(vec![
            table("product", cols),
            table("other", vec![col("id", ColumnType::Integer)]),
        ]);
        assert_eq!(
            rename_candidates(&current, &desired),
            vec![Rename::Table {
                from: "goods".into(),
                to: "product".into()
            }]
        );
    }

    #[test]
    fn unknown_names_are_errors() {
        let current = schema(vec![table("user", vec![col("a", ColumnType::Text)])]);
        let mut desired = schema(vec![table("user", vec![col("b", ColumnType::Text)])]);
        let err = apply_renames(&current, &mut desired, &["user.zz=b".parse().unwrap()]);
        assert_eq!(
            err,
            Err("--rename user.zz=b: no column zz in table user in the database".into())
        );
        apply_renames(&current, &mut desired, &["user.a=b".parse().unwrap()]).unwrap();
        assert_eq!(
            desired.tables["user"].columns[0].renamed_from.as_deref(),
            Some("a")
        );
    }
}
