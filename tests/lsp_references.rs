//! Find-references over real JSON-RPC on a workspace with more locations than one batch of
//! partial results: the same locations with and without a `partialResultToken` (every
//! mention in every file, open or not, in both position encodings), partial results before
//! the response, an empty response after partial results, and exactly one response per id.

mod common;

use std::time::Duration;

use common::{Lsp, offset_any, position_any, uri_of};
use serde_json::{Value, json};

/// Files on disk; the first `OPEN` are also opened (the first of them with an edited text).
const FILES: usize = 48;
const OPEN: usize = 4;

/// An article with `n` paragraphs mentioning Helena Marsh (3 mentions each), with non-ASCII
/// text before the names on the same line and `br` as its line break.
fn article(i: usize, n: usize, br: &str) -> String {
    let mut t = format!("Bridge report {i} — “Zürich” 🎉{br}{br}");
    for p in 0..n {
        t.push_str(&format!(
            "Café “plan” 🎉 {p}: Transport Minister Helena Marsh said on Thursday that the bridge would close in May.{br}\
             “We cannot wait any longer,” Ms Marsh told reporters.{br}\
             Marsh’s office declined to give a cost.{br}{br}"
        ));
    }
    t
}

fn line_break(i: usize) -> &'static str {
    ["\n", "\r\n", "\r"][i % 3]
}

struct Ws {
    _dir: tempfile::TempDir,
    lsp: Lsp,
    /// (uri, the text the server should see) for every file.
    texts: Vec<(String, String)>,
    query_uri: String,
    query_pos: Value,
}

fn workspace(enc: &str) -> Ws {
    let dir = tempfile::tempdir().unwrap();
    let mut texts = Vec::new();
    for i in 0..FILES {
        let text = article(i, 10 + i % 7, line_break(i));
        let path = dir.path().join(format!("d{}/article-{i:03}.txt", i % 4));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        texts.push((uri_of(&path), text));
    }
    let mut lsp = Lsp::start(dir.path());
    lsp.initialize(dir.path(), &[enc], Value::Null);
    // The first open document differs from its file on disk.
    texts[0].1 = article(0, 25, "\n");
    for (i, (uri, text)) in texts.iter().take(OPEN).enumerate() {
        lsp.open(uri, 1, text);
        if i == OPEN - 1 {
            lsp.diagnostics_at(uri, 1);
        }
    }
    let (query_uri, text) = texts[1].clone();
    let query_pos = position_any(&text, text.find("Marsh").unwrap() + 1, enc);
    Ws { _dir: dir, lsp, texts, query_uri, query_pos }
}

fn params(ws: &Ws, token: Option<Value>) -> Value {
    let mut p = json!({
        "textDocument": {"uri": ws.query_uri},
        "position": ws.query_pos,
        "context": {"includeDeclaration": true},
    });
    if let Some(t) = token {
        p["partialResultToken"] = t;
    }
    p
}

/// Locations as sortable (uri, start line, start character, end line, end character).
fn keyed(locs: &[Value]) -> Vec<(String, u64, u64, u64, u64)> {
    let mut k: Vec<_> = locs
        .iter()
        .map(|l| {
            let r = &l["range"];
            let n = |v: &Value| v.as_u64().unwrap();
            (
                l["uri"].as_str().unwrap().to_string(),
                n(&r["start"]["line"]),
                n(&r["start"]["character"]),
                n(&r["end"]["line"]),
                n(&r["end"]["character"]),
            )
        })
        .collect();
    k.sort();
    k
}

/// Every location names a mention ending in "Marsh", and every "Marsh" in every file (with
/// the text the server has: the open text for open documents) is covered exactly once.
fn check_every_mention(ws: &Ws, locs: &[Value], enc: &str) {
    let mut ends: Vec<(String, usize)> = Vec::new();
    for l in locs {
        let uri = l["uri"].as_str().unwrap();
        let (_, text) = ws.texts.iter().find(|(u, _)| u == uri).unwrap_or_else(|| panic!("unknown file {uri}"));
        let s = offset_any(text, &l["range"]["start"], enc);
        let e = offset_any(text, &l["range"]["end"], enc);
        let named = &text[s..e];
        assert!(named == "Marsh" || named == "Helena Marsh", "{enc}: {l} names {named:?}");
        ends.push((uri.to_string(), e - "Marsh".len()));
    }
    ends.sort();
    let mut want: Vec<(String, usize)> =
        ws.texts.iter().flat_map(|(u, t)| t.match_indices("Marsh").map(move |(at, _)| (u.clone(), at))).collect();
    want.sort();
    assert_eq!(ends.len(), want.len(), "{enc}: locations vs mentions in the text");
    assert_eq!(ends, want, "{enc}");
}

