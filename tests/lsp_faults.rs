//! A panic inside a query or an analysis must not take the server down (fault injection is
//! switched on with BYLINE_FAULT_INJECTION=1; see src/faults.rs).

mod common;

use common::{Lsp, UNICODE_ARTICLE, actual_diagnostics, expected_diagnostics, position, uri_of};
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
    // The user is told, once, which document could not be analysed; the log says it each time.
    lsp.settle(std::time::Duration::from_millis(300));
    let shown = |lsp: &Lsp| lsp.notifications.iter().filter(|n| n["method"] == "window/showMessage" && n["params"]["type"] == 1).count();
    let logged = |lsp: &Lsp| {
        lsp.notifications
            .iter()
            .filter(|n| n["method"] == "window/logMessage" && n["params"]["type"] == 1)
            .filter(|n| n["params"]["message"].as_str().is_some_and(|m| m.contains("a.txt") && m.contains("injected panic")))
            .count()
    };
    assert_eq!(shown(&lsp), 1, "{:?}", lsp.notifications);
    assert_eq!(logged(&lsp), 1);
    lsp.change(&uri, 2, json!([{"text": "Still BYLINE-INJECTED-PANIC, said officials."}]));
    lsp.diagnostics_at(&uri, 2);
    lsp.settle(std::time::Duration::from_millis(300));
    assert_eq!(shown(&lsp), 1, "shown once per document");
    assert_eq!(logged(&lsp), 2, "logged every time");
    // Edit the marker away: analysis works again for this document.
    lsp.change(&uri, 3, json!([{"text": UNICODE_ARTICLE}]));
    let d = lsp.diagnostics_at(&uri, 3);
    assert_eq!(actual_diagnostics(&d), expected_diagnostics(UNICODE_ARTICLE, "utf-16"));
    assert!(lsp.shutdown().success());
}

#[test]
fn a_panic_while_indexing_a_file_on_disk_is_reported_with_its_name() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(ws.path().join("broken.txt"), "Officials said BYLINE-INJECTED-PANIC here.").unwrap();
    std::fs::write(ws.path().join("fine.txt"), UNICODE_ARTICLE).unwrap();
    let mut lsp = Lsp::start_with_env(ws.path(), &[("BYLINE_FAULT_INJECTION", "1")]);
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    lsp.settle(std::time::Duration::from_millis(1500));
    let errors: Vec<&Value> =
        lsp.notifications.iter().filter(|n| n["method"] == "window/showMessage" && n["params"]["type"] == 1).collect();
    assert_eq!(errors.len(), 1, "{:?}", lsp.notifications);
    assert!(errors[0]["params"]["message"].as_str().unwrap().contains("broken.txt"));
    // The other file is indexed: its people are found.
    let people = lsp.request("workspace/symbol", json!({"query": ""}));
    assert!(people.as_array().is_some_and(|a| !a.is_empty()), "{people}");
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

const SMALL: &str = "Harbour to reopen\n\nMayor Adela Quarrie said on Monday that the harbour would reopen in May.\n";
/// A document whose analysis (2 s) and diagnostics (4 s) are slowed by fault injection: a big
/// article, simulated.
const SLOW: &str = "BYLINE-INJECTED-SLOW\n\nMayor Adela Quarrie said the repairs would cost more. At least 4,000 households lost power.\n";

fn hover_text(lsp: &mut Lsp, uri: &str, text: &str) -> String {
    let at = text.find("Quarrie").unwrap() + 2;
    let r = lsp.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(text, at, "utf-16")}));
    r["contents"]["value"].as_str().unwrap_or_default().to_string()
}

/// A hover needs only its own document and whatever the index holds: it is answered while the
/// workspace walk is still analysing another (slow) file, not after it.
#[test]
fn a_hover_does_not_wait_for_the_workspace_walk() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::write(ws.path().join("slow.txt"), SLOW).unwrap();
    let mut lsp = Lsp::start_with_env(ws.path(), &[("BYLINE_FAULT_INJECTION", "1")]);
    lsp.initialize(ws.path(), &["utf-16"], Value::Null);
    let uri = uri_of(&ws.path().join("open.txt")); // open only, not on disk
    lsp.open(&uri, 1, SMALL);
    lsp.diagnostics_at(&uri, 1);
    let during = hover_text(&mut lsp, &uri, SMALL);
    assert!(during.contains("Adela Quarrie"), "{during}");
    assert!(during.contains("in 1 file"), "the hover waited for the walk to analyse slow.txt: {during}");
    // Once the walk is done, the hover counts the file on disk too.
    lsp.settle(std::time::Duration::from_millis(300));
    let ended = |lsp: &Lsp| lsp.notifications.iter().any(|n| n["method"] == "$/progress" && n["params"]["value"]["kind"] == "end");
    for _ in 0..300 {
        if ended(&lsp) {
            break;
        }
        lsp.settle(std::time::Duration::from_millis(200));
    }
    let after = hover_text(&mut lsp, &uri, SMALL);
    assert!(after.contains("in 2 files"), "{after}");
    assert!(lsp.shutdown().success());
}

/// Another document's analysis and the conversion of its findings never hold up a request
/// about this one: an edit and a hover on the small document are answered while the slow
/// document's diagnostics are still being prepared.
#[test]
fn a_hover_does_not_wait_for_another_documents_analysis_or_diagnostics() {
    let (ws, mut lsp) = start();
    let uri = uri_of(&ws.path().join("small.txt"));
    lsp.open(&uri, 1, SMALL);
    lsp.diagnostics_at(&uri, 1);
    let slow_uri = uri_of(&ws.path().join("slow.txt"));
    lsp.open(&slow_uri, 1, SLOW);
    // Past the slow analysis, into the slow conversion of its findings (places the events; the
    // assertion below is about order, not time).
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let edited = format!("{SMALL}Ms Quarrie added that the report would follow.\n");
    lsp.change(&uri, 2, json!([{"text": edited}]));
    let during = hover_text(&mut lsp, &uri, &edited);
    assert!(during.contains("Adela Quarrie"), "{during}");
    assert!(lsp.published(&slow_uri).is_empty(), "the hover on small.txt was answered only after slow.txt's diagnostics");
    let d = lsp.diagnostics_at(&slow_uri, 1);
    assert!(!d["diagnostics"].as_array().unwrap().is_empty(), "{d}");
    assert!(lsp.shutdown().success());
}
