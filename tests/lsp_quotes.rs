//! Quotations across the workspace over real JSON-RPC, on invented articles: the same speaker
//! quoted with one word changed in another article (`quote-mismatch`, with the other quotation
//! as related information); nothing for the same words, or for words that differ only in
//! typography; the same words given to another speaker (`quote-speaker-mismatch`).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Lsp, uri_of, write_file};
use serde_json::{Value, json};

const ENC: &str = "utf-16";

/// On disk only: the harbour master, quoted.
const A: &str = "Harbour master Ingrid Solvang said the ferry would run again this year.\n\
                 “We will reopen the northern pier to passenger traffic before the end of the summer,” Solvang said on Monday.\n";
/// The same speaker, one word changed.
const B: &str =
    "“We will reopen the northern pier to passenger traffic before the end of the autumn,” said Ingrid Solvang, the harbour master.\n";
/// The same words, typed differently (straight quotes, lower case, an ellipsis at the end).
const C: &str = "Ingrid Solvang, the harbour master, spoke on Monday.\n\
                 \"we will reopen the northern pier to passenger traffic before the end of the summer...\" Solvang said.\n";
/// The same words exactly, the same speaker.
const D: &str = "The ferry is back, Ingrid Solvang said.\n\
                 “We will reopen the northern pier to passenger traffic before the end of the summer,” Solvang said.\n";
/// The same words, another speaker.
const E: &str = "Council leader Tomas Brekke said the pier needed work.\n\
                 “We will reopen the northern pier to passenger traffic before the end of the summer,” Brekke said.\n";

fn start(dir: &Path, files: &[(&str, &str)]) -> Lsp {
    write_file(dir, "a.txt", A);
    for (name, text) in files {
        write_file(dir, name, text);
    }
    let mut lsp = Lsp::start(dir);
    let uri = uri_of(dir);
    let caps = json!({
        "general": {"positionEncodings": [ENC]},
        "textDocument": {"publishDiagnostics": {"versionSupport": true, "relatedInformation": true}},
        "workspace": {"workspaceFolders": true, "configuration": false}
    });
    lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": "ws"}], "capabilities": caps}),
    );
    lsp.notify("initialized", json!({}));
    // Wait for the walk (a.txt is on disk only).
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let syms = lsp.request("workspace/symbol", json!({"query": "Solvang"}));
        if syms.as_array().is_some_and(|a| !a.is_empty()) {
            break;
        }
        assert!(Instant::now() < deadline, "the workspace walk did not index a.txt");
        std::thread::sleep(Duration::from_millis(100));
    }
    lsp
}

