//! The project a command works on: its root directory, found the way cargo finds
//! `Cargo.toml`, from which relative paths are resolved.

mod config_file;
mod hooks;
mod import_seaorm;
mod init;
mod root;
mod settings;
mod tables;
mod template;

pub use config_file::{ConfigFile, ConfigFileError};
pub use hooks::run_hooks;
pub use import_seaorm::{IMPORT_MESSAGE, plan_import, seaorm_original};
pub use init::{InitError, InitOptions, InitPlan, MEMBERS, SNIPPET, init, plan_init};
pub use root::{CONFIG_FILE, DEFAULT_VERSIONS_DIR, ProjectRoot};
pub use settings::{Project, same_dir};
pub use tables::{BadPattern, TableFilter};
pub use template::{DEFAULT_TEMPLATE, TemplateError, apply_template};
