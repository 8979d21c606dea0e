//! A panic inside a query or an analysis must not take the server down (fault injection is
//! switched on with BYLINE_FAULT_INJECTION=1; see src/lsp/faults.rs).

mod common;

use common::{Lsp, UNICODE_ARTICLE, actual_diagnostics, expected_diagnostics, uri_of};
use serde_json::{Value, json};

fn start() -> (tempfile::TempDir, Lsp) {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start_with_env(ws.path(), &[("BYLINE_FAULT_INJECTION", "1")]);
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    (ws, lsp)
}

#[test]
fn a_panic_in_a_query_becomes_an_internal_error_response() {
    let (ws, mut lsp) = start();
    let r = lsp.request_raw("byline/debug/panic", json!({}));
    assert_eq!(r["error"]["code"], -32603, "{r}");
    // Still serving.
    let uri = uri_of(&ws.path().join("a.txt"));
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    let d = lsp.diagnostics_at(&uri, 1);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(UNICODE_ARTICLE, "utf-16"));
    assert!(lsp.shutdown().success());
}

#[test]
fn a_panic_in_analysis_is_contained_and_the_document_recovers() {
    let (ws, mut lsp) = start();
    let uri = uri_of(&ws.path().join("a.txt"));
    lsp.open(&uri, 1, "Officials said BYLINE-INJECTED-PANIC here.");
    let d = lsp.diagnostics_at(&uri, 1);
    assert_eq!(d["diagnostics"], json!([]), "nothing reported for the text whose analysis failed");
    // Edit the marker away: analysis works again for this document.
    lsp.change(&uri, 2, json!([{"text": UNICODE_ARTICLE}]));
    let d = lsp.diagnostics_at(&uri, 2);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(UNICODE_ARTICLE, "utf-16"));
    assert!(lsp.shutdown().success());
}

#[test]
fn the_fault_hooks_are_off_by_default() {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let r = lsp.request_raw("byline/debug/panic", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    assert!(lsp.shutdown().success());
}
