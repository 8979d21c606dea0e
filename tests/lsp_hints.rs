//! Inlay hints (who is speaking), code lenses (mention counts) and semantic tokens (people's
//! names) over real JSON-RPC, on invented articles, in UTF-16 with non-ASCII names.

mod common;

use std::time::{Duration, Instant};

use common::{Lsp, offset, position, uri_of, write_file as write};
use serde_json::{Value, json};

const A: &str = "Harbour closes as storm nears\n\n\
Harbour master Ingrid Sølvberg said the port would shut at noon on Friday.\n\
“We have never seen the swell this high,” Sølvberg said.\n\
She added that the crews had been sent home.\n\
“Nobody is to go near the breakwater,” a senior port official said.\n\
Deputy mayor Åse Lindqvist said the ferries would resume on Sunday.\n";

const B: &str = "Ferry timetable\n\n\
Ingrid Sølvberg, the harbour master, said the first ferry would leave at six.\n";

struct Ws {
    _dir: tempfile::TempDir,
    lsp: Lsp,
    /// The `initialize` result.
    init: Value,
    a: String,
    b: String,
}

fn workspace(options: Value) -> Ws {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", A);
    write(dir.path(), "b.txt", B);
    let mut lsp = Lsp::start(dir.path());
    let init = lsp.initialize(dir.path(), &["utf-16"], options);
    let a = uri_of(&dir.path().join("a.txt"));
    let b = uri_of(&dir.path().join("b.txt"));
    lsp.open(&a, 1, A);
    lsp.diagnostics_at(&a, 1);
    Ws { _dir: dir, lsp, init, a, b }
}

/// The byte offset just after the first occurrence of `needle` in `text`.
fn after(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?}")) + needle.len()
}

fn whole(text: &str) -> Value {
    json!({"start": {"line": 0, "character": 0}, "end": position(text, text.len(), "utf-16")})
}

fn hints(lsp: &mut Lsp, uri: &str, range: Value) -> Value {
    lsp.request("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": range}))
}

/// (position, label) of each hint.
fn pairs(hints: &Value) -> Vec<(Value, String)> {
    hints
        .as_array()
        .map_or_else(Vec::new, |h| h.iter().map(|h| (h["position"].clone(), h["label"].as_str().unwrap().to_string())).collect())
}

#[test]
fn inlay_hints_name_the_speaker_after_quotes_and_pronouns() {
    let Ws { mut lsp, a, .. } = workspace(Value::Null);
    let got = hints(&mut lsp, &a, whole(A));
    let expected = vec![
        (position(A, after(A, "this high,”"), "utf-16"), "— Sølvberg".to_string()),
        (position(A, after(A, "\nShe"), "utf-16"), "→ Ingrid Sølvberg".to_string()),
        (position(A, after(A, "the breakwater,”"), "utf-16"), "— a senior port official".to_string()),
    ];
    assert_eq!(pairs(&got), expected, "{got}");
    // UTF-16: "Sølvberg" and the curly quotes are one unit each, so the first hint is at the
    // character count of its line, not the byte count.
    let line3 = A.split('\n').nth(3).unwrap();
    let quote_end = line3.find("this high,”").unwrap() + "this high,”".len();
    assert_eq!(expected[0].0["character"], line3[..quote_end].chars().count());
    assert_ne!(line3[..quote_end].chars().count(), quote_end);
    for h in got.as_array().unwrap() {
        assert_eq!(h["paddingLeft"], true, "{h}");
    }

    // Only the hints in the requested range: line 4 holds the pronoun alone.
    let line4 = json!({"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 20}});
    assert_eq!(pairs(&hints(&mut lsp, &a, line4)), vec![expected[1].clone()]);
    let nothing = json!({"start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 5}});
    assert_eq!(pairs(&hints(&mut lsp, &a, nothing)), vec![]);

    // Turned off by the setting, and on again.
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"inlayHints": {"enable": false}}}}));
    assert_eq!(pairs(&hints(&mut lsp, &a, whole(A))), vec![]);
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"inlayHints": {"enable": true}}}}));
    assert_eq!(pairs(&hints(&mut lsp, &a, whole(A))).len(), 3);
    lsp.shutdown();
}

#[test]
fn inlay_hints_off_from_initialization_options_and_for_unopened_files() {
    let Ws { mut lsp, init, a, .. } = workspace(json!({"inlayHints": {"enable": false}}));
    assert_eq!(init["capabilities"]["inlayHintProvider"], true);
    assert_eq!(hints(&mut lsp, &a, whole(A)), Value::Null);
    lsp.shutdown();
    // A file known only from disk has no analysis in the snapshot: no hints.
    let Ws { mut lsp, b, .. } = workspace(Value::Null);
    assert_eq!(hints(&mut lsp, &b, whole(B)), Value::Null);
    lsp.shutdown();
}

