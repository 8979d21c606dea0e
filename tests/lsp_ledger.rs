//! The check ledger and `byline.toml` in the language server, over real JSON-RPC: statuses in
//! diagnostics (checked → hint, hidden by setting, stale → warning), reloads on watched-file
//! events, broken files (a diagnostic on the offending line, one message, the last good
//! configuration in force), orphans on the ledger, and the code actions and commands that
//! record checks and edit the configuration.

mod common;

use std::path::Path;

use common::{Lsp, run_cli as byline, run_cli_at_once, uri_of, write_file as write};
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
    assert_eq!(p["diagnostics"][0]["range"]["start"]["line"], 2, "on the offending line: {p}");
    lsp.settle(std::time::Duration::from_millis(300));
    let shown = lsp.notifications.iter().filter(|n| n["method"] == "window/showMessage");
    assert!(
        shown.clone().any(|n| n["params"]["message"].as_str().unwrap().contains("byline.ledger.toml:3:")),
        "{:?}",
        shown.collect::<Vec<_>>()
    );
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

/// A hand-edited entry naming an article through a symbolic link out of the workspace is refused:
/// an orphan diagnostic on its line says so, and the file outside is not read.
#[cfg(unix)]
#[test]
fn an_entry_through_a_link_out_of_the_workspace_is_refused() {
    let d = workspace();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "other.txt", ARTICLE);
    std::os::unix::fs::symlink(outside.path(), d.path().join("out")).unwrap();
    let entry = "[[check]]\npath = \"out/other.txt\"\ncode = \"vague-attribution\"\n\
                 sentence = \"critics say the council ignored the warnings.\"\nstatus = \"checked\"\n";
    write(d.path(), "byline.ledger.toml", entry);
    let mut lsp = Lsp::start(d.path());
    lsp.initialize(d.path(), &["utf-16"], Value::Null);
    let ledger = d.path().join("byline.ledger.toml");
    let p = lsp.diagnostics_where(&uri_of(&ledger), |p| !p["diagnostics"].as_array().unwrap().is_empty());
    let diag = &p["diagnostics"][0];
    assert_eq!(diag["code"], "orphan-check", "{p}");
    assert_eq!(diag["range"]["start"]["line"], 0, "{p}");
    assert!(diag["message"].as_str().unwrap().contains("refused: its path leads out of the workspace"), "{diag}");
    assert!(lsp.shutdown().success());
}

fn actions_on(lsp: &mut Lsp, uri: &str, params: &Value, line: u64) -> Vec<Value> {
    let diag = on_line(params, line).unwrap_or_else(|| panic!("no diagnostic on line {line}: {params}"));
    let r = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
    );
    r.as_array().unwrap().clone()
}

fn titled(actions: &[Value], prefix: &str) -> Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(prefix))
        .cloned()
        .unwrap_or_else(|| panic!("no {prefix:?} in {actions:?}"))
}

/// Run an action's command with extra arguments merged in; the raw response.
fn run(lsp: &mut Lsp, action: &Value, extra: Value) -> Value {
    let mut args = action["command"]["arguments"][0].clone();
    for (k, v) in extra.as_object().unwrap() {
        args[k] = v.clone();
    }
    lsp.request_raw("workspace/executeCommand", json!({"command": action["command"]["command"], "arguments": [args]}))
}

