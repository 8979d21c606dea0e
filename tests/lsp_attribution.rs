//! *Add attribution…* and *Add attribution (… said)* over JSON-RPC, for the three kinds of
//! client: plain text (`, according to [source]`, `, [source] said`), snippet text edits
//! (`experimental.snippetTextEdit`: `, according to ${1:whom}`, `, ${1:who} said`) and a
//! client-side snippet command (`experimental.snippetCommand`: `byline.insertSnippet` with the
//! position and the snippet, no edit). The article is invented.

mod common;

use common::{Lsp, uri_of, write_file as write};
use serde_json::{Value, json};

const ARTICLE: &str = "Ferry report\n\nThe new ferry cost the island $31 million.\n";

/// The two attribution actions on line 2, for a client with these `experimental` capabilities.
fn attribution_actions(experimental: Value) -> (Vec<Value>, String) {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "ferry.txt", ARTICLE);
    let mut lsp = Lsp::start(d.path());
    let caps = json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"versionSupport": true}},
        "workspace": {"workspaceFolders": true},
        "experimental": experimental
    });
    lsp.initialize_with_caps(d.path(), caps, Value::Null);
    let uri = uri_of(&d.path().join("ferry.txt"));
    lsp.open(&uri, 1, ARTICLE);
    let p = lsp.diagnostics_where(&uri, |p| p["diagnostics"].as_array().unwrap().iter().any(|d| d["range"]["start"]["line"] == 2));
    let diag = p["diagnostics"].as_array().unwrap().iter().find(|d| d["range"]["start"]["line"] == 2).unwrap().clone();
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
    );
    assert!(lsp.shutdown().success());
    let adds =
        actions.as_array().unwrap().iter().filter(|a| a["title"].as_str().unwrap().starts_with("Add attribution")).cloned().collect();
    (adds, uri)
}

fn at_the_full_stop() -> Value {
    json!({"line": 2, "character": "The new ferry cost the island $31 million".len()})
}

#[test]
fn plain_text_for_a_client_without_snippets() {
    let (adds, uri) = attribution_actions(json!({}));
    let titles: Vec<&str> = adds.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Add attribution…", "Add attribution (… said)"]);
    assert_eq!(adds[0]["isPreferred"], true);
    assert!(adds[1].get("isPreferred").is_none(), "{}", adds[1]);
    let texts: Vec<&Value> = adds.iter().map(|a| &a["edit"]["changes"][&uri][0]["newText"]).collect();
    assert_eq!(texts, [", according to [source]", ", [source] said"]);
    assert!(adds.iter().all(|a| a["edit"]["changes"][&uri][0]["range"]["start"] == at_the_full_stop()), "{adds:?}");
}

#[test]
fn snippet_text_edits_for_a_client_that_takes_them() {
    let (adds, uri) = attribution_actions(json!({"snippetTextEdit": true}));
    let texts: Vec<&Value> = adds.iter().map(|a| &a["edit"]["changes"][&uri][0]["newText"]).collect();
    assert_eq!(texts, [", according to ${1:whom}", ", ${1:who} said"]);
    assert!(adds.iter().all(|a| a["edit"]["changes"][&uri][0]["range"]["start"] == at_the_full_stop()), "{adds:?}");
}

#[test]
fn a_client_side_command_for_a_client_that_runs_one() {
    let (adds, uri) = attribution_actions(json!({"snippetCommand": true, "snippetTextEdit": true}));
    assert_eq!(adds.len(), 2);
    for (a, snippet) in adds.iter().zip([", according to ${1:whom}", ", ${1:who} said"]) {
        assert!(a.get("edit").is_none(), "no edit with the command: {a}");
        assert_eq!(a["command"]["command"], "byline.insertSnippet");
        assert_eq!(a["command"]["arguments"][0], json!({"uri": uri, "position": at_the_full_stop(), "snippet": snippet}));
    }
}
