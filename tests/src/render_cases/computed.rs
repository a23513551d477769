//! Generated (computed) columns: an expression that changes (drop + add, a SQLite rebuild)
//! and a new virtual column (`generated_as`, per backend).

use autogen::model::{Column, ColumnType as Ty, Generated};

use super::{RenderCase, col, null, schema, table};

fn generated(mut c: Column, expression: &str, stored: bool) -> Column {
    c.generated = Some(Generated {
        expression: expression.into(),
        stored,
    });
    c
}

/// `line.total` from `price * qty` to `price * qty + 1`, and `doubled` (`qty * 2`, virtual)
/// added.
pub fn computed_columns() -> RenderCase {
    let base = || {
        vec![
            col("id", Ty::Integer),
            col("price", Ty::Integer),
            col("qty", Ty::Integer),
        ]
    };
    let mut before = base();
    before.push(generated(col("total", Ty::Integer), "price * qty", true));
    let mut after = base();
    after.push(generated(
        col("total", Ty::Integer),
        "price * qty + 1",
        true,
    ));
    after.push(generated(
        null(col("doubled", Ty::Integer)),
        "qty * 2",
        false,
    ));
    RenderCase {
        name: "computed_columns",
        id: "c0mputedc01s",
        before: schema(vec![table("line", before, &["id"])]),
        desired: schema(vec![table("line", after, &["id"])]),
        concurrently: false,
    }
}
