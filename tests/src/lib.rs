//! Shared support for the integration tests: one fresh database per test, on every backend.
//!
//! Servers come from `TEST_POSTGRES_URL` and `TEST_MYSQL_URL` (admin URLs without a database
//! path), defaulting to the local servers started by `scripts/test.sh`. A backend that cannot
//! be reached fails the test: nothing is skipped.

pub mod cli_bin;
pub mod entities;
pub mod render_cases;
pub mod roundtrip;
pub mod schema_fuzz;
pub mod schema_gen;
mod testdb;

pub use testdb::{Backend, TestDb};
