//! The desk's language data (`[sources] vague` and `anonymous` of `byline.toml`) in the
//! analysis: in `byline check` and `byline report`, and in the language server over JSON-RPC,
//! where a change of `byline.toml` analyses the open articles again. The articles are invented.

mod common;

use std::time::Duration;

use common::{Lsp, run_cli as byline, uri_of, write_file as write};
use serde_json::{Value, json};

/// Line 1 hedges with a phrasing no bundled list knows; line 3 quotes a source the bundled lists
/// do not call anonymous.
const ARTICLE: &str = "Tram fares in Velmora will double in spring, the grapevine has it.\n\n\
A regular at the depot canteen said the drivers would strike.\n";

const DESK: &str = "[sources]\nvague = [\"the grapevine has it\"]\nanonymous = [\"a regular at the depot canteen\"]\n";

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn codes_on(out: &str, line: usize) -> Vec<String> {
    out.lines()
        .filter(|l| l.starts_with(&format!("news/tram.txt:{line}:")))
        .filter_map(|l| Some(l.split_once('[')?.1.split_once(']')?.0.to_string()))
        .collect()
}

#[test]
fn desk_phrases_are_findings_in_check_and_report_and_go_with_them() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/tram.txt", ARTICLE);
    let o = byline(d.path(), &["check", "news"]);
    let out = stdout(&o);
    assert!(!codes_on(&out, 1).contains(&"vague-attribution".into()), "no desk phrase yet: {out}");
    assert!(!codes_on(&out, 3).contains(&"anonymous-source".into()), "no desk phrase yet: {out}");

    write(d.path(), "byline.toml", DESK);
    let o = byline(d.path(), &["check", "news"]);
    let out = stdout(&o);
    assert!(codes_on(&out, 1).contains(&"vague-attribution".into()), "{out}");
    assert!(out.contains("\"the grapevine has it\" — by whom?"), "{out}");
    assert!(codes_on(&out, 3).contains(&"anonymous-source".into()), "{out}");

    let o = byline(d.path(), &["report", "news", "--format", "json"]);
    let report = stdout(&o);
    assert!(report.contains("vague-attribution") && report.contains("anonymous-source"), "{report}");

    write(d.path(), "byline.toml", "[sources]\nvague = []\n");
    let o = byline(d.path(), &["check", "news"]);
    let out = stdout(&o);
    assert!(!codes_on(&out, 1).contains(&"vague-attribution".into()), "the phrase removed: {out}");
    assert!(!codes_on(&out, 3).contains(&"anonymous-source".into()), "the phrase removed: {out}");
}

#[test]
fn a_bad_desk_phrase_is_an_error_on_its_line() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/tram.txt", ARTICLE);
    write(d.path(), "byline.toml", "[sources]\nvague = [\n  \"the grapevine has it\",\n  \"insiders (say|claim\",\n]\n");
    for command in ["check", "people"] {
        let o = byline(d.path(), &[command, "news"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{command}: {err}");
        assert!(
            err.contains("byline.toml:4:3: [sources] vague: bad phrase \"insiders (say|claim\": unbalanced choice"),
            "{command}: {err}"
        );
    }
}

#[test]
fn byline_people_reads_the_desk_language_data() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/tram.txt", "Mayor Ilse Varga said the tram would run, the grapevine has it.\n");
    write(d.path(), "byline.toml", DESK);
    let o = byline(d.path(), &["people", "news"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("Ilse Varga"), "{}", stdout(&o));
}

/// Replace `byline.toml` as an editor saving it does: a new file renamed over the old, so that
/// the server (which may be reading it on its own account) never sees it half written.
fn save_desk(dir: &std::path::Path, text: &str) {
    let tmp = dir.join(".byline.toml.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join("byline.toml")).unwrap();
}

fn has_code_on(params: &Value, line: u64, code: &str) -> bool {
    params["diagnostics"].as_array().unwrap().iter().any(|d| d["range"]["start"]["line"] == line && d["code"] == code)
}

#[test]
fn the_server_applies_desk_phrases_and_a_change_of_byline_toml_analyses_again() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/tram.txt", ARTICLE);
    write(d.path(), "byline.toml", DESK);
    let mut lsp = Lsp::start(d.path());
    lsp.initialize(d.path(), &["utf-16"], Value::Null);
    let uri = uri_of(&d.path().join("news/tram.txt"));
    lsp.open(&uri, 1, ARTICLE);
    let p = lsp.diagnostics_where(&uri, |p| has_code_on(p, 0, "vague-attribution") && has_code_on(p, 2, "anonymous-source"));
    let vague = p["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "vague-attribution").unwrap();
    assert!(vague["message"].as_str().unwrap().contains("listed in byline.toml"), "{vague}");

    // The desk drops the phrases: the open article is analysed again without them.
    save_desk(d.path(), "[sources]\nvague = []\n");
    lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri_of(&d.path().join("byline.toml")), "type": 2}]}));
    lsp.diagnostics_where(&uri, |p| !has_code_on(p, 0, "vague-attribution") && !has_code_on(p, 2, "anonymous-source"));

    // And adds one back.
    save_desk(d.path(), "[sources]\nanonymous = [\"a regular at the depot canteen\"]\n");
    lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri_of(&d.path().join("byline.toml")), "type": 2}]}));
    lsp.diagnostics_where(&uri, |p| !has_code_on(p, 0, "vague-attribution") && has_code_on(p, 2, "anonymous-source"));

    // A broken phrase: an error on its line of byline.toml, the last good language data stays.
    save_desk(d.path(), "[sources]\nanonymous = [\"a regular (at|in the canteen\"]\n");
    let desk_uri = uri_of(&d.path().join("byline.toml"));
    lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": desk_uri, "type": 2}]}));
    let p = lsp.diagnostics_where(&desk_uri, |p| !p["diagnostics"].as_array().unwrap().is_empty());
    assert_eq!(p["diagnostics"][0]["range"]["start"]["line"], 1, "{p}");
    lsp.settle(Duration::from_millis(300));
    assert!(has_code_on(lsp.published(&uri).last().unwrap(), 2, "anonymous-source"));
    lsp.shutdown();
}