fn with_code(diags: &Value, code: &str) -> Vec<Value> {
    diags["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == code).cloned().collect()
}

/// The span of the quotation (quote marks included) that starts with `open` in `text`.
fn quotation(text: &str, open: &str, close: &str) -> std::ops::Range<usize> {
    let s = text.find(open).unwrap();
    let e = s + open.len() + text[s + open.len()..].find(close).unwrap() + close.len();
    s..e
}

#[test]
fn the_same_speaker_quoted_with_a_changed_word_is_flagged_with_the_other_quotation() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), &[("b.txt", B)]);
    let (a, b) = (uri_of(&dir.path().join("a.txt")), uri_of(&dir.path().join("b.txt")));
    lsp.open(&b, 1, B);
    let diags = lsp.diagnostics_where(&b, |p| p["version"] == 1 && !with_code(p, "quote-mismatch").is_empty());
    let found = with_code(&diags, "quote-mismatch");
    assert_eq!(found.len(), 1, "{diags}");
    let diag = &found[0];
    assert_eq!(diag["range"], common::range(B, &quotation(B, "“", "”"), ENC));
    assert_eq!(diag["severity"], 2, "warning");
    let message = diag["message"].as_str().unwrap();
    assert!(message.starts_with("Quoted differently in a.txt: \"We will reopen"), "{message}");
    assert!(message.contains("(\"autumn\" here, \"summer\" there)"), "{message}");
    let related = diag["relatedInformation"].as_array().expect("relatedInformation");
    assert_eq!(related.len(), 1, "{diag}");
    assert_eq!(related[0]["location"]["uri"], a);
    assert_eq!(related[0]["location"]["range"], common::range(A, &quotation(A, "“", "”"), ENC));
    assert!(with_code(&diags, "quote-speaker-mismatch").is_empty(), "{diags}");

    // Hover on the quotation: the other article, and the word that differs.
    let inside = B.find("northern").unwrap();
    let hover = lsp.request("textDocument/hover", json!({"textDocument": {"uri": b}, "position": common::position(B, inside, ENC)}));
    let md = hover["contents"]["value"].as_str().unwrap_or_else(|| panic!("no hover: {hover}"));
    assert!(md.contains("**Quoted elsewhere**"), "{md}");
    assert!(md.contains("`a.txt` — differently: \"autumn\" here, \"summer\" there"), "{md}");
    assert_eq!(hover["range"], common::range(B, &quotation(B, "“", "”"), ENC));

    // Corrected: the diagnostic goes.
    let fixed = B.replace("autumn", "summer");
    lsp.notify("textDocument/didChange", json!({"textDocument": {"uri": b, "version": 2}, "contentChanges": [{"text": fixed}]}));
    let diags = lsp.diagnostics_at(&b, 2);
    assert!(with_code(&diags, "quote-mismatch").is_empty(), "{diags}");
    // And the hover says the other article has the same words.
    let hover = lsp.request("textDocument/hover", json!({"textDocument": {"uri": b}, "position": common::position(&fixed, inside, ENC)}));
    let md = hover["contents"]["value"].as_str().unwrap_or_else(|| panic!("no hover: {hover}"));
    assert!(md.contains("`a.txt` — the same words"), "{md}");
    assert!(lsp.shutdown().success());
}

#[test]
fn the_same_words_or_only_typography_differing_are_not_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), &[("c.txt", C), ("d.txt", D)]);
    for (name, text) in [("c.txt", C), ("d.txt", D)] {
        let uri = uri_of(&dir.path().join(name));
        lsp.open(&uri, 1, text);
        let diags = lsp.diagnostics_at(&uri, 1);
        let quotes: Vec<&Value> =
            diags["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"].as_str().unwrap().starts_with("quote-")).collect();
        assert!(quotes.is_empty(), "{name}: {diags}");
    }
    assert!(lsp.shutdown().success());
}

#[test]
fn the_same_words_given_to_another_speaker_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), &[("e.txt", E)]);
    let (a, e) = (uri_of(&dir.path().join("a.txt")), uri_of(&dir.path().join("e.txt")));
    lsp.open(&e, 1, E);
    let diags = lsp.diagnostics_where(&e, |p| p["version"] == 1 && !with_code(p, "quote-speaker-mismatch").is_empty());
    let found = with_code(&diags, "quote-speaker-mismatch");
    assert_eq!(found.len(), 1, "{diags}");
    let diag = &found[0];
    assert_eq!(diag["range"], common::range(E, &quotation(E, "“", "”"), ENC));
    let message = diag["message"].as_str().unwrap();
    assert!(message.contains("attributed to Ingrid Solvang in a.txt, and to Tomas Brekke here"), "{message}");
    let related = diag["relatedInformation"].as_array().expect("relatedInformation");
    assert_eq!(related[0]["location"]["uri"], a);
    assert_eq!(related[0]["location"]["range"], common::range(A, &quotation(A, "“", "”"), ENC));
    assert!(related[0]["message"].as_str().unwrap().contains("Ingrid Solvang"), "{related:?}");
    assert!(with_code(&diags, "quote-mismatch").is_empty(), "{diags}");
    let inside = E.find("northern").unwrap();
    let hover = lsp.request("textDocument/hover", json!({"textDocument": {"uri": e}, "position": common::position(E, inside, ENC)}));
    let md = hover["contents"]["value"].as_str().unwrap_or_else(|| panic!("no hover: {hover}"));
    assert!(md.contains("`a.txt` — the same words, attributed to **Ingrid Solvang**"), "{md}");
    assert!(lsp.shutdown().success());
}
