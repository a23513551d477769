//! A type-erased handle on one sea-orm entity.

use std::fmt;

use sea_orm::sea_query::{IndexCreateStatement, TableCreateStatement};
use sea_orm::{DbBackend, EntityTrait};

use super::extras::{Extras, SchemaExtras};

/// One managed entity, erased to the statements sea-orm derives from it.
#[derive(Clone, Copy)]
pub struct EntityDef {
    table_name: fn() -> &'static str,
    schema_name: fn() -> Option<String>,
    create_table: fn(DbBackend) -> TableCreateStatement,
    create_indexes: fn(DbBackend) -> Vec<IndexCreateStatement>,
    extras: fn() -> Extras,
    enum_columns: fn() -> Vec<EnumColumn>,
}

/// A column whose sea-orm type is a database enum (an ActiveEnum with `db_type = "Enum"`):
/// `create_table_from_entity` turns it into a backend-specific custom type, so the enum is
/// read from the column definition itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumColumn {
    /// Column name.
    pub column: String,
    /// Enum type name.
    pub name: String,
    /// Values in order.
    pub values: Vec<String>,
}

impl EntityDef {
    /// The handle for entity `E`.
    pub fn of<E: EntityTrait + Default>() -> EntityDef {
        EntityDef {
            table_name: table_name::<E>,
            schema_name: schema_name::<E>,
            create_table: create_table::<E>,
            create_indexes: create_indexes::<E>,
            extras: Extras::default,
            enum_columns: enum_columns::<E>,
        }
    }

    /// The handle for entity `E`, with the extra indexes, checks and enum types that `E`
    /// declares through [`SchemaExtras`].
    pub fn with_extras<E: EntityTrait + Default + SchemaExtras>() -> EntityDef {
        EntityDef {
            extras: Extras::of::<E>,
            ..Self::of::<E>()
        }
    }

    /// What the entity declares beyond sea-orm's attributes.
    pub fn extras(&self) -> Extras {
        (self.extras)()
    }

    /// The columns of a database enum type.
    pub fn enum_columns(&self) -> Vec<EnumColumn> {
        (self.enum_columns)()
    }

    /// The entity's table name.
    pub fn table_name(&self) -> &'static str {
        (self.table_name)()
    }

    /// The entity's `#[sea_orm(schema_name = "..")]`: the schema (MySQL: database) its table
    /// lives in, when it names one.
    pub fn schema_name(&self) -> Option<String> {
        (self.schema_name)()
    }

    /// `CREATE TABLE` as sea-orm builds it for `backend`.
    pub fn create_table(&self, backend: DbBackend) -> TableCreateStatement {
        (self.create_table)(backend)
    }

    /// The separate `CREATE INDEX` statements (`indexed` columns and `unique_key` groups).
    pub fn create_indexes(&self, backend: DbBackend) -> Vec<IndexCreateStatement> {
        (self.create_indexes)(backend)
    }
}

impl fmt::Debug for EntityDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("EntityDef")
            .field(&self.table_name())
            .finish()
    }
}

fn table_name<E: EntityTrait + Default>() -> &'static str {
    E::default().table_name()
}

fn schema_name<E: EntityTrait + Default>() -> Option<String> {
    E::default().schema_name().map(str::to_owned)
}

/// The entities whose table belongs in `namespace` (the session's schema, or database on
/// MySQL): those naming no `schema_name`, and those naming it. The others live elsewhere
/// (a table shared by every tenant in `public`, say) and are left out, one note each: they
/// are managed by a run on their own schema (`--schema <name>`). Generated files name tables
/// unqualified, so a table always goes to the session's schema.
pub fn entities_in(
    entities: &[EntityDef],
    namespace: Option<&str>,
) -> (Vec<EntityDef>, Vec<String>) {
    let mut kept = Vec::with_capacity(entities.len());
    let mut notes = Vec::new();
    for e in entities {
        match e.schema_name() {
            Some(schema) if namespace.is_some_and(|n| n != schema) => notes.push(format!(
                "entity table \"{}\" is in schema \"{schema}\" (schema_name), not in \"{}\": left out here (manage it with --schema {schema})",
                e.table_name(),
                namespace.unwrap_or_default()
            )),
            _ => kept.push(*e),
        }
    }
    (kept, notes)
}

fn enum_columns<E: EntityTrait + Default>() -> Vec<EnumColumn> {
    use sea_orm::sea_query::ColumnType;
    use sea_orm::{ColumnTrait, IdenStatic, Iterable};
    E::Column::iter()
        .filter_map(|c| match c.def().get_column_type() {
            ColumnType::Enum { name, variants } => Some(EnumColumn {
                column: c.as_str().to_owned(),
                name: name.to_string(),
                values: variants.iter().map(|v| v.to_string()).collect(),
            }),
            _ => None,
        })
        .collect()
}

fn create_table<E: EntityTrait + Default>(backend: DbBackend) -> TableCreateStatement {
    sea_orm::Schema::new(backend).create_table_from_entity(E::default())
}

fn create_indexes<E: EntityTrait + Default>(backend: DbBackend) -> Vec<IndexCreateStatement> {
    sea_orm::Schema::new(backend).create_index_from_entity(E::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    mod shared_plan {
        use sea_orm::entity::prelude::*;

        /// A table every tenant shares, in `public`.
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(schema_name = "public", table_name = "plan")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i32,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    mod invoice {
        use sea_orm::entity::prelude::*;

        /// A table of each tenant.
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "invoice")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i32,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    fn tables(entities: &[EntityDef]) -> Vec<&'static str> {
        entities.iter().map(EntityDef::table_name).collect()
    }

    /// An entity naming its schema is managed there only; one without, in every schema.
    #[test]
    fn entities_with_schema_name_stay_in_their_schema() {
        let all = [
            EntityDef::of::<shared_plan::Entity>(),
            EntityDef::of::<invoice::Entity>(),
        ];
        assert_eq!(all[0].schema_name().as_deref(), Some("public"));
        assert_eq!(all[1].schema_name(), None);
        let (kept, notes) = entities_in(&all, Some("public"));
        assert_eq!((tables(&kept), notes.len()), (vec!["plan", "invoice"], 0));
        let (kept, notes) = entities_in(&all, Some("tenant_1"));
        assert_eq!(tables(&kept), ["invoice"]);
        assert_eq!(
            notes,
            [
                "entity table \"plan\" is in schema \"public\" (schema_name), not in \"tenant_1\": left out here (manage it with --schema public)"
            ]
        );
        // SQLite has no schemas: everything is managed.
        assert_eq!(tables(&entities_in(&all, None).0), ["plan", "invoice"]);
    }
}
