//! The check ledger and `byline.toml` in the language server, over real JSON-RPC: statuses in
//! diagnostics (checked → hint, hidden by setting, stale → warning), reloads on watched-file
//! events, broken files (a diagnostic on the offending line, one message, the last good
//! configuration in force), orphans on the ledger, and the code actions and commands that
//! record checks and edit the configuration.

mod common;

use std::path::Path;

use common::{Lsp, run_cli as byline, uri_of, write_file as write};
use serde_json::{Value, json};

const ARTICLE: &str = "Harbour news\n\n\
It is feared that the harbour bridge will close for a year.\n\n\
Repairs will cost at least $240 million.\n\n\
Critics say the council ignored the warnings.\n";

const DESK: &str = "[ledger]\nchecker = \"Test Desk\"\n";

fn workspace() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "byline.toml", DESK);
    write(d.path(), "news/harbour.txt", ARTICLE);
    d
}

/// The diagnostic on 0-based `line`, if any.
fn on_line(params: &Value, line: u64) -> Option<Value> {
    params["diagnostics"].as_array().unwrap().iter().find(|d| d["range"]["start"]["line"] == line).cloned()
}

fn severity_on(params: &Value, line: u64) -> Option<u64> {
    on_line(params, line).and_then(|d| d["severity"].as_u64())
}

fn start(dir: &Path) -> (Lsp, String) {
    let mut lsp = Lsp::start(dir);
    lsp.initialize(dir, &["utf-16"], Value::Null);
    let uri = uri_of(&dir.join("news/harbour.txt"));
    lsp.open(&uri, 1, ARTICLE);
    (lsp, uri)
}

fn watched(lsp: &mut Lsp, path: &Path, typ: u8) {
    lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri_of(path), "type": typ}]}));
}

#[test]
fn checked_findings_are_hints_and_stale_ones_warnings() {
    let d = workspace();
    let o = byline(d.path(), &["ledger", "mark", "news/harbour.txt:5", "--code", "unattributed-claim", "--note", "port authority"]);
    assert!(o.status.success(), "{:?} {} {}", o.status, String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    let (mut lsp, uri) = start(d.path());
    let p = lsp.diagnostics_where(&uri, |p| severity_on(p, 4) == Some(4));
    let diag = on_line(&p, 4).unwrap();
    let msg = diag["message"].as_str().unwrap();
    assert!(msg.starts_with("Checked by Test Desk on ") && msg.ends_with(": port authority"), "{msg}");
    assert_eq!(diag["code"], "unattributed-claim");
    assert_eq!(severity_on(&p, 2), Some(2), "other findings stay open: {p}");

    // Rewritten in substance: stale, a warning saying so.
    let changed = ARTICLE.replace("Repairs will cost at least $240 million.", "Repairs will cost at most $90 million, a saving.");
    lsp.change(&uri, 2, json!([{"text": changed}]));
    let p = lsp.diagnostics_at(&uri, 2);
    let diag = on_line(&p, 4).unwrap_or_else(|| panic!("{p}"));
    assert_eq!(diag["severity"], 2, "{diag}");
    assert!(diag["message"].as_str().unwrap().contains("text changed since it was checked"), "{diag}");

    // Back to the checked text; then hidden by byline.toml, reloaded on a watched-file event.
    lsp.change(&uri, 3, json!([{"text": ARTICLE}]));
    let p = lsp.diagnostics_at(&uri, 3);
    assert_eq!(severity_on(&p, 4), Some(4), "{p}");
    write(d.path(), "byline.toml", "[ledger]\nchecker = \"Test Desk\"\nshow_checked = \"hidden\"\n");
    watched(&mut lsp, &d.path().join("byline.toml"), 2);
    let p = lsp.diagnostics_where(&uri, |p| on_line(p, 4).is_none());
    assert_eq!(severity_on(&p, 2), Some(2), "{p}");

    // The editor's setting wins over byline.toml.
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"ledger": {"showChecked": "hint"}}}}));
    lsp.diagnostics_where(&uri, |p| severity_on(p, 4) == Some(4));
    assert!(lsp.shutdown().success());
}

