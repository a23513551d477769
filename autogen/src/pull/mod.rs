//! `pull`: entity files from a live database's schema, that `check` then finds in sync.
//!
//! Renders from the (normalized) model, one function per model element: a column becomes a
//! field ([`column`]), foreign keys become relations ([`relations`]), what sea-orm's
//! attributes cannot say (composite indexes and uniques, checks) becomes a `SchemaExtras`
//! impl ([`extras`]), database enums become `ActiveEnum`s ([`active_enums`]). The files are the layout `sea-orm-cli generate entity` writes: one
//! module per table, `prelude.rs`, and `mod.rs` (or `lib.rs`) with an `entities()` list for
//! the autogen binary.

mod active_enums;
mod column;
mod domains;
mod extras;
mod index_def;
mod names;
mod relations;
mod write;

use std::collections::BTreeMap;

use sea_orm::DbBackend;

use crate::model::{Schema, Table};

use active_enums::ActiveEnums;

pub use write::{PullError, write_files};

/// Names a table's module must not take: the other files `pull` writes, and the crates the
/// root file names (a module `autogen` would shadow `autogen::EntityDef`).
const RESERVED_MODULES: &[&str] = &[
    "prelude",
    active_enums::MODULE,
    "lib",
    "mod",
    "autogen",
    "sea_orm",
];

/// The Rust names of the pulled tables and their columns.
pub struct Names {
    /// Table name → module name.
    pub modules: BTreeMap<String, String>,
    /// (table, column) → field name.
    fields: BTreeMap<(String, String), String>,
}

impl Names {
    fn new(tables: &[&Table]) -> Names {
        let modules = names::unique_names(
            tables.iter().map(|t| names::snake(&t.name)).collect(),
            RESERVED_MODULES,
        );
        let mut fields = BTreeMap::new();
        for t in tables {
            let list = names::unique_names(
                t.columns.iter().map(|c| names::snake(&c.name)).collect(),
                &[],
            );
            for (c, f) in t.columns.iter().zip(list) {
                fields.insert((t.name.clone(), c.name.clone()), names::snake(&f));
            }
        }
        Names {
            modules: tables
                .iter()
                .map(|t| t.name.clone())
                .zip(modules.into_iter().map(|m| names::snake(&m)))
                .collect(),
            fields,
        }
    }

    /// The field name of `column` in `table`.
    pub fn field(&self, table: &str, column: &str) -> String {
        self.fields
            .get(&(table.to_string(), column.to_string()))
            .cloned()
            .unwrap_or_else(|| names::snake(column))
    }
}

/// What `pull` renders.
#[derive(Debug, Clone)]
pub struct Pulled {
    /// File name (relative to the output directory) and its content, sorted by name.
    pub files: Vec<(String, String)>,
    /// One line for each thing read but not written (a table without a primary key, a
    /// foreign key to a table not pulled, an object the entity side cannot declare yet).
    pub notes: Vec<String>,
}

/// Options of a pull.
#[derive(Debug, Clone, Copy)]
pub struct PullOptions {
    /// Write `lib.rs` (an entity crate's root) instead of `mod.rs`.
    pub lib: bool,
    /// The backend the schema was read from (named in the header).
    pub backend: DbBackend,
}

