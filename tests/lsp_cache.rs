//! The persistent index cache through the real server, on invented articles: a reopened
//! workspace answers the same from the cache (and leaves it as it was: nothing was analysed),
//! an article changed on disk is analysed again, a damaged cache is rebuilt, and
//! `cache.enable: false` writes nothing.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Lsp, position, uri_of, write_file as write};
use serde_json::{Value, json};

const HARBOUR: &str = "Ferry delays\n\n\
Harbour master Amara Okonkwo-Velde said on Monday that the ferries would run late all week.\n\
“Nobody told us,” said Jorge Brandvold, a deckhand.\n\
Okonkwo-Velde later apologised.\n";

const COUNCIL: &str = "Council vote\n\n\
Councillor Ines MacAllister voted against the budget.\n\
Amara Okonkwo-Velde, the harbour master, said the port needed the money.\n";

struct Reopened {
    root: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Reopened {
    fn new() -> Reopened {
        let root = tempfile::tempdir().unwrap();
        write(root.path(), "harbour.txt", HARBOUR);
        write(root.path(), "council.md", COUNCIL);
        Reopened { root, cache: tempfile::tempdir().unwrap() }
    }

    fn start(&self, options: Value) -> Lsp {
        let mut lsp = Lsp::start_with_env(self.root.path(), &[("BYLINE_CACHE_DIR", self.cache.path().to_str().unwrap())]);
        lsp.initialize(self.root.path(), &["utf-16"], options);
        lsp
    }

    /// The cache files, not a writer's temporary file (`.tmp-index-…`, renamed over the cache
    /// when complete: it starts with the same magic while it is being written).
    fn cache_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.cache.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(".tmp-index-")))
            .collect();
        files.sort();
        files
    }

    /// The one cache file, once written (the server saves it after the walk, on its own thread).
    fn wait_for_cache_file(&self) -> PathBuf {
        eventually("the cache file", || match self.cache_files().as_slice() {
            [one] if std::fs::read(one).is_ok_and(|b| b.starts_with(b"BYLINEIX")) => Some(one.clone()),
            _ => None,
        })
    }
}

fn eventually<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(t) = f() {
            return t;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every person the workspace knows, with the files they are in: what the walk indexed.
fn people(lsp: &mut Lsp) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = lsp
        .request("workspace/symbol", json!({"query": ""}))
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_string(), s["location"]["uri"].as_str().unwrap().to_string()))
        .collect();
    all.sort();
    all
}

/// The references of Amara Okonkwo-Velde, from her first mention in harbour.txt.
fn references(lsp: &mut Lsp, root: &Path) -> Vec<Value> {
    let uri = uri_of(&root.join("harbour.txt"));
    let at = position(HARBOUR, HARBOUR.find("Okonkwo").unwrap(), "utf-16");
    let params = json!({"textDocument": {"uri": uri}, "position": at, "context": {"includeDeclaration": true}});
    let mut refs = lsp.request("textDocument/references", params).as_array().unwrap().clone();
    refs.sort_by_key(|r| r.to_string());
    refs
}

fn wait_for_walk(lsp: &mut Lsp) -> Vec<(String, String)> {
    eventually("the walk", || {
        let p = people(lsp);
        p.iter().any(|(n, _)| n == "Ines MacAllister").then_some(p)
    })
}

#[test]
fn a_reopened_workspace_answers_the_same_from_the_cache() {
    let ws = Reopened::new();
    let mut lsp = ws.start(Value::Null);
    let first_people = wait_for_walk(&mut lsp);
    let first_refs = references(&mut lsp, ws.root.path());
    assert_eq!(first_refs.len(), 3, "{first_refs:?}");
    let file = ws.wait_for_cache_file();
    let written = std::fs::read(&file).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    assert!(lsp.shutdown().success());

    let mut lsp = ws.start(Value::Null);
    assert_eq!(wait_for_walk(&mut lsp), first_people);
    assert_eq!(references(&mut lsp, ws.root.path()), first_refs);
    // Every article came from the cache: had one been analysed, the cache would be rewritten.
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(ws.cache_files(), std::slice::from_ref(&file));
    assert_eq!(std::fs::read(&file).unwrap(), written);
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), modified);
    assert!(lsp.shutdown().success());
}

#[test]
fn an_article_changed_while_the_server_was_away_is_analysed_again() {
    let ws = Reopened::new();
    let mut lsp = ws.start(Value::Null);
    wait_for_walk(&mut lsp);
    let file = ws.wait_for_cache_file();
    let before = std::fs::read(&file).unwrap();
    assert!(lsp.shutdown().success());

    write(ws.root.path(), "council.md", COUNCIL.replace("Ines MacAllister", "Ines MacAllister and Yelena Sorokina-Berg"));
    let mut lsp = ws.start(Value::Null);
    let people = wait_for_walk(&mut lsp);
    assert!(people.iter().any(|(n, _)| n == "Yelena Sorokina-Berg"), "{people:?}");
    eventually("the cache rewritten", || (std::fs::read(&file).ok()? != before).then_some(()));
    assert!(lsp.shutdown().success());
}

#[test]
fn a_damaged_cache_is_rebuilt_and_never_trusted() {
    let ws = Reopened::new();
    let mut lsp = ws.start(Value::Null);
    let first_people = wait_for_walk(&mut lsp);
    let first_refs = references(&mut lsp, ws.root.path());
    let file = ws.wait_for_cache_file();
    let good = std::fs::read(&file).unwrap();
    assert!(lsp.shutdown().success());

    for damaged in [good[..good.len() / 2].to_vec(), b"not a cache".to_vec(), {
        let mut b = good.clone();
        let mid = b.len() / 2;
        b[mid] ^= 0x55;
        b
    }] {
        std::fs::write(&file, &damaged).unwrap();
        let mut lsp = ws.start(Value::Null);
        assert_eq!(wait_for_walk(&mut lsp), first_people);
        assert_eq!(references(&mut lsp, ws.root.path()), first_refs);
        eventually("the cache rebuilt", || (std::fs::read(&file).ok()? == good).then_some(()));
        assert!(lsp.shutdown().success());
    }
}

#[test]
fn the_cache_can_be_turned_off() {
    let ws = Reopened::new();
    let mut lsp = ws.start(json!({"cache": {"enable": false}}));
    wait_for_walk(&mut lsp);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(ws.cache_files(), Vec::<PathBuf>::new());
    assert!(lsp.shutdown().success());
}
