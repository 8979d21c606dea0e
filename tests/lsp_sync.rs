//! Document sync over real JSON-RPC: incremental edits on text with curly quotes, accents,
//! Cyrillic and emoji (UTF-16 and UTF-8), diagnostics versions, out-of-order changes, storms.

mod common;

use std::time::Duration;

use common::{Lsp, UNICODE_ARTICLE, actual_diagnostics, edit, expected_diagnostics, hover_range, range, uri_of};
use serde_json::{Value, json};

fn setup(encoding: &str) -> (tempfile::TempDir, Lsp, String) {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(ws.path());
    let r = lsp.initialize(ws.path(), &[encoding], Value::Null);
    assert_eq!(r["capabilities"]["positionEncoding"], encoding);
    let uri = uri_of(&ws.path().join("flood.txt"));
    (ws, lsp, uri)
}

#[test]
fn the_fixture_has_findings_and_a_person() {
    // The tests below compare ranges; make sure there is something to compare.
    let a = byline_core::analyze(UNICODE_ARTICLE, byline_core::Format::Plain);
    assert!(a.findings.len() >= 2, "{:?}", a.findings);
    assert!(a.people.mentions.iter().any(|m| &UNICODE_ARTICLE[m.span.clone()] == "Léa Brunner"));
}

#[test]
fn diagnostics_carry_the_document_version() {
    let (_ws, mut lsp, uri) = setup("utf-16");
    lsp.open(&uri, 7, UNICODE_ARTICLE);
    let d = lsp.diagnostics_at(&uri, 7);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(UNICODE_ARTICLE, "utf-16"));
    for diag in d["diagnostics"].as_array().unwrap() {
        assert_eq!(diag["source"], "byline");
        assert!(diag["code"].is_string());
        assert!(diag["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(matches!(diag["severity"].as_u64(), Some(1..=4)));
    }
    let mut text = UNICODE_ARTICLE.to_string();
    let at = text.find("overnight").unwrap();
    let change = edit(&mut text, at..at + "overnight".len(), "on Tuesday", "utf-16");
    lsp.change(&uri, 8, json!([change]));
    let d = lsp.diagnostics_at(&uri, 8);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(&text, "utf-16"));
    assert!(lsp.shutdown().success());
}

/// Edits next to multi-byte and astral characters; the server's text must track ours exactly.
fn incremental_edits(encoding: &str) {
    let (_ws, mut lsp, uri) = setup(encoding);
    let mut text = UNICODE_ARTICLE.to_string();
    lsp.open(&uri, 1, &text);
    lsp.diagnostics_at(&uri, 1);
    let mut version = 1;
    let mut changes = Vec::new();
    // Replace the emoji in the headline with two emoji.
    let at = text.find('🌊').unwrap();
    changes.push(edit(&mut text, at..at + '🌊'.len_utf8(), "🌊🚨", encoding));
    // Insert after the Cyrillic word, before the name.
    let at = text.find("Ёлка").unwrap() + "Ёлка".len();
    changes.push(edit(&mut text, at..at, " «Ёж»", encoding));
    // Replace a curly-quoted phrase, across the quote marks.
    let at = text.find("“Nobody").unwrap();
    changes.push(edit(&mut text, at..at + "“Nobody".len(), "“Everyone", encoding));
    // Delete an accented word.
    let at = text.find("café on ").unwrap();
    changes.push(edit(&mut text, at..at + "café ".len(), "", encoding));
    // Insert a whole new sentence on a new line in the middle.
    let at = text.find("Critics").unwrap();
    changes.push(edit(&mut text, at..at, "Officials reportedly knew of the danger in 2021.\n", encoding));
    // Each change in its own didChange, then several in one.
    for c in &changes[..3] {
        version += 1;
        lsp.change(&uri, version, json!([c]));
    }
    version += 1;
    lsp.change(&uri, version, json!(changes[3..].to_vec()));
    let d = lsp.diagnostics_at(&uri, version);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(&text, encoding), "text now:\n{text}");
    // The person's name, now after more Cyrillic and emoji, still has the right range.
    let name = text.find("Léa Brunner").unwrap();
    let r = hover_range(&mut lsp, &uri, &text, name + 3, encoding).expect("hover on the name");
    assert_eq!(r, range(&text, &(name..name + "Léa Brunner".len()), encoding));
    assert!(lsp.shutdown().success());
}

#[test]
fn incremental_edits_utf16() {
    incremental_edits("utf-16");
}

#[test]
fn incremental_edits_utf8() {
    incremental_edits("utf-8");
}

