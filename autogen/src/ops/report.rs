//! The text listing of ops with their hazards, as `check`, `diff` and `revision
//! --autogenerate` print it.

use super::{HazardClass, Op, hazards_for};
use crate::backend::Backend;

/// One line per op (`describe`, with `  [WARNING: ...]` when it loses data), then one
/// indented `HAZARD: ...` line per other hazard that applies to one of `backends`.
pub fn report_lines(ops: &[Op], backends: &[Backend]) -> Vec<String> {
    let mut lines = Vec::new();
    for (op, hazards) in ops.iter().zip(hazards_for(ops)) {
        let hazards: Vec<_> = hazards
            .into_iter()
            .filter(|h| h.applies_to_any(backends))
            .collect();
        let lost: Vec<&str> = hazards
            .iter()
            .filter(|h| h.class == HazardClass::DataLoss)
            .map(|h| h.message.as_str())
            .collect();
        if lost.is_empty() {
            lines.push(op.describe());
        } else {
            lines.push(format!("{}  [WARNING: {}]", op.describe(), lost.join("; ")));
        }
        for h in hazards.iter().filter(|h| h.class != HazardClass::DataLoss) {
            lines.push(format!("    {}", h.file_line()));
        }
    }
    lines
}
