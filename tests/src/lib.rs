//! Shared support for the integration tests: one fresh database per test, on every backend.
//!
//! Servers come from `TEST_POSTGRES_URL` and `TEST_MYSQL_URL` (admin URLs without a database
//! path), defaulting to the local servers started by `scripts/test.sh`. A backend that cannot
//! be reached fails the test: nothing is skipped.
//!
//! Run with `cargo nextest run --workspace` (as `scripts/test.sh` does): the CLI tests start the
//! workspace's `cli` binary, which a workspace run builds (see [`process`]). Test files: `runtime_*` drive the
//! library against in-test revision graphs ([`fixtures`]); `cli_*` and `config_*` run the
//! binaries. Databases of passing tests are dropped; a failing test keeps its database.

pub mod catalog;
pub mod deploy;
pub mod drifted;
pub mod e2e;
pub mod entities;
pub mod fixtures;
pub mod hostile;
pub mod moto;
pub mod process;
pub mod proxy;
pub mod pull_schemas;
pub mod render_cases;
pub mod roundtrip;
pub mod schema_fuzz;
pub mod schema_gen;
pub mod script;
pub mod slow_revision;
pub mod sql_pair;
pub mod squash_chain;
mod testdb;

pub use testdb::{Backend, TempDir, TestDb, admin_connection, drop_databases, unique};

/// Generates one `#[tokio::test]` per backend for each named `async fn(Backend)`, as
/// `<name>::postgres`, `<name>::mysql` and `<name>::sqlite`, so the backends run in parallel.
#[macro_export]
macro_rules! per_backend {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn postgres() {
                    super::$name($crate::Backend::Postgres).await
                }

                #[tokio::test]
                async fn mysql() {
                    super::$name($crate::Backend::MySql).await
                }

                #[tokio::test]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await
                }
            }
        )*
    };
}
