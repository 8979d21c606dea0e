//! People features and the workspace index over real JSON-RPC, on invented articles: hover,
//! definition, references (across open and unopened files), workspace and document symbols,
//! highlights; indexing with progress, .gitignore and exclude globs; updates on edit, close
//! and watched-file events.

mod common;

use std::time::{Duration, Instant};

use common::{Lsp, offset, offset_any, position, position_any, uri_of, write_file as write};
use serde_json::{Value, json};

const A: &str = "Bridge to close for repairs\n\n\
Transport Minister Helena Marsh said on Thursday that the bridge would close in May.\n\
“We cannot wait any longer,” Ms Marsh told reporters.\n\
Structural engineer Tomasz Wróbel said the cracks had grown by a third.\n\
Marsh’s office declined to give a cost.\n";

const B: &str = "Depot visit\n\n\
Helena Marsh, the transport minister, visited the tram depot on Monday.\n\
Marsh said the new trams would arrive in 2026.\n";

const IGNORED: &str = "Draft\n\nCouncillor Priya Raman said the plan was a mistake.\n";

struct Ws {
    dir: tempfile::TempDir,
    lsp: Lsp,
    a: String,
    b: String,
}

/// A workspace with a.txt (opened) and b.txt (only on disk), plus ignored files.
fn workspace(options: Value) -> Ws {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", A);
    write(dir.path(), "b.txt", B);
    write(dir.path(), ".gitignore", "drafts/\n");
    write(dir.path(), "drafts/raman.txt", IGNORED);
    write(dir.path(), "notes.rs", "// Councillor Priya Raman said so.\n");
    // Files the indexer must skip (with a log line) without stopping.
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 owner Priya Raman said so.\n").unwrap();
    std::fs::write(dir.path().join("binary.md"), b"PK\x03\x04\x00Priya Raman").unwrap();
    let mut lsp = Lsp::start(dir.path());
    lsp.initialize(dir.path(), &["utf-16"], options);
    let a = uri_of(&dir.path().join("a.txt"));
    let b = uri_of(&dir.path().join("b.txt"));
    lsp.open(&a, 1, A);
    lsp.diagnostics_at(&a, 1);
    Ws { dir, lsp, a, b }
}

fn at(text: &str, needle: &str, nth: usize) -> Value {
    let off = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} #{nth}")).0;
    position(text, off + 1, "utf-16")
}

fn tdp(uri: &str, pos: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": pos})
}

fn symbols(lsp: &mut Lsp, query: &str) -> Vec<Value> {
    lsp.request("workspace/symbol", json!({"query": query})).as_array().cloned().unwrap_or_default()
}

fn names(syms: &[Value]) -> Vec<String> {
    syms.iter().map(|s| s["name"].as_str().unwrap().to_string()).collect()
}

/// Wait until the workspace walk has indexed b.txt (its Tomasz Wróbel is listed). Workspace
/// symbols wait for the walk only for a bounded time, and a loaded CI machine can take longer.
fn wait_for_walk(lsp: &mut Lsp) {
    eventually(lsp, "the workspace walk to index b.txt", |l| names(&symbols(l, "")).contains(&"Tomasz Wróbel".to_string()));
}

