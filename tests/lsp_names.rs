//! Names across the workspace over real JSON-RPC, on invented articles: renaming a person in
//! every file (one of them never opened, edited on disk), each mention in its own form; the
//! `name-spelling` diagnostic with its related information and its quick fix; no diagnostic for
//! two different people with close names.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Lsp, offset, position, uri_of, write_file};
use serde_json::{Value, json};

const ENC: &str = "utf-16";

/// On disk only (never opened): Halvard Brennecke named in full, then by surname, possessive.
const A: &str = "Transport Minister Halvard Brennecke said the tunnel would open in June.\n\
                 “We are ready,” Brennecke said on Tuesday.\n\
                 Brennecke’s deputy, Ilse Varga, agreed with him.\n";
/// Opened: the same person, in full and by surname.
const B: &str = "Halvard Brennecke visited the site on Monday. Brennecke said the costs had risen.\n";
/// On disk only: Mayor Oleksiy Kovalyov, three times.
const C: &str = "Mayor Oleksiy Kovalyov said the market would reopen in spring.\n\
                 Kovalyov said traders were ready. Kovalyov thanked them.\n";
/// Opened: the same mayor, spelled Kovaliov.
const D: &str = "Oleksiy Kovaliov, the mayor, said on Friday that the stalls were ready.\n";
/// Two different people with close names: Jon and John Tarrant.
const E: &str = "Coach Jon Tarrant said the team was ready. Tarrant said the pitch was wet.\n";
const F: &str = "John Tarrant, a retired judge, said the ruling was wrong.\n";

fn caps(document_changes: bool) -> Value {
    json!({
        "general": {"positionEncodings": [ENC]},
        "textDocument": {
            "synchronization": {"didSave": true},
            "publishDiagnostics": {"versionSupport": true, "relatedInformation": true},
            "rename": {"prepareSupport": true},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}}
        },
        "workspace": {"workspaceEdit": {"documentChanges": document_changes}, "workspaceFolders": true, "configuration": false}
    })
}

fn start(dir: &Path, document_changes: bool) -> Lsp {
    for (name, text) in [("a.txt", A), ("b.txt", B), ("c.txt", C), ("d.txt", D), ("e.txt", E), ("f.txt", F)] {
        write_file(dir, name, text);
    }
    let mut lsp = Lsp::start(dir);
    let uri = uri_of(dir);
    let init = lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": "ws"}], "capabilities": caps(document_changes)}),
    );
    assert_eq!(init["capabilities"]["renameProvider"], json!({"prepareProvider": true}), "{init}");
    lsp.notify("initialized", json!({}));
    // Wait for the walk (c.txt is on disk only).
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let syms = lsp.request("workspace/symbol", json!({"query": "Oleksiy"}));
        if syms.as_array().is_some_and(|a| !a.is_empty()) {
            break;
        }
        assert!(Instant::now() < deadline, "the workspace walk did not index c.txt");
        std::thread::sleep(Duration::from_millis(100));
    }
    lsp
}

fn at(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} #{nth}")).0
}

/// Apply LSP text edits to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (offset(text, &e["range"]["start"], ENC), offset(text, &e["range"]["end"], ENC), e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

/// The edits of a `documentChanges` workspace edit, by URI, with their versions.
fn document_changes(edit: &Value) -> Vec<(String, Value, Vec<Value>)> {
    edit["documentChanges"]
        .as_array()
        .unwrap_or_else(|| panic!("no documentChanges in {edit}"))
        .iter()
        .map(|d| {
            (
                d["textDocument"]["uri"].as_str().unwrap().to_string(),
                d["textDocument"]["version"].clone(),
                d["edits"].as_array().unwrap().clone(),
            )
        })
        .collect()
}

