//! Column kinds that need backend-dependent builder calls: unsigned auto-increment keys with
//! a foreign key pointing at one (`unsigned_key`, signed on PostgreSQL).

use autogen::model::ColumnType as Ty;

use super::{NO, RenderCase, auto, col, fk, null, schema, table};

/// From nothing to a parent with an `int unsigned` key and a child with a `bigint unsigned`
/// key whose `int unsigned` column references the parent.
pub fn column_kinds() -> RenderCase {
    let parent = table(
        "parent",
        vec![
            auto(col("id", Ty::Unsigned)),
            null(col("score", Ty::SmallUnsigned)),
        ],
        &["id"],
    );
    let child = table(
        "child",
        vec![
            auto(col("id", Ty::BigUnsigned)),
            col("parent_id", Ty::Unsigned),
            null(col("flags", Ty::TinyUnsigned)),
        ],
        &["id"],
    );
    let child = fk(child, "fk-child-parent_id", &["parent_id"], "parent", NO);
    RenderCase {
        name: "column_kinds",
        id: "c0lumnk1nd5a",
        before: schema(Vec::new()),
        desired: schema(vec![parent, child]),
        concurrently: false,
    }
}
