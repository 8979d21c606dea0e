//! Workspace hazards for the real server (and `byline check`): invalid UTF-8, binary files,
//! files deleted while indexing, symlink loops, dangling links, a FIFO named like an article,
//! ignore files that are a FIFO or a link to `/dev/zero`, a directory named `x.txt`,
//! unreadable files, thousands of tiny files. They are skipped (and logged), never a crash or a
//! hang. Also: byline never writes to the workspace and never opens a network socket.
//!
//! Unreadable files: these tests usually run as root, and root reads a `chmod 000` file
//! anyway, so that case only proves something when run as an ordinary user.

#[allow(dead_code, clippy::all)]
#[path = "../crates/byline-bench/src/articles.rs"]
mod articles;
#[allow(dead_code, clippy::all)]
#[path = "../crates/byline-bench/src/lspc.rs"]
mod lspc;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use lspc::Server;
use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_byline");
const T: Duration = Duration::from_secs(60);

/// Every entry under `root` (not following links): kind, size, mtime, and a content hash.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (String, u64, Option<SystemTime>, u64)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let md = std::fs::symlink_metadata(&p).unwrap();
            let ft = md.file_type();
            let kind = if ft.is_symlink() {
                format!("link->{}", std::fs::read_link(&p).unwrap().display())
            } else if ft.is_dir() {
                stack.push(p.clone());
                "dir".into()
            } else if ft.is_file() {
                "file".into()
            } else {
                "other".into()
            };
            let hash = if ft.is_file() {
                std::fs::read(&p)
                    .map(|b| b.iter().fold(0xcbf29ce484222325u64, |h, &x| (h ^ x as u64).wrapping_mul(0x100000001b3)))
                    .unwrap_or(0)
            } else {
                0
            };
            out.insert(p, (kind, md.len(), md.modified().ok(), hash));
        }
    }
    out
}

/// Inodes of the process's sockets that are TCP/UDP/raw sockets (not Unix-domain pairs).
fn inet_sockets(pid: u32) -> Vec<String> {
    let mut inodes = Vec::new();
    if let Ok(rd) = std::fs::read_dir(format!("/proc/{pid}/fd")) {
        for e in rd.flatten() {
            if let Ok(t) = std::fs::read_link(e.path()) {
                let t = t.to_string_lossy().into_owned();
                if let Some(i) = t.strip_prefix("socket:[").and_then(|s| s.strip_suffix(']')) {
                    inodes.push(i.to_string());
                }
            }
        }
    }
    let mut inet = Vec::new();
    for f in ["tcp", "tcp6", "udp", "udp6", "raw", "raw6"] {
        if let Ok(s) = std::fs::read_to_string(format!("/proc/{pid}/net/{f}")) {
            for line in s.lines().skip(1) {
                if let Some(inode) = line.split_whitespace().nth(9)
                    && inodes.iter().any(|i| i == inode)
                {
                    inet.push(format!("{f}: {line}"));
                }
            }
        }
    }
    inet
}