#[test]
fn code_actions_record_checks_and_survive_a_restart() {
    let d = workspace();
    let (mut lsp, uri) = start(d.path());
    let p = lsp.diagnostics_at(&uri, 1);
    let actions = actions_on(&mut lsp, &uri, &p, 4);
    assert!(actions.iter().all(|a| a["kind"] == "quickfix"), "{actions:?}");
    titled(&actions, "Dismiss — not a claim / source is fine");
    titled(&actions, "Turn off unattributed-claim in this file");
    assert!(!actions.iter().any(|a| a["title"].as_str().unwrap().starts_with("Treat")), "only on vague and anonymous findings");

    // Add attribution: an edit before the final full stop, plain text for this client.
    let add = titled(&actions, "Add attribution");
    let edit = &add["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], ", according to [source]");
    assert_eq!(edit["range"]["start"], json!({"line": 4, "character": "Repairs will cost at least $240 million".len()}));
    assert_eq!(add["diagnostics"][0]["code"], "unattributed-claim");

    // Mark as checked, with a note and a URL.
    let mark = titled(&actions, "Mark as checked");
    let r = run(&mut lsp, &mark, json!({"note": "port authority, 3 May", "url": "https://example.org/port"}));
    assert!(r.get("error").is_none(), "{r}");
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    for field in ["path = \"news/harbour.txt\"", "code = \"unattributed-claim\"", "checker = \"Test Desk\"", "port authority, 3 May"] {
        assert!(ledger.contains(field), "{field} missing:\n{ledger}");
    }
    let p = lsp.diagnostics_where(&uri, |p| severity_on(p, 4) == Some(4));
    assert!(on_line(&p, 4).unwrap()["message"].as_str().unwrap().contains("port authority, 3 May"), "{p}");

    // Dismiss the vague one with a reason.
    let dismiss = titled(&actions_on(&mut lsp, &uri, &p, 2), "Dismiss");
    let r = run(&mut lsp, &dismiss, json!({"reason": "a column"}));
    assert!(r.get("error").is_none(), "{r}");
    let p = lsp.diagnostics_where(&uri, |p| severity_on(p, 2) == Some(4));
    assert!(on_line(&p, 2).unwrap()["message"].as_str().unwrap().starts_with("Dismissed by Test Desk on "), "{p}");
    assert!(lsp.shutdown().success());

    // A new server: still checked, still dismissed.
    let (mut lsp, uri) = start(d.path());
    let p = lsp.diagnostics_where(&uri, |p| severity_on(p, 4) == Some(4) && severity_on(p, 2) == Some(4));
    // A line added above: still checked.
    let edited = format!("Harbour news, updated\n{}", &ARTICLE["Harbour news".len()..]);
    lsp.change(&uri, 2, json!([{"text": edited}]));
    let p2 = lsp.diagnostics_at(&uri, 2);
    assert_eq!(severity_on(&p2, 5), Some(4), "{p2} (before: {p})");
    assert!(lsp.shutdown().success());
}

#[test]
fn commands_refuse_bad_arguments_and_write_nothing() {
    let d = workspace();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "other.txt", ARTICLE);
    let (mut lsp, uri) = start(d.path());
    let p = lsp.diagnostics_at(&uri, 1);
    let mark = titled(&actions_on(&mut lsp, &uri, &p, 4), "Mark as checked");
    for bad in [
        json!({"uri": uri_of(&outside.path().join("other.txt"))}),
        json!({"uri": "untitled:Untitled-1"}),
        json!({"code": "no-such-code"}),
        json!({"code": "vague-attribution"}),
        json!({"sentence": "A sentence that is not in the article."}),
        json!({"url": "javascript:alert(1)"}),
        json!({"note": 42}),
    ] {
        let r = run(&mut lsp, &mark, bad.clone());
        assert!(r.get("error").is_some(), "{bad} accepted: {r}");
    }
    let r = lsp.request_raw("workspace/executeCommand", json!({"command": "byline.markChecked", "arguments": ["news/harbour.txt"]}));
    assert!(r.get("error").is_some(), "{r}");
    let r = lsp.request_raw("workspace/executeCommand", json!({"command": "byline.rm", "arguments": [{}]}));
    assert!(r.get("error").is_some(), "{r}");
    assert!(!d.path().join("byline.ledger.toml").exists());

    // A broken ledger is never written.
    let bad = "[[check]]\npath = \"news/harbour.txt\"\ncode = 7\n";
    write(d.path(), "byline.ledger.toml", bad);
    watched(&mut lsp, &d.path().join("byline.ledger.toml"), 1);
    lsp.diagnostics_where(&uri_of(&d.path().join("byline.ledger.toml")), |p| !p["diagnostics"].as_array().unwrap().is_empty());
    let r = run(&mut lsp, &mark, json!({}));
    assert!(r["error"]["message"].as_str().unwrap().contains("ledger cannot be read"), "{r}");
    assert_eq!(std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap(), bad);
    assert!(lsp.shutdown().success());
}

