//! Workspace hazards for the real server (and `byline check`): invalid UTF-8, binary files,
//! files deleted while indexing, symlink loops, dangling links, a FIFO named like an article,
//! a directory named `x.txt`, unreadable files, thousands of tiny files. They are skipped (and
//! logged), never a crash or a hang. Also: byline never writes to the workspace and never
//! opens a network socket.
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
                std::fs::read(&p).map(|b| b.iter().fold(0xcbf29ce484222325u64, |h, &x| (h ^ x as u64).wrapping_mul(0x100000001b3))).unwrap_or(0)
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
    let good = std::fs::read_dir(root.join("good")).unwrap().flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "txt")).unwrap();
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