/// Renders entity files for every table of `schema` (already limited to the tables to pull).
pub fn render(schema: &Schema, options: PullOptions) -> Pulled {
    let mut notes = Vec::new();
    let tables: Vec<&Table> = schema
        .tables
        .values()
        .filter(|t| {
            let keyed = t
                .primary_key
                .as_ref()
                .is_some_and(|pk| !pk.columns.is_empty());
            if !keyed {
                notes.push(format!(
                    "note: table {:?} has no primary key, which a sea-orm entity needs; not pulled",
                    t.name
                ));
            }
            keyed
        })
        .collect();
    let mut pulled = Schema::default();
    for t in &tables {
        pulled.insert((*t).clone());
    }
    pulled.unmanaged = schema.unmanaged.clone();
    pulled.domains = schema.domains.clone();
    let names = Names::new(&tables);
    let enums = ActiveEnums::of(&tables);
    let mut files = Vec::new();
    for t in &tables {
        for fk in t.foreign_keys.values() {
            if !names.modules.contains_key(&fk.ref_table) {
                notes.push(format!(
                    "note: foreign key {:?} on {:?} references {:?}, which is not pulled; not written",
                    fk.name, t.name, fk.ref_table
                ));
            }
        }
        let declared = extras::defined_index_defs(t);
        for ix in t.defined_indexes.values() {
            if !declared.iter().any(|d| d.name == ix.name) {
                notes.push(format!(
                    "note: index {:?} on {:?} ({}) cannot be declared as an IndexDef; not written",
                    ix.name, t.name, ix.sql
                ));
            }
        }
        let module = &names.modules[&t.name];
        files.push((
            format!("{module}.rs"),
            entity_file(&pulled, &names, &enums, t, options),
        ));
    }
    for u in &schema.unmanaged {
        notes.push(u.to_string());
    }
    files.push(("prelude.rs".into(), prelude_file(&names)));
    if !enums.is_empty() {
        files.push((format!("{}.rs", active_enums::MODULE), enums.source(HEADER)));
    }
    let root = if options.lib { "lib.rs" } else { "mod.rs" };
    files.push((root.into(), root_file(&pulled, &names, !enums.is_empty())));
    let files = files
        .into_iter()
        .map(|(name, text)| (name, crate::revision::rustfmt(&text)))
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .collect();
    Pulled { files, notes }
}

const HEADER: &str = "//! `SeaORM` Entity, @generated by autogen pull";

fn backend_name(b: DbBackend) -> &'static str {
    match b {
        DbBackend::MySql => "MySQL",
        DbBackend::Sqlite => "SQLite",
        _ => "PostgreSQL",
    }
}

/// One table's module: the model, its relations and its extras.
fn entity_file(
    schema: &Schema,
    names: &Names,
    enums: &ActiveEnums,
    t: &Table,
    options: PullOptions,
) -> String {
    let pk = t
        .primary_key
        .as_ref()
        .map(|p| p.columns.clone())
        .unwrap_or_default();
    let fields: Vec<column::Field> = t
        .columns
        .iter()
        .map(|c| {
            let role = column::KeyRole {
                primary_key: pk.contains(&c.name),
                composite: pk.len() > 1,
                unique: t.uniques.values().any(|u| u.columns == [c.name.clone()]),
            };
            let active_enum = enums.type_of(&t.name, &c.name);
            column::field(c, &names.field(&t.name, &c.name), role, active_enum)
        })
        .collect();
    let eq = if fields.iter().any(|f| f.float) {
        ""
    } else {
        ", Eq"
    };
    let mut table_attrs = vec![format!("table_name = {}", column::lit(&t.name))];
    if let Some(comment) = &t.comment {
        table_attrs.push(format!("comment = {}", column::lit(comment)));
    }
    let used = enums.used_by(&t.name);
    let use_enums = if used.is_empty() {
        String::new()
    } else {
        format!(
            "use super::{}::{{{}}};\n",
            active_enums::MODULE,
            used.join(", ")
        )
    };
    let mut out = format!(
        "{HEADER} from {} table {:?}\n\n{use_enums}use sea_orm::entity::prelude::*;\n\n\
         #[derive(Clone, Debug, PartialEq{eq}, DeriveEntityModel)]\n#[sea_orm({})]\npub struct Model {{\n",
        backend_name(options.backend),
        t.name,
        table_attrs.join(", ")
    );
    for f in &fields {
        out.push_str(&f.source);
    }
    out.push_str("}\n\n");
    out.push_str(&relations::relation_source(schema, names, t));
    out.push_str("\nimpl ActiveModelBehavior for ActiveModel {}\n");
    if let Some(extras) = extras::extras_source(t, &domains::owned_by(schema, &t.name)) {
        out.push('\n');
        out.push_str(&extras);
    }
    out
}

fn prelude_file(names: &Names) -> String {
    let mut out = format!("{HEADER}\n\n");
    for module in names.modules.values() {
        out.push_str(&format!(
            "pub use super::{module}::Entity as {};\n",
            names::camel(module)
        ));
    }
    out
}

