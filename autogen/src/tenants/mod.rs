//! Multi-tenant runs (`--tenants`): one schema (PostgreSQL) or one database (PostgreSQL,
//! MySQL/MariaDB) per tenant, each migrated on its own session under its own lock and
//! version table, at most `--jobs` at a time.
//!
//! - [`spec`]: the spec (`acme,shop_*`, `sql:<query>`) and the kind of tenant, parsed once;
//! - [`resolve`]: the spec turned into tenants, each with its URL and connect options;
//! - [`run`]: the bounded, fail-fast-or-continue runner.

pub mod resolve;
pub mod run;
pub mod spec;

pub use resolve::{Tenant, resolve};
pub use run::{MAX_JOBS, Outcome, Tally, TenantResult, run_all};
pub use spec::{SQL_PREFIX, Selector, TenantKind, TenantSpec};
