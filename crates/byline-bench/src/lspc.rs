//! A minimal LSP client over stdio for benchmarks and hostile-input tests.
//!
//! It speaks JSON-RPC with Content-Length framing, answers the requests a server may send to
//! its client (configuration, progress creation, registrations), and records every message
//! with the time it arrived. Depends on std and serde_json only, so integration tests can
//! include it with `#[path = "../crates/byline-bench/src/lspc.rs"] mod lspc;`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// One message the server sent us (a notification or a request), with its arrival time.
#[derive(Clone, Debug)]
pub struct Incoming {
    pub at: Instant,
    pub msg: Value,
}

impl Incoming {
    pub fn method(&self) -> Option<&str> {
        self.msg.get("method").and_then(Value::as_str)
    }
}

#[derive(Default)]
struct State {
    responses: HashMap<i64, (Instant, Value)>,
    incoming: Vec<Incoming>,
    closed: bool,
    bad_frames: usize,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// A running language server.
pub struct Server {
    pub child: Child,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    shared: Shared,
    next_id: AtomicI64,
    pub encoding: String,
    reader: Option<std::thread::JoinHandle<()>>,
}

pub fn uri_of(path: &Path) -> String {
    let p = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut s = String::from("file://");
    for b in p.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => s.push(b as char),
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s
}

fn write_frame(w: &mut impl Write, body: &[u8]) -> std::io::Result<()> {
    write!(w, "Content-Length: {}\r\n\r\n", body.len())?;
    w.write_all(body)?;
    w.flush()
}

impl Server {
    /// Start `bin args...` in `cwd`; stderr goes to `stderr` (a file) or is discarded.
    pub fn spawn(bin: &str, args: &[&str], cwd: Option<&Path>, stderr: Option<std::fs::File>) -> Server {
        // A relative path must not be resolved against `cwd`.
        let bin_path = if bin.contains('/') { std::fs::canonicalize(bin).unwrap_or_else(|_| bin.into()) } else { bin.into() };
        let mut cmd = Command::new(&bin_path);
        cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped());
        cmd.stderr(match stderr {
            Some(f) => Stdio::from(f),
            None => Stdio::null(),
        });
        if let Some(d) = cwd {
            cmd.current_dir(d);
        }
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {bin}: {e}"));
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let stdout = child.stdout.take().unwrap();
        let shared: Shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
        let (sh, sin) = (shared.clone(), stdin.clone());
        let reader = std::thread::spawn(move || read_loop(stdout, sh, sin));
        Server { child, stdin, shared, next_id: AtomicI64::new(1), encoding: "utf-16".into(), reader: Some(reader) }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Send raw bytes (for protocol-hazard tests). Returns false when the pipe is closed.
    pub fn send_raw(&self, bytes: &[u8]) -> bool {
        let mut g = self.stdin.lock().unwrap();
        match g.as_mut() {
            Some(w) => w.write_all(bytes).and_then(|_| w.flush()).is_ok(),
            None => false,
        }
    }

    pub fn send(&self, msg: &Value) -> bool {
        let body = serde_json::to_vec(msg).unwrap();
        let mut g = self.stdin.lock().unwrap();
        match g.as_mut() {
            Some(w) => write_frame(w, &body).is_ok(),
            None => false,
        }
    }

