//! `import seaorm`: one revision per sea-orm-migration, in a linear chain in the order of the
//! project's `Migrator::migrations()`. Each revision keeps the original code: its `up`/`down`
//! look the migration up by name in the user's `migration` crate and call it.
//!
//! Why a path dependency on that crate and not a `#[path]` include of each `m…` file: the files
//! use `super::`/`crate::` paths (enums shared between migrations, helper modules) and the
//! crate's own dependencies, which only compile inside their own crate. Looking the migration up
//! by name works although sea-orm-cli declares the modules private (`mod m…;`).

use sea_orm_migration::{DbErr, MigrationTrait};

use crate::revision::NewRevision;

/// The longest revision id the version table holds (`revision` is `varchar(64)`).
const MAX_ID: usize = 64;

/// The message of every imported revision.
pub const IMPORT_MESSAGE: &str = "imported from sea-orm-migration";

/// The migration named `name` among `migrations` (a `Migrator::migrations()`), for the `up`
/// and `down` of an imported revision.
pub fn seaorm_original(
    migrations: Vec<Box<dyn MigrationTrait>>,
    name: &str,
) -> Result<Box<dyn MigrationTrait>, DbErr> {
    migrations
        .into_iter()
        .find(|m| m.name() == name)
        .ok_or_else(|| {
            DbErr::Custom(format!(
                "sea-orm-migration {name} is no longer in the Migrator this revision was imported from"
            ))
        })
}

/// The revisions for the migrations `names` (in order), and the last one `applied` lists (the
/// stamp target), or a one-line reason. `migrator` is the Rust path of the `Migrator` type.
pub fn plan_import(
    names: &[String],
    applied: &[String],
    migrator: &str,
    create_date: &str,
) -> Result<(Vec<NewRevision>, Option<String>), String> {
    if names.is_empty() {
        return Err("import seaorm: the Migrator lists no migrations".into());
    }
    for (i, name) in names.iter().enumerate() {
        if name.is_empty()
            || name.len() > MAX_ID
            || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(format!(
                "import seaorm: migration name '{name}' cannot be a revision id (letters, digits, '_', at most {MAX_ID})"
            ));
        }
        if names[..i].contains(name) {
            return Err(format!("import seaorm: the Migrator lists {name} twice"));
        }
    }
    if let Some(unknown) = applied.iter().find(|a| !names.contains(a)) {
        return Err(format!(
            "import seaorm: seaql_migrations lists {unknown}, which the Migrator does not have"
        ));
    }
    // Our stamp records a revision with all its ancestors, so the applied ones must be the
    // first ones of the chain.
    let prefix = applied.len();
    if let Some(gap) = names[..prefix].iter().find(|n| !applied.contains(n)) {
        return Err(format!(
            "import seaorm: seaql_migrations has later migrations applied but not {gap}; apply or remove it first"
        ));
    }
    let call = |side: &str, name: &str| {
        format!(
            "autogen::project::seaorm_original(\n    <{migrator} as sea_orm_migration::MigratorTrait>::migrations(),\n    {name:?},\n)?\n.{side}(manager)\n.await?;\n"
        )
    };
    let revisions = names
        .iter()
        .enumerate()
        .map(|(i, name)| NewRevision {
            id: name.clone(),
            down_revisions: i
                .checked_sub(1)
                .map(|p| vec![names[p].clone()])
                .unwrap_or_default(),
            message: IMPORT_MESSAGE.to_string(),
            create_date: create_date.to_string(),
            up_body: call("up", name),
            down_body: call("down", name),
            ..NewRevision::default()
        })
        .collect();
    Ok((revisions, prefix.checked_sub(1).map(|i| names[i].clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn chain_in_order_and_the_last_applied_is_the_target() {
        let all = names(&["m1_a", "m2_b", "m3_c"]);
        let (revs, target) =
            plan_import(&all, &names(&["m1_a", "m2_b"]), "migration::Migrator", "d").unwrap();
        assert_eq!(target.as_deref(), Some("m2_b"));
        assert_eq!(revs[0].down_revisions, Vec::<String>::new());
        assert_eq!(revs[2].down_revisions, names(&["m2_b"]));
        assert!(revs[1].up_body.contains("\"m2_b\""));
        assert!(revs[1].down_body.contains(".down(manager)"));
        let (_, none) = plan_import(&all, &[], "m::M", "d").unwrap();
        assert_eq!(none, None);
    }

    #[test]
    fn refusals() {
        let all = names(&["m1_a", "m2_b"]);
        for (applied, needle) in [
            (names(&["m9"]), "lists m9, which the Migrator does not have"),
            (names(&["m2_b"]), "but not m1_a"),
        ] {
            let err = plan_import(&all, &applied, "m::M", "d").unwrap_err();
            assert!(err.contains(needle), "{err}");
        }
        assert!(plan_import(&names(&["a-b"]), &[], "m::M", "d").is_err());
        assert!(plan_import(&names(&["a", "a"]), &[], "m::M", "d").is_err());
        assert!(plan_import(&[], &[], "m::M", "d").is_err());
    }
}
