//! Table-driven compare tests: one case per op kind, each asserting the exact op list.

mod compare_support;

use autogen::compare::compare;
use compare_support::cases::cases;

#[test]
fn every_case_gives_its_exact_ops() {
    let mut failures = Vec::new();
    for case in cases() {
        let got = compare(&case.current, &case.desired);
        if got != case.ops {
            failures.push(format!(
                "case `{}`:\n  want {:#?}\n  got  {:#?}",
                case.name, case.ops, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn case_names_are_unique() {
    let mut names: Vec<_> = cases().iter().map(|c| c.name).collect();
    let n = names.len();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), n);
}
