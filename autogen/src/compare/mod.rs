//! Comparison: `(current, desired) → Vec<Op>`, in an order a database can execute.
//!
//! Rules, in brief (both inputs are compared as given; normalize them first):
//!
//! - Tables, columns and indexes match by name; uniques and foreign keys by column list; the
//!   primary key by column list. Names of primary keys and uniques are ignored; a foreign key
//!   renamed on the same columns is dropped and re-added (not on SQLite, which keeps no names).
//!   Column order is not a change.
//! - A column differs in type (including auto-increment), nullability, default or comment; one
//!   `AlterColumn` carries both full definitions and the sorted list of what changed.
//! - Rename hints: a desired column with `renamed_from = Some(old)` becomes `RenameColumn` when
//!   `old` exists in current, is gone from desired, and the new name is not in current. The
//!   rest of the comparison runs against the renamed current schema, so a rename plus a type
//!   change is `RenameColumn` then `AlterColumn`, and keys or foreign keys (also in other
//!   tables) that mention the column need no ops. Ops never carry the hint.
//! - Table rename hints (`Table::renamed_from`, written by [`apply_renames`] for an accepted
//!   [`rename_candidates`] entry or `--rename old=new`) become `RenameTable` first, the same way.
//! - A foreign key whose deferrability alone changes is one `AlterForeignKey` (step 12).
//! - A foreign key whose target, actions or name change is dropped and re-added; so is an unchanged
//!   one whose own or referenced columns change type (MySQL refuses to modify them otherwise)
//!   or whose referenced primary key or unique is dropped or replaced.
//! - A new table is one `AddTable` (columns, primary key, uniques, foreign keys) followed by
//!   `AddIndex` per index. A dropped table is `DropIndex` per index, then `DropTable`: exactly
//!   the reverse, so a downgrade recreates it the same way.
//!
//! Order of the result:
//!
//! 1. `RenameTable`, `RenameColumn`; `CreateEnum`, `AlterEnum` (PostgreSQL enum types, before any column
//!    uses them); `CreateDomain`, `AlterDomain` (PostgreSQL domains, likewise);
//! 2. `DropForeignKey` (changed or removed keys, keys into dropped tables, cycle breakers);
//! 3. dropped tables, child-first (early, so nothing left behind still depends on them);
//! 4. `AlterPrimaryKey { to: None }` when an old key column is dropped or changes type or
//!    nullability (the new key, if any, follows in step 9);
//! 5. `DropIndex`, `DropUnique`; 6. `DropColumn`; 7. `SetTableComment`, `AlterColumn`;
//! 8. `AddColumn` (in the entity's declaration order; adding appends);
//! 9. `AlterPrimaryKey` (one op from old to new where the split of step 4 is not needed);
//! 10. `AddUnique`, `AddIndex`;
//! 11. new tables parent-first (late, so keys they reference already exist), each with its
//!     indexes;
//! 12. `AddForeignKey`; 13. `DropDomain`, then `DropEnum` last, once no column uses the type
//!     (a domain may be over an enum).
//!
//! Within a step ops are sorted by table, then by name or column key (drops and alters of
//! columns by column name). New tables are ordered by Kahn's algorithm with ties broken by
//! name; a foreign-key cycle is broken at the smallest-named table, whose keys to tables not
//! yet created are left out of its `AddTable` and added by `AddForeignKey` in step 12 (and,
//! reversed, dropped in step 2 before a cycle of tables is dropped).

mod candidates;
mod columns;
mod constraints;
mod diff;
mod disturbed;
mod domains;
mod enums;
mod phases;
mod table_order;

pub use candidates::{Rename, apply_renames, rename_candidates};
pub use columns::column_changes;
pub use diff::compare;
