//! Generated files for the backends a project runs (`backends` in `autogen.toml`): steps
//! conditioned on other backends are left out, conditions that always hold are dropped, and
//! each body starts with a guard so the file fails clearly on any other backend.

use sea_orm::DbBackend;

use crate::plan::Step;

/// `steps` keeping only what runs on one of `backends`; conditions that every listed backend
/// passes are inlined.
pub fn restrict(steps: &[Step], backends: &[DbBackend]) -> Vec<Step> {
    let all = |pred: &dyn Fn(DbBackend) -> bool| backends.iter().all(|b| pred(*b));
    let mut out = Vec::new();
    for step in steps {
        match step {
            Step::OnlyOn(b, inner) => {
                if !backends.contains(b) {
                    continue;
                }
                let inner = restrict(inner, backends);
                if all(&|x| x == *b) {
                    out.extend(inner);
                } else {
                    out.push(Step::OnlyOn(*b, inner));
                }
            }
            Step::ExceptOn(b, inner) => {
                if all(&|x| x == *b) {
                    continue;
                }
                let inner = restrict(inner, backends);
                if !backends.contains(b) {
                    out.extend(inner);
                } else {
                    out.push(Step::ExceptOn(*b, inner));
                }
            }
            Step::Match(arms) => {
                let arms: Vec<(DbBackend, Vec<Step>)> = arms
                    .iter()
                    .filter(|(b, _)| backends.contains(b))
                    .map(|(b, inner)| (*b, restrict(inner, backends)))
                    .collect();
                match arms.as_slice() {
                    [] => {}
                    [(b, inner)] if all(&|x| x == *b) => out.extend(inner.iter().cloned()),
                    _ => out.push(Step::Match(arms)),
                }
            }
            Step::Hazard { backends: only, .. }
                if !only.is_empty() && !only.iter().any(|b| backends.contains(b)) => {}
            other => out.push(other.clone()),
        }
    }
    out
}

/// The `DbBackend::X` names of `backends`, for the guard line.
pub fn guard_line(backends: &[DbBackend]) -> String {
    let names: Vec<&str> = backends
        .iter()
        .map(|b| match b {
            DbBackend::Postgres => "DbBackend::Postgres",
            DbBackend::MySql => "DbBackend::MySql",
            _ => "DbBackend::Sqlite",
        })
        .collect();
    format!(
        "autogen::revision::require_backend(manager, file!(), &[{}])?;",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(s: &str) -> Step {
        Step::Raw(s.into())
    }

    #[test]
    fn postgres_only_keeps_postgres_branches_inline() {
        let steps = vec![
            Step::OnlyOn(DbBackend::Sqlite, vec![raw("rebuild")]),
            Step::ExceptOn(DbBackend::Sqlite, vec![raw("alter")]),
            Step::OnlyOn(DbBackend::Postgres, vec![raw("comment")]),
            Step::Match(vec![
                (DbBackend::Postgres, vec![raw("pg")]),
                (DbBackend::MySql, vec![raw("my")]),
            ]),
        ];
        let pg = restrict(&steps, &[DbBackend::Postgres]);
        assert_eq!(pg, vec![raw("alter"), raw("comment"), raw("pg")]);
        let two = restrict(&steps, &[DbBackend::Postgres, DbBackend::MySql]);
        assert_eq!(
            two,
            vec![
                raw("alter"),
                Step::OnlyOn(DbBackend::Postgres, vec![raw("comment")]),
                steps[3].clone(),
            ]
        );
        let sqlite = restrict(&steps, &[DbBackend::Sqlite]);
        assert_eq!(sqlite, vec![raw("rebuild")]);
    }
}
