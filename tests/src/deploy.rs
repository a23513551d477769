//! Reading the recipes in `deploy/`: the compose file and Kubernetes manifests as YAML, the
//! Dockerfile's exec-form instructions, and the external linters the tests run on them
//! (`hadolint` and `kubernetes-validate`, PyPI packages installed by `scripts/test.sh`; a
//! missing tool fails the test).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `deploy/` in this checkout.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy")
}

/// A YAML file of `deploy/`, parsed.
pub fn yaml(relative: &str) -> serde_yaml::Value {
    let path = dir().join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{} is not YAML: {e}", path.display()))
}

/// A sequence of strings (`command`, `args`, `entrypoint`).
pub fn strings(value: &serde_yaml::Value) -> Vec<String> {
    value
        .as_sequence()
        .unwrap_or_else(|| panic!("expected a list of strings, got {value:?}"))
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

/// A mapping of strings to strings (`environment`, ConfigMap `data`).
pub fn string_map(value: &serde_yaml::Value) -> Vec<(String, String)> {
    value
        .as_mapping()
        .unwrap_or_else(|| panic!("expected a mapping, got {value:?}"))
        .iter()
        .map(|(k, v)| {
            let v = match v {
                serde_yaml::Value::String(s) => s.clone(),
                other => panic!("{k:?}: quote the value (YAML would not give a string): {other:?}"),
            };
            (k.as_str().expect("a key").to_string(), v)
        })
        .collect()
}

/// The JSON array of a Dockerfile instruction in exec form (`ENTRYPOINT ["..."]`).
pub fn dockerfile_exec(instruction: &str) -> Vec<String> {
    let text = std::fs::read_to_string(dir().join("Dockerfile")).expect("deploy/Dockerfile");
    let line = text
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix(&format!("{instruction} ")))
        .unwrap_or_else(|| panic!("no {instruction} in deploy/Dockerfile"));
    serde_json::from_str(line.trim())
        .unwrap_or_else(|e| panic!("{instruction} is not in exec form ({e}): {line}"))
}

/// Runs an external tool; panics (never skips) when it is not installed.
pub fn tool(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): scripts/test.sh installs it"))
}
