//! Running migrations: the version table, the lock, transactions, upgrade, downgrade, stamp,
//! and offline SQL capture.

// A build without every backend (see `drivers`) leaves the other backends' helpers unused;
// one without any (`cargo check -p migration`) has an uninhabited `Pool`.
#![cfg_attr(
    not(all(feature = "postgres", feature = "mysql", feature = "sqlite")),
    allow(
        dead_code,
        unused_imports,
        unused_variables,
        unreachable_code,
        clippy::never_loop
    )
)]

mod applied_sql;
mod apply;
mod capture;
mod checksum;
mod clock;
mod connect;
mod db_error;
mod db_wait;
mod drivers;
mod engine;
mod enum_add_value;
mod error;
mod frame;
mod invalid_index;
mod lock;
mod migrations;
mod migrator;
mod offline;
mod pool;
mod progress;
mod recorder;
mod revision;
mod scratch;
mod script;
mod session;
mod settings;
mod squashed_rows;
mod version_table;
mod waits;
mod watchdog;

pub use capture::{Side, capture_sql};
pub use checksum::checksum;
pub use connect::{ConnectOptions, connect};
pub use db_error::DbError;
pub use db_wait::{Attempt, WaitError, wait_for_db};
pub use engine::Engine;
pub use error::RuntimeError;
pub use frame::{Frame, Record, frames};
pub use lock::MigrationLock;
pub use migrations::Migrations;
pub use migrator::{Migrator, RunOptions, StampReport};
pub use offline::{OfflineDirection, offline_sql};
pub use progress::Progress;
pub use recorder::{RecordedStatement, Recorder};
pub use revision::Revision;
pub use scratch::Scratch;
pub use script::{push_frames, push_statement};
pub use session::Session;
pub use version_table::{AppliedRevision, Presence, RevisionState, VERSION_TABLE, presence};
