//! The operations that turn one schema into another.
//!
//! Every drop carries the whole object it drops, so [`Op::reverse`] is total and a downgrade is
//! always the upgrade reversed.

mod concurrent;
mod describe;
mod domain_hazard;
mod hazard;
mod json;
mod op;
mod report;
mod reverse;
mod type_name;

pub use concurrent::build_concurrently;
pub(crate) use describe::action_sql;
use domain_hazard::domain_hazards;
pub use hazard::{Hazard, HazardClass, RESTORES_STRUCTURE_ONLY, hazards_for, safe_pattern};
pub use json::ops_json;
pub use op::{ColumnChange, Op};
pub use report::report_lines;
pub use reverse::reverse_all;
pub use type_name::type_name;