/// Poll `f` until it holds (the index updates asynchronously after file events).
fn eventually(lsp: &mut Lsp, what: &str, mut f: impl FnMut(&mut Lsp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !f(lsp) {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The text a location points at.
fn text_at(loc: &Value, files: &[(&str, &str)]) -> String {
    let text = files.iter().find(|(u, _)| *u == loc["uri"]).map(|(_, t)| *t).expect("known file");
    let s = offset(text, &loc["range"]["start"], "utf-16");
    let e = offset(text, &loc["range"]["end"], "utf-16");
    text[s..e].to_string()
}

#[test]
fn hover_shows_full_name_role_counts_and_quotes() {
    let mut ws = workspace(Value::Null);
    // Hover never waits for the walk of the workspace (it answers from whatever the index holds,
    // see ARCHITECTURE.md), so under load it can answer before b.txt is indexed. Workspace
    // symbols wait for the walk, boundedly: poll them until b.txt's mentions are in the index.
    wait_for_walk(&mut ws.lsp);
    let h = ws.lsp.request("textDocument/hover", tdp(&ws.a, at(A, "Marsh", 1)));
    let md = h["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert_eq!(h["contents"]["kind"], "markdown");
    assert!(md.contains("**Helena Marsh**"), "{md}");
    assert!(md.to_lowercase().contains("transport minister"), "{md}");
    assert!(md.contains("in 2 files"), "mentions from the unopened b.txt count too: {md}");
    assert!(md.contains("We cannot wait any longer"), "{md}");
    // The hover range is the name, without the honorific.
    let r = &h["range"];
    assert_eq!(text_at(&json!({"uri": ws.a, "range": r}), &[(&ws.a, A)]), "Marsh");
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn definition_goes_to_the_full_name_in_the_same_file() {
    let mut ws = workspace(Value::Null);
    for pos in [at(A, "Marsh", 1), at(A, "Marsh", 2)] {
        let d = ws.lsp.request("textDocument/definition", tdp(&ws.a, pos));
        assert_eq!(d["uri"], ws.a.as_str());
        assert_eq!(d["range"]["start"], position(A, A.find("Helena Marsh").unwrap(), "utf-16"));
        assert_eq!(text_at(&d, &[(&ws.a, A)]), "Helena Marsh");
    }
    // No person under the cursor: null.
    let d = ws.lsp.request("textDocument/definition", tdp(&ws.a, at(A, "bridge", 0)));
    assert!(d.is_null(), "{d}");
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn references_cover_every_file_and_honour_include_declaration() {
    let mut ws = workspace(Value::Null);
    let mut params = tdp(&ws.a, at(A, "Marsh", 1));
    params["context"] = json!({"includeDeclaration": true});
    let with = ws.lsp.request("textDocument/references", params.clone());
    let with = with.as_array().unwrap().clone();
    let files = [(ws.a.as_str(), A), (ws.b.as_str(), B)];
    let mut got: Vec<(String, String)> = with.iter().map(|l| (l["uri"].as_str().unwrap().to_string(), text_at(l, &files))).collect();
    got.sort();
    let mut want = vec![
        (ws.a.clone(), "Helena Marsh".to_string()),
        (ws.a.clone(), "Marsh".into()),
        (ws.a.clone(), "Marsh".into()),
        (ws.b.clone(), "Helena Marsh".into()),
        (ws.b.clone(), "Marsh".into()),
    ];
    want.sort();
    assert_eq!(got, want);
    params["context"] = json!({"includeDeclaration": false});
    let without = ws.lsp.request("textDocument/references", params);
    let without = without.as_array().unwrap();
    assert_eq!(without.len(), with.len() - 1);
    let decl_start = position(A, A.find("Helena Marsh").unwrap(), "utf-16");
    assert!(!without.iter().any(|l| l["uri"] == ws.a.as_str() && l["range"]["start"] == decl_start));
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn workspace_symbols_list_people_and_match_fuzzily() {
    let mut ws = workspace(Value::Null);
    wait_for_walk(&mut ws.lsp);
    let all = symbols(&mut ws.lsp, "");
    let n = names(&all);
    assert!(n.contains(&"Helena Marsh".to_string()) && n.contains(&"Tomasz Wróbel".to_string()), "{n:?}");
    let marsh = all.iter().find(|s| s["name"] == "Helena Marsh").unwrap();
    assert_eq!(marsh["kind"], 19);
    assert!(marsh["containerName"].as_str().is_some_and(|r| r.to_lowercase().contains("transport minister")), "{marsh}");
    assert!(marsh["location"]["range"].is_object());
    // .gitignore'd folders and non-article files are not indexed.
    assert!(!n.contains(&"Priya Raman".to_string()), "{n:?}");
    assert_eq!(names(&symbols(&mut ws.lsp, "hmrsh")), vec!["Helena Marsh"]);
    assert_eq!(names(&symbols(&mut ws.lsp, "WRÓB")), vec!["Tomasz Wróbel"]);
    assert!(symbols(&mut ws.lsp, "zzzz").is_empty());
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn document_symbols_and_highlights_stay_in_the_file() {
    let mut ws = workspace(Value::Null);
    let syms = ws.lsp.request("textDocument/documentSymbol", json!({"textDocument": {"uri": ws.a}}));
    let mut n: Vec<&str> = syms.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    n.sort();
    assert_eq!(n, vec!["Helena Marsh", "Tomasz Wróbel"]);
    assert!(syms.as_array().unwrap().iter().all(|s| s["kind"] == 19));
    let hl = ws.lsp.request("textDocument/documentHighlight", tdp(&ws.a, at(A, "Marsh", 0)));
    let texts: Vec<String> =
        hl.as_array().unwrap().iter().map(|h| text_at(&json!({"uri": ws.a, "range": h["range"]}), &[(&ws.a, A)])).collect();
    assert_eq!(texts, vec!["Helena Marsh", "Marsh", "Marsh"]);
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn indexing_reports_progress_and_registers_file_watchers() {
    let mut ws = workspace(Value::Null);
    symbols(&mut ws.lsp, ""); // waits for the initial index
    ws.lsp.settle(Duration::from_millis(300));
    assert!(ws.lsp.server_requests.iter().any(|r| r["method"] == "window/workDoneProgress/create"));
    let kinds: Vec<String> = ws
        .lsp
        .notifications
        .iter()
        .filter(|n| n["method"] == "$/progress")
        .map(|n| n["params"]["value"]["kind"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(kinds.first().map(String::as_str), Some("begin"), "{kinds:?}");
    assert_eq!(kinds.last().map(String::as_str), Some("end"), "{kinds:?}");
    let reg = ws.lsp.server_requests.iter().find(|r| r["method"] == "client/registerCapability").expect("watchers registered");
    assert_eq!(reg["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn watched_file_events_add_change_and_remove_articles() {
    let mut ws = workspace(Value::Null);
    symbols(&mut ws.lsp, "");
    let c = ws.dir.path().join("c.txt");
    std::fs::write(&c, "Council vote\n\nCouncillor Priya Raman said the budget was unfair.\n").unwrap();
    let uri = uri_of(&c);
    ws.lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri, "type": 1}]}));
    eventually(&mut ws.lsp, "Priya Raman indexed", |l| names(&symbols(l, "")).contains(&"Priya Raman".to_string()));
    std::fs::write(&c, "Council vote\n\nCouncillor Omar Haddad said the budget was unfair.\n").unwrap();
    ws.lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri, "type": 2}]}));
    eventually(&mut ws.lsp, "Omar Haddad replaces Priya Raman", |l| {
        let n = names(&symbols(l, ""));
        n.contains(&"Omar Haddad".to_string()) && !n.contains(&"Priya Raman".to_string())
    });
    std::fs::remove_file(&c).unwrap();
    ws.lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri, "type": 3}]}));
    eventually(&mut ws.lsp, "Omar Haddad gone", |l| !names(&symbols(l, "")).contains(&"Omar Haddad".to_string()));
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn edits_update_the_index_and_close_falls_back_to_disk() {
    let mut ws = workspace(Value::Null);
    // Rename the engineer in the open buffer (not on disk).
    let from = A.find("Tomasz Wróbel").unwrap();
    let range = common::range(A, &(from..from + "Tomasz Wróbel".len()), "utf-16");
    ws.lsp.change(&ws.a, 2, json!([{"range": range, "text": "Anna Kowalczyk"}]));
    ws.lsp.diagnostics_at(&ws.a, 2);
    let n = names(&symbols(&mut ws.lsp, ""));
    assert!(n.contains(&"Anna Kowalczyk".to_string()) && !n.contains(&"Tomasz Wróbel".to_string()), "{n:?}");
    // Closing drops the buffer: the file on disk counts again.
    ws.lsp.notify("textDocument/didClose", json!({"textDocument": {"uri": ws.a}}));
    eventually(&mut ws.lsp, "back to the disk version", |l| {
        let n = names(&symbols(l, ""));
        n.contains(&"Tomasz Wróbel".to_string()) && !n.contains(&"Anna Kowalczyk".to_string())
    });
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn exclude_globs_keep_files_out_of_the_index() {
    let mut ws = workspace(json!({"files": {"exclude": ["b.txt"]}}));
    let mut params = tdp(&ws.a, at(A, "Marsh", 1));
    params["context"] = json!({"includeDeclaration": true});
    let refs = ws.lsp.request("textDocument/references", params.clone());
    assert!(refs.as_array().unwrap().iter().all(|l| l["uri"] == ws.a.as_str()), "{refs}");
    // Changing the globs re-indexes the workspace.
    ws.lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"files": {"exclude": []}}}}));
    let b = ws.b.clone();
    eventually(&mut ws.lsp, "b.txt indexed after the exclude is lifted", |l| {
        let r = l.request("textDocument/references", params.clone());
        r.as_array().unwrap().iter().any(|loc| loc["uri"] == b.as_str())
    });
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn workspace_folders_can_be_added_and_removed() {
    let mut ws = workspace(Value::Null);
    let other = tempfile::tempdir().unwrap();
    write(other.path(), "budget.md", "# Budget\n\nCouncillor Omar Haddad said the budget was unfair.\n");
    assert!(!names(&symbols(&mut ws.lsp, "")).contains(&"Omar Haddad".to_string()));
    let folder = json!({"uri": uri_of(other.path()), "name": "other"});
    ws.lsp.notify("workspace/didChangeWorkspaceFolders", json!({"event": {"added": [folder.clone()], "removed": []}}));
    // Workspace-wide queries wait for the new folder's indexing.
    assert!(names(&symbols(&mut ws.lsp, "")).contains(&"Omar Haddad".to_string()));
    ws.lsp.notify("workspace/didChangeWorkspaceFolders", json!({"event": {"added": [], "removed": [folder]}}));
    let n = names(&symbols(&mut ws.lsp, ""));
    assert!(!n.contains(&"Omar Haddad".to_string()) && n.contains(&"Helena Marsh".to_string()), "{n:?}");
    assert!(ws.lsp.shutdown().success());
}

