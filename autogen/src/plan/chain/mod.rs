//! sea-query builder chains as data. Each planned statement is described once, as a root and
//! a list of typed method calls, and that one description is then either applied to sea-query
//! values (to run the statement or print its SQL) or written out as the Rust text of a
//! generated migration file. Both interpreters come from one declaration per builder
//! ([`builder!`]), so the file a reviewer reads and the SQL that runs cannot drift apart.

#[macro_use]
mod builder;
mod arg;
mod builders;
mod imports;
mod statement;

pub use arg::{
    Arg, BackendArg, CheckArg, CollationArg, DomainArg, EnumArg, Iden, Name, OnUpdateArg, TypeName,
    rs,
};
pub use builders::{
    ColumnCall, ColumnChain, ForeignKeyCreate, ForeignKeyCreateCall, ForeignKeyDrop,
    ForeignKeyDropCall, IndexCreate, IndexCreateCall, IndexDrop, IndexDropCall, TableAlter,
    TableAlterCall, TableCreate, TableCreateCall, TableDrop, TableDropCall, TableRename,
    TableRenameCall,
};
pub use imports::Imports;
pub use statement::Statement;
