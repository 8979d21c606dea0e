//! Code lenses and semantic tokens refreshed when ANOTHER article changes the people, over real
//! JSON-RPC on invented articles: a capable client is asked once (debounced) when a second
//! article gains a mention, and the resolved lens then counts it; an edit that changes no
//! person asks for nothing; a client that did not declare `refreshSupport` is never asked.

mod common;

use std::time::{Duration, Instant};

use common::{Lsp, position, uri_of, write_file as write};
use serde_json::{Value, json};

const A: &str = "Harbour closes\n\nHarbour master Ingrid Sølvberg said the port would shut at noon.\n";
const B: &str = "Ferry timetable\n\nIngrid Sølvberg, the harbour master, said the first ferry would leave at six.\n";

const LENS: &str = "workspace/codeLens/refresh";
const TOKENS: &str = "workspace/semanticTokens/refresh";

fn start(dir: &std::path::Path, workspace_caps: Value) -> Lsp {
    let mut lsp = Lsp::start(dir);
    let root = uri_of(dir);
    lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "ws"}],
               "capabilities": {"workspace": workspace_caps, "window": {"workDoneProgress": true}}}),
    );
    lsp.notify("initialized", json!({}));
    lsp
}

fn asked(lsp: &Lsp, method: &str) -> usize {
    lsp.server_requests.iter().filter(|r| r["method"] == method).count()
}

/// The title of a.txt's first lens, resolved.
fn lens_title(lsp: &mut Lsp, a: &str) -> String {
    let lenses = lsp.request("textDocument/codeLens", json!({"textDocument": {"uri": a}}));
    let first = lenses.as_array().and_then(|l| l.first()).cloned().expect("a lens on Ingrid Sølvberg");
    lsp.request("codeLens/resolve", first)["command"]["title"].as_str().unwrap_or_default().to_string()
}

/// Read the server's messages until `f` holds, for at most 20 s.
fn until(lsp: &mut Lsp, what: &str, f: impl Fn(&mut Lsp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !f(lsp) {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        lsp.settle(Duration::from_millis(50));
    }
}

#[test]
fn another_article_gaining_a_mention_refreshes_lenses_and_tokens_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", A);
    write(dir.path(), "b.txt", B);
    let mut lsp = start(dir.path(), json!({"codeLens": {"refreshSupport": true}, "semanticTokens": {"refreshSupport": true}}));
    let (a, b) = (uri_of(&dir.path().join("a.txt")), uri_of(&dir.path().join("b.txt")));
    lsp.open(&a, 1, A);
    lsp.diagnostics_at(&a, 1);
    until(&mut lsp, "the walk to index b.txt", |l| lens_title(l, &a) == "2 mentions · 2 files");
    // Whatever the walk asked for is done once the server is quiet.
    lsp.settle(Duration::from_millis(1500));
    let (lens0, tokens0) = (asked(&lsp, LENS), asked(&lsp, TOKENS));

    // b.txt gains a mention of her, in a burst of three edits: one refresh of each.
    lsp.open(&b, 1, B);
    lsp.diagnostics_at(&b, 1);
    let mut text = B.to_string();
    for (v, more) in [(2, "Sølvberg said"), (3, " the"), (4, " schedule was final.\n")] {
        let end = position(&text, text.len(), "utf-16");
        lsp.change(&b, v, json!([{"range": {"start": end, "end": end}, "text": more}]));
        text.push_str(more);
    }
    until(&mut lsp, "both refreshes", |l| asked(l, LENS) > lens0 && asked(l, TOKENS) > tokens0);
    lsp.settle(Duration::from_millis(1500));
    assert_eq!((asked(&lsp, LENS), asked(&lsp, TOKENS)), (lens0 + 1, tokens0 + 1), "one refresh for the burst");
    assert_eq!(lens_title(&mut lsp, &a), "3 mentions · 2 files");

    // An edit to b.txt that changes nobody's mentions asks for nothing.
    let end = position(&text, text.len(), "utf-16");
    lsp.change(&b, 5, json!([{"range": {"start": end, "end": end}, "text": "The ferry is new.\n"}]));
    lsp.diagnostics_at(&b, 5);
    lsp.settle(Duration::from_millis(1500));
    assert_eq!((asked(&lsp, LENS), asked(&lsp, TOKENS)), (lens0 + 1, tokens0 + 1));
    assert!(lsp.shutdown().success());
}

#[test]
fn a_client_without_refresh_support_is_never_asked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", A);
    write(dir.path(), "b.txt", B);
    let mut lsp = start(dir.path(), json!({}));
    let (a, b) = (uri_of(&dir.path().join("a.txt")), uri_of(&dir.path().join("b.txt")));
    lsp.open(&a, 1, A);
    lsp.open(&b, 1, B);
    lsp.diagnostics_at(&b, 1);
    let end = position(B, B.len(), "utf-16");
    lsp.change(&b, 2, json!([{"range": {"start": end, "end": end}, "text": "Sølvberg said so.\n"}]));
    lsp.diagnostics_at(&b, 2);
    lsp.settle(Duration::from_millis(1500));
    assert_eq!(lens_title(&mut lsp, &a), "3 mentions · 2 files");
    assert_eq!((asked(&lsp, LENS), asked(&lsp, TOKENS)), (0, 0));
    assert!(lsp.shutdown().success());
}