fn hazardous_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut g = articles::Generator::new(articles::Options { seed: 42, ..Default::default() });
    std::fs::create_dir_all(root.join("good")).unwrap();
    for i in 0..40 {
        let a = g.article(i);
        std::fs::write(root.join("good").join(&a.name), a.text).unwrap();
    }
    std::fs::write(root.join("invalid-utf8.txt"), b"Mayor Adela Quarrie said \xff\xfe the \xc3 harbour \xed\xa0\x80 is closed.").unwrap();
    let mut bin = vec![0u8; 4096];
    bin.iter_mut().enumerate().for_each(|(i, b)| *b = (i * 7 % 256) as u8);
    std::fs::write(root.join("binary.txt"), &bin).unwrap();
    std::fs::write(root.join("png-named.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(root.join("empty.txt"), b"").unwrap();
    std::fs::write(root.join("bom.txt"), "\u{FEFF}Critics say the dam will fail.".as_bytes()).unwrap();
    std::fs::write(root.join("utf16.txt"), b"\xff\xfeC\0r\0i\0t\0i\0c\0s\0").unwrap();
    std::fs::create_dir_all(root.join("dir.txt")).unwrap();
    let unreadable = root.join("unreadable.txt");
    std::fs::write(&unreadable, "Officials said it was closed.").unwrap();
    std::os::unix::fs::symlink(root, root.join("good").join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("loop-a"), root.join("loop-b")).unwrap();
    std::os::unix::fs::symlink(root.join("loop-b"), root.join("loop-a")).unwrap();
    std::os::unix::fs::symlink(root.join("no-such-file.txt"), root.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", root.join("urandom.md")).unwrap();
    // Ignore files that are a FIFO and a link to /dev/zero: the walk reads ignore files as it
    // enters a folder, so these folders are skipped.
    for (sub, name) in [("trap-fifo", ".gitignore"), ("trap-zero", ".ignore")] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
        std::fs::write(root.join(sub).join("a.txt"), "Critics say so.").unwrap();
        if sub == "trap-zero" {
            std::os::unix::fs::symlink("/dev/zero", root.join(sub).join(name)).unwrap();
        } else {
            mkfifo(&root.join(sub).join(name));
        }
    }
    // A FIFO: opening it for reading blocks until a writer comes, forever.
    let fifo = root.join("fifo.txt");
    let ok = std::process::Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    assert!(ok, "mkfifo failed");
    std::fs::write(root.join("long-line.txt"), "Critics say so and ".repeat(5_000)).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    dir
}

#[test]
fn the_server_skips_workspace_hazards_and_touches_nothing() {
    let dir = hazardous_workspace();
    let root = dir.path();
    let before = snapshot(root);
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(root), Some(stderr.reopen().unwrap()));
    let c0 = s.cursor();
    s.initialize(Some(root), &["utf-16"]);
    let pid = s.pid();
    // Indexing must finish despite the FIFO, /dev/zero, /dev/urandom and the loops.
    let end = s.wait_for(c0, T, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "end");
    assert!(end.is_some(), "indexing never finished (hang on a hazard?)");
    let mut sockets = inet_sockets(pid);
    // Open one of the articles, edit it, save it (an editor does), query around it.
    let good = std::fs::read_dir(root.join("good"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .unwrap();
    let text = std::fs::read_to_string(&good).unwrap();
    let uri = lspc::uri_of(&good);
    let c = s.cursor();
    s.open(&uri, &text, 1);
    assert!(s.wait_diagnostics(c, &uri, Some(1), T).is_some());
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": lspc::range(&text, 0, 0, "utf-16"), "text": "Edited. "}]}));
    s.notify("textDocument/willSave", json!({"textDocument": {"uri": uri}, "reason": 1}));
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}, "text": format!("Edited. {text}")}));
    let r = s.request("workspace/symbol", json!({"query": ""}), T);
    assert!(r.is_ok(), "workspace/symbol failed: {r:?}");
    let people = r.unwrap().as_array().map_or(0, Vec::len);
    assert!(people > 0, "the good articles were not indexed");
    // Watched-file events for hazards and for files that do not exist.
    let changes: Vec<_> = ["fifo.txt", "zero.txt", "dangling.txt", "dir.txt", "binary.txt", "gone.txt", "loop-a"]
        .iter()
        .map(|f| json!({"uri": lspc::uri_of(&root.join(f)), "type": 2}))
        .collect();
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": changes}));
    let r = s.request("workspace/symbol", json!({"query": "qu"}), T);
    assert!(r.is_ok(), "server stopped answering after watched-file events on hazards: {r:?}");
    sockets.extend(inet_sockets(pid));
    assert!(s.running(), "server died");
    let st = s.shutdown();
    assert_eq!(st.and_then(|x| x.code()), Some(0), "unclean exit");
    assert!(sockets.is_empty(), "the server opened network sockets: {sockets:?}");
    let after = snapshot(root);
    assert_eq!(before, after, "the server changed the workspace (a write, a new or a removed file)");
    let log = std::fs::read_to_string(stderr.path()).unwrap_or_default();
    assert!(!log.contains("panicked"), "the server panicked while indexing hazards:\n{log}");
}

