//! `--wait-for-db`: a server that starts accepting late (a loopback port that opens after a
//! delay and forwards to the real PostgreSQL, as a database pod becoming ready does) is waited
//! for with one progress line per attempt; the wait is bounded; a rejected password and an
//! unknown database fail at once, without waiting.
//!
//! Needs the `cli` binary (see `tests::process`).

use std::io::copy;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use tests::moto::free_port;
use tests::process::{cli, one_line_error, success, texts};
use tests::{Backend, TempDir, TestDb};

/// Opens `port` after `delay` and forwards every connection to the local PostgreSQL, for
/// `serve` once open. Runs on its own threads; ends by itself.
fn late_forwarder(port: u16, delay: Duration, serve: Duration) {
    std::thread::spawn(move || {
        std::thread::sleep(delay);
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).expect("bind late port");
        listener.set_nonblocking(true).unwrap();
        let until = Instant::now() + serve;
        while Instant::now() < until {
            let Ok((client, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            };
            client.set_nonblocking(false).unwrap();
            let Ok(server) = TcpStream::connect((Ipv4Addr::LOCALHOST, 5432)) else {
                continue;
            };
            let (mut c2, mut s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            let (mut c1, mut s1) = (client, server);
            std::thread::spawn(move || {
                let _ = copy(&mut c1, &mut s1);
                let _ = s1.shutdown(std::net::Shutdown::Write);
            });
            std::thread::spawn(move || {
                let _ = copy(&mut s2, &mut c2);
                let _ = c2.shutdown(std::net::Shutdown::Write);
            });
        }
    });
}

#[tokio::test]
async fn waits_for_a_server_that_comes_up_late() {
    let db = TestDb::new(Backend::Postgres, "wait_late").await;
    let port = free_port();
    late_forwarder(port, Duration::from_secs(3), Duration::from_secs(60));
    let url = db.url.replace(":5432/", &format!(":{port}/"));
    assert_ne!(url, db.url, "the test URL names port 5432");
    let dir = TempDir::new();
    let out = cli(&dir.path)
        .args([
            "--database-url",
            &url,
            "--wait-for-db",
            "30",
            "--connect-timeout",
            "1",
        ])
        .arg("upgrade")
        .output()
        .unwrap();
    success(&out);
    let (_, err) = texts(&out);
    let waits: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("waiting for database"))
        .collect();
    assert!(!waits.is_empty(), "no progress line:\n{err}");
    for (n, line) in waits.iter().enumerate() {
        assert!(
            line.contains(&format!("attempt {}: not accepting connections yet", n + 1)),
            "line {n}: {line}"
        );
    }
    assert!(
        err.contains(&format!("is up (attempt {},", waits.len() + 1)),
        "{err}"
    );
}

#[test]
fn the_wait_is_bounded() {
    let url = format!("postgres://postgres@127.0.0.1:{}/x", free_port());
    let dir = TempDir::new();
    let started = Instant::now();
    let out = cli(&dir.path)
        .args([
            "--database-url",
            &url,
            "--wait-for-db",
            "3",
            "--connect-timeout",
            "1",
        ])
        .arg("current")
        .output()
        .unwrap();
    let took = started.elapsed();
    let (_, err) = texts(&out);
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("error: database postgres://postgres@127.0.0.1:")
            && last.contains("still not reachable after waiting 3s"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.lines()
            .filter(|l| l.contains("waiting for database"))
            .count()
            >= 2,
        "{err}"
    );
    assert!(took < Duration::from_secs(3 + 1 + 5), "took {took:?}");
}

