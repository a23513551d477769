//! Running migrations: the version table, the lock, transactions, upgrade, downgrade, stamp,
//! and offline SQL capture.

mod capture;
mod checksum;
mod connect;
mod error;
mod lock;
mod migrations;
mod migrator;
mod offline;
mod recorder;
mod revision;
mod version_table;

pub use capture::{Side, capture_sql};
pub use checksum::checksum;
pub use connect::{ConnectOptions, connect};
pub use error::RuntimeError;
pub use lock::MigrationLock;
pub use migrations::Migrations;
pub use migrator::{Migrator, RunOptions};
pub use offline::{OfflineDirection, offline_sql};
pub use recorder::{RecordedStatement, Recorder};
pub use revision::Revision;
pub use version_table::{AppliedRevision, RevisionState, VERSION_TABLE};