/// Poll `f` until it gives `Some` (the walk of the workspace indexes b.txt in the background).
fn eventually<T>(lsp: &mut Lsp, what: &str, mut f: impl FnMut(&mut Lsp) -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(v) = f(lsp) {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn code_lens_counts_mentions_and_files_and_shows_references() {
    let Ws { mut lsp, init, a, b, .. } = workspace(Value::Null);
    let lenses = lsp.request("textDocument/codeLens", json!({"textDocument": {"uri": a}}));
    let lenses = lenses.as_array().unwrap().clone();
    // One lens per person, on their first mention in this article.
    let first = |name: &str| {
        let at = A.find(name).unwrap();
        json!({"start": position(A, at, "utf-16"), "end": position(A, at + name.len(), "utf-16")})
    };
    let ranges: Vec<Value> = lenses.iter().map(|l| l["range"].clone()).collect();
    assert_eq!(ranges, vec![first("Ingrid Sølvberg"), first("Åse Lindqvist")], "{lenses:?}");
    assert!(lenses.iter().all(|l| l.get("command").is_none_or(Value::is_null)), "resolved lazily: {lenses:?}");

    let lens = lenses[0].clone();
    let resolved = eventually(&mut lsp, "b.txt in the counts", |l| {
        let r = l.request("codeLens/resolve", lens.clone());
        (r["command"]["title"] == "3 mentions · 2 files").then_some(r)
    });
    let cmd = &resolved["command"];
    assert_eq!(cmd["command"], "byline.showReferences");
    let args = cmd["arguments"].as_array().unwrap();
    assert_eq!(args[0], a.as_str());
    assert_eq!(args[1], first("Ingrid Sølvberg")["start"]);
    let locations: Vec<(String, Value)> =
        args[2].as_array().unwrap().iter().map(|l| (l["uri"].as_str().unwrap().to_string(), l["range"].clone())).collect();
    let in_b = B.find("Ingrid Sølvberg").unwrap();
    let b_range = json!({"start": position(B, in_b, "utf-16"), "end": position(B, in_b + "Ingrid Sølvberg".len(), "utf-16")});
    let second = A.find("Sølvberg said.").unwrap();
    let a_second = json!({"start": position(A, second, "utf-16"), "end": position(A, second + "Sølvberg".len(), "utf-16")});
    assert_eq!(locations, vec![(a.clone(), first("Ingrid Sølvberg")), (a.clone(), a_second), (b.clone(), b_range)]);

    let single = lsp.request("codeLens/resolve", lenses[1].clone());
    assert_eq!(single["command"]["title"], "1 mention · 1 file");
    // The command runs in the client: the server does not claim it.
    assert_eq!(init["capabilities"]["codeLensProvider"]["resolveProvider"], true);
    let commands = init["capabilities"]["executeCommandProvider"]["commands"].as_array().unwrap();
    assert!(!commands.contains(&json!("byline.showReferences")), "{commands:?}");
    lsp.shutdown();
}

/// Decode semantic tokens back to (byte range, token type, modifiers) in `text`.
fn decode(text: &str, data: &[Value]) -> Vec<(std::ops::Range<usize>, u64, u64)> {
    decode_in(text, data, "utf-16")
}

fn decode_in(text: &str, data: &[Value], enc: &str) -> Vec<(std::ops::Range<usize>, u64, u64)> {
    let nums: Vec<u64> = data.iter().map(|v| v.as_u64().unwrap()).collect();
    let (mut line, mut col) = (0u64, 0u64);
    let mut out = Vec::new();
    for t in nums.chunks(5) {
        if t[0] > 0 {
            line += t[0];
            col = t[1];
        } else {
            col += t[1];
        }
        let start = offset(text, &json!({"line": line, "character": col}), enc);
        let end = offset(text, &json!({"line": line, "character": col + t[2]}), enc);
        out.push((start..end, t[3], t[4]));
    }
    out
}

#[test]
fn semantic_tokens_cover_exactly_the_names() {
    let Ws { mut lsp, init, a, .. } = workspace(Value::Null);
    let legend = &init["capabilities"]["semanticTokensProvider"]["legend"];
    assert_eq!(legend["tokenTypes"], json!(["variable"]));
    assert_eq!(legend["tokenModifiers"], json!(["person"]));
    assert_eq!(init["capabilities"]["semanticTokensProvider"]["range"], true);

    let full = lsp.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": a}}));
    let tokens = decode(A, full["data"].as_array().unwrap());
    let names: Vec<&str> = tokens.iter().map(|(r, _, _)| &A[r.clone()]).collect();
    assert_eq!(names, vec!["Ingrid Sølvberg", "Sølvberg", "Åse Lindqvist"]);
    let expected = [A.find("Ingrid Sølvberg").unwrap(), A.find("Sølvberg said.").unwrap(), A.find("Åse Lindqvist").unwrap()];
    for ((r, ty, mods), start) in tokens.iter().zip(expected) {
        assert_eq!(r.start, start);
        assert_eq!((*ty, *mods), (0, 1));
    }

    // Range: line 3 only; the first token's line is counted from the start of the document.
    let line3 = json!({"start": {"line": 3, "character": 0}, "end": {"line": 4, "character": 0}});
    let part = lsp.request("textDocument/semanticTokens/range", json!({"textDocument": {"uri": a}, "range": line3}));
    let names: Vec<String> = decode(A, part["data"].as_array().unwrap()).into_iter().map(|(r, _, _)| A[r].to_string()).collect();
    assert_eq!(names, vec!["Sølvberg"]);
    lsp.shutdown();
}

#[test]
fn semantic_tokens_split_a_name_broken_across_lines() {
    // A hard-wrapped Markdown paragraph.
    let text = "# Pier repairs\n\nThe pier will reopen in March, harbour master Ingrid\n\
Sølvberg said on Monday, adding that Ingrid Sølvberg would inspect it.\n";
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(dir.path());
    lsp.initialize(dir.path(), &["utf-16"], Value::Null);
    let u = uri_of(&dir.path().join("wrapped.md"));
    lsp.open(&u, 1, text);
    lsp.diagnostics_at(&u, 1);
    let full = lsp.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": u}}));
    let tokens = decode(text, full["data"].as_array().unwrap());
    let names: Vec<&str> = tokens.iter().map(|(r, _, _)| &text[r.clone()]).collect();
    assert_eq!(names, vec!["Ingrid", "Sølvberg", "Ingrid Sølvberg"]);
    let wrapped = text.find("Ingrid\n").unwrap();
    assert_eq!(tokens[0].0.start, wrapped);
    assert_eq!(tokens[1].0.start, wrapped + "Ingrid\n".len());
    lsp.shutdown();
}

#[test]
fn turning_inlay_hints_off_asks_a_capable_client_to_refresh_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", A);
    let mut lsp = Lsp::start(dir.path());
    let root = uri_of(dir.path());
    lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "ws"}],
               "capabilities": {"workspace": {"inlayHint": {"refreshSupport": true}}}}),
    );
    lsp.notify("initialized", json!({}));
    let a = uri_of(&dir.path().join("a.txt"));
    lsp.open(&a, 1, A);
    lsp.diagnostics_at(&a, 1);
    let refreshes = |l: &Lsp| l.server_requests.iter().filter(|r| r["method"] == "workspace/inlayHint/refresh").count();
    assert_eq!(refreshes(&lsp), 0);
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"inlayHints": {"enable": false}}}}));
    eventually(&mut lsp, "workspace/inlayHint/refresh", |l| {
        l.settle(Duration::from_millis(50));
        (refreshes(l) == 1).then_some(())
    });
    assert_eq!(pairs(&hints(&mut lsp, &a, whole(A))), vec![]);
    // Settings that leave the hints as they were ask for nothing.
    lsp.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"inlayHints": {"enable": false}}}}));
    lsp.settle(Duration::from_millis(300));
    assert_eq!(refreshes(&lsp), 1);
    lsp.shutdown();
}

#[test]
fn utf8_positions_when_negotiated() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", A);
    let mut lsp = Lsp::start(dir.path());
    let init = lsp.initialize(dir.path(), &["utf-8", "utf-16"], Value::Null);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let a = uri_of(&dir.path().join("a.txt"));
    lsp.open(&a, 1, A);
    lsp.diagnostics_at(&a, 1);
    let full = lsp.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": a}}));
    let data = full["data"].as_array().unwrap();
    // "Ingrid Sølvberg" is 16 bytes (15 UTF-16 units).
    assert_eq!(data[2], 16);
    let names: Vec<String> = decode_in(A, data, "utf-8").into_iter().map(|(r, _, _)| A[r].to_string()).collect();
    assert_eq!(names, vec!["Ingrid Sølvberg", "Sølvberg", "Åse Lindqvist"]);
    let range = json!({"start": {"line": 0, "character": 0}, "end": position(A, A.len(), "utf-8")});
    let got = hints(&mut lsp, &a, range);
    assert_eq!(got[0]["position"], position(A, after(A, "this high,”"), "utf-8"));
    lsp.shutdown();
}