#[test]
fn files_deleted_and_renamed_while_indexing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let mut g = articles::Generator::new(articles::Options { seed: 3, words: 300, ..Default::default() });
    let mut paths = Vec::new();
    for i in 0..1500 {
        let a = g.article(i);
        let p = root.join(&a.name);
        std::fs::write(&p, a.text).unwrap();
        paths.push(p);
    }
    let mut s = Server::spawn(BIN, &["lsp"], Some(&root), None);
    let c0 = s.cursor();
    s.initialize(Some(&root), &["utf-16"]);
    // Race the indexer: delete a third, rename a third, replace some with binary.
    for (i, p) in paths.iter().enumerate() {
        match i % 3 {
            0 => {
                let _ = std::fs::remove_file(p);
            }
            1 => {
                let _ = std::fs::rename(p, p.with_extension("renamed.txt"));
            }
            _ if i % 10 == 2 => {
                let _ = std::fs::write(p, [0u8, 159, 146, 150]);
            }
            _ => {}
        }
    }
    let end = s.wait_for(c0, T, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "end");
    assert!(end.is_some(), "indexing never finished while files vanished");
    let r = s.request("workspace/symbol", json!({"query": "er"}), T);
    assert!(r.is_ok(), "{r:?}");
    assert!(s.running());
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}

#[test]
fn thousands_of_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for i in 0..5000 {
        let sub = root.join(format!("{:02}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        let body = match i % 4 {
            0 => String::new(),
            1 => "x".into(),
            2 => format!("Mayor Adela Quarrie said {i} homes flooded.\n"),
            _ => "\u{201C}Unclosed\n".into(),
        };
        std::fs::write(sub.join(format!("t{i}.txt")), body).unwrap();
    }
    let t0 = Instant::now();
    let mut s = Server::spawn(BIN, &["lsp"], Some(root), None);
    let c0 = s.cursor();
    s.initialize(Some(root), &["utf-16"]);
    let end = s.wait_for(c0, T, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "end");
    assert!(end.is_some(), "indexing 5,000 tiny files never finished");
    let r = s.request("workspace/symbol", json!({"query": "quarrie"}), T).expect("workspace/symbol");
    assert!(!r.as_array().unwrap().is_empty(), "Adela Quarrie not found in the tiny files");
    let _ = t0;
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}

#[test]
fn check_skips_hazards_and_touches_nothing() {
    let dir = hazardous_workspace();
    let root = dir.path();
    let before = snapshot(root);
    let child = std::process::Command::new(BIN)
        .args(["check", "--format", "json"])
        .arg(root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(T) {
        Ok(o) => o.unwrap(),
        Err(_) => {
            let _ = std::process::Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("byline check hangs on the hazardous workspace");
        }
    };
    let status = out.status;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(status.code(), Some(0..=2)), "byline check exit status {status:?}\n{err}");
    assert!(!err.contains("panicked"), "byline check panicked:\n{err}");
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok(), "--format json is not JSON");
    assert_eq!(before, snapshot(root), "byline check changed the workspace");
}

// ---- defects found by an adversarial run against the release build ------------------------

/// `initialize` (with the capabilities `Server::initialize` sends) for any workspace folders,
/// root URI and initialization options, then `initialized`.
fn initialize_with(s: &mut Server, folders: serde_json::Value, root_uri: serde_json::Value, options: serde_json::Value) {
    let params = json!({
        "processId": std::process::id(),
        "rootUri": root_uri,
        "workspaceFolders": folders,
        "initializationOptions": options,
        "capabilities": {
            "general": {"positionEncodings": ["utf-16"]},
            "workspace": {"symbol": {}, "workspaceFolders": true, "configuration": true,
                          "didChangeWatchedFiles": {"dynamicRegistration": true}},
            "window": {"workDoneProgress": true}
        }
    });
    s.request("initialize", params, T).expect("initialize failed");
    s.notify("initialized", json!({}));
}

/// The names of the people `workspace/symbol` finds for `query`, with their files' URIs.
fn people(s: &Server, query: &str) -> Vec<(String, String)> {
    let r = s.request("workspace/symbol", json!({"query": query}), T).expect("workspace/symbol");
    r.as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap_or_default().to_string(), p["location"]["uri"].as_str().unwrap_or_default().to_string()))
        .collect()
}

