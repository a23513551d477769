//! The service's command line in `deploy/docker-compose.yml` is one the service binary
//! accepts (its flags and environment, checked with `--help`), and its database settings
//! are the migrator's.

use tests::deploy::{string_map, strings, yaml};

#[test]
fn compose_runs_the_service_binary_with_accepted_flags() {
    let compose = yaml("docker-compose.yml");
    let service = &compose["services"]["service"];
    assert_eq!(strings(&service["entrypoint"]), ["/usr/local/bin/service"]);
    let args = strings(&service["command"]);
    let env = string_map(&service["environment"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_service"))
        .args(&args)
        .arg("--help")
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .expect("run service");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let secret = env
        .iter()
        .find(|(k, _)| k == "SERVICE_TOKEN_SECRET")
        .expect("a token secret");
    assert!(secret.1.len() >= service::config::MIN_TOKEN_SECRET);
    let migrate = string_map(&compose["services"]["migrate"]["environment"]);
    for (key, value) in env.iter().filter(|(k, _)| k.starts_with("POSTGRES_")) {
        assert!(
            migrate.contains(&(key.clone(), value.clone())),
            "{key} differs from migrate's"
        );
    }
    // The Dockerfile builds this binary into the image.
    let dockerfile = std::fs::read_to_string(tests::deploy::dir().join("Dockerfile")).unwrap();
    assert!(dockerfile.contains("install -D target/release/service /out/service"));
}
