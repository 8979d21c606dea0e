//! Property: a random sequence of incremental edits, sent to the real server over stdio in a
//! burst, leaves it with exactly the document a fresh `didOpen` of the final text gives —
//! the same diagnostics and the same document symbols — in UTF-16 and in UTF-8.
//!
//! Edits land on character boundaries of the client's text (an editor cannot address the
//! middle of a character); they insert and delete curly quotes, emoji, Cyrillic, accents,
//! CRLF and lone CR line breaks, reporting verbs and names. A modest number of cases keeps
//! this fast; `cargo test` runs 24 per encoding.

#[allow(dead_code, clippy::all)]
#[path = "../crates/byline-bench/src/articles.rs"]
mod articles;
#[allow(dead_code, clippy::all)]
#[path = "../crates/byline-bench/src/lspc.rs"]
mod lspc;

use std::time::Duration;

use lspc::Server;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_byline");
const T: Duration = Duration::from_secs(30);

const PIECES: &[&str] = &[
    "a",
    "e",
    " ",
    ".",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'",
    "\u{2019}",
    "é",
    "Путин",
    "🎉",
    "👩\u{200D}👩\u{200D}👧",
    "said",
    " said ",
    "Mr ",
    "Ms Quarrie",
    "Adela Quarrie",
    "critics say",
    "reportedly",
    "4,000",
    " homes were flooded",
    "\u{201C}We will go on,\u{201D} she said. ",
    "# ",
    "```\n",
];

#[derive(Clone, Debug)]
struct Edit {
    /// Where, as a fraction of the text in 1/10000 (mapped to a char boundary).
    at: u32,
    /// How many chars to delete.
    del: usize,
    /// What to insert.
    ins: String,
    /// Send together with the previous edit in one didChange.
    batch: bool,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    (
        0u32..10_000,
        prop_oneof![3 => Just(0usize), 2 => 0usize..4, 1 => 0usize..200],
        proptest::collection::vec(proptest::sample::select(PIECES), 0..4),
        proptest::bool::weighted(0.2),
    )
        .prop_map(|(at, del, ins, batch)| Edit { at, del, ins: ins.concat(), batch })
}

fn char_boundary_at(text: &str, frac: u32) -> usize {
    let mut b = (text.len() as u64 * frac as u64 / 10_000) as usize;
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Diagnostics as comparable keys.
/// The diagnostics that depend on the document alone. The cross-file diagnostics
/// (`name-spelling`, `quote-mismatch`, `quote-speaker-mismatch`) are left out: they depend on the
/// other documents too (here the edited copy and the fresh one count each other's spellings and
/// compare each other's quotations, and whichever is analysed first sees the other's previous
/// version until it is published again), so they are not a property of incremental edits.
fn diag_keys(params: &Value) -> Vec<String> {
    let mut v: Vec<String> = params["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|d| !["name-spelling", "quote-mismatch", "quote-speaker-mismatch"].contains(&d["code"].as_str().unwrap_or("")))
                .map(lspc::diag_key)
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

struct Harness {
    server: Server,
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    n: usize,
}

impl Harness {
    fn new(encoding: &str) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let mut server = Server::spawn(BIN, &["lsp"], Some(&root), None);
        server.initialize(Some(&root), &[encoding]);
        assert_eq!(server.encoding, encoding, "the server did not negotiate {encoding}");
        Harness { server, _dir: dir, root, n: 0 }
    }

    /// Open `initial`, apply `edits` incrementally in a burst; open the final text fresh;
    /// compare.
    fn check(&mut self, seed: u64, markdown: bool, edits: &[Edit]) -> Result<(), TestCaseError> {
        self.n += 1;
        let ext = if markdown { "md" } else { "txt" };
        let edited = lspc::uri_of(&self.root.join(format!("edited-{}.{ext}", self.n)));
        let fresh = lspc::uri_of(&self.root.join(format!("fresh-{}.{ext}", self.n)));
        let mut text = articles::long_article(seed, 120);
        let s = &self.server;
        let enc = s.encoding.clone();
        s.open(&edited, &text, 1);
        let mut version = 1;
        let mut pending: Vec<Value> = Vec::new();
        let flush = |version: &mut i64, pending: &mut Vec<Value>| {
            if pending.is_empty() {
                return;
            }
            *version += 1;
            s.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": edited, "version": *version}, "contentChanges": std::mem::take(pending)}),
            );
        };
        for e in edits {
            if !e.batch {
                flush(&mut version, &mut pending);
            }
            let start = char_boundary_at(&text, e.at);
            let end = text[start..].char_indices().nth(e.del).map_or(text.len(), |(i, _)| start + i);
            // Never split a CRLF: no LSP position addresses its middle.
            let bad = |b: usize| b > 0 && b < text.len() && text.as_bytes()[b - 1] == b'\r' && text.as_bytes()[b] == b'\n';
            if bad(start) || bad(end) {
                continue;
            }
            pending.push(json!({"range": lspc::range(&text, start, end, &enc), "text": e.ins}));
            text.replace_range(start..end, &e.ins);
        }
        flush(&mut version, &mut pending);
        let c = s.cursor();
        s.open(&fresh, &text, 1);
        let got = s.wait_diagnostics(0, &edited, Some(version), T);
        prop_assert!(got.is_some(), "no diagnostics for the final version {version}");
        let want = s.wait_diagnostics(c, &fresh, Some(1), T);
        prop_assert!(want.is_some(), "no diagnostics after the fresh open");
        // Nothing for an older version may follow the final one.
        std::thread::sleep(Duration::from_millis(50));
        let last = s.last_diagnostics(&edited).unwrap();
        prop_assert_eq!(last["version"].as_i64(), Some(version), "a stale publish came after the final version");
        prop_assert_eq!(
            diag_keys(&last),
            diag_keys(&want.unwrap().1.msg["params"]),
            "edited and fresh documents disagree; final text: {:?}",
            text
        );
        let sym = |uri: &str| s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}), T);
        let (a, b) = (sym(&edited), sym(&fresh));
        prop_assert!(a.is_ok() && b.is_ok(), "documentSymbol failed");
        prop_assert_eq!(a.unwrap().to_string(), b.unwrap().to_string(), "documentSymbol differs; final text: {:?}", text);
        s.notify("textDocument/didClose", json!({"textDocument": {"uri": edited}}));
        s.notify("textDocument/didClose", json!({"textDocument": {"uri": fresh}}));
        Ok(())
    }
}

fn run(encoding: &str) {
    let h = std::cell::RefCell::new(Harness::new(encoding));
    let mut runner = TestRunner::new(Config { cases: 24, max_shrink_iters: 64, failure_persistence: None, ..Config::default() });
    let strat = (0u64..1000, any::<bool>(), proptest::collection::vec(edit_strategy(), 1..40));
    let result = runner.run(&strat, |(seed, md, edits)| h.borrow_mut().check(seed, md, &edits));
    if let Err(e) = result {
        panic!("{e}");
    }
    let mut h = h.into_inner();
    assert!(h.server.running());
    h.server.shutdown();
}

#[test]
fn incremental_edits_equal_a_fresh_open_utf16() {
    run("utf-16");
}

#[test]
fn incremental_edits_equal_a_fresh_open_utf8() {
    run("utf-8");
}
