//! The recipes in `deploy/` are valid and run commands the binary accepts: hadolint on the
//! Dockerfile (no finding at all), kubernetes-validate --strict on the manifests, the compose
//! file's structure, and every migrator command line in them run against the real `cli` with
//! `--help`, then with their environment as an offline `upgrade --sql` (which resolves the
//! URL they configure without a server). No container engine is needed.
//!
//! Needs the `cli` binary (see `tests::process`), hadolint and kubernetes-validate.

use serde_yaml::Value;
use tests::TempDir;
use tests::deploy::{dir, dockerfile_exec, string_map, strings, tool, yaml};
use tests::process::{cli, success, texts};

/// `cli <args> --help` succeeds (clap checks every flag and value before the help).
fn accepted(args: &[String], env: &[(String, String)]) {
    let dir = TempDir::new();
    let mut cmd = cli(&dir.path);
    cmd.args(args).arg("--help");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "cli {args:?} --help: {err}");
}

/// `upgrade --sql` under `env` resolves the URL from the `POSTGRES_*` parts and prints a
/// PostgreSQL script.
fn resolves_postgres_parts(env: &[(String, String)]) {
    let dir = TempDir::new();
    let mut cmd = cli(&dir.path);
    cmd.args(["-v", "--log-format", "text", "upgrade", "--sql"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let script = success(&out);
    let (_, err) = texts(&out);
    assert!(
        err.contains("database URL from POSTGRES_* variables"),
        "{err}"
    );
    assert!(
        script
            .lines()
            .next()
            .unwrap_or_default()
            .contains("(postgres)"),
        "{script}"
    );
}

#[test]
fn dockerfile_passes_hadolint_and_runs_the_migrator() {
    let path = dir().join("Dockerfile");
    let out = tool(
        "hadolint",
        &["--failure-threshold", "style", path.to_str().unwrap()],
    );
    let (stdout, stderr) = texts(&out);
    assert!(
        out.status.success() && stdout.trim().is_empty(),
        "{stdout}{stderr}"
    );
    // The linter does lint: a known-bad file fails.
    let bad = TempDir::new();
    let bad_file = bad.path.join("Dockerfile");
    std::fs::write(&bad_file, "FROM debian:latest\nRUN apt-get install curl\n").unwrap();
    assert!(
        !tool("hadolint", &[bad_file.to_str().unwrap()])
            .status
            .success()
    );

    assert_eq!(dockerfile_exec("ENTRYPOINT"), ["/usr/local/bin/autogen"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("install -D target/release/cli /out/autogen"),
        "{text}"
    );
    assert!(text.contains("USER 65532:65532"), "{text}");
    accepted(&dockerfile_exec("CMD"), &[]);
}

#[test]
fn kubernetes_manifests_validate_and_fit_together() {
    let files: Vec<String> = ["job.yaml", "secret.yaml", "configmap.yaml"]
        .iter()
        .map(|f| dir().join("k8s").join(f).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["--strict"];
    args.extend(files.iter().map(String::as_str));
    let out = tool("kubernetes-validate", &args);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert_eq!(
        stdout.matches(" passed for resource ").count()
            + stderr.matches(" passed for resource ").count(),
        3,
        "{stdout}{stderr}"
    );
    // Strict validation refuses a misspelled field.
    let bad = TempDir::new();
    let bad_file = bad.path.join("job.yaml");
    let job_text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(
        &bad_file,
        job_text.replace("backoffLimit:", "backoffLimits:"),
    )
    .unwrap();
    assert!(
        !tool(
            "kubernetes-validate",
            &["--strict", bad_file.to_str().unwrap()]
        )
        .status
        .success()
    );

    let job = yaml("k8s/job.yaml");
    let secret = yaml("k8s/secret.yaml");
    let config = yaml("k8s/configmap.yaml");
    assert!(job["spec"]["backoffLimit"].as_u64().is_some());
    assert!(job["spec"]["activeDeadlineSeconds"].as_u64().is_some());
    let pod = &job["spec"]["template"]["spec"];
    assert_eq!(pod["restartPolicy"], "Never");
    let container = &pod["containers"][0];
    assert_eq!(
        container["envFrom"][0]["configMapRef"]["name"],
        config["metadata"]["name"]
    );
    // Every secretKeyRef names this Secret and one of its keys; the pod's environment is
    // those values plus the ConfigMap.
    let secret_data = string_map(&secret["stringData"]);
    let mut env = string_map(&config["data"]);
    for var in container["env"].as_sequence().expect("env") {
        let reference = &var["valueFrom"]["secretKeyRef"];
        assert_eq!(reference["name"], secret["metadata"]["name"], "{var:?}");
        let key = reference["key"].as_str().expect("key");
        let value = secret_data
            .iter()
            .find(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("the Secret has no key {key}"));
        env.push((var["name"].as_str().unwrap().to_string(), value.1.clone()));
    }
    let args = strings(&container["args"]);
    assert_eq!(args.last().map(String::as_str), Some("upgrade"));
    accepted(&args, &env);
    resolves_postgres_parts(&env);
}

#[test]
fn compose_file_migrates_once_then_starts_the_service() {
    let compose = yaml("docker-compose.yml");
    let services = &compose["services"];
    for name in ["db", "migrate", "service"] {
        assert!(services[name].is_mapping(), "no service {name}");
    }
    let migrate = &services["migrate"];
    assert_eq!(migrate["build"]["dockerfile"], "deploy/Dockerfile");
    // Compose resolves the context from the file's directory, the Dockerfile from the context.
    let context = dir().join(migrate["build"]["context"].as_str().unwrap());
    assert!(context.join("Cargo.toml").exists() && context.join("deploy/Dockerfile").exists());
    assert_eq!(migrate["restart"], "no");
    let command = strings(&migrate["command"]);
    assert!(command.iter().any(|a| a == "--wait-for-db"), "{command:?}");
    let env = string_map(&migrate["environment"]);
    accepted(&command, &env);
    resolves_postgres_parts(&env);
    assert_eq!(
        services["service"]["depends_on"]["migrate"]["condition"],
        Value::from("service_completed_successfully")
    );
    // The migrator's database is the one the db service creates.
    let db_env = string_map(&services["db"]["environment"]);
    for key in ["POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"] {
        let get = |e: &[(String, String)]| e.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        assert_eq!(get(&db_env), get(&env), "{key}");
    }
}
