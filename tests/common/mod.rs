//! A small JSON-RPC client that drives the real `byline lsp` binary over stdio, plus helpers
//! for positions and invented fixture articles.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub mod report_fixture;

pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The index cache of the servers and commands the tests start: in the build folder, never the
/// user's cache folder (a test that looks at the cache gives its own folder).
pub const TEST_CACHE_DIR: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/byline-cache");

pub struct Lsp {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Every notification the server sent, in order.
    pub notifications: Vec<Value>,
    /// Every request the server sent to us, in order.
    pub server_requests: Vec<Value>,
    /// What we answer to `workspace/configuration` (one value per item).
    pub configuration: Value,
}

pub fn uri_of(path: &Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => s.push(b as char),
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s
}

impl Lsp {
    /// Start `byline lsp` in `cwd`.
    pub fn start(cwd: &Path) -> Lsp {
        Lsp::start_with_env(cwd, &[])
    }

    /// Start `byline lsp` in `cwd` with extra environment variables.
    pub fn start_with_env(cwd: &Path, env: &[(&str, &str)]) -> Lsp {
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
            .arg("lsp")
            .env("BYLINE_CACHE_DIR", TEST_CACHE_DIR)
            .envs(env.iter().copied())
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // (BYLINE_TEST_STDERR=1 shows the server's log, to debug a test.)
            .stderr(if std::env::var_os("BYLINE_TEST_STDERR").is_some() { Stdio::inherit() } else { Stdio::null() })
            .spawn()
            .expect("start byline lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        len = v.trim().parse::<usize>().ok();
                    }
                }
                let Some(len) = len else { continue };
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                if let Ok(v) = serde_json::from_slice::<Value>(&body)
                    && tx.send(v).is_err()
                {
                    return;
                }
            }
        });
        Lsp { child, stdin, rx, next_id: 1, notifications: Vec::new(), server_requests: Vec::new(), configuration: Value::Null }
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let head = format!("Content-Length: {}\r\n\r\n", body.len());
        self.stdin.write_all(head.as_bytes()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn send(&mut self, msg: &Value) {
        self.send_raw(msg.to_string().as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Take one message from the server, answering its requests; `None` on timeout.
    fn pump(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(msg) => {
                if msg.get("method").is_some() && msg.get("id").is_some() {
                    let result = match msg["method"].as_str() {
                        Some("workspace/configuration") => {
                            let n = msg["params"]["items"].as_array().map_or(1, |a| a.len());
                            Value::Array(vec![self.configuration.clone(); n])
                        }
                        _ => Value::Null,
                    };
                    let reply = json!({"jsonrpc": "2.0", "id": msg["id"].clone(), "result": result});
                    self.send(&reply);
                    self.server_requests.push(msg.clone());
                } else if msg.get("method").is_some() {
                    self.notifications.push(msg.clone());
                }
                Some(msg)
            }
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// Send a request and wait for its response message (with `result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(json!(id))
    }

    /// Wait for the response with this id.
    pub fn response(&mut self, id: Value) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let msg = self.pump(deadline).unwrap_or_else(|| panic!("no response to request {id}"));
            if msg.get("method").is_none() && msg.get("id") == Some(&id) {
                return msg;
            }
        }
    }

    /// Send a request and return its result, failing on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let msg = self.request_raw(method, params);
        assert!(msg.get("error").is_none(), "{method} failed: {msg}");
        msg["result"].clone()
    }

    pub fn initialize(&mut self, root: &Path, encodings: &[&str], options: Value) -> Value {
        let caps = json!({
            "general": {"positionEncodings": encodings},
            "textDocument": {
                "synchronization": {"didSave": true},
                "publishDiagnostics": {"versionSupport": true},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}
            },
            "workspace": {"symbol": {}, "workspaceFolders": true, "configuration": true,
                          "didChangeWatchedFiles": {"dynamicRegistration": true}},
            "window": {"workDoneProgress": true}
        });
        self.initialize_with_caps(root, caps, options)
    }

    /// `initialize` with the client capabilities `caps` (a test of what a capability changes),
    /// then `initialized`.
    pub fn initialize_with_caps(&mut self, root: &Path, caps: Value, options: Value) -> Value {
        let uri = uri_of(root);
        let result = self.request(
            "initialize",
            json!({"processId": null, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": "ws"}],
                   "capabilities": caps, "initializationOptions": options}),
        );
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i32, changes: Value) {
        self.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}));
    }

    /// Wait for a publishDiagnostics for `uri` that satisfies `pred`; returns its params.
    pub fn diagnostics_where(&mut self, uri: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let seen = self.notifications.iter().rev().find(|n| is_diag_for(n, uri)).cloned();
        if let Some(n) = seen
            && pred(&n["params"])
        {
            return n["params"].clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let msg = self.pump(deadline).unwrap_or_else(|| panic!("no matching diagnostics for {uri}"));
            if is_diag_for(&msg, uri) && pred(&msg["params"]) {
                return msg["params"].clone();
            }
        }
    }

    /// Wait for diagnostics of `uri` at `version`.
    pub fn diagnostics_at(&mut self, uri: &str, version: i32) -> Value {
        self.diagnostics_where(uri, |p| p["version"] == json!(version))
    }

    /// Read messages until nothing arrives for `quiet`.
    pub fn settle(&mut self, quiet: Duration) {
        while self.pump(Instant::now() + quiet).is_some() {}
    }

    /// Read messages until nothing arrives for `quiet`, and return them all (responses too).
    pub fn drain(&mut self, quiet: Duration) -> Vec<Value> {
        let mut out = Vec::new();
        while let Some(m) = self.pump(Instant::now() + quiet) {
            out.push(m);
        }
        out
    }

    /// All diagnostics notifications for `uri` seen so far.
    pub fn published(&self, uri: &str) -> Vec<Value> {
        self.notifications.iter().filter(|n| is_diag_for(n, uri)).map(|n| n["params"].clone()).collect()
    }

    pub fn shutdown(mut self) -> std::process::ExitStatus {
        let r = self.request_raw("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "shutdown failed: {r}");
        self.notify("exit", Value::Null);
        self.wait()
    }

    pub fn wait(mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn is_alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_diag_for(n: &Value, uri: &str) -> bool {
    n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
}

// ---- positions, computed independently of the server ------------------------------------------

/// Byte offset -> (line, character) in UTF-16 code units or UTF-8 bytes; lines end at "\n".
pub fn position(text: &str, byte: usize, encoding: &str) -> Value {
    let before = &text[..byte];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = &text[line_start..byte];
    let character = if encoding == "utf-8" { col.len() } else { col.encode_utf16().count() };
    json!({"line": line, "character": character})
}

pub fn range(text: &str, span: &std::ops::Range<usize>, encoding: &str) -> Value {
    json!({"start": position(text, span.start, encoding), "end": position(text, span.end, encoding)})
}

/// (line, character) -> byte offset, the inverse of [`position`].
pub fn offset(text: &str, pos: &Value, encoding: &str) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let mut character = pos["character"].as_u64().unwrap() as usize;
    let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut at = line_start;
    for ch in text[line_start..].chars() {
        if ch == '\n' || character == 0 {
            break;
        }
        let units = if encoding == "utf-8" { ch.len_utf8() } else { ch.len_utf16() };
        character = character.saturating_sub(units);
        at += ch.len_utf8();
    }
    at
}

/// The diagnostics the server should publish for `text`: the core's findings, converted here.
pub fn expected_diagnostics(text: &str, encoding: &str) -> Vec<(Value, String)> {
    byline_core::analyze(text, byline_core::Format::Plain)
        .findings
        .iter()
        .map(|f| (range(text, &f.span, encoding), f.code.as_str().to_string()))
        .collect()
}

pub fn actual_diagnostics(params: &Value) -> Vec<(Value, String)> {
    params["diagnostics"].as_array().unwrap().iter().map(|d| (d["range"].clone(), d["code"].as_str().unwrap_or("").to_string())).collect()
}

// ---- invented fixture articles -------------------------------------------------------------

/// An invented article with curly quotes, accents, Cyrillic and emoji, people, and claims of
/// several kinds.
pub const UNICODE_ARTICLE: &str = "Flood warning for Zürich’s old town 🌊\n\
\n\
The river Limmat rose by 2.4 metres overnight and 1,200 homes were evacuated.\n\
It is feared that the old café on Münsterhof will not reopen this year.\n\
A senior city official, speaking on condition of anonymity, said the barriers had failed.\n\
🎄 Ёлка café owner Léa Brunner said: “We were promised new barriers in 2019 and nothing was built.”\n\
“Nobody will pay for this,” a sign on the door read.\n\
Critics say the canton ignored warnings for a decade, and Ms Brunner agrees.\n";

/// Apply an edit (byte range -> replacement) to a String and return the LSP change for it.
pub fn edit(text: &mut String, span: std::ops::Range<usize>, new: &str, encoding: &str) -> Value {
    let change = json!({"range": range(text, &span, encoding), "text": new});
    text.replace_range(span, new);
    change
}

/// The range the server gives in a hover at byte `at` of `text` (None when no hover).
pub fn hover_range(lsp: &mut Lsp, uri: &str, text: &str, at: usize, encoding: &str) -> Option<Value> {
    let r = lsp.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(text, at, encoding)}));
    if r.is_null() { None } else { Some(r["range"].clone()) }
}

