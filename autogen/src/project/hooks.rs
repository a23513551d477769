//! Post-write hooks (Alembic's `post_write_hooks`): commands run on each new revision file,
//! in the project root, `{file}` in an argument replaced by the file's path. No shell is
//! involved, so a path with spaces or quotes stays one argument.

use std::path::Path;
use std::process::Command;

use crate::Error;

/// Runs each hook on `file`; the first failure is an error naming the hook and the file.
pub fn run_hooks(hooks: &[Vec<String>], file: &Path, root: &Path) -> Result<(), Error> {
    for hook in hooks {
        let Some((program, args)) = hook.split_first() else {
            continue;
        };
        let path = file.to_string_lossy();
        let args: Vec<String> = args.iter().map(|a| a.replace("{file}", &path)).collect();
        let failed = |detail: String| Error::Hook {
            hook: hook.join(" "),
            path: file.to_path_buf(),
            detail,
        };
        let status = Command::new(program)
            .args(&args)
            .current_dir(root)
            .status()
            .map_err(|e| failed(format!("cannot start it: {e}")))?;
        if !status.success() {
            return Err(failed(status.to_string()));
        }
    }
    Ok(())
}