#[test]
fn out_of_order_changes_are_put_back_in_version_order() {
    let (_ws, mut lsp, uri) = setup("utf-16");
    let mut text = UNICODE_ARTICLE.to_string();
    lsp.open(&uri, 1, &text);
    lsp.diagnostics_at(&uri, 1);
    // v2 inserts a sentence; v3 edits inside that sentence (only valid after v2).
    let at = text.find("Critics").unwrap();
    let v2 = edit(&mut text, at..at, "Dozens of cellars flooded.\n", "utf-16");
    let at = text.find("Dozens").unwrap();
    let v3 = edit(&mut text, at..at + "Dozens".len(), "Hundreds", "utf-16");
    let at = text.find("🎄").unwrap();
    let v4 = edit(&mut text, at..at + "🎄".len(), "🎅", "utf-16");
    lsp.change(&uri, 4, json!([v4]));
    lsp.change(&uri, 3, json!([v3]));
    lsp.change(&uri, 2, json!([v2]));
    let d = lsp.diagnostics_at(&uri, 4);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(&text, "utf-16"));
    // A stale change (older than the document) is dropped, not applied.
    let stale = json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 5}}, "text": "XXXXX"}]);
    lsp.change(&uri, 3, stale);
    let name = text.find("Léa Brunner").unwrap();
    let r = hover_range(&mut lsp, &uri, &text, name, "utf-16").expect("hover");
    assert_eq!(r, range(&text, &(name..name + "Léa Brunner".len()), "utf-16"));
    lsp.settle(Duration::from_millis(500));
    let last = lsp.published(&uri).last().cloned().unwrap();
    assert_eq!(last["version"], 4, "nothing newer than version 4 and no stale republish");
    assert!(lsp.shutdown().success());
}

#[test]
fn a_version_gap_is_applied_after_a_short_wait() {
    // Versions need only increase; a change after a gap must not be held forever.
    let (_ws, mut lsp, uri) = setup("utf-16");
    let mut text = UNICODE_ARTICLE.to_string();
    lsp.open(&uri, 1, &text);
    lsp.diagnostics_at(&uri, 1);
    let at = text.find("overnight").unwrap();
    let c = edit(&mut text, at..at + "overnight".len(), "by dawn", "utf-16");
    lsp.change(&uri, 5, json!([c]));
    let d = lsp.diagnostics_at(&uri, 5);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(&text, "utf-16"));
    assert!(lsp.shutdown().success());
}

#[test]
fn an_edit_storm_ends_with_diagnostics_for_the_final_version_only() {
    let (_ws, mut lsp, uri) = setup("utf-16");
    let mut text = UNICODE_ARTICLE.to_string();
    lsp.open(&uri, 1, &text);
    let mut version = 1;
    // Type a sentence one character at a time, with emoji and accents in it.
    let typed = "Ré-opening is “unlikely” 🚧, officials said. ";
    let mut at = text.find("Critics").unwrap();
    for ch in typed.chars() {
        let mut buf = [0; 4];
        let c = edit(&mut text, at..at, ch.encode_utf8(&mut buf), "utf-16");
        at += ch.len_utf8();
        version += 1;
        lsp.change(&uri, version, json!([c]));
    }
    let d = lsp.diagnostics_at(&uri, version);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(&text, "utf-16"));
    lsp.settle(Duration::from_millis(500));
    let versions: Vec<i64> = lsp.published(&uri).iter().map(|p| p["version"].as_i64().unwrap()).collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "diagnostics went back in time: {versions:?}");
    assert_eq!(versions.last(), Some(&(version as i64)));
    assert!(lsp.shutdown().success());
}

#[test]
fn full_text_changes_replace_the_document() {
    let (_ws, mut lsp, uri) = setup("utf-16");
    lsp.open(&uri, 1, "Nothing here.");
    lsp.diagnostics_at(&uri, 1);
    lsp.change(&uri, 2, json!([{"text": UNICODE_ARTICLE}]));
    let d = lsp.diagnostics_at(&uri, 2);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(UNICODE_ARTICLE, "utf-16"));
    assert!(lsp.shutdown().success());
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let (_ws, mut lsp, uri) = setup("utf-16");
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    let d = lsp.diagnostics_at(&uri, 1);
    assert!(!d["diagnostics"].as_array().unwrap().is_empty());
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    lsp.diagnostics_where(&uri, |p| p["diagnostics"].as_array().is_some_and(|a| a.is_empty()));
    assert!(lsp.shutdown().success());
}
