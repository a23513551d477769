//! A backend-neutral snapshot of a database schema.
//!
//! Both sides of a comparison are expressed in this model: the desired schema read from entity
//! metadata, and the current schema introspected from a live database. Every collection is a
//! `BTreeMap` (or an ordered `Vec` where order is meaningful) so iteration is deterministic.

pub mod apply;
mod column;
mod constraint;
mod domain;
mod generated;
mod identity;
mod on_update;
mod schema;
mod unmanaged;

pub use schema::{check_key, column_key};

pub use column::{Collation, Column, ColumnType};
pub use constraint::{
    Check, Deferrable, DefinedIndex, FkAction, ForeignKey, Index, PrimaryKey, Unique,
};
pub use domain::Domain;
pub use generated::Generated;
pub use identity::{Identity, IdentityKind};
pub use on_update::OnUpdate;
pub use schema::{EnumType, Schema, Table};
pub use unmanaged::{Unmanaged, UnmanagedKind};