/// Invented surnames, distinct and pronounceable: "Bakor", "Bakun", ...
fn surname(i: usize) -> String {
    const A: [&str; 8] = ["Ba", "Do", "Fe", "Gu", "Ka", "Lo", "Mi", "Ro"];
    const B: [&str; 8] = ["kor", "lun", "mesh", "tav", "rin", "dek", "soll", "vard"];
    const C: [&str; 6] = ["", "a", "er", "in", "ow", "ez"];
    format!("{}{}{}", A[i % 8], B[(i / 8) % 8], C[(i / 64) % 6])
}

#[test]
fn references_asked_before_the_walk_ends_see_the_whole_workspace_and_hover_does_not_wait() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Budget row\n\nCouncillor Ada Brisk said the budget was unfair.\n";
    for i in 0..300 {
        write(dir.path(), &format!("{:02}/n{i:03}.txt", i / 100), text);
    }
    let a = dir.path().join("a.txt");
    write(dir.path(), "a.txt", text);
    let mut lsp = Lsp::start(dir.path());
    lsp.initialize(dir.path(), &["utf-16"], Value::Null);
    let uri = uri_of(&a);
    lsp.open(&uri, 1, text);
    // Asked at once, while the workspace is still being read. A hover needs only its own
    // document: it answers from whatever is indexed so far, without waiting for the walk.
    let pos = position(text, text.find("Brisk").unwrap(), "utf-16");
    let h = lsp.request("textDocument/hover", tdp(&uri, pos.clone()));
    let md = h["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(md.contains("Ada Brisk"), "{md}");
    // References wait (boundedly) for the walk.
    let mut params = tdp(&uri, pos.clone());
    params["context"] = json!({"includeDeclaration": true});
    assert_eq!(lsp.request("textDocument/references", params).as_array().unwrap().len(), 301);
    // Now the index is complete, and so is the hover.
    let h = lsp.request("textDocument/hover", tdp(&uri, pos));
    let md = h["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(md.contains("301 mentions in 301 files"), "{md}");
    assert!(lsp.shutdown().success());
}

#[test]
fn watched_file_events_for_ignored_paths_are_ignored() {
    let mut ws = workspace(json!({"files": {"exclude": ["old/**"]}}));
    symbols(&mut ws.lsp, "");
    let mut changes = Vec::new();
    // .gitignore'd folder, an excluded folder, a hidden folder: all ignored.
    for (name, who) in [("drafts/new.txt", "Priya Raman"), ("old/new.txt", "Omar Haddad"), (".cache/new.txt", "Lena Fischer")] {
        write(ws.dir.path(), name, format!("Note\n\nCouncillor {who} said the plan was a mistake.\n"));
        changes.push(json!({"uri": uri_of(&ws.dir.path().join(name)), "type": 1}));
    }
    // An ordinary file, sent last, shows that the events were processed.
    write(ws.dir.path(), "news/new.txt", "Note\n\nCouncillor Ivo Sandberg said the plan was fine.\n");
    changes.push(json!({"uri": uri_of(&ws.dir.path().join("news/new.txt")), "type": 1}));
    ws.lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": changes}));
    eventually(&mut ws.lsp, "Ivo Sandberg indexed", |l| names(&symbols(l, "")).contains(&"Ivo Sandberg".to_string()));
    let n = names(&symbols(&mut ws.lsp, ""));
    for who in ["Priya Raman", "Omar Haddad", "Lena Fischer"] {
        assert!(!n.contains(&who.to_string()), "{who} in {n:?}");
    }
    assert!(ws.lsp.shutdown().success());
}

#[test]
fn workspace_symbol_returns_the_best_matches_for_a_query_and_everyone_for_none() {
    let dir = tempfile::tempdir().unwrap();
    let n = 300;
    for i in 0..n {
        let text = format!("Row {i}\n\nCouncillor Ada {} said the budget was unfair.\n", surname(i));
        write(dir.path(), &format!("n{i:03}.txt"), &text);
    }
    let mut lsp = Lsp::start(dir.path());
    lsp.initialize(dir.path(), &["utf-16"], Value::Null);
    let all = names(&symbols(&mut lsp, ""));
    assert_eq!(all.len(), n, "the empty query lists everyone");
    let some = names(&symbols(&mut lsp, "ada"));
    assert_eq!(some.len(), 256, "a query returns the best 256 matches");
    // A query that matches few people gets them all, word-start matches first.
    let few = names(&symbols(&mut lsp, "bakor"));
    assert_eq!(few.first().map(String::as_str), Some("Ada Bakor"), "{few:?}");
    assert!(few.iter().all(|x| x.to_lowercase().contains("bakor")), "{few:?}");
    assert!(lsp.shutdown().success());
}

#[test]
fn positions_in_unopened_files_are_exact_in_both_encodings() {
    // Non-ASCII before the names on the same line, CRLF and lone CR line breaks.
    let disk = "Harbour \u{201c}plan\u{201d} \u{1f389}\r\n\u{e9}t\u{e9} \u{2014} Mayor Jana Dvo\u{159}\u{e1}k said the harbour would reopen.\rDvo\u{159}\u{e1}k \u{1f389} added that \u{201c}it will be fine\u{201d}, Dvo\u{159}\u{e1}k said.\n";
    let open = "Ferry\n\nMayor Jana Dvo\u{159}\u{e1}k said the ferry was late.\n";
    for enc in ["utf-16", "utf-8"] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "disk.txt", disk);
        write(dir.path(), "open.txt", open);
        let mut lsp = Lsp::start(dir.path());
        lsp.initialize(dir.path(), &[enc], Value::Null);
        let (d, o) = (uri_of(&dir.path().join("disk.txt")), uri_of(&dir.path().join("open.txt")));
        lsp.open(&o, 1, open);
        let mut params = tdp(&o, position(open, open.find("Dvo").unwrap(), enc));
        params["context"] = json!({"includeDeclaration": true});
        let refs = lsp.request("textDocument/references", params);
        let mut got: Vec<String> = refs
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["uri"] == d.as_str())
            .map(|l| {
                let s = offset_any(disk, &l["range"]["start"], enc);
                let e = offset_any(disk, &l["range"]["end"], enc);
                disk[s..e].to_string()
            })
            .collect();
        got.sort();
        assert_eq!(got, vec!["Dvo\u{159}\u{e1}k", "Dvo\u{159}\u{e1}k", "Jana Dvo\u{159}\u{e1}k"], "{enc}: {refs}");
        // Hover on the unopened file, at a position after the emoji.
        let third = disk.rfind("Dvo").unwrap();
        let h = lsp.request("textDocument/hover", tdp(&d, position_any(disk, third + 1, enc)));
        let r = &h["range"];
        assert_eq!(&disk[offset_any(disk, &r["start"], enc)..offset_any(disk, &r["end"], enc)], "Dvo\u{159}\u{e1}k", "{enc}: {h}");
        assert!(lsp.shutdown().success());
    }
}

#[test]
fn hover_works_anywhere_on_a_multi_word_name_spaces_and_end_included() {
    let mut ws = workspace(Value::Null);
    for (needle, nth) in [("Helena Marsh", 0), ("Tomasz Wróbel", 0)] {
        let start = A.match_indices(needle).nth(nth).unwrap().0;
        let end = start + needle.len();
        // Every character boundary from the first letter to just after the last, the space
        // between the words included.
        for at in (start..=end).filter(|&i| A.is_char_boundary(i)) {
            let h = ws.lsp.request("textDocument/hover", tdp(&ws.a, position(A, at, "utf-16")));
            let md = h["contents"]["value"].as_str().unwrap_or_default();
            assert!(md.contains(&format!("**{needle}**")), "no hover for {needle:?} at byte {} ({:?}): {h}", at - start, &A[start..at]);
        }
    }
    // Just before the name, and on the word before it, there is none.
    let start = A.find("Helena Marsh").unwrap();
    let h = ws.lsp.request("textDocument/hover", tdp(&ws.a, position(A, start - 1, "utf-16")));
    assert!(h.is_null() || !h["contents"]["value"].as_str().unwrap_or("").contains("Helena Marsh"), "{h}");
    assert!(ws.lsp.shutdown().success());
}