    /// Close our end of stdin (the server sees EOF).
    pub fn close_stdin(&self) {
        self.stdin.lock().unwrap().take();
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request without waiting; returns its id.
    pub fn request_async(&self, method: &str, params: Value) -> i64 {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Wait for the response to `id`: the whole response message, or None on timeout/exit.
    pub fn wait_response(&self, id: i64, timeout: Duration) -> Option<Value> {
        self.wait_response_timed(id, timeout).map(|(_, v)| v)
    }

    pub fn wait_response_timed(&self, id: i64, timeout: Duration) -> Option<(Instant, Value)> {
        let deadline = Instant::now() + timeout;
        let (m, cv) = &*self.shared;
        let mut st = m.lock().unwrap();
        loop {
            if let Some(r) = st.responses.remove(&id) {
                return Some(r);
            }
            let now = Instant::now();
            if now >= deadline || st.closed {
                return None;
            }
            st = cv.wait_timeout(st, deadline - now).unwrap().0;
        }
    }

    /// Request and wait: Ok(result) or Err(error object, or a string when no answer came).
    pub fn request(&self, method: &str, params: Value, timeout: Duration) -> Result<Value, Value> {
        let id = self.request_async(method, params);
        match self.wait_response(id, timeout) {
            // Taken, not cloned: a deep copy of a big result would be timed as the server's.
            Some(mut r) => match r.get_mut("error") {
                Some(e) => Err(e.take()),
                None => Ok(r.get_mut("result").map(Value::take).unwrap_or(Value::Null)),
            },
            None => Err(json!(format!("{method}: no response within {timeout:?} (alive: {})", self.alive_now()))),
        }
    }

    /// Initialize with a workspace root (or none); `encodings` offered in preference order.
    pub fn initialize(&mut self, root: Option<&Path>, encodings: &[&str]) -> Value {
        self.initialize_with(root, encodings, Value::Null)
    }

    /// [`Server::initialize`] with `initializationOptions` (the server's settings).
    pub fn initialize_with(&mut self, root: Option<&Path>, encodings: &[&str], options: Value) -> Value {
        let folders = root.map(|r| json!([{"uri": uri_of(r), "name": "ws"}])).unwrap_or(Value::Null);
        let params = json!({
            "processId": std::process::id(),
            "rootUri": root.map(uri_of),
            "workspaceFolders": folders,
            "capabilities": {
                "general": {"positionEncodings": encodings},
                "textDocument": {
                    "synchronization": {"didSave": true, "dynamicRegistration": false},
                    "publishDiagnostics": {"versionSupport": true, "relatedInformation": true},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}
                },
                "workspace": {"symbol": {}, "workspaceFolders": true, "configuration": true,
                              "didChangeWatchedFiles": {"dynamicRegistration": true}},
                "window": {"workDoneProgress": true}
            },
            "initializationOptions": options
        });
        let res = self.request("initialize", params, Duration::from_secs(60)).expect("initialize failed");
        self.notify("initialized", json!({}));
        self.encoding = res["capabilities"]["positionEncoding"].as_str().unwrap_or("utf-16").to_string();
        res
    }

    pub fn open(&self, uri: &str, text: &str, version: i64) {
        let lang = if uri.ends_with(".md") { "markdown" } else { "plaintext" };
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": lang, "version": version, "text": text}}));
    }

    /// Number of messages received so far (use as a cursor for `wait_for`).
    pub fn cursor(&self) -> usize {
        self.shared.0.lock().unwrap().incoming.len()
    }

    /// Wait for an incoming message at index ≥ `from` satisfying `pred`; returns its index and copy.
    pub fn wait_for(&self, from: usize, timeout: Duration, pred: impl Fn(&Incoming) -> bool) -> Option<(usize, Incoming)> {
        let deadline = Instant::now() + timeout;
        let (m, cv) = &*self.shared;
        let mut st = m.lock().unwrap();
        let mut i = from;
        loop {
            while i < st.incoming.len() {
                if pred(&st.incoming[i]) {
                    return Some((i, st.incoming[i].clone()));
                }
                i += 1;
            }
            let now = Instant::now();
            if now >= deadline || st.closed {
                return None;
            }
            st = cv.wait_timeout(st, deadline - now).unwrap().0;
        }
    }

    /// Wait for publishDiagnostics for `uri` (index ≥ `from`), optionally of a given version.
    pub fn wait_diagnostics(&self, from: usize, uri: &str, version: Option<i64>, timeout: Duration) -> Option<(usize, Incoming)> {
        self.wait_for(from, timeout, |m| {
            m.method() == Some("textDocument/publishDiagnostics")
                && m.msg["params"]["uri"] == uri
                && version.is_none_or(|v| m.msg["params"]["version"].as_i64() == Some(v))
        })
    }

    /// Remove and return the messages received from index `from` on (keeps memory bounded
    /// when a benchmark receives many big notifications; later cursors count from here).
    pub fn take_incoming_since(&self, from: usize) -> Vec<Incoming> {
        let mut st = self.shared.0.lock().unwrap();
        let from = from.min(st.incoming.len());
        st.incoming.split_off(from)
    }

    /// Every message received so far.
    pub fn incoming(&self) -> Vec<Incoming> {
        self.shared.0.lock().unwrap().incoming.clone()
    }

    /// The last publishDiagnostics params for `uri`.
    pub fn last_diagnostics(&self, uri: &str) -> Option<Value> {
        let st = self.shared.0.lock().unwrap();
        st.incoming
            .iter()
            .rev()
            .find(|m| m.method() == Some("textDocument/publishDiagnostics") && m.msg["params"]["uri"] == uri)
            .map(|m| m.msg["params"].clone())
    }

    /// Frames we could not parse as JSON (a server must never write those).
    pub fn bad_frames(&self) -> usize {
        self.shared.0.lock().unwrap().bad_frames
    }

    pub fn alive_now(&self) -> bool {
        !self.shared.0.lock().unwrap().closed
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Wait for the process to exit, up to `timeout`; kill it after that and return None.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                return Some(st);
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// shutdown + exit; returns the exit status (None if it had to be killed).
    pub fn shutdown(&mut self) -> Option<ExitStatus> {
        let _ = self.request("shutdown", Value::Null, Duration::from_secs(20));
        self.notify("exit", Value::Null);
        self.close_stdin();
        self.wait_exit(Duration::from_secs(20))
    }

    /// Peak resident set (VmHWM) in MiB, from /proc.
    pub fn peak_rss_mb(&self) -> Option<f64> {
        proc_status_kb(self.pid(), "VmHWM:").map(|kb| kb as f64 / 1024.0)
    }

    pub fn rss_mb(&self) -> Option<f64> {
        proc_status_kb(self.pid(), "VmRSS:").map(|kb| kb as f64 / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.close_stdin();
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }
}

pub fn proc_status_kb(pid: u32, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines().find(|l| l.starts_with(key))?.split_whitespace().nth(1)?.parse().ok()
}

fn read_loop(stdout: std::process::ChildStdout, shared: Shared, stdin: Arc<Mutex<Option<ChildStdin>>>) {
    let mut r = BufReader::with_capacity(1 << 16, stdout);
    let finish = |shared: &Shared| {
        let (m, cv) = &**shared;
        m.lock().unwrap().closed = true;
        cv.notify_all();
    };
    loop {
        let mut len: Option<usize> = None;
        loop {
            let mut line = String::new();
            match r.read_line(&mut line) {
                Ok(0) | Err(_) => return finish(&shared),
                Ok(_) => {}
            }
            let t = line.trim();
            if t.is_empty() {
                break;
            }
            if let Some((k, v)) = t.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                len = v.trim().parse().ok();
            }
        }
        let Some(len) = len else {
            shared.0.lock().unwrap().bad_frames += 1;
            continue;
        };
        let mut body = vec![0; len];
        if r.read_exact(&mut body).is_err() {
            return finish(&shared);
        }
        let at = Instant::now();
        let msg: Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(_) => {
                shared.0.lock().unwrap().bad_frames += 1;
                continue;
            }
        };
        // Requests from the server get an answer at once.
        if let (Some(id), Some(method)) = (msg.get("id"), msg.get("method").and_then(Value::as_str)) {
            let result = match method {
                "workspace/configuration" => {
                    let n = msg["params"]["items"].as_array().map_or(0, Vec::len);
                    Value::Array(vec![Value::Null; n])
                }
                _ => Value::Null,
            };
            let body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "result": result})).unwrap();
            if let Some(w) = stdin.lock().unwrap().as_mut() {
                let _ = write_frame(w, &body);
            }
        }
        let (m, cv) = &*shared;
        let mut st = m.lock().unwrap();
        if msg.get("method").is_none() {
            if let Some(id) = msg.get("id").and_then(Value::as_i64) {
                st.responses.insert(id, (at, msg));
            } else {
                st.incoming.push(Incoming { at, msg });
            }
        } else {
            st.incoming.push(Incoming { at, msg });
        }
        cv.notify_all();
    }
}

