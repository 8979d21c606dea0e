//! Settings over real JSON-RPC: per-code severity or off, in initializationOptions and
//! workspace/didChangeConfiguration (bare, under "byline", or pulled with
//! workspace/configuration), and diagnostics republished when they change.

mod common;

use common::{Lsp, UNICODE_ARTICLE, uri_of};
use serde_json::{Value, json};

/// code -> severity of each published diagnostic.
fn by_code(params: &Value) -> Vec<(String, u64)> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["severity"].as_u64().unwrap()))
        .collect()
}

fn has(params: &Value, code: &str) -> bool {
    by_code(params).iter().any(|(c, _)| c == code)
}

#[test]
fn defaults_warning_and_information() {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let uri = uri_of(&ws.path().join("a.txt"));
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    let d = lsp.diagnostics_at(&uri, 1);
    for (code, sev) in by_code(&d) {
        let want = if code == "anonymous-source" { 3 } else { 2 };
        assert_eq!(sev, want, "{code}");
    }
    assert!(has(&d, "anonymous-source") && has(&d, "vague-attribution") && has(&d, "unattributed-claim"), "{d}");
    assert!(lsp.shutdown().success());
}

#[test]
fn initialization_options_set_severities_and_switch_codes_off() {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(ws.path());
    let options = json!({"diagnostics": {"vague-attribution": "off", "unattributed-claim": "error", "anonymous-source": "hint"}});
    lsp.initialize(ws.path(), &["utf-16"], options);
    let uri = uri_of(&ws.path().join("a.txt"));
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    let d = lsp.diagnostics_at(&uri, 1);
    assert!(!has(&d, "vague-attribution"), "{d}");
    for (code, sev) in by_code(&d) {
        match code.as_str() {
            "unattributed-claim" => assert_eq!(sev, 1),
            "anonymous-source" => assert_eq!(sev, 4),
            _ => {}
        }
    }
    assert!(has(&d, "unattributed-claim") && has(&d, "anonymous-source"));
    assert!(lsp.shutdown().success());
}

#[test]
fn did_change_configuration_republishes_open_documents() {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let uri = uri_of(&ws.path().join("a.txt"));
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    let before = lsp.diagnostics_at(&uri, 1);
    assert!(has(&before, "anonymous-source"));

    // Nested under "byline".
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"diagnostics": {"anonymous-source": "off"}}}}));
    let d = lsp.diagnostics_where(&uri, |p| !has(p, "anonymous-source"));
    assert_eq!(d["version"], 1, "republished for the same version");
    assert_eq!(by_code(&d).len() + 1, by_code(&before).len());

    // Bare, and back on as an error.
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"diagnostics": {"anonymous-source": "error"}}}));
    let d = lsp.diagnostics_where(&uri, |p| by_code(p).iter().any(|(c, s)| c == "anonymous-source" && *s == 1));
    assert_eq!(by_code(&d).len(), by_code(&before).len());
    assert!(lsp.shutdown().success());
}

#[test]
fn settings_are_pulled_when_the_notification_carries_none() {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let uri = uri_of(&ws.path().join("a.txt"));
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    lsp.diagnostics_at(&uri, 1);
    lsp.configuration = json!({"diagnostics": {"unattributed-claim": "off"}});
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    lsp.diagnostics_where(&uri, |p| !has(p, "unattributed-claim"));
    assert!(lsp.server_requests.iter().any(|r| r["method"] == "workspace/configuration" && r["params"]["items"][0]["section"] == "byline"));
    assert!(lsp.shutdown().success());
}

#[test]
fn bad_settings_are_reported_and_ignored() {
    let ws = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(ws.path());
    lsp.initialize(ws.path(), &["utf-16"], json!({"diagnostics": {"unattributed-claim": "loud", "no-such-code": "off"}}));
    let uri = uri_of(&ws.path().join("a.txt"));
    lsp.open(&uri, 1, UNICODE_ARTICLE);
    let d = lsp.diagnostics_at(&uri, 1);
    assert!(by_code(&d).iter().any(|(c, s)| c == "unattributed-claim" && *s == 2), "default kept: {d}");
    let warned = lsp.notifications.iter().filter(|n| n["method"] == "window/logMessage").count();
    assert!(warned >= 2, "each problem is logged to the client: {:?}", lsp.notifications);
    assert!(lsp.shutdown().success());
}