/// Wait until every `$/progress` that began has ended, and nothing new began for a second.
fn wait_until_indexed(s: &Server, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    let mut settled_since: Option<Instant> = None;
    while Instant::now() < deadline {
        let (mut begun, mut ended) = (Vec::new(), Vec::new());
        for m in s.incoming().iter().filter(|m| m.method() == Some("$/progress")) {
            let token = m.msg["params"]["token"].to_string();
            match m.msg["params"]["value"]["kind"].as_str() {
                Some("begin") => begun.push(token),
                Some("end") => ended.push(token),
                _ => {}
            }
        }
        if !begun.is_empty() && begun.iter().all(|t| ended.contains(t)) {
            let since = *settled_since.get_or_insert_with(Instant::now);
            if since.elapsed() >= Duration::from_secs(1) {
                return true;
            }
        } else {
            settled_since = None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

const MARSH: &str = "Transport Minister Helena Marsh said the harbour bridge would close in May.\n";
const SOLVANG: &str = "Mayor Ingrid Solvang said the ferry would run all winter.\n";

/// Each watched-file event for a FIFO named like an article used to leave a blocking thread
/// stuck opening it; a few hundred of them exhausted tokio's blocking pool, and documents opened
/// after that never got diagnostics.
#[test]
fn watched_events_for_a_fifo_never_tie_up_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), SOLVANG).unwrap();
    mkfifo(&root.join("x.txt"));
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(root), Some(stderr.reopen().unwrap()));
    s.initialize(Some(root), &["utf-16"]);
    assert!(wait_until_indexed(&s, T), "indexing never finished");
    let fifo = lspc::uri_of(&root.join("x.txt"));
    // More events than tokio has blocking threads (512).
    for _ in 0..7 {
        let changes: Vec<_> = (0..100).map(|i| json!({"uri": fifo, "type": if i % 2 == 0 { 2 } else { 1 }})).collect();
        s.notify("workspace/didChangeWatchedFiles", json!({"changes": changes}));
    }
    let uri = lspc::uri_of(&root.join("new.txt"));
    let c = s.cursor();
    s.open(&uri, "It is feared that the dam will fail.\n", 1);
    let diags = s.wait_diagnostics(c, &uri, Some(1), Duration::from_secs(20));
    assert!(diags.is_some(), "no diagnostics for a document opened after FIFO events: the blocking pool is stuck");
    let t = Instant::now();
    assert!(!people(&s, "solvang").is_empty());
    assert!(t.elapsed() < Duration::from_secs(4), "workspace/symbol waited {:?}", t.elapsed());
    // The report comes from a read on the blocking pool, which a loaded machine may run after
    // the queries above: wait for it (a shutdown first would drop it) before asserting.
    let reported = || std::fs::read_to_string(stderr.path()).unwrap_or_default().contains("not a regular file (a FIFO)");
    let t = Instant::now();
    while !reported() && t.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
    let log = std::fs::read_to_string(stderr.path()).unwrap_or_default();
    assert!(log.contains("not a regular file (a FIFO)"), "the FIFO was not reported:\n{log}");
}

/// Files swapped for FIFOs after the walk listed them used to stop indexing from ever ending.
#[test]
fn files_swapped_for_fifos_while_indexing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let mut g = articles::Generator::new(articles::Options { seed: 5, words: 300, ..Default::default() });
    let mut paths = Vec::new();
    for i in 0..1500 {
        let a = g.article(i);
        let p = root.join(format!("a{i:04}.txt"));
        std::fs::write(&p, a.text).unwrap();
        paths.push(p);
    }
    let mut s = Server::spawn(BIN, &["lsp"], Some(&root), None);
    let c0 = s.cursor();
    s.initialize(Some(&root), &["utf-16"]);
    // From the back, since the walk's reading goes front to back.
    for p in paths.iter().rev().step_by(2) {
        let _ = std::fs::remove_file(p);
        mkfifo(p);
    }
    let end = s.wait_for(c0, T, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "end");
    assert!(end.is_some(), "indexing never finished after files were swapped for FIFOs");
    let t = Instant::now();
    let r = s.request("workspace/symbol", json!({"query": "er"}), T);
    assert!(r.is_ok(), "{r:?}");
    assert!(t.elapsed() < Duration::from_secs(4), "workspace/symbol waited {:?}", t.elapsed());
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}

