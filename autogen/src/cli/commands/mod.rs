//! One module per group of commands.

pub mod against;
pub mod author;
pub mod autogenerate;
pub mod conflicts;
pub mod describe;
pub mod graph;
pub mod history;
pub mod import;
pub mod init;
pub mod migrate;
pub mod pull;
pub mod renames;
mod scratch_run;
pub mod squash;
pub mod status;
pub mod tenants;
pub mod verify;