#[tokio::test]
async fn a_rejected_login_fails_at_once() {
    // MariaDB checks passwords here (the shared PostgreSQL trusts loopback).
    let db = TestDb::new(Backend::MySql, "wait_auth").await;
    let wrong = db.url.replacen("root@", "root:Wrong-pw-Zq1@", 1);
    assert_ne!(wrong, db.url);
    let dir = TempDir::new();
    let started = Instant::now();
    let out = cli(&dir.path)
        .args(["--database-url", &wrong, "--wait-for-db", "60", "current"])
        .output()
        .unwrap();
    let line = one_line_error(&out, &["access denied"]);
    assert!(!line.contains("Wrong-pw-Zq1"), "{line}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "waited on a wrong password"
    );
    // An unknown database is final too.
    let pg = TestDb::new(Backend::Postgres, "wait_nodb").await;
    let missing = format!("{}_missing", pg.url);
    let out = cli(&dir.path)
        .args(["--database-url", &missing, "--wait-for-db", "60", "current"])
        .output()
        .unwrap();
    one_line_error(&out, &["does not exist"]);
}

/// The uid and gid of `user`, from `id`.
fn ids_of(user: &str) -> (u32, u32) {
    let id = |flag: &str| -> u32 {
        let out = std::process::Command::new("id")
            .args([flag, user])
            .output()
            .expect("id");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("numeric id")
    };
    (id("-u"), id("-g"))
}

/// A command running as the `postgres` user when this test runs as root (initdb and postgres
/// refuse root), as ourselves otherwise.
fn as_postgres(program: &std::path::Path) -> std::process::Command {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(program);
    if ids_of("root").0 == own_uid() {
        let (uid, gid) = ids_of("postgres");
        cmd.uid(uid).gid(gid);
    }
    cmd
}

/// Our own uid, without libc: the owner of a file we just created.
fn own_uid() -> u32 {
    use std::os::unix::fs::MetadataExt;
    let probe = std::env::temp_dir().join(tests::unique("uid_probe"));
    std::fs::write(&probe, "").expect("probe file");
    let uid = std::fs::metadata(&probe).expect("probe").uid();
    let _ = std::fs::remove_file(&probe);
    uid
}

/// The newest installed PostgreSQL's server binaries (`/usr/lib/postgresql/<version>/bin`, the
/// Debian layout scripts/services.sh installs).
fn server_bin() -> std::path::PathBuf {
    let mut versions: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("/usr/lib/postgresql: run scripts/test.sh, which installs PostgreSQL")
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().expect("no PostgreSQL server binaries").1
}

#[test]
fn waits_for_a_real_server_that_starts_late() {
    let bin = server_bin();
    let bin = bin.as_path();
    let data = TempDir::new();
    let cluster = data.path.join("pg");
    std::fs::create_dir_all(&cluster).unwrap();
    let (uid, _) = ids_of("postgres");
    if own_uid() == ids_of("root").0 {
        let status = std::process::Command::new("chown")
            .args(["-R", &format!("{uid}"), data.path.to_str().unwrap()])
            .status()
            .expect("chown");
        assert!(status.success());
    }
    let init = as_postgres(&bin.join("initdb"))
        .args([
            "-D",
            cluster.to_str().unwrap(),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
        ])
        .output()
        .expect("initdb (PostgreSQL 15 server binaries)");
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let port = free_port();
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    let dir = TempDir::new();
    let waiter = tests::process::std_command(&tests::process::cli_bin(), &dir.path)
        .args([
            "--database-url",
            &url,
            "--wait-for-db",
            "60",
            "--connect-timeout",
            "2",
            "current",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start cli");
    std::thread::sleep(Duration::from_secs(2));
    // Our own throwaway server on a spare port, killed below; the shared one is untouched.
    let mut server = as_postgres(&bin.join("postgres"))
        .args(["-D", cluster.to_str().unwrap(), "-p", &port.to_string()])
        .args(["-c", "listen_addresses=127.0.0.1", "-c"])
        .arg(format!("unix_socket_directories={}", data.path.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start postgres");
    let out = waiter.wait_with_output().expect("cli output");
    // A fast shutdown (SIGINT) of our own server, by its pid; SIGKILL only if that fails.
    let stopped = std::process::Command::new("kill")
        .args(["-INT", &server.id().to_string()])
        .status()
        .is_ok_and(|s| s.success());
    if !stopped {
        let _ = server.kill();
    }
    let _ = server.wait();
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("waiting for database"), "{err}");
    assert!(err.contains("is up (attempt "), "{err}");
}