#[test]
fn turn_off_in_this_file_and_named_sources_edit_byline_toml() {
    let d = workspace();
    let (mut lsp, uri) = start(d.path());
    let p = lsp.diagnostics_at(&uri, 1);
    let actions = actions_on(&mut lsp, &uri, &p, 6);
    let named = titled(&actions, "Treat \"");
    let r = run(&mut lsp, &named, json!({}));
    assert!(r.get("error").is_none(), "{r}");
    let desk = std::fs::read_to_string(d.path().join("byline.toml")).unwrap();
    assert!(desk.starts_with(DESK) && desk.contains("[sources]\nnamed = [\"Critics say\"]"), "{desk}");
    // The phrase is now a named source: its finding goes, in the editor (no diagnostic, no
    // actions) and in `byline check`; the other vague attribution stays.
    let p = lsp.diagnostics_where(&uri, |p| on_line(p, 6).is_none());
    assert_eq!(severity_on(&p, 2), Some(2), "\"It is feared\" is no named source: {p}");
    let range = json!({"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 5}});
    let r = lsp.request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}}));
    assert!(r.as_array().is_none_or(Vec::is_empty), "no actions on a finding not reported: {r}");
    let o = byline(d.path(), &["check", "--format", "json", "news"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let vague: Vec<&Value> = v["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "vague-attribution").collect();
    assert_eq!(vague.len(), 1, "{v}");
    assert_eq!(vague[0]["line"], 3, "{v}");

    let off = titled(&actions, "Turn off vague-attribution in this file");
    let r = run(&mut lsp, &off, json!({}));
    assert!(r.get("error").is_none(), "{r}");
    let desk = std::fs::read_to_string(d.path().join("byline.toml")).unwrap();
    assert!(desk.contains("[[overrides]]\nfiles = [\"news/harbour.txt\"]"), "{desk}");
    let p = lsp.diagnostics_where(&uri, |p| on_line(p, 6).is_none() && on_line(p, 2).is_none());
    assert_eq!(severity_on(&p, 4), Some(2), "other codes stay: {p}");
    let range = json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 5}});
    let r = lsp.request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}}));
    assert!(r.as_array().is_none_or(Vec::is_empty), "no actions on a finding turned off in this file: {r}");
    // byline check applies the override too.
    let o = byline(d.path(), &["check", "--format", "json", "news"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["code"] != "vague-attribution"), "{v}");
    assert!(lsp.shutdown().success());
}

fn initialize_pulling(lsp: &mut Lsp, root: &Path, options: Value) -> Value {
    let uri = uri_of(root);
    let caps = json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"diagnostic": {"dynamicRegistration": false}, "publishDiagnostics": {"versionSupport": true}},
        "workspace": {"workspaceFolders": true, "diagnostics": {"refreshSupport": true}}
    });
    let result = lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": "ws"}],
               "capabilities": caps, "initializationOptions": options}),
    );
    lsp.notify("initialized", json!({}));
    result
}

#[test]
fn pull_diagnostics_report_every_article_with_result_ids() {
    let d = workspace();
    write(d.path(), "news/other.md", ARTICLE.replace("Harbour", "River"));
    let o = byline(d.path(), &["ledger", "mark", "news/harbour.txt:5", "--code", "unattributed-claim"]);
    assert!(o.status.success());
    let mut lsp = Lsp::start(d.path());
    let init = initialize_pulling(&mut lsp, d.path(), json!({"diagnostics": {"pull": true}}));
    assert_eq!(init["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"], true, "{init}");
    let uri = uri_of(&d.path().join("news/harbour.txt"));
    lsp.open(&uri, 1, ARTICLE);

    let r = lsp.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert_eq!(r["kind"], "full", "{r}");
    let items = json!({"diagnostics": r["items"]});
    assert_eq!(severity_on(&items, 4), Some(4), "the ledger applies: {r}");
    assert_eq!(severity_on(&items, 2), Some(2), "{r}");
    let id = r["resultId"].as_str().unwrap().to_string();
    let again = lsp.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}, "previousResultId": id}));
    assert_eq!(again["kind"], "unchanged", "{again}");

    let w = lsp.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let items = w["items"].as_array().unwrap();
    let other = uri_of(&d.path().join("news/other.md"));
    let of = |u: &str| items.iter().find(|i| i["uri"] == u).cloned().unwrap_or_else(|| panic!("{u} missing: {w}"));
    assert_eq!(of(&other)["kind"], "full");
    assert!(!of(&other)["items"].as_array().unwrap().is_empty(), "an article not open is reported: {w}");
    assert_eq!(of(&uri)["version"], 1);
    let previous: Vec<Value> = items.iter().map(|i| json!({"uri": i["uri"], "value": i["resultId"]})).collect();
    let w2 = lsp.request("workspace/diagnostic", json!({"previousResultIds": previous}));
    assert!(w2["items"].as_array().unwrap().iter().all(|i| i["kind"] == "unchanged"), "{w2}");

    // An edit changes that document's report only.
    lsp.change(&uri, 2, json!([{"text": ARTICLE.replace("Critics say the council ignored the warnings.\n", "")}]));
    let w3 = lsp.request("workspace/diagnostic", json!({"previousResultIds": previous}));
    let changed: Vec<&Value> = w3["items"].as_array().unwrap().iter().filter(|i| i["kind"] == "full").collect();
    assert_eq!(changed.len(), 1, "{w3}");
    assert_eq!(changed[0]["uri"], uri.as_str());

    // Nothing was pushed for the article.
    lsp.settle(std::time::Duration::from_millis(300));
    assert!(lsp.published(&uri).is_empty(), "{:?}", lsp.published(&uri));
    assert!(lsp.shutdown().success());
}

