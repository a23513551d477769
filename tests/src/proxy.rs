//! A TCP proxy on loopback with a switch: forwarding bytes both ways, frozen (connections stay
//! open, nothing is forwarded — what a stuck proxy or firewall does), or cut (every connection
//! dropped). In front of PostgreSQL it can also answer the first connections the way a server
//! that is still starting does. It runs on its own thread and runtime, so it keeps working
//! while a test blocks.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    accepted: Arc<AtomicUsize>,
}

impl Proxy {
    /// Starts a proxy to `upstream` (`host:port`).
    pub fn start(upstream: &str) -> Proxy {
        Self::starting_up(upstream, 0)
    }

    /// A proxy to a PostgreSQL `upstream` that answers its first `refusals` connections with
    /// FATAL 57P03 "the database system is starting up", then forwards.
    pub fn starting_up(upstream: &str, refusals: usize) -> Proxy {
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = accepted.clone();
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
                    if counter.fetch_add(1, Ordering::Relaxed) < refusals {
                        tokio::spawn(still_starting(client));
                        continue;
                    }
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
            accepted,
        }
    }

    /// How many connections clients opened so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::Relaxed)
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

/// Plays a PostgreSQL server that is starting up: declines TLS, reads the startup message, and
/// answers FATAL 57P03 (the protocol's ErrorResponse), as the postmaster does before recovery
/// ends.
async fn still_starting(mut client: TcpStream) {
    const SSL_REQUEST: u32 = 80_877_103;
    let mut head = [0u8; 8];
    if client.read_exact(&mut head).await.is_err() {
        return;
    }
    let mut len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    if u32::from_be_bytes([head[4], head[5], head[6], head[7]]) == SSL_REQUEST {
        if client.write_all(b"N").await.is_err() || client.read_exact(&mut head[..4]).await.is_err()
        {
            return;
        }
        len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let mut rest = vec![0u8; len.saturating_sub(4)];
        if client.read_exact(&mut rest).await.is_err() {
            return;
        }
    } else {
        let mut rest = vec![0u8; len.saturating_sub(8)];
        if client.read_exact(&mut rest).await.is_err() {
            return;
        }
    }
    let mut fields = Vec::new();
    for (code, value) in [
        (b'S', "FATAL"),
        (b'V', "FATAL"),
        (b'C', "57P03"),
        (b'M', "the database system is starting up"),
    ] {
        fields.push(code);
        fields.extend_from_slice(value.as_bytes());
        fields.push(0);
    }
    fields.push(0);
    let mut message = vec![b'E'];
    message.extend_from_slice(&((fields.len() + 4) as u32).to_be_bytes());
    message.extend_from_slice(&fields);
    let _ = client.write_all(&message).await;
    let _ = client.shutdown().await;
}