#[test]
fn rename_changes_every_mention_in_every_file_in_its_own_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), true);
    let (a, b) = (uri_of(&dir.path().join("a.txt")), uri_of(&dir.path().join("b.txt")));
    lsp.open(&b, 3, B);
    lsp.diagnostics_at(&b, 3);

    // prepareRename: the mention's range and the mention as written.
    let surname = at(B, "Brennecke", 1);
    let prep = lsp.request("textDocument/prepareRename", json!({"textDocument": {"uri": b}, "position": position(B, surname + 2, ENC)}));
    assert_eq!(prep["placeholder"], "Brennecke", "{prep}");
    assert_eq!(prep["range"], common::range(B, &(surname..surname + "Brennecke".len()), ENC));
    let full = at(B, "Halvard", 0);
    let prep = lsp.request("textDocument/prepareRename", json!({"textDocument": {"uri": b}, "position": position(B, full, ENC)}));
    assert_eq!(prep["placeholder"], "Halvard Brennecke", "{prep}");
    // Not a person: null, and a rename there is refused.
    let site = at(B, "site", 0);
    let prep = lsp.request("textDocument/prepareRename", json!({"textDocument": {"uri": b}, "position": position(B, site, ENC)}));
    assert_eq!(prep, Value::Null);
    let refused =
        lsp.request_raw("textDocument/rename", json!({"textDocument": {"uri": b}, "position": position(B, site, ENC), "newName": "X"}));
    assert!(refused["error"]["message"].as_str().unwrap_or("").contains("no person"), "{refused}");

    // Renaming the surname from a surname-only mention: every mention, both files.
    let edit = lsp
        .request("textDocument/rename", json!({"textDocument": {"uri": b}, "position": position(B, surname, ENC), "newName": "Brenneke"}));
    let changes = document_changes(&edit);
    assert_eq!(changes.len(), 2, "{edit}");
    for (uri, version, edits) in &changes {
        if *uri == a {
            assert_eq!(*version, Value::Null, "a file that is not open is edited on disk");
            assert_eq!(
                apply(A, edits),
                A.replace("Brennecke", "Brenneke"),
                "the surname in the full name, alone and before a possessive (which keeps its ’s)"
            );
            assert_eq!(edits.len(), 3);
        } else {
            assert_eq!(*uri, b);
            assert_eq!(*version, json!(3), "an open document's edit carries the version analysed");
            assert_eq!(apply(B, edits), B.replace("Brennecke", "Brenneke"));
        }
    }

    // A full new name from a full-name mention: full names change both parts, surnames only
    // their surname.
    let edit = lsp.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": b}, "position": position(B, full, ENC), "newName": "Halvor Brandtner"}),
    );
    for (uri, _, edits) in document_changes(&edit) {
        let (before, after) = if uri == a { (A, apply(A, &edits)) } else { (B, apply(B, &edits)) };
        assert_eq!(after, before.replace("Halvard Brennecke", "Halvor Brandtner").replace("Brennecke", "Brandtner"), "{uri}");
    }
    assert!(lsp.shutdown().success());
}

#[test]
fn rename_without_document_changes_uses_changes_by_uri() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), false);
    let (a, b) = (uri_of(&dir.path().join("a.txt")), uri_of(&dir.path().join("b.txt")));
    lsp.open(&b, 1, B);
    lsp.diagnostics_at(&b, 1);
    let edit = lsp.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": b}, "position": position(B, at(B, "Brennecke", 0), ENC), "newName": "Brenneke"}),
    );
    assert!(edit.get("documentChanges").is_none(), "{edit}");
    assert_eq!(apply(A, edit["changes"][&a].as_array().unwrap()), A.replace("Brennecke", "Brenneke"));
    assert_eq!(apply(B, edit["changes"][&b].as_array().unwrap()), B.replace("Brennecke", "Brenneke"));
    assert!(lsp.shutdown().success());
}

fn spelling(diags: &Value) -> Vec<Value> {
    diags["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "name-spelling").cloned().collect()
}

#[test]
fn a_spelling_variant_has_related_information_and_a_quick_fix() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), true);
    let (c, d) = (uri_of(&dir.path().join("c.txt")), uri_of(&dir.path().join("d.txt")));
    lsp.open(&d, 1, D);
    let diags = lsp.diagnostics_where(&d, |p| p["version"] == 1 && !spelling(p).is_empty());
    let found = spelling(&diags);
    assert_eq!(found.len(), 1, "{diags}");
    let diag = &found[0];
    let variant = at(D, "Kovaliov", 0);
    assert_eq!(diag["range"], common::range(D, &(variant..variant + "Kovaliov".len()), ENC));
    assert_eq!(diag["severity"], 3, "information");
    let message = diag["message"].as_str().unwrap();
    assert!(message.contains("\"Kovaliov\"") && message.contains("\"Kovalyov\" (3 times)"), "{message}");
    // Related information: where the other spelling is written, with its count.
    let related = diag["relatedInformation"].as_array().expect("relatedInformation");
    assert_eq!(related.len(), 1, "{diag}");
    assert_eq!(related[0]["location"]["uri"], c);
    let other = at(C, "Kovalyov", 0);
    assert_eq!(related[0]["location"]["range"], common::range(C, &(other..other + "Kovalyov".len()), ENC));
    assert!(related[0]["message"].as_str().unwrap().contains("used 3 times"), "{related:?}");

    // The quick fix: change it to the usual spelling.
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": d}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Change to 'Kovalyov' (used 3 times)")
        .unwrap_or_else(|| panic!("no spelling fix in {actions}"));
    assert_eq!(fix["kind"], "quickfix");
    let changes = document_changes(&fix["edit"]);
    assert_eq!(changes.len(), 1, "{fix}");
    assert_eq!(changes[0].0, d);
    let fixed = apply(D, &changes[0].2);
    assert_eq!(fixed, D.replace("Kovaliov", "Kovalyov"));

    // Applying it: the diagnostic goes at once (the counts are current on every edit).
    lsp.notify("textDocument/didChange", json!({"textDocument": {"uri": d, "version": 2}, "contentChanges": [{"text": fixed}]}));
    let diags = lsp.diagnostics_at(&d, 2);
    assert!(spelling(&diags).is_empty(), "{diags}");
    assert!(lsp.shutdown().success());
}

