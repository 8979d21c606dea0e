//! An edit storm over the real server: 3,000 incremental didChange notifications in one burst,
//! interleaved with hover, references, documentSymbol, workspace/symbol and unknown requests.
//! Every request is answered; diagnostics never go back to an older version; the last
//! diagnostics are for the final version and equal those of a fresh open of the final text.
//! The server process holds no network socket meanwhile.

#[allow(dead_code, clippy::all)]
#[path = "../crates/byline-bench/src/articles.rs"]
mod articles;
#[allow(dead_code, clippy::all)]
#[path = "../crates/byline-bench/src/lspc.rs"]
mod lspc;

use std::time::Duration;

use lspc::Server;
use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_byline");
const T: Duration = Duration::from_secs(60);

#[test]
fn an_edit_storm_with_interleaved_requests() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Server::spawn(BIN, &["lsp"], Some(dir.path()), None);
    s.initialize(Some(dir.path()), &["utf-16"]);
    let uri = lspc::uri_of(&dir.path().join("storm.txt"));
    let mut text = articles::long_article(5, 800);
    s.open(&uri, &text, 1);
    let mut r = articles::Rng::new(77);
    let mut ids = Vec::new();
    let mut version = 1;
    for k in 0..3000 {
        let mut at = r.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let del = if r.chance(0.3) && at < text.len() { text[at..].chars().next().unwrap().len_utf8() } else { 0 };
        let ins = *r.pick(&["x", " ", "\u{201C}", "\u{201D}", ".", "é", "🎉", "said ", "\n", ""][..]);
        let range = lspc::range(&text, at, at + del, "utf-16");
        text.replace_range(at..at + del, ins);
        version += 1;
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": ins}]}),
        );
        if k % 25 == 0 {
            let mut q = r.below(text.len() / 2);
            while !text.is_char_boundary(q) {
                q -= 1;
            }
            let p = lspc::position(&text, q, "utf-16");
            let id = match (k / 25) % 5 {
                0 => s.request_async("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": p})),
                1 => s.request_async(
                    "textDocument/references",
                    json!({"textDocument": {"uri": uri}, "position": p, "context": {"includeDeclaration": true}}),
                ),
                2 => s.request_async("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})),
                3 => s.request_async("workspace/symbol", json!({"query": "er"})),
                _ => s.request_async("byline/noSuchMethod", json!({})),
            };
            ids.push(id);
        }
    }
    let pid = s.pid();
    let got = s.wait_diagnostics(0, &uri, Some(version), T);
    assert!(got.is_some(), "no diagnostics for the final version {version}");
    for id in &ids {
        assert!(s.wait_response(*id, T).is_some(), "request {id} sent during the storm was never answered");
    }
    std::thread::sleep(Duration::from_millis(300));
    // Versions of published diagnostics never go backwards, and the last one is final.
    let versions: Vec<i64> = s
        .incoming()
        .iter()
        .filter(|m| m.method() == Some("textDocument/publishDiagnostics") && m.msg["params"]["uri"] == uri)
        .filter_map(|m| m.msg["params"]["version"].as_i64())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "diagnostics went back to an older version: {versions:?}");
    assert_eq!(versions.last(), Some(&version));
    // The final diagnostics equal a fresh open of the final text.
    let fresh = lspc::uri_of(&dir.path().join("fresh.txt"));
    let c = s.cursor();
    s.open(&fresh, &text, 1);
    let want = s.wait_diagnostics(c, &fresh, Some(1), T).expect("fresh diagnostics");
    let keys = |p: &serde_json::Value| {
        let mut v: Vec<String> = p["diagnostics"].as_array().unwrap().iter().map(lspc::diag_key).collect();
        v.sort();
        v
    };
    assert_eq!(keys(&s.last_diagnostics(&uri).unwrap()), keys(&want.1.msg["params"]));
    // No TCP/UDP sockets: every socket fd of the process must be absent from /proc/net/{tcp,udp}*.
    let fds: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_link(e.path()).ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for f in ["tcp", "tcp6", "udp", "udp6"] {
        let table = std::fs::read_to_string(format!("/proc/{pid}/net/{f}")).unwrap_or_default();
        for fd in fds.iter().filter_map(|t| t.strip_prefix("socket:[").and_then(|x| x.strip_suffix(']'))) {
            assert!(!table.lines().skip(1).any(|l| l.split_whitespace().nth(9) == Some(fd)), "inet socket {fd} in /proc/net/{f}");
        }
    }
    assert_eq!(s.shutdown().and_then(|x| x.code()), Some(0));
}