#[test]
fn references_with_and_without_partial_results_agree_and_partials_come_first() {
    for (enc, token) in [("utf-16", json!("refs-partial")), ("utf-8", json!(7))] {
        let mut ws = workspace(enc);
        // Without a token: one whole response (a string id, echoed exactly), and only one.
        let id = json!("refs-α\"1");
        let before_whole = ws.lsp.notifications.len();
        ws.lsp.send(&json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/references", "params": params(&ws, None)}));
        let whole = ws.lsp.response(id.clone());
        assert!(whole.get("error").is_none(), "{whole}");
        let whole = whole["result"].as_array().unwrap().clone();
        let later = ws.lsp.drain(Duration::from_millis(300));
        assert!(!later.iter().any(|m| m.get("id") == Some(&id)), "{enc}: a second response to the same id");
        let has_locations = |n: &Value| n["method"] == "$/progress" && n["params"]["value"].is_array();
        assert!(!ws.lsp.notifications[before_whole..].iter().any(has_locations), "{enc}: partial results without a token");
        let expected_total: usize = ws.texts.iter().map(|(_, t)| t.matches("Marsh").count()).sum();
        assert!(expected_total > 1000, "the workspace must need more than one batch: {expected_total}");
        check_every_mention(&ws, &whole, enc);

        // With a token: partial results, all before the (empty) response.
        let before = ws.lsp.notifications.len();
        let reply = ws.lsp.request_raw("textDocument/references", params(&ws, Some(token.clone())));
        let at_response = ws.lsp.notifications.len();
        assert!(reply.get("error").is_none(), "{reply}");
        assert_eq!(reply["result"], json!([]), "{enc}: the response after partial results must be empty");
        ws.lsp.drain(Duration::from_millis(300));
        let is_partial = |n: &Value| n["method"] == "$/progress" && n["params"]["token"] == token;
        assert!(!ws.lsp.notifications[at_response..].iter().any(is_partial), "{enc}: partial results after the response");
        let partials: Vec<&Value> = ws.lsp.notifications[before..at_response].iter().filter(|n| is_partial(n)).collect();
        assert!(partials.len() >= 2, "{enc}: {} partial results", partials.len());
        // Full batches of 1,000 locations, across documents; only the last one is shorter.
        let sizes: Vec<usize> = partials.iter().map(|n| n["params"]["value"].as_array().unwrap().len()).collect();
        assert_eq!(sizes.len(), whole.len().div_ceil(1000), "{enc}: batches {sizes:?}");
        assert!(sizes[..sizes.len() - 1].iter().all(|n| *n == 1000), "{enc}: batches {sizes:?}");
        let streamed: Vec<Value> = partials.iter().flat_map(|n| n["params"]["value"].as_array().unwrap().clone()).collect();
        assert_eq!(keyed(&streamed), keyed(&whole), "{enc}: partial results differ from the whole response");
        check_every_mention(&ws, &streamed, enc);

        // The internal method references are passed on as is not for clients.
        let direct = ws.lsp.request_raw("byline/references", json!({"id": 1, "params": params(&ws, None)}));
        assert_eq!(direct["error"]["code"], -32601, "{direct}");
        assert!(ws.lsp.shutdown().success());
    }
}

#[test]
fn references_elsewhere_than_a_person_answer_null_once() {
    let mut ws = workspace("utf-16");
    let mut p = params(&ws, None);
    p["position"] = json!({"line": 0, "character": 1});
    for token in [None, Some(json!("t"))] {
        if let Some(t) = &token {
            p["partialResultToken"] = t.clone();
        }
        let r = ws.lsp.request_raw("textDocument/references", p.clone());
        assert_eq!(r["result"], Value::Null, "{r}");
    }
    let n = ws.lsp.notifications.len();
    ws.lsp.drain(Duration::from_millis(200));
    assert!(!ws.lsp.notifications[n..].iter().any(|m| m["method"] == "$/progress" && m["params"]["token"] == "t"));
    assert!(ws.lsp.shutdown().success());
}