/// `mod.rs`/`lib.rs`: the modules and the `entities()` list autogen's binary runs with.
fn root_file(schema: &Schema, names: &Names, with_enums: bool) -> String {
    let mut out = format!("{HEADER}\n\npub mod prelude;\n\n");
    if with_enums {
        out.push_str(&format!("pub mod {};\n", active_enums::MODULE));
    }
    for module in names.modules.values() {
        out.push_str(&format!("pub mod {module};\n"));
    }
    out.push_str(
        "\n/// Every pulled entity, for autogen: `autogen::cli::run(entities(), ..)`.\n\
         pub fn entities() -> Vec<autogen::EntityDef> {\nvec![\n",
    );
    for (table, module) in &names.modules {
        let owned = domains::owned_by(schema, table);
        let with = if extras::has_extras(&schema.tables[table], &owned) {
            "with_extras"
        } else {
            "of"
        };
        out.push_str(&format!(
            "autogen::EntityDef::{with}::<{module}::Entity>(),\n"
        ));
    }
    out.push_str("]\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Check, Column, ColumnType, ForeignKey, PrimaryKey};

    fn keyed(name: &str, extra: Vec<Column>) -> Table {
        let mut t = Table::new(name);
        t.columns = vec![Column::new("id", ColumnType::Integer)];
        t.columns.extend(extra);
        t.primary_key = Some(PrimaryKey {
            name: None,
            columns: vec!["id".into()],
        });
        t
    }

    /// Database names that are hostile to Rust source: quotes, backslashes, newlines, SQL
    /// in a name, keywords, and names of the files and crates `pull` itself writes.
    #[test]
    fn hostile_names_give_valid_rust_that_keeps_every_name() {
        let evil = "Robert'); DROP TABLE x;--\"\\\n";
        let mut column = Column::new("a\"b\\c\nd", ColumnType::Text);
        column.comment = Some("*/ \"}\n#[".into());
        column.default = Some("'it''s \\ \"x\"'".into());
        let status = Column::new(
            "state",
            ColumnType::Enum {
                name: "model".into(),
                values: vec![
                    "it's".into(),
                    "back\\slash".into(),
                    "\"q\"".into(),
                    "self".into(),
                ],
            },
        );
        let mut hostile = keyed(evil, vec![column, status]);
        hostile.comment = Some("\"); panic!(\"".into());
        hostile.checks.insert(
            "c".into(),
            Check {
                name: "c\"1".into(),
                expression: "\"a\"\"b\" <> '\\'".into(),
            },
        );
        hostile.foreign_keys.insert(
            "fk".into(),
            ForeignKey {
                name: "fk\"x".into(),
                columns: vec!["id".into()],
                ref_table: "self".into(),
                ref_columns: vec!["id".into()],
                on_delete: Default::default(),
                on_update: Default::default(),
                deferrable: Default::default(),
            },
        );
        let mut schema = Schema::default();
        for t in [
            hostile,
            keyed("prelude", vec![]),
            keyed("self", vec![]),
            keyed("autogen", vec![]),
            keyed("sea_orm_active_enums", vec![]),
            keyed("lib", vec![]),
        ] {
            schema.insert(t);
        }
        let pulled = render(
            &schema,
            PullOptions {
                lib: true,
                backend: DbBackend::Postgres,
            },
        );
        // Six entity files, prelude, the enums and lib.rs: none overwrote another.
        assert_eq!(
            pulled.files.len(),
            9,
            "{:?}",
            pulled.files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        for (name, text) in &pulled.files {
            syn::parse_file(text).unwrap_or_else(|e| panic!("{name} is not Rust: {e}\n{text}"));
        }
        let all: String = pulled.files.iter().map(|f| f.1.as_str()).collect();
        for name in [evil, "a\"b\\c\nd", "it's", "back\\slash", "\"q\""] {
            assert!(all.contains(&format!("{name:?}")), "{name:?} lost:\n{all}");
        }
        assert!(all.contains("pub enum ModelEnum"), "{all}");
        assert!(all.contains("Entity as Self_;"), "{all}");
    }
}
