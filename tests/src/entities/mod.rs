//! Versions of test entities, one module per round-trip scenario and one sub-module per
//! version (`v1`, `v2`, ...). Each version lists its entities with `entities()`.

/// One sea-orm entity module: `entity!(name, #[sea_orm(table_name = "t")] { fields })`,
/// optionally followed by `, { relation variants }`.
#[macro_export]
macro_rules! entity {
    ($module:ident, #[$attr:meta] { $($field:tt)* } $(, { $($rel:tt)* })?) => {
        pub mod $module {
            use sea_orm::entity::prelude::*;

            /// A row.
            #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
            #[$attr]
            pub struct Model {
                $($field)*
            }

            /// Relations (foreign keys).
            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {
                $($($rel)*)?
            }

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

pub mod collation;
pub mod columns;
pub mod combined;
pub mod comments;
pub mod computed;
pub mod cross_backend;
pub mod defaults;
pub mod fk_deferrable;
pub mod fk_index;
pub mod foreign_keys;
pub mod indexes;
pub mod nullability;
pub mod on_update;
pub mod primary_keys;
pub mod renames;
pub mod tables;
pub mod types;
pub mod uniques;
pub mod unsigned;