/// Start of the line that contains byte `offset`, and that line's number. Lines end at
/// "\r\n", "\n" or a lone "\r", as the LSP specification says.
fn line_of(text: &str, offset: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut line, mut start, mut i) = (0, 0, 0);
    while i < offset {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
        i += 1;
    }
    (line, start)
}

/// LSP position of byte `offset` in `text`, in `encoding` ("utf-8", "utf-16", "utf-32").
pub fn position(text: &str, offset: usize, encoding: &str) -> Value {
    let (line, ls) = line_of(text, offset);
    // Inside a "\r\n" the position is the end of the line's content.
    let seg = text[ls..offset].trim_end_matches('\r');
    let character = match encoding {
        "utf-8" => seg.len(),
        "utf-32" => seg.chars().count(),
        _ => seg.encode_utf16().count(),
    };
    json!({"line": line, "character": character})
}

/// Byte offset of an LSP position (clamped to the line end / text end).
pub fn offset_of(text: &str, pos: &Value, encoding: &str) -> usize {
    let line = pos["line"].as_u64().unwrap_or(0) as usize;
    let ch = pos["character"].as_u64().unwrap_or(0) as usize;
    let b = text.as_bytes();
    let (mut l, mut start, mut i) = (0, 0, 0);
    while l < line {
        if i >= b.len() {
            return text.len();
        }
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            l += 1;
            start = i + 1;
        }
        i += 1;
    }
    let end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units >= ch {
            return start + i;
        }
        units += match encoding {
            "utf-8" => c.len_utf8(),
            "utf-32" => 1,
            _ => c.len_utf16(),
        };
    }
    end
}

/// A range value from two byte offsets.
pub fn range(text: &str, start: usize, end: usize, encoding: &str) -> Value {
    json!({"start": position(text, start, encoding), "end": position(text, end, encoding)})
}

/// Percentile (nearest-rank on a sorted copy).
pub fn pct(xs: &[f64], q: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let i = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}

/// A diagnostic reduced to what must match between two analyses of the same text.
pub fn diag_key(d: &Value) -> String {
    format!(
        "{}:{}-{}:{} {} {} {}",
        d["range"]["start"]["line"],
        d["range"]["start"]["character"],
        d["range"]["end"]["line"],
        d["range"]["end"]["character"],
        d["code"],
        d["severity"],
        d["message"]
    )
}