#[test]
fn the_server_reads_the_byline_toml_above_its_workspace_folder_and_watches_it() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "byline.toml", format!("{DESK}\n[severity]\nvague-attribution = \"error\"\n"));
    let folder = d.path().join("desk/stories");
    write(&folder, "tram.txt", ARTICLE);
    let mut lsp = Lsp::start(&folder);
    let root = uri_of(&folder);
    let caps = json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"versionSupport": true}},
        "workspace": {"workspaceFolders": true,
                      "didChangeWatchedFiles": {"dynamicRegistration": true, "relativePatternSupport": true}}
    });
    lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "ws"}], "capabilities": caps}),
    );
    lsp.notify("initialized", json!({}));
    let uri = uri_of(&folder.join("tram.txt"));
    lsp.open(&uri, 1, ARTICLE);
    let vague_on_first_line = |severity: u64| {
        move |p: &Value| {
            p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["range"]["start"]["line"] == 0 && d["code"] == "vague-attribution" && d["severity"] == severity)
        }
    };
    lsp.diagnostics_where(&uri, vague_on_first_line(1));

    // The file above the folder is watched with a pattern relative to its folder.
    lsp.settle(Duration::from_millis(300));
    let reg = lsp.server_requests.iter().find(|r| r["method"] == "client/registerCapability").expect("watchers registered").clone();
    let watchers = reg["params"]["registrations"][0]["registerOptions"]["watchers"].as_array().unwrap().clone();
    let above = watchers.iter().find(|w| w["globPattern"]["pattern"] == "byline.toml").unwrap_or_else(|| panic!("{watchers:?}"));
    let base = above["globPattern"]["baseUri"].as_str().unwrap().trim_end_matches('/').to_string();
    assert_eq!(base, uri_of(&d.path().canonicalize().unwrap()).trim_end_matches('/'), "{above}");

    // Its change (as the client reports it) is read again.
    save_desk(d.path(), DESK);
    lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri_of(&d.path().join("byline.toml")), "type": 2}]}));
    lsp.diagnostics_where(&uri, vague_on_first_line(2));
    lsp.shutdown();
}

#[test]
fn the_index_cache_is_keyed_by_the_desk_phrases() {
    let d = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().to_str().unwrap().to_string();
    write(d.path(), "news/tram.txt", "Mayor Ilse Varga said the tram would run, the grapevine has it.\n");
    let run = || {
        let o = byline(d.path(), &["people", "--format", "json", "--cache-dir", &dir]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let files: Vec<_> = std::fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(files.len(), 1, "{files:?}");
        (o.stdout, std::fs::read(&files[0]).unwrap())
    };
    let (bundled_out, bundled_cache) = run();
    assert_eq!(run().1, bundled_cache, "the same language data: read from the cache, not rewritten");
    write(d.path(), "byline.toml", DESK);
    let (desk_out, desk_cache) = run();
    assert_ne!(desk_cache, bundled_cache, "other language data: analysed again and saved under another key");
    assert_eq!(desk_out, bundled_out, "(these phrases do not change who the people are)");
    write(d.path(), "byline.toml", "");
    assert_eq!(run().1, bundled_cache, "no desk phrases: the bundled key again");
}

#[test]
fn a_check_of_a_desk_phrase_finding_is_an_orphan_once_the_phrase_is_dropped() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/tram.txt", ARTICLE);
    write(d.path(), "byline.toml", DESK);
    let o = byline(d.path(), &["ledger", "mark", "news/tram.txt:1", "--code", "vague-attribution", "--note", "the depot manager"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut lsp = Lsp::start(d.path());
    lsp.initialize(d.path(), &["utf-16"], Value::Null);
    let uri = uri_of(&d.path().join("news/tram.txt"));
    lsp.open(&uri, 1, ARTICLE);
    lsp.diagnostics_where(&uri, |p| has_code_on(p, 0, "vague-attribution"));
    let ledger = uri_of(&d.path().join("byline.ledger.toml"));
    let orphaned = |p: &Value| p["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "orphan-check");
    lsp.settle(Duration::from_millis(300));
    assert!(!lsp.published(&ledger).last().is_some_and(orphaned), "the check matches its finding");

    // The phrase dropped: the open article is analysed again, then the ledger's check is an orphan.
    save_desk(d.path(), "[sources]\nanonymous = [\"a regular at the depot canteen\"]\n");
    lsp.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri_of(&d.path().join("byline.toml")), "type": 2}]}));
    lsp.diagnostics_where(&uri, |p| !has_code_on(p, 0, "vague-attribution"));
    lsp.diagnostics_where(&ledger, orphaned);
    lsp.shutdown();
}
