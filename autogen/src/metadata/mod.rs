//! Entity metadata → the desired [`Schema`](crate::model::Schema) for one backend.
//!
//! Everything is read back from the statements sea-orm would execute
//! (`create_table_from_entity`, `create_index_from_entity`) through sea-query's public getters.

mod col_type;
mod column;
mod desired;
mod domain_def;
mod entity_def;
mod extras;
mod index_sql;
mod keys;
mod portable_sql;
mod sql;

pub use column::split_comment;
pub use desired::{desired_schema, table_from_statements};
pub use domain_def::DomainDef;
pub use entity_def::{EntityDef, entities_in};
pub use extras::{
    CheckDef, EnumDef, Extras, ForeignKeyDef, GeneratedDef, IdentityDef, IndexDef, IndexMethod,
    IndexPart, SchemaExtras,
};
pub use index_sql::{OnBackend, index_on, index_on_table, index_statement};
