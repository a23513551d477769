//! The JSON vocabulary of ops.

mod compare_support;

use compare_support::all_ops::one_of_each;
use serde_json::json;

#[test]
fn vocabulary_is_exact() {
    let kinds: Vec<String> = one_of_each()
        .iter()
        .map(|op| op.to_json()["op"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "add_table",
            "drop_table",
            "add_column",
            "drop_column",
            "alter_column",
            "add_index",
            "drop_index",
            "add_unique",
            "drop_unique",
            "add_foreign_key",
            "drop_foreign_key",
            "alter_foreign_key",
            "alter_primary_key",
            "rename_column",
            "set_table_comment",
        ]
    );
}

#[test]
fn every_op_names_its_table_and_object() {
    for op in one_of_each() {
        let v = op.to_json();
        assert_eq!(v["table"], json!(op.table()), "{v}");
        let kind = op.kind();
        let has = |k: &str| v.get(k).is_some();
        match kind {
            "add_column" | "drop_column" | "alter_column" | "rename_column" => {
                assert!(has("column"), "{v}")
            }
            "add_index" | "drop_index" | "add_unique" | "drop_unique" | "add_foreign_key"
            | "drop_foreign_key" => assert!(has("name") && has("columns"), "{v}"),
            _ => {}
        }
    }
}

#[test]
fn exact_json_of_each_kind() {
    let got: Vec<_> = one_of_each().iter().map(|op| op.to_json()).collect();
    let want = vec![
        json!({"op": "add_table", "table": "user", "columns": ["id"]}),
        json!({"op": "drop_table", "table": "order", "columns": ["id", "user_id"],
               "warning": "dropping table \"order\" deletes all of its rows"}),
        json!({"op": "add_column", "table": "user", "column": "avatar_url"}),
        json!({"op": "drop_column", "table": "user", "column": "age",
               "warning": "dropping column user.age deletes the data in it"}),
        json!({"op": "alter_column", "table": "user", "column": "email",
               "changes": ["type", "nullable"],
               "warning": "changing the type of user.email from varchar(255) to varchar(100) may truncate or reject existing values"}),
        json!({"op": "add_index", "table": "user", "name": "idx-user-email", "columns": ["email"]}),
        json!({"op": "drop_index", "table": "user", "name": "idx-user-email", "columns": ["email"]}),
        json!({"op": "add_unique", "table": "user", "name": "user_email_key", "columns": ["email"]}),
        // `warning` is the data loss only; the other hazards are in `ops_json` (`"hazards"`).
        json!({"op": "drop_unique", "table": "user", "name": "user_email_key", "columns": ["email"]}),
        json!({"op": "add_foreign_key", "table": "order", "name": "fk-order-user_id",
               "columns": ["user_id"], "ref_table": "user", "ref_columns": ["id"],
               "on_delete": "cascade", "on_update": "no_action"}),
        json!({"op": "drop_foreign_key", "table": "order", "name": "fk-order-user_id",
               "columns": ["user_id"], "ref_table": "user", "ref_columns": ["id"],
               "on_delete": "cascade", "on_update": "no_action"}),
        json!({"op": "alter_foreign_key", "table": "order", "name": "fk-order-user_id",
               "columns": ["user_id"], "from": "not_deferrable", "to": "initially_deferred"}),
        json!({"op": "alter_primary_key", "table": "user", "from": ["id"], "to": ["tenant_id", "id"]}),
        json!({"op": "rename_column", "table": "user", "column": "full_name", "from": "fullname"}),
        json!({"op": "set_table_comment", "table": "user", "from": null, "to": "people"}),
    ];
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
}