#[test]
fn a_broken_desk_or_ledger_is_a_diagnostic_and_the_last_good_one_stays() {
    let d = workspace();
    write(d.path(), "byline.toml", "[severity]\n\"unattributed-claim\" = \"error\"\n");
    let (mut lsp, uri) = start(d.path());
    let p = lsp.diagnostics_where(&uri, |p| severity_on(p, 4) == Some(1));
    assert_eq!(severity_on(&p, 2), Some(2));

    // Broken on line 2: a diagnostic there, one message, and the severity from before stays.
    let desk = d.path().join("byline.toml");
    write(d.path(), "byline.toml", "[severity]\n\"unattributed-claim\" = \"loud\"\n");
    watched(&mut lsp, &desk, 2);
    let desk_uri = uri_of(&desk);
    let p = lsp.diagnostics_where(&desk_uri, |p| !p["diagnostics"].as_array().unwrap().is_empty());
    let diag = &p["diagnostics"][0];
    assert_eq!(diag["range"]["start"]["line"], 1, "{diag}");
    assert_eq!(diag["severity"], 1);
    assert!(diag["message"].as_str().unwrap().contains("unknown severity"), "{diag}");
    lsp.settle(std::time::Duration::from_millis(300));
    let shown: Vec<&Value> = lsp.notifications.iter().filter(|n| n["method"] == "window/showMessage").collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0]["params"]["message"].as_str().unwrap().contains("byline.toml:2:"), "{shown:?}");
    lsp.change(&uri, 2, json!([{"text": ARTICLE}]));
    let p = lsp.diagnostics_at(&uri, 2);
    assert_eq!(severity_on(&p, 4), Some(1), "the last good configuration stays in force: {p}");

    // Fixed: the diagnostic goes.
    write(d.path(), "byline.toml", "");
    watched(&mut lsp, &desk, 2);
    lsp.diagnostics_where(&desk_uri, |p| p["diagnostics"].as_array().unwrap().is_empty());
    lsp.diagnostics_where(&uri, |p| severity_on(p, 4) == Some(2));

    // A broken ledger: a diagnostic on its line; it is never written while broken.
    let bad = "[[check]]\npath = \"news/harbour.txt\"\ncode = 7\n";
    write(d.path(), "byline.ledger.toml", bad);
    let ledger = d.path().join("byline.ledger.toml");
    watched(&mut lsp, &ledger, 1);
    let p = lsp.diagnostics_where(&uri_of(&ledger), |p| !p["diagnostics"].as_array().unwrap().is_empty());
    assert_eq!(p["diagnostics"][0]["severity"], 1, "{p}");
    assert_eq!(std::fs::read_to_string(&ledger).unwrap(), bad);
    assert!(lsp.shutdown().success());
}

#[test]
fn orphan_checks_are_diagnostics_on_the_ledger() {
    let d = workspace();
    let o = byline(d.path(), &["ledger", "mark", "news/harbour.txt:7", "--code", "vague-attribution"]);
    assert!(o.status.success(), "{:?} {} {}", o.status, String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    // The sentence is deleted before the server starts.
    write(d.path(), "news/harbour.txt", ARTICLE.replace("Critics say the council ignored the warnings.\n", ""));
    let mut lsp = Lsp::start(d.path());
    lsp.initialize(d.path(), &["utf-16"], Value::Null);
    let ledger = d.path().join("byline.ledger.toml");
    let text = std::fs::read_to_string(&ledger).unwrap();
    let line = text.lines().position(|l| l == "[[check]]").unwrap() as u64;
    let p = lsp.diagnostics_where(&uri_of(&ledger), |p| !p["diagnostics"].as_array().unwrap().is_empty());
    let diag = &p["diagnostics"][0];
    assert_eq!(diag["range"]["start"]["line"], line, "{p}");
    assert_eq!(diag["code"], "orphan-check");
    assert!(diag["message"].as_str().unwrap().contains("critics say the council"), "{diag}");
    assert!(lsp.shutdown().success());
}
