//! The table of compare cases: one per op kind, each with its exact expected op list.

use autogen::model::{ColumnType as T, FkAction, Index, PrimaryKey, Schema, Table, Unique};
use autogen::ops::{ColumnChange as Ch, Op};

use super::*;

/// One comparison and the exact ops it must produce.
pub struct Case {
    pub name: &'static str,
    pub current: Schema,
    pub desired: Schema,
    pub ops: Vec<Op>,
}

fn case(name: &'static str, current: Vec<Table>, desired: Vec<Table>, ops: Vec<Op>) -> Case {
    Case {
        name,
        current: schema(current),
        desired: schema(desired),
        ops,
    }
}

fn s(x: &str) -> String {
    x.to_string()
}

fn v(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

/// `user(id, email varchar(100))`, the starting point of most column cases.
fn user_with(email: autogen::model::Column) -> Table {
    table("user", vec![id(), email]).pk(&["id"])
}

fn email() -> autogen::model::Column {
    col("email", T::String(Some(100)))
}

fn alter(
    table: &str,
    from: autogen::model::Column,
    to: autogen::model::Column,
    changes: Vec<Ch>,
) -> Op {
    Op::AlterColumn {
        table: s(table),
        from,
        to,
        changes,
    }
}

/// `order(id, user_id -> user.id ON DELETE <action>)`.
fn order_with(on_delete: FkAction) -> Table {
    table("order", vec![id(), col("user_id", T::Integer)])
        .pk(&["id"])
        .fk(&["user_id"], "user", &["id"], on_delete)
}

/// Every case.
pub fn cases() -> Vec<Case> {
    let order_fk = |on_delete| order_with(on_delete).foreign_keys["user_id"].clone();
    vec![
        case(
            "identical",
            vec![user_with(email())],
            vec![user_with(email())],
            vec![],
        ),
        case(
            "add table with keys and index",
            vec![simple("user")],
            vec![
                simple("user"),
                order_with(FkAction::Cascade)
                    .unique("order_user_id_key", &["user_id"])
                    .index("order_ix", &["user_id", "id"]),
            ],
            vec![
                Op::AddTable(
                    order_with(FkAction::Cascade).unique("order_user_id_key", &["user_id"]),
                ),
                Op::AddIndex {
                    table: s("order"),
                    index: Index {
                        name: s("order_ix"),
                        columns: v(&["user_id", "id"]),
                    },
                    concurrently: false,
                },
            ],
        ),
        case(
            "drop table drops its indexes first",
            vec![simple("user"), simple("tag").index("tag_ix", &["id"])],
            vec![simple("user")],
            vec![
                Op::DropIndex {
                    table: s("tag"),
                    index: Index {
                        name: s("tag_ix"),
                        columns: v(&["id"]),
                    },
                    concurrently: false,
                },
                Op::DropTable(simple("tag")),
            ],
        ),
        case(
            "add column",
            vec![simple("user")],
            vec![
                table(
                    "user",
                    vec![id(), col("avatar_url", T::String(Some(255))).null()],
                )
                .pk(&["id"]),
            ],
            vec![Op::AddColumn {
                table: s("user"),
                column: col("avatar_url", T::String(Some(255))).null(),
            }],
        ),
        case(
            "drop column",
            vec![user_with(email())],
            vec![simple("user")],
            vec![Op::DropColumn {
                table: s("user"),
                column: email(),
            }],
        ),
        case(
            "type change",
            vec![user_with(email())],
            vec![user_with(col("email", T::String(Some(255))))],
            vec![alter(
                "user",
                email(),
                col("email", T::String(Some(255))),
                vec![Ch::Type],
            )],
        ),
        case(
            "auto increment counts as type",
            vec![table("user", vec![col("id", T::Integer)]).pk(&["id"])],
            vec![simple("user")],
            vec![alter("user", col("id", T::Integer), id(), vec![Ch::Type])],
        ),
        case(
            "nullability change",
            vec![user_with(email())],
            vec![user_with(email().null())],
            vec![alter("user", email(), email().null(), vec![Ch::Nullable])],
        ),
        case(
            "default change",
            vec![user_with(email().default("'a'"))],
            vec![user_with(email().default("'b'"))],
            vec![alter(
                "user",
                email().default("'a'"),
                email().default("'b'"),
                vec![Ch::Default],
            )],
        ),
        case(
            "comment change",
            vec![user_with(email())],
            vec![user_with(email().comment("login"))],
            vec![alter(
                "user",
                email(),
                email().comment("login"),
                vec![Ch::Comment],
            )],
        ),
        case(
            "several changes are sorted",
            vec![user_with(email())],
            vec![user_with(
                col("email", T::Text).null().default("''").comment("x"),
            )],
            vec![alter(
                "user",
                email(),
                col("email", T::Text).null().default("''").comment("x"),
                vec![Ch::Type, Ch::Nullable, Ch::Default, Ch::Comment],
            )],
        ),
        case(
            "column order is not a change",
            vec![table("user", vec![id(), email(), col("b", T::Text)]).pk(&["id"])],
            vec![table("user", vec![col("b", T::Text), email(), id()]).pk(&["id"])],
            vec![],
        ),
        case(
            "unique added",
            vec![user_with(email())],
            vec![user_with(email()).unique("user_email_key", &["email"])],
            vec![Op::AddUnique {
                table: s("user"),
                unique: Unique {
                    name: s("user_email_key"),
                    columns: v(&["email"]),
                },
                concurrently: false,
            }],
        ),
        case(
            "unique removed",
            vec![user_with(email()).unique("user_email_key", &["email"])],
            vec![user_with(email())],
            vec![Op::DropUnique {
                table: s("user"),
                unique: Unique {
                    name: s("user_email_key"),
                    columns: v(&["email"]),
                },
                concurrently: false,
            }],
        ),
        case(
            "unique name is ignored",
            vec![user_with(email()).unique("uq_1", &["email"])],
            vec![user_with(email()).unique("user_email_key", &["email"])],
            vec![],
        ),
        case(
            "index added",
            vec![user_with(email())],
            vec![user_with(email()).index("ix_email", &["email"])],
            vec![Op::AddIndex {
                table: s("user"),
                index: Index {
                    name: s("ix_email"),
                    columns: v(&["email"]),
                },
                concurrently: false,
            }],
        ),
        case(
            "index removed",
            vec![user_with(email()).index("ix_email", &["email"])],
            vec![user_with(email())],
            vec![Op::DropIndex {
                table: s("user"),
                index: Index {
                    name: s("ix_email"),
                    columns: v(&["email"]),
                },
                concurrently: false,
            }],
        ),
        case(
            "index columns changed is drop and add",
            vec![user_with(email()).index("ix", &["email"])],
            vec![user_with(email()).index("ix", &["email", "id"])],
            vec![
                Op::DropIndex {
                    table: s("user"),
                    index: Index {
                        name: s("ix"),
                        columns: v(&["email"]),
                    },
                    concurrently: false,
                },
                Op::AddIndex {
                    table: s("user"),
                    index: Index {
                        name: s("ix"),
                        columns: v(&["email", "id"]),
                    },
                    concurrently: false,
                },
            ],
        ),
        case(
            "foreign key added",
            vec![
                simple("user"),
                table("order", vec![id(), col("user_id", T::Integer)]).pk(&["id"]),
            ],
            vec![simple("user"), order_with(FkAction::NoAction)],
            vec![Op::AddForeignKey {
                table: s("order"),
                foreign_key: order_fk(FkAction::NoAction),
            }],
        ),
        case(
            "foreign key removed",
            vec![simple("user"), order_with(FkAction::NoAction)],
            vec![
                simple("user"),
                table("order", vec![id(), col("user_id", T::Integer)]).pk(&["id"]),
            ],
            vec![Op::DropForeignKey {
                table: s("order"),
                foreign_key: order_fk(FkAction::NoAction),
            }],
        ),
        case(
            "foreign key on delete change is drop and add",
            vec![simple("user"), order_with(FkAction::NoAction)],
            vec![simple("user"), order_with(FkAction::Cascade)],
            vec![
                Op::DropForeignKey {
                    table: s("order"),
                    foreign_key: order_fk(FkAction::NoAction),
                },
                Op::AddForeignKey {
                    table: s("order"),
                    foreign_key: order_fk(FkAction::Cascade),
                },
            ],
        ),
        case(
            "foreign key is dropped and re-added around a type change of its columns",
            vec![simple("user"), order_with(FkAction::Cascade)],
            vec![
                table("user", vec![col("id", T::BigInteger).auto()]).pk(&["id"]),
                table("order", vec![id(), col("user_id", T::BigInteger)])
                    .pk(&["id"])
                    .fk(&["user_id"], "user", &["id"], FkAction::Cascade),
            ],
            vec![
                Op::DropForeignKey {
                    table: s("order"),
                    foreign_key: order_fk(FkAction::Cascade),
                },
                alter(
                    "order",
                    col("user_id", T::Integer),
                    col("user_id", T::BigInteger),
                    vec![Ch::Type],
                ),
                alter(
                    "user",
                    id(),
                    col("id", T::BigInteger).auto(),
                    vec![Ch::Type],
                ),
                Op::AddForeignKey {
                    table: s("order"),
                    foreign_key: order_fk(FkAction::Cascade),
                },
            ],
        ),
        case(
            "foreign key is dropped and re-added around a replaced referenced key",
            vec![
                table("user", vec![col("code", T::Text)]).pk(&["code"]),
                table("order", vec![id(), col("user_code", T::Text)])
                    .pk(&["id"])
                    .fk(&["user_code"], "user", &["code"], FkAction::NoAction),
            ],
            vec![
                table("user", vec![col("code", T::Text), id()])
                    .pk(&["id"])
                    .unique("user_code_key", &["code"]),
                table("order", vec![id(), col("user_code", T::Text)])
                    .pk(&["id"])
                    .fk(&["user_code"], "user", &["code"], FkAction::NoAction),
            ],
            {
                let fk = table("order", vec![])
                    .fk(&["user_code"], "user", &["code"], FkAction::NoAction)
                    .foreign_keys["user_code"]
                    .clone();
                vec![
                    Op::DropForeignKey {
                        table: s("order"),
                        foreign_key: fk.clone(),
                    },
                    Op::AddColumn {
                        table: s("user"),
                        column: id(),
                    },
                    Op::AlterPrimaryKey {
                        table: s("user"),
                        from: Some(PrimaryKey {
                            name: None,
                            columns: v(&["code"]),
                        }),
                        to: Some(PrimaryKey {
                            name: None,
                            columns: v(&["id"]),
                        }),
                    },
                    Op::AddUnique {
                        table: s("user"),
                        unique: Unique {
                            name: s("user_code_key"),
                            columns: v(&["code"]),
                        },
                        concurrently: false,
                    },
                    Op::AddForeignKey {
                        table: s("order"),
                        foreign_key: fk,
                    },
                ]
            },
        ),
        case(
            "composite primary key table",
            vec![],
            vec![
                table(
                    "tag_link",
                    vec![col("post_id", T::Integer), col("tag_id", T::Integer)],
                )
                .pk(&["post_id", "tag_id"]),
            ],
            vec![Op::AddTable(
                table(
                    "tag_link",
                    vec![col("post_id", T::Integer), col("tag_id", T::Integer)],
                )
                .pk(&["post_id", "tag_id"]),
            )],
        ),
        case(
            "primary key name is ignored",
            vec![{
                let mut t = simple("user");
                t.primary_key.as_mut().unwrap().name = Some(s("user_pkey"));
                t
            }],
            vec![simple("user")],
            vec![],
        ),
        case(
            "primary key widened with a new column",
            vec![simple("user")],
            vec![table("user", vec![id(), col("tenant_id", T::Integer)]).pk(&["tenant_id", "id"])],
            vec![
                Op::AddColumn {
                    table: s("user"),
                    column: col("tenant_id", T::Integer),
                },
                Op::AlterPrimaryKey {
                    table: s("user"),
                    from: Some(PrimaryKey {
                        name: None,
                        columns: v(&["id"]),
                    }),
                    to: Some(PrimaryKey {
                        name: None,
                        columns: v(&["tenant_id", "id"]),
                    }),
                },
            ],
        ),
        case(
            "primary key moved off a dropped column is split",
            vec![simple("user")],
            vec![table("user", vec![col("uuid", T::Uuid)]).pk(&["uuid"])],
            vec![
                Op::AlterPrimaryKey {
                    table: s("user"),
                    from: Some(PrimaryKey {
                        name: None,
                        columns: v(&["id"]),
                    }),
                    to: None,
                },
                Op::DropColumn {
                    table: s("user"),
                    column: id(),
                },
                Op::AddColumn {
                    table: s("user"),
                    column: col("uuid", T::Uuid),
                },
                Op::AlterPrimaryKey {
                    table: s("user"),
                    from: None,
                    to: Some(PrimaryKey {
                        name: None,
                        columns: v(&["uuid"]),
                    }),
                },
            ],
        ),
        case(
            "primary key removed",
            vec![simple("user")],
            vec![table("user", vec![id()])],
            vec![Op::AlterPrimaryKey {
                table: s("user"),
                from: Some(PrimaryKey {
                    name: None,
                    columns: v(&["id"]),
                }),
                to: None,
            }],
        ),
        case(
            "reserved word tables user and order",
            vec![],
            vec![simple("user"), order_with(FkAction::Cascade)],
            vec![
                Op::AddTable(simple("user")),
                Op::AddTable(order_with(FkAction::Cascade)),
            ],
        ),
        case(
            "rename hint",
            vec![table("user", vec![id(), col("fullname", T::Text)]).pk(&["id"])],
            vec![
                table(
                    "user",
                    vec![id(), col("full_name", T::Text).renamed_from("fullname")],
                )
                .pk(&["id"]),
            ],
            vec![Op::RenameColumn {
                table: s("user"),
                from: s("fullname"),
                to: s("full_name"),
            }],
        ),
        case(
            "rename hint with a type change",
            vec![table("user", vec![id(), col("fullname", T::String(Some(50)))]).pk(&["id"])],
            vec![
                table(
                    "user",
                    vec![
                        id(),
                        col("full_name", T::Text).null().renamed_from("fullname"),
                    ],
                )
                .pk(&["id"]),
            ],
            vec![
                Op::RenameColumn {
                    table: s("user"),
                    from: s("fullname"),
                    to: s("full_name"),
                },
                alter(
                    "user",
                    col("full_name", T::String(Some(50))),
                    col("full_name", T::Text).null(),
                    vec![Ch::Type, Ch::Nullable],
                ),
            ],
        ),
        case(
            "rename hint carries keys and references along",
            vec![
                table("user", vec![col("uid", T::Integer)])
                    .pk(&["uid"])
                    .unique("u", &["uid"]),
                table("order", vec![id(), col("user_id", T::Integer)])
                    .pk(&["id"])
                    .fk(&["user_id"], "user", &["uid"], FkAction::Cascade),
            ],
            vec![
                table("user", vec![col("id", T::Integer).renamed_from("uid")])
                    .pk(&["id"])
                    .unique("u", &["id"]),
                order_with(FkAction::Cascade),
            ],
            vec![Op::RenameColumn {
                table: s("user"),
                from: s("uid"),
                to: s("id"),
            }],
        ),
        case(
            "dropped table referencing a renamed column is dropped as renamed",
            vec![
                table("user", vec![col("uid", T::Integer)]).pk(&["uid"]),
                table("order", vec![id(), col("user_id", T::Integer)])
                    .pk(&["id"])
                    .fk(&["user_id"], "user", &["uid"], FkAction::Cascade),
            ],
            vec![table("user", vec![col("id", T::Integer).renamed_from("uid")]).pk(&["id"])],
            vec![
                Op::RenameColumn {
                    table: s("user"),
                    from: s("uid"),
                    to: s("id"),
                },
                // Its FK names `user.id`: that is the column's name when the table goes, and
                // when a downgrade recreates it (before renaming the column back).
                Op::DropTable(order_with(FkAction::Cascade)),
            ],
        ),
        case(
            "stale rename hint is an add",
            vec![simple("user")],
            vec![
                table(
                    "user",
                    vec![id(), col("full_name", T::Text).renamed_from("gone")],
                )
                .pk(&["id"]),
            ],
            vec![Op::AddColumn {
                table: s("user"),
                column: col("full_name", T::Text),
            }],
        ),
        case(
            "table comment change",
            vec![simple("user")],
            vec![simple("user").table_comment("people")],
            vec![Op::SetTableComment {
                table: s("user"),
                from: None,
                to: Some(s("people")),
            }],
        ),
    ]
}
