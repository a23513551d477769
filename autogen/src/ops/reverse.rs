//! Reversing ops: a downgrade is the upgrade reversed.

use super::Op;

impl Op {
    /// The op that undoes this one; total because every drop carries what it drops.
    pub fn reverse(&self) -> Op {
        match self.clone() {
            Op::AddTable(t) => Op::DropTable(t),
            Op::DropTable(t) => Op::AddTable(t),
            Op::AddColumn { table, column } => Op::DropColumn { table, column },
            Op::DropColumn { table, column } => Op::AddColumn { table, column },
            Op::AlterColumn {
                table,
                from,
                to,
                changes,
            } => Op::AlterColumn {
                table,
                from: to,
                to: from,
                changes,
            },
            Op::AddIndex {
                table,
                index,
                concurrently,
            } => Op::DropIndex {
                table,
                index,
                concurrently,
            },
            Op::DropIndex {
                table,
                index,
                concurrently,
            } => Op::AddIndex {
                table,
                index,
                concurrently,
            },
            Op::AddDefinedIndex { table, index } => Op::DropDefinedIndex { table, index },
            Op::DropDefinedIndex { table, index } => Op::AddDefinedIndex { table, index },
            Op::AddCheck { table, check } => Op::DropCheck { table, check },
            Op::DropCheck { table, check } => Op::AddCheck { table, check },
            Op::AddUnique {
                table,
                unique,
                concurrently,
            } => Op::DropUnique {
                table,
                unique,
                concurrently,
            },
            Op::DropUnique {
                table,
                unique,
                concurrently,
            } => Op::AddUnique {
                table,
                unique,
                concurrently,
            },
            Op::AddForeignKey { table, foreign_key } => Op::DropForeignKey { table, foreign_key },
            Op::DropForeignKey { table, foreign_key } => Op::AddForeignKey { table, foreign_key },
            Op::AlterForeignKey { table, from, to } => Op::AlterForeignKey {
                table,
                from: to,
                to: from,
            },
            Op::AlterPrimaryKey { table, from, to } => Op::AlterPrimaryKey {
                table,
                from: to,
                to: from,
            },
            Op::RenameColumn { table, from, to } => Op::RenameColumn {
                table,
                from: to,
                to: from,
            },
            Op::RenameTable { from, to } => Op::RenameTable { from: to, to: from },
            Op::CreateEnum(e) => Op::DropEnum(e),
            Op::DropEnum(e) => Op::CreateEnum(e),
            Op::AlterEnum { name, from, to } => Op::AlterEnum {
                name,
                from: to,
                to: from,
            },
            Op::CreateDomain(d) => Op::DropDomain(d),
            Op::DropDomain(d) => Op::CreateDomain(d),
            Op::AlterDomain { from, to } => Op::AlterDomain { from: to, to: from },
            Op::SetTableComment { table, from, to } => Op::SetTableComment {
                table,
                from: to,
                to: from,
            },
        }
    }
}

/// Reverses a whole op list: each op reversed, in reverse order (the downgrade of an upgrade).
pub fn reverse_all(ops: &[Op]) -> Vec<Op> {
    ops.iter().rev().map(Op::reverse).collect()
}
