//! A TCP proxy on loopback with a switch: forwarding bytes both ways, frozen (connections stay
//! open, nothing is forwarded — what a stuck proxy or firewall does), or cut (every connection
//! dropped). It runs on its own thread and runtime, so it keeps working while a test blocks.

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// What the proxy does with traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flowing,
    Frozen,
    Cut,
}

/// A running proxy to one upstream server.
pub struct Proxy {
    /// Where clients connect.
    pub addr: SocketAddr,
    upstream: String,
    mode: watch::Sender<Mode>,
}

impl Proxy {
    /// Starts a proxy to `upstream` (`host:port`).
    pub fn start(upstream: &str) -> Proxy {
        let (mode, watcher) = watch::channel(Mode::Flowing);
        let (tx, rx) = std::sync::mpsc::channel();
        let target = upstream.to_string();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("proxy runtime");
            runtime.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
                tx.send(listener.local_addr().expect("proxy address"))
                    .expect("report proxy address");
                loop {
                    let Ok((client, _)) = listener.accept().await else {
                        continue;
                    };
                    let Ok(server) = TcpStream::connect(&target).await else {
                        continue;
                    };
                    let (client_in, client_out) = client.into_split();
                    let (server_in, server_out) = server.into_split();
                    tokio::spawn(pump(client_in, server_out, watcher.clone()));
                    tokio::spawn(pump(server_in, client_out, watcher.clone()));
                }
            });
        });
        let addr = rx.recv().expect("proxy started");
        Proxy {
            addr,
            upstream: upstream.to_string(),
            mode,
        }
    }

    /// `url` with its upstream `host:port` replaced by the proxy's.
    pub fn redirect(&self, url: &str) -> String {
        url.replacen(&self.upstream, &self.addr.to_string(), 1)
    }

    /// Stops forwarding; connections stay open.
    pub fn freeze(&self) {
        self.mode.send_replace(Mode::Frozen);
    }

    /// Drops every connection, as a broken network path finally does.
    pub fn cut(&self) {
        self.mode.send_replace(Mode::Cut);
    }
}

/// The `host:port` of a server URL such as `postgres://user@127.0.0.1:5432/db`.
pub fn host_port(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.split(['/', '?']).next().unwrap_or(rest).to_string()
}

/// Copies one direction until EOF, holding data while frozen, and returns when cut.
async fn pump(mut from: OwnedReadHalf, mut to: OwnedWriteHalf, mut mode: watch::Receiver<Mode>) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = tokio::select! {
            read = from.read(&mut buf) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            },
            _ = mode.wait_for(|m| *m == Mode::Cut) => return,
        };
        match mode.wait_for(|m| *m != Mode::Frozen).await.map(|m| *m) {
            Ok(Mode::Flowing) => {}
            _ => return,
        }
        if to.write_all(&buf[..n]).await.is_err() {
            break;
        }
    }
    let _ = mode.wait_for(|m| *m != Mode::Frozen).await;
    let _ = to.shutdown().await;
}