/// A link named like an article to /dev/zero or /dev/urandom used to be read until memory ran
/// out; now only regular files are read, and at most `files.maxFileSize` bytes of them.
#[test]
fn endless_and_oversized_files_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", root.join("urandom.md")).unwrap();
    std::fs::write(root.join("small.txt"), SOLVANG).unwrap();
    // 300 KB: over the 100 KB limit set below.
    std::fs::write(root.join("big.txt"), format!("{MARSH}{}", "The ferry ran late. ".repeat(15_000))).unwrap();
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(root), Some(stderr.reopen().unwrap()));
    let c0 = s.cursor();
    initialize_with(
        &mut s,
        json!([{"uri": lspc::uri_of(root), "name": "ws"}]),
        json!(lspc::uri_of(root)),
        json!({"files": {"maxFileSize": 100_000}}),
    );
    assert!(wait_until_indexed(&s, T), "indexing never finished");
    assert!(!people(&s, "solvang").is_empty(), "the small article was not indexed");
    assert!(people(&s, "marsh").is_empty(), "an article over files.maxFileSize was indexed");
    let warned = s.wait_for(c0, Duration::from_secs(5), |m| {
        m.method() == Some("window/logMessage")
            && m.msg["params"]["message"].as_str().is_some_and(|t| t.contains("big.txt") && t.contains("maximum article size"))
    });
    assert!(warned.is_some(), "no warning naming the oversized file");
    // Watched-file events for the endless links, as an editor sends when they are touched.
    // (`uri_of` would resolve the links: the URIs name the links themselves.)
    let changes: Vec<_> =
        ["zero.txt", "urandom.md"].iter().map(|f| json!({"uri": format!("{}/{f}", lspc::uri_of(root)), "type": 2})).collect();
    for _ in 0..4 {
        s.notify("workspace/didChangeWatchedFiles", json!({"changes": changes.clone()}));
    }
    std::thread::sleep(Duration::from_secs(2));
    assert!(!people(&s, "solvang").is_empty());
    assert!(s.running(), "server died");
    let peak = s.peak_rss_mb().unwrap_or(0.0);
    assert!(peak < 200.0, "the server grew to {peak:.0} MB reading endless files");
    // Raising the limit brings the big article in.
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"files": {"maxFileSize": "1M"}}}}));
    assert!(wait_until_indexed(&s, T));
    assert!(!people(&s, "marsh").is_empty(), "raising files.maxFileSize did not index the article");
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
    let log = std::fs::read_to_string(stderr.path()).unwrap_or_default();
    assert!(log.contains("zero.txt: not a regular file (a character device)"), "{log}");
}

#[test]
fn check_refuses_devices_and_oversized_files_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for dev in ["/dev/zero", "/dev/urandom"] {
        let t = Instant::now();
        let out = std::process::Command::new(BIN).args(["check", dev]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(t.elapsed() < Duration::from_secs(5), "byline check {dev} took {:?}", t.elapsed());
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(&format!("skipping {dev}: not a regular file (a character device)")), "{err}");
    }
    std::fs::write(root.join("small.txt"), SOLVANG).unwrap();
    std::fs::write(root.join("big.txt"), "It is feared that the dam will fail. ".repeat(100)).unwrap();
    let out = std::process::Command::new(BIN)
        .args(["check", "--max-file-size", "1K", "--format", "json", "."])
        .current_dir(root)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err.lines().filter(|l| l.contains("big.txt")).count(), 1, "{err}");
    assert!(err.contains("warning: skipping big.txt: larger than the maximum article size (1024 bytes)"), "{err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files_checked"], 1);
    assert_eq!(report["skipped"][0]["path"], "big.txt");
    // Within the default limit it is checked.
    let out = std::process::Command::new(BIN).args(["check", "big.txt"]).current_dir(root).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let out = std::process::Command::new(BIN).args(["check", "--max-file-size", "lots", "."]).current_dir(root).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A workspace of many articles in `drafts/` (Helena Marsh) and a few in `keep/` (Ingrid
/// Solvang), each folder big enough that the first walk is still running when the test acts.
fn drafts_and_keep(root: &Path) {
    let mut g = articles::Generator::new(articles::Options { seed: 9, words: 600, ..Default::default() });
    for (folder, n, person) in [("drafts", 2500, MARSH), ("keep", 20, SOLVANG)] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
        for i in 0..n {
            std::fs::write(root.join(folder).join(format!("{i:04}.txt")), format!("{person}\n{}", g.article(i).text)).unwrap();
        }
    }
}

