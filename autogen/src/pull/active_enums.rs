//! Database enums → sea-orm `ActiveEnum`s in `sea_orm_active_enums.rs`, the file and the
//! shape `sea-orm-cli generate entity` writes: one Rust enum per PostgreSQL enum type (named
//! after the type) and per MySQL inline `ENUM(..)` column (named after the column), with
//! `rs_type = "String", db_type = "Enum"` and one `string_value` per value, in order.
//! A MySQL `SET` has no `ActiveEnum` form and stays a `custom(..)` string column.

use std::collections::BTreeMap;

use crate::introspect::mysql_enum_values;
use crate::model::{Column, ColumnType, Table};

use super::names;

/// The module `pull` writes the enums into.
pub const MODULE: &str = "sea_orm_active_enums";

/// One `ActiveEnum` to write.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ActiveEnum {
    /// The `enum_name` (the PostgreSQL type, or the MySQL column).
    db_name: String,
    /// The values, in order.
    values: Vec<String>,
}

/// The enums of the pulled tables, and the Rust type of each enum column.
#[derive(Debug, Default)]
pub struct ActiveEnums {
    /// Rust type name → the enum.
    enums: BTreeMap<String, ActiveEnum>,
    /// (table, column) → Rust type name.
    columns: BTreeMap<(String, String), String>,
}

impl ActiveEnums {
    /// Collects the enums of `tables`. PostgreSQL enums are shared by every column of the type;
    /// a MySQL enum belongs to its column, and two columns with the same name and values
    /// share one Rust enum (different values get a suffixed name).
    pub fn of(tables: &[&Table]) -> ActiveEnums {
        let mut out = ActiveEnums::default();
        for t in tables {
            for c in &t.columns {
                let Some(found) = enum_of(c) else {
                    continue;
                };
                let base = variant_name(&found.db_name);
                let mut name = base.clone();
                let mut k = 2;
                while out.enums.get(&name).is_some_and(|e| e != &found) {
                    name = format!("{base}{k}");
                    k += 1;
                }
                out.enums.insert(name.clone(), found);
                out.columns.insert((t.name.clone(), c.name.clone()), name);
            }
        }
        out
    }

    /// The Rust type of `column` of `table`, when it is an enum.
    pub fn type_of(&self, table: &str, column: &str) -> Option<&str> {
        self.columns
            .get(&(table.to_string(), column.to_string()))
            .map(String::as_str)
    }

    /// Whether there is any enum (and so a module to write).
    pub fn is_empty(&self) -> bool {
        self.enums.is_empty()
    }

    /// The enums used by `table`, for its `use` line.
    pub fn used_by(&self, table: &str) -> Vec<&str> {
        let mut used: Vec<&str> = self
            .columns
            .iter()
            .filter(|((t, _), _)| t == table)
            .map(|(_, name)| name.as_str())
            .collect();
        used.sort();
        used.dedup();
        used
    }

    /// The source of `sea_orm_active_enums.rs`.
    pub fn source(&self, header: &str) -> String {
        let mut out = format!("{header}\n\nuse sea_orm::entity::prelude::*;\n");
        for (name, e) in &self.enums {
            out.push_str(&format!(
                "\n#[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum)]\n\
                 #[sea_orm(rs_type = \"String\", db_type = \"Enum\", enum_name = {:?})]\n\
                 pub enum {name} {{\n",
                e.db_name
            ));
            let variants = names::unique_names(e.values.iter().map(|v| variant_name(v)).collect());
            for (value, variant) in e.values.iter().zip(variants) {
                out.push_str(&format!(
                    "#[sea_orm(string_value = {value:?})]\n{},\n",
                    variant_name(&variant)
                ));
            }
            out.push_str("}\n");
        }
        out
    }
}

/// The enum a column holds: a PostgreSQL enum type, or a MySQL inline `ENUM(..)`.
fn enum_of(c: &Column) -> Option<ActiveEnum> {
    match &c.col_type {
        ColumnType::Enum { name, values } => Some(ActiveEnum {
            db_name: name.clone(),
            values: values.clone(),
        }),
        ColumnType::Custom(ty) => mysql_enum_values(ty).map(|values| ActiveEnum {
            db_name: c.name.clone(),
            values,
        }),
        _ => None,
    }
}

/// A CamelCase Rust name for a SQL name or value (`in progress` → `InProgress`, `2fa` →
/// `T2fa`); `Self` becomes `Self_`.
fn variant_name(text: &str) -> String {
    let name = names::camel(text);
    if name == "Self" { "Self_".into() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str, col_type: ColumnType) -> Column {
        Column {
            name: name.into(),
            col_type,
            nullable: false,
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

    #[test]
    fn postgres_types_are_shared_and_mysql_columns_own_theirs() {
        let status = ColumnType::Enum {
            name: "order_status".into(),
            values: vec!["new".into(), "in progress".into(), "Self".into()],
        };
        let mut a = Table::new("a");
        a.columns = vec![
            column("s", status.clone()),
            column("size", ColumnType::Custom("enum('S','M','it''s')".into())),
            column("flags", ColumnType::Custom("set('x','y')".into())),
        ];
        let mut b = Table::new("b");
        b.columns = vec![
            column("s2", status),
            column("size", ColumnType::Custom("enum('L')".into())),
        ];
        let enums = ActiveEnums::of(&[&a, &b]);
        assert_eq!(enums.type_of("a", "s"), Some("OrderStatus"));
        assert_eq!(enums.type_of("b", "s2"), Some("OrderStatus"));
        assert_eq!(enums.type_of("a", "size"), Some("Size"));
        assert_eq!(enums.type_of("b", "size"), Some("Size2"));
        assert_eq!(enums.type_of("a", "flags"), None);
        assert_eq!(enums.used_by("a"), ["OrderStatus", "Size"]);
        let source = enums.source("//! h");
        assert!(source.contains("enum_name = \"order_status\")]\npub enum OrderStatus {"));
        assert!(source.contains("#[sea_orm(string_value = \"in progress\")]\nInProgress,"));
        assert!(source.contains("#[sea_orm(string_value = \"Self\")]\nSelf_,"));
        assert!(source.contains("#[sea_orm(string_value = \"it's\")]\nItS,"));
    }
}
