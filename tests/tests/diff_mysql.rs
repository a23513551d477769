//! `diff` on MySql: exit codes and formats, and a generated 36-table schema diffed both ways,
//! with the printed SQL applied (see `diff_common`).

mod diff_common;

diff_tests!(tests::Backend::MySql);