#[test]
fn an_edit_elsewhere_updates_the_spelling_diagnostics_of_open_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), true);
    let (c, d) = (uri_of(&dir.path().join("c.txt")), uri_of(&dir.path().join("d.txt")));
    lsp.open(&d, 1, D);
    lsp.diagnostics_where(&d, |p| p["version"] == 1 && spelling(p).len() == 1);
    // c.txt is opened and respelled Kovaliov: d.txt's spelling is now the usual one.
    lsp.open(&c, 1, C);
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": c, "version": 2}, "contentChanges": [{"text": C.replace("Kovalyov", "Kovaliov")}]}),
    );
    lsp.diagnostics_where(&d, |p| p["version"] == 1 && spelling(p).is_empty());
    let cd = lsp.diagnostics_at(&c, 2);
    assert!(spelling(&cd).is_empty(), "{cd}");
    assert!(lsp.shutdown().success());
}

#[test]
fn two_different_people_with_close_names_get_no_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = start(dir.path(), true);
    let (e, f) = (uri_of(&dir.path().join("e.txt")), uri_of(&dir.path().join("f.txt")));
    lsp.open(&e, 1, E);
    lsp.open(&f, 1, F);
    let de = lsp.diagnostics_at(&e, 1);
    let df = lsp.diagnostics_at(&f, 1);
    assert!(spelling(&de).is_empty() && spelling(&df).is_empty(), "{de} {df}");
    assert!(lsp.shutdown().success());
}

#[test]
fn a_house_spelling_is_the_only_fix_offered() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "byline.toml", "[[people]]\nname = \"Oleksiy Kovalyov\"\nspelling = \"Oleksiy Kovaliov\"\n");
    let mut lsp = start(dir.path(), true);
    let (c, d) = (uri_of(&dir.path().join("c.txt")), uri_of(&dir.path().join("d.txt")));
    lsp.open(&c, 1, C);
    // The house spelling is the rarer one here: the three mentions spelled otherwise are flagged.
    let diags = lsp.diagnostics_where(&c, |p| p["version"] == 1 && spelling(p).len() == 3);
    let first = &spelling(&diags)[0];
    assert!(first["message"].as_str().unwrap().contains("house spelling"), "{first}");
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": c}, "range": first["range"], "context": {"diagnostics": [first]}}),
    );
    let titles: Vec<&str> =
        actions.as_array().unwrap().iter().filter_map(|a| a["title"].as_str()).filter(|t| t.starts_with("Change to")).collect();
    assert_eq!(titles, ["Change to 'Kovaliov' (the house spelling, used once)"], "{actions}");
    let fix = actions.as_array().unwrap().iter().find(|a| a["title"] == titles[0]).unwrap();
    let changes = document_changes(&fix["edit"]);
    assert_eq!(changes.len(), 1, "{fix}");
    assert_eq!((changes[0].0.as_str(), &changes[0].1), (c.as_str(), &json!(1)));
    assert_eq!(apply(C, &changes[0].2), C.replace("Kovalyov", "Kovaliov"), "every mention spelled so, in every file");
    // The article that uses the house spelling has nothing to fix.
    lsp.open(&d, 1, D);
    let dd = lsp.diagnostics_at(&d, 1);
    assert!(spelling(&dd).is_empty(), "{dd}");
    assert!(lsp.shutdown().success());
}

#[test]
fn a_document_opened_before_the_walk_gets_its_spelling_diagnostic_when_the_walk_ends() {
    // d.txt is opened at once, before the walk has read c.txt (the only other spelling): no
    // edit follows, so the diagnostic must come from the walk's end alone.
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("c.txt", C), ("d.txt", D)] {
        write_file(dir.path(), name, text);
    }
    let mut lsp = Lsp::start(dir.path());
    let uri = uri_of(dir.path());
    lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": "ws"}], "capabilities": caps(true)}),
    );
    lsp.notify("initialized", json!({}));
    let d = uri_of(&dir.path().join("d.txt"));
    lsp.open(&d, 1, D);
    let diags = lsp.diagnostics_where(&d, |p| p["version"] == 1 && spelling(p).len() == 1);
    assert!(spelling(&diags)[0]["message"].as_str().unwrap().contains("\"Kovalyov\" (3 times)"), "{diags}");
    assert!(lsp.shutdown().success());
}