#[test]
fn without_the_setting_diagnostics_are_pushed() {
    let d = workspace();
    let mut lsp = Lsp::start(d.path());
    let init = initialize_pulling(&mut lsp, d.path(), Value::Null);
    assert!(init["capabilities"].get("diagnosticProvider").is_none_or(Value::is_null), "{init}");
    let uri = uri_of(&d.path().join("news/harbour.txt"));
    lsp.open(&uri, 1, ARTICLE);
    lsp.diagnostics_at(&uri, 1);
    assert!(lsp.shutdown().success());
}

/// Read the ledger until `pred` holds (a notification's write lands a moment later), at most 20 s.
fn ledger_where(lsp: &mut Lsp, dir: &Path, pred: impl Fn(&str) -> bool) -> String {
    let file = dir.join("byline.ledger.toml");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        if pred(&text) {
            return text;
        }
        assert!(std::time::Instant::now() < deadline, "the ledger never got there:\n{text}");
        lsp.settle(std::time::Duration::from_millis(100));
    }
}

fn renamed(lsp: &mut Lsp, pairs: &[(&Path, &Path)]) {
    let files: Vec<Value> = pairs.iter().map(|(a, b)| json!({"oldUri": uri_of(a), "newUri": uri_of(b)})).collect();
    lsp.notify("workspace/didRenameFiles", json!({ "files": files }));
}