/// `files.exclude` changed while the first walk still ran: the excluded files used to come
/// back (the old walk's late results were folded in after the new settings dropped them).
#[test]
fn files_excluded_during_the_first_walk_stay_out() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    drafts_and_keep(root);
    let mut s = Server::spawn(BIN, &["lsp"], Some(root), None);
    let c0 = s.cursor();
    s.initialize(Some(root), &["utf-16"]);
    let begun = s.wait_for(c0, T, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "begin");
    assert!(begun.is_some(), "indexing never began");
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"files": {"exclude": ["drafts/**"]}}}}));
    assert!(wait_until_indexed(&s, T), "indexing never finished");
    let marsh = people(&s, "marsh");
    assert!(marsh.is_empty(), "excluded files are still indexed: {marsh:?}");
    assert!(!people(&s, "solvang").is_empty(), "the files that are not excluded were dropped");
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}

/// The same with a workspace folder removed while the first walk still ran.
#[test]
fn a_folder_removed_during_the_first_walk_leaves_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    drafts_and_keep(root);
    let (drafts, keep) = (lspc::uri_of(&root.join("drafts")), lspc::uri_of(&root.join("keep")));
    let mut s = Server::spawn(BIN, &["lsp"], Some(root), None);
    let c0 = s.cursor();
    initialize_with(&mut s, json!([{"uri": drafts, "name": "drafts"}, {"uri": keep, "name": "keep"}]), json!(drafts), json!(null));
    let begun = s.wait_for(c0, T, |m| m.method() == Some("$/progress") && m.msg["params"]["value"]["kind"] == "begin");
    assert!(begun.is_some(), "indexing never began");
    s.notify("workspace/didChangeWorkspaceFolders", json!({"event": {"added": [], "removed": [{"uri": drafts, "name": "drafts"}]}}));
    assert!(wait_until_indexed(&s, T), "indexing never finished");
    let marsh = people(&s, "marsh");
    assert!(marsh.is_empty(), "files of the removed folder are still indexed: {marsh:?}");
    assert!(!people(&s, "solvang").is_empty(), "the remaining folder was not indexed");
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}

/// A workspace folder that is not a `file:` URI used to be walked as the local folder with the
/// same path; its documents are now known only from what the client sends.
#[test]
fn folders_and_documents_that_are_not_file_uris_are_never_read_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("a.txt"), MARSH).unwrap();
    let path = lspc::uri_of(&root).trim_start_matches("file://").to_string();
    for scheme in ["vscode-vfs://github", "http://host"] {
        let folder = format!("{scheme}{path}");
        let stderr = tempfile::NamedTempFile::new().unwrap();
        let mut s = Server::spawn(BIN, &["lsp"], Some(&root), Some(stderr.reopen().unwrap()));
        initialize_with(&mut s, json!([{"uri": folder, "name": "remote"}]), json!(folder), json!(null));
        std::thread::sleep(Duration::from_millis(500));
        assert!(people(&s, "").is_empty(), "{folder} was indexed from the local disk");
        // A document of that folder: analysed from the client's text, forgotten when closed
        // (the local file of the same path is not read).
        let uri = format!("{folder}/a.txt");
        let c = s.cursor();
        s.open(&uri, &format!("{SOLVANG}It is feared that the dam will fail.\n"), 1);
        let d = s.wait_diagnostics(c, &uri, Some(1), T).expect("no diagnostics for a non-file document");
        assert!(!d.1.msg["params"]["diagnostics"].as_array().unwrap().is_empty());
        assert_eq!(people(&s, "").iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["Ingrid Solvang"]);
        s.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
        let gone = (0..50).any(|_| {
            std::thread::sleep(Duration::from_millis(100));
            people(&s, "").is_empty()
        });
        assert!(gone, "after didClose: {:?}", people(&s, ""));
        s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri, "type": 1}]}));
        std::thread::sleep(Duration::from_millis(300));
        assert!(people(&s, "").is_empty(), "a watched-file event for {uri} read the local file");
        assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
        let log = std::fs::read_to_string(stderr.path()).unwrap_or_default();
        assert!(log.contains(&format!("workspace folder {folder} is not a local file: URI")), "{log}");
    }
}