/// Line starts of `text`, with "\r\n", "\r" and "\n" as line breaks (as LSP has them).
pub fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        if b[i] == b'\n' || b[i] == b'\r' {
            starts.push(i + 1);
        }
        i += 1;
    }
    starts
}

pub fn units(s: &str, enc: &str) -> usize {
    if enc == "utf-8" { s.len() } else { s.encode_utf16().count() }
}

/// [`position`] for text with any LSP line break (`\n`, `\r\n`, `\r`).
pub fn position_any(text: &str, byte: usize, enc: &str) -> Value {
    let starts = line_starts(text);
    let line = starts.partition_point(|s| *s <= byte) - 1;
    json!({"line": line, "character": units(&text[starts[line]..byte], enc)})
}

/// [`offset`] for text with any LSP line break (`\n`, `\r\n`, `\r`).
pub fn offset_any(text: &str, pos: &Value, enc: &str) -> usize {
    let starts = line_starts(text);
    let start = starts[pos["line"].as_u64().unwrap() as usize];
    let want = pos["character"].as_u64().unwrap() as usize;
    let mut at = start;
    for ch in text[start..].chars() {
        if units(&text[start..at], enc) >= want {
            break;
        }
        at += ch.len_utf8();
    }
    at
}

/// Run the `byline` binary with `args` in `dir` (the CLI tests).
pub fn run_cli(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_byline")).args(args).env("BYLINE_CACHE_DIR", TEST_CACHE_DIR).current_dir(dir).output().unwrap()
}

/// Run the `byline` binary once per argument list in `dir`, all at the same time (the tests of
/// concurrent writers), and assert that each run succeeded.
pub fn run_cli_at_once(dir: &Path, runs: &[Vec<String>]) {
    let children: Vec<Child> = runs
        .iter()
        .map(|args| {
            Command::new(env!("CARGO_BIN_EXE_byline"))
                .args(args)
                .env("BYLINE_CACHE_DIR", TEST_CACHE_DIR)
                .current_dir(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

/// Write a fixture file under `dir`, creating its folders.
pub fn write_file(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, contents).unwrap();
}
