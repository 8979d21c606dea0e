//! The server over real JSON-RPC: initialize and encodings, lifecycle, and bad requests.

mod common;

use common::{Lsp, UNICODE_ARTICLE, uri_of};
use serde_json::{Value, json};

fn workspace() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn initialize_offers_utf16_when_utf8_is_not_offered() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    let result = lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for provider in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "workspaceSymbolProvider",
        "documentSymbolProvider",
        "documentHighlightProvider",
    ] {
        assert_eq!(caps[provider], true, "{provider}");
    }
    assert_eq!(result["serverInfo"]["name"], "byline");
    assert!(lsp.shutdown().success());
}

#[test]
fn initialize_negotiates_utf8_when_offered() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    let result = lsp.initialize(ws.path(), &["utf-16", "utf-8"], Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(lsp.shutdown().success());
}

#[test]
fn initialize_without_position_encodings_means_utf16() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    let r = lsp.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert_eq!(r["capabilities"]["positionEncoding"], "utf-16");
    lsp.notify("initialized", json!({}));
    assert!(lsp.shutdown().success());
}

#[test]
fn requests_before_initialize_get_server_not_initialized() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    let r =
        lsp.request_raw("textDocument/hover", json!({"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}));
    assert_eq!(r["error"]["code"], -32002, "{r}");
    // The server is still usable afterwards.
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    assert!(lsp.shutdown().success());
}

#[test]
fn unknown_methods_get_method_not_found_and_the_server_carries_on() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let r = lsp.request_raw("byline/noSuchThing", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // Unknown notifications are ignored; `$/` ones silently.
    lsp.notify("byline/whatever", json!({}));
    lsp.notify("$/setTrace", json!({"value": "off"}));
    let r = lsp.request("workspace/symbol", json!({"query": ""}));
    assert!(r.is_array() || r.is_null());
    assert!(lsp.shutdown().success());
}

#[test]
fn malformed_json_gets_a_parse_error_and_the_server_carries_on() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    lsp.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    let r = lsp.response(Value::Null);
    assert_eq!(r["error"]["code"], -32700, "{r}");
    // Wrong parameter types are an invalid-params error, not a crash.
    let r = lsp.request_raw("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    assert!(lsp.is_alive());
    assert!(lsp.shutdown().success());
}

#[test]
fn positions_past_the_end_are_clamped_or_answered_with_null() {
    let ws = workspace();
    let path = ws.path().join("a.txt");
    let uri = uri_of(&path);
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    lsp.diagnostics_at(&uri, 1);
    for pos in [
        json!({"line": 999, "character": 0}),
        json!({"line": 2, "character": 99999}),
        json!({"line": 4294967295u32, "character": 4294967295u32}),
    ] {
        let params = json!({"textDocument": {"uri": uri}, "position": pos});
        for method in ["textDocument/hover", "textDocument/definition", "textDocument/documentHighlight"] {
            let r = lsp.request_raw(method, params.clone());
            assert!(r.get("error").is_none(), "{method} at {pos}: {r}");
        }
        let mut refs = params.clone();
        refs["context"] = json!({"includeDeclaration": true});
        let r = lsp.request_raw("textDocument/references", refs);
        assert!(r.get("error").is_none(), "{r}");
    }
    // An edit whose range lies past the end appends at the end instead of failing.
    let end = common::position(UNICODE_ARTICLE, UNICODE_ARTICLE.len(), "utf-16");
    lsp.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 500, "character": 3}, "end": {"line": 501, "character": 0}}, "text": "Tail."}]),
    );
    let d = lsp.diagnostics_at(&uri, 2);
    let mut text = UNICODE_ARTICLE.to_string();
    text.push_str("Tail.");
    assert_eq!(common::actual_diagnostics(&d), common::expected_diagnostics(&text, "utf-16"), "end was {end}");
    assert!(lsp.shutdown().success());
}

#[test]
fn queries_on_documents_nobody_opened_answer_null() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let params = json!({"textDocument": {"uri": "file:///nowhere/x.txt"}, "position": {"line": 0, "character": 0}});
    assert_eq!(lsp.request("textDocument/hover", params.clone()), Value::Null);
    assert_eq!(lsp.request("textDocument/definition", params), Value::Null);
    let r = lsp.request("textDocument/documentSymbol", json!({"textDocument": {"uri": "file:///nowhere/x.txt"}}));
    assert_eq!(r, json!([]));
    assert!(lsp.shutdown().success());
}

#[test]
fn edits_and_closes_for_documents_never_opened_are_ignored() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let ghost = uri_of(&ws.path().join("ghost.txt"));
    lsp.change(&ghost, 7, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]));
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": ghost}}));
    // The server still works for real documents.
    let real = uri_of(&ws.path().join("real.txt"));
    lsp.open(&real, 1, UNICODE_ARTICLE);
    lsp.diagnostics_at(&real, 1);
    lsp.settle(std::time::Duration::from_millis(400));
    assert!(lsp.published(&ghost).is_empty(), "nothing is published for a document that was never opened");
    assert!(lsp.shutdown().success());
}

#[test]
fn exit_without_shutdown_exits_with_status_1() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait().code(), Some(1));
}

#[test]
fn shutdown_then_exit_exits_with_status_0() {
    let ws = workspace();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    assert_eq!(lsp.shutdown().code(), Some(0));
}