#[test]
fn renamed_articles_and_folders_take_their_checks_with_them() {
    let d = workspace();
    write(d.path(), "news/other.txt", "Officials said the ferry would run on Sundays.\n");
    let o = byline(d.path(), &["ledger", "mark", "news/harbour.txt:5", "--code", "unattributed-claim", "--note", "port authority"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (mut lsp, uri) = start(d.path());
    lsp.diagnostics_where(&uri, |p| severity_on(p, 4) == Some(4));

    // A rename of a file without checks writes nothing.
    let ledger_file = d.path().join("byline.ledger.toml");
    let before = std::fs::read_to_string(&ledger_file).unwrap();
    std::fs::rename(d.path().join("news/other.txt"), d.path().join("news/ferry.txt")).unwrap();
    renamed(&mut lsp, &[(&d.path().join("news/other.txt"), &d.path().join("news/ferry.txt"))]);
    lsp.settle(std::time::Duration::from_millis(500));
    assert_eq!(std::fs::read_to_string(&ledger_file).unwrap(), before);

    // The article renamed (as an editor does it: closed, renamed on disk, told, opened under the
    // new name), then lightly edited in the same go: exact text under the new path would not be
    // enough, the ledger's path has to follow.
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let (old, new) = (d.path().join("news/harbour.txt"), d.path().join("news/harbour-bridge.txt"));
    std::fs::rename(&old, &new).unwrap();
    renamed(&mut lsp, &[(&old, &new)]);
    let text = ledger_where(&mut lsp, d.path(), |t| t.contains("path = \"news/harbour-bridge.txt\""));
    assert!(!text.contains("path = \"news/harbour.txt\""), "{text}");
    assert!(text.contains("note = \"port authority\"") && text.contains("checker = \"Test Desk\""), "{text}");
    let new_uri = uri_of(&new);
    let edited = ARTICLE.replace("at least $240 million.", "at least $240 million in all.");
    lsp.open(&new_uri, 1, &edited);
    let p = lsp.diagnostics_where(&new_uri, |p| severity_on(p, 4) == Some(4));
    assert!(on_line(&p, 4).unwrap()["message"].as_str().unwrap().contains("port authority"), "{p}");
    lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": new_uri}}));

    // A folder renamed: every check under it moves.
    std::fs::rename(d.path().join("news"), d.path().join("archive")).unwrap();
    renamed(&mut lsp, &[(&d.path().join("news"), &d.path().join("archive"))]);
    let text = ledger_where(&mut lsp, d.path(), |t| t.contains("path = \"archive/harbour-bridge.txt\""));
    assert!(!text.contains("news/"), "{text}");

    // Out of the workspace: not followed (the check stays, an orphan to review).
    let outside = tempfile::tempdir().unwrap();
    let before = std::fs::read_to_string(&ledger_file).unwrap();
    renamed(&mut lsp, &[(&d.path().join("archive/harbour-bridge.txt"), &outside.path().join("harbour-bridge.txt"))]);
    lsp.settle(std::time::Duration::from_millis(500));
    assert_eq!(std::fs::read_to_string(&ledger_file).unwrap(), before);
    assert!(lsp.shutdown().success());
}

#[test]
fn the_server_asks_for_renames_of_files_and_folders() {
    let d = workspace();
    let mut lsp = Lsp::start(d.path());
    let r = lsp.initialize(d.path(), &["utf-16"], Value::Null);
    let filters = &r["capabilities"]["workspace"]["fileOperations"]["didRename"]["filters"];
    assert_eq!(filters, &json!([{"scheme": "file", "pattern": {"glob": "**/*"}}]), "{r}");
    assert!(lsp.shutdown().success());
}

/// Two editors (two servers on one workspace) and the CLI record checks at the same time: every
/// check is in the ledger afterwards, none lost to a concurrent write.
#[test]
fn two_servers_and_the_cli_writing_at_once_lose_no_check() {
    let d = workspace();
    let names: Vec<String> = (0..9).map(|i| format!("news/a{i}.txt")).collect();
    for (i, name) in names.iter().enumerate() {
        write(d.path(), name, ARTICLE.replace("$240 million", &format!("${} million", 100 + i)));
    }
    // Every finding of every article, as (path, code, sentence, line).
    let o = byline(d.path(), &["check", "--format", "json", "news"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings: Vec<(String, String, String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"].as_str().unwrap().contains("/a"))
        .map(|f| {
            let path = f["path"].as_str().unwrap().to_string();
            let text = std::fs::read_to_string(d.path().join(&path)).unwrap();
            let span = f["start_byte"].as_u64().unwrap() as usize..f["end_byte"].as_u64().unwrap() as usize;
            (path, f["code"].as_str().unwrap().to_string(), text[span].to_string(), f["line"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(findings.len(), 27, "{v}");
    // Articles 0–2 are marked from one server, 3–5 from the other, 6–8 by CLI processes.
    let part = |lo: usize, hi: usize| -> Vec<(String, String, String, u64)> {
        findings.iter().filter(|f| names[lo..hi].contains(&f.0)).cloned().collect()
    };
    let server = |mine: Vec<(String, String, String, u64)>| {
        let root = d.path().to_path_buf();
        std::thread::spawn(move || {
            let mut lsp = Lsp::start(&root);
            lsp.initialize(&root, &["utf-16"], Value::Null);
            for (path, code, sentence, _) in mine {
                let args = json!({"uri": uri_of(&root.join(&path)), "code": code, "sentence": sentence, "note": "by an editor"});
                let r = lsp.request_raw("workspace/executeCommand", json!({"command": "byline.markChecked", "arguments": [args]}));
                assert!(r.get("error").is_none(), "{r}");
            }
            assert!(lsp.shutdown().success());
        })
    };
    let (a, b) = (server(part(0, 3)), server(part(3, 6)));
    let marks: Vec<Vec<String>> = part(6, 9)
        .into_iter()
        .map(|(path, code, _, line)| vec!["ledger".into(), "mark".into(), format!("{path}:{line}"), "--code".into(), code])
        .collect();
    run_cli_at_once(d.path(), &marks);
    a.join().unwrap();
    b.join().unwrap();
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    assert_eq!(ledger.lines().filter(|l| *l == "[[check]]").count(), 27, "{ledger}");
    assert_eq!(ledger.matches("note = \"by an editor\"").count(), 18, "{ledger}");
    let o = byline(d.path(), &["check", "--format", "json", "news"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let of_a = v["findings"].as_array().unwrap().iter().filter(|f| f["path"].as_str().unwrap().contains("/a"));
    assert!(of_a.clone().all(|f| f["status"] == "checked"), "{v}");
}

/// A client that takes snippet text edits (`experimental.snippetTextEdit`) gets *Add
/// attribution…* as the snippet `, according to ${1:whom}`, at the same place.
#[test]
fn add_attribution_is_a_snippet_for_clients_that_take_them() {
    let d = workspace();
    let mut lsp = Lsp::start(d.path());
    let caps = json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"versionSupport": true}},
        "workspace": {"workspaceFolders": true},
        "experimental": {"snippetTextEdit": true}
    });
    lsp.initialize_with_caps(d.path(), caps, Value::Null);
    let uri = uri_of(&d.path().join("news/harbour.txt"));
    lsp.open(&uri, 1, ARTICLE);
    let p = lsp.diagnostics_at(&uri, 1);
    let add = titled(&actions_on(&mut lsp, &uri, &p, 4), "Add attribution");
    let edit = &add["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], ", according to ${1:whom}");
    assert_eq!(edit["range"]["start"], json!({"line": 4, "character": "Repairs will cost at least $240 million".len()}));
    assert!(lsp.shutdown().success());
}
