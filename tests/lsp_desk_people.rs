//! `[[people]]` of `byline.toml` in the language server, over JSON-RPC: the hover on a person
//! the desk knows shows the desk's roles after the article's own, marked as the desk's; a person
//! named by one of the desk's aliases is shown with the desk's full name, in the hover and in
//! workspace symbols. The articles are invented.

mod common;

use std::time::{Duration, Instant};

use common::{Lsp, position, uri_of, write_file as write};
use serde_json::{Value, json};

/// No role for Brigid Aldana; Dorota Wiśniak named by a nickname the desk lists.
const PIER: &str = "Pier works\n\nBrigid Aldana said the pier would reopen in May.\n";
const FERRY: &str = "Ferry news\n\nCouncillor Bee Wiśniak said the ferry timetable would change.\n";

const DESK: &str = "[[people]]\nname = \"Brigid Aldana\"\nroles = [\"Harbour master\", \"chair of the pier trust\"]\n\n\
[[people]]\nname = \"Dorota Wiśniak\"\naliases = [\"Bee Wiśniak\"]\nroles = [\"Deputy mayor\"]\n";

fn hover(lsp: &mut Lsp, uri: &str, text: &str, needle: &str) -> String {
    let off = text.find(needle).unwrap() + 1;
    let h = lsp.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(text, off, "utf-16")}));
    h["contents"]["value"].as_str().unwrap_or_default().to_string()
}

fn symbols(lsp: &mut Lsp, query: &str) -> Vec<Value> {
    lsp.request("workspace/symbol", json!({"query": query})).as_array().cloned().unwrap_or_default()
}

#[test]
fn the_hover_and_symbols_show_what_the_desk_knows() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "byline.toml", DESK);
    write(d.path(), "pier.txt", PIER);
    write(d.path(), "ferry.txt", FERRY);
    let mut lsp = Lsp::start(d.path());
    lsp.initialize(d.path(), &["utf-16"], Value::Null);
    let (pier, ferry) = (uri_of(&d.path().join("pier.txt")), uri_of(&d.path().join("ferry.txt")));
    lsp.open(&pier, 1, PIER);
    lsp.diagnostics_at(&pier, 1);
    lsp.open(&ferry, 1, FERRY);
    lsp.diagnostics_at(&ferry, 1);

    // The desk is read on its own thread: wait for its roles to show.
    let deadline = Instant::now() + Duration::from_secs(20);
    let md = loop {
        let md = hover(&mut lsp, &pier, PIER, "Aldana");
        if md.contains("(desk, byline.toml)") || Instant::now() > deadline {
            break md;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(md.starts_with("**Brigid Aldana**"), "{md}");
    assert!(md.contains("Harbour master · chair of the pier trust *(desk, byline.toml)*"), "{md}");
    assert!(!md.contains("Known to the desk as"), "found by full name: {md}");

    // Named by an alias: the desk's full name, the article's role first, then the desk's.
    let md = hover(&mut lsp, &ferry, FERRY, "Wiśniak");
    assert!(md.starts_with("**Bee Wiśniak**"), "{md}");
    assert!(md.contains("Known to the desk as **Dorota Wiśniak**"), "{md}");
    let (article, desk) = (md.find("Councillor").expect(&md), md.find("Deputy mayor *(desk, byline.toml)*").expect(&md));
    assert!(article < desk, "the article's role first: {md}");

    // Workspace symbols: the desk's full name finds the person named by the alias.
    let found = symbols(&mut lsp, "Dorota");
    let names: Vec<&str> = found.iter().filter_map(|s| s["name"].as_str()).collect();
    assert!(names.contains(&"Dorota Wiśniak (Bee Wiśniak)"), "{found:?}");
    let found = symbols(&mut lsp, "Aldana");
    let aldana = found.iter().find(|s| s["name"] == "Brigid Aldana").expect("Brigid Aldana");
    assert_eq!(aldana["containerName"], "Harbour master", "the desk's role where no article gives one: {aldana}");
    lsp.shutdown();
}