/// A file name that is not UTF-8 used to get a URI with U+FFFD in it, naming no file: its
/// references pointed nowhere and its deletion was never recognised.
#[test]
fn file_names_that_are_not_utf8_round_trip_through_uris() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let file = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9 \xff.txt"));
    std::fs::write(&file, SOLVANG).unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(&root), None);
    s.initialize(Some(&root), &["utf-16"]);
    assert!(wait_until_indexed(&s, T), "indexing never finished");
    let expected = format!("{}/caf%E9%20%FF.txt", lspc::uri_of(&root));
    let found = people(&s, "solvang");
    assert_eq!(found.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(), [expected.as_str()], "{found:?}");
    // The same file by that URI: an edit on disk, then its deletion.
    std::fs::write(&file, MARSH).unwrap();
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": expected, "type": 2}]}));
    let swapped = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        people(&s, "solvang").is_empty() && !people(&s, "marsh").is_empty()
    });
    assert!(swapped, "the change to the file was not read: {:?}", people(&s, ""));
    std::fs::remove_file(&file).unwrap();
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": expected, "type": 3}]}));
    let gone = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        people(&s, "").is_empty()
    });
    assert!(gone, "the deleted file is still indexed: {:?}", people(&s, ""));
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}

/// A storm of watched-file events for one large article used to start one read (and analysis)
/// per event, all at once, on tokio's blocking threads; now at most one read per file runs, and
/// the events that came meanwhile cost one more.
#[test]
fn a_storm_of_events_for_one_large_file_reads_it_at_most_twice_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut g = articles::Generator::new(articles::Options { seed: 11, words: 600, ..Default::default() });
    let mut big = String::from(SOLVANG);
    let mut i = 0;
    while big.len() < 1 << 20 {
        big.push_str(&g.article(i).text);
        i += 1;
    }
    std::fs::write(root.join("big.txt"), &big).unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(root), None);
    s.initialize(Some(root), &["utf-16"]);
    assert!(wait_until_indexed(&s, T), "indexing never finished");
    let rss_before = s.rss_mb().unwrap_or(0.0);
    let uri = lspc::uri_of(&root.join("big.txt"));
    for _ in 0..6 {
        let changes: Vec<_> = (0..100).map(|_| json!({"uri": uri, "type": 2})).collect();
        s.notify("workspace/didChangeWatchedFiles", json!({"changes": changes}));
    }
    // The last version on disk is the one indexed.
    std::fs::write(root.join("big.txt"), format!("{MARSH}{big}")).unwrap();
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri, "type": 2}]}));
    let opened = lspc::uri_of(&root.join("new.txt"));
    let c = s.cursor();
    s.open(&opened, "It is feared that the dam will fail.\n", 1);
    assert!(s.wait_diagnostics(c, &opened, Some(1), Duration::from_secs(30)).is_some(), "no diagnostics during the storm");
    let read = (0..300).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        !people(&s, "helena marsh").is_empty()
    });
    assert!(read, "the last change to the file was not read");
    let peak = s.peak_rss_mb().unwrap_or(0.0);
    assert!(peak < rss_before + 250.0, "the server grew from {rss_before:.0} MB to {peak:.0} MB re-reading one file");
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}
