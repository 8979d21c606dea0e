//! Roles across articles in the hover, over real JSON-RPC on two invented articles: the role
//! the hovered article gives comes first, the other article's role follows with its file, and a
//! conflicting title gets a note (information only); a role that only adds words does not.

mod common;

use std::time::{Duration, Instant};

use common::{Lsp, position, uri_of, write_file as write};
use serde_json::{Value, json};

const TODAY: &str = "Ward reopens\nPublished 12 May 2026\n\n\
Health Minister Ilse Brandvold said the children's ward would reopen on Monday.\n\
Brandvold thanked the nurses.\n";

const EARLIER: &str = "Budget talks\nPublished 3 February 2026\n\n\
Finance Minister Ilse Brandvold said the budget would be balanced by spring.\n";

fn hover(lsp: &mut Lsp, uri: &str, text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?}")) + 1;
    let h = lsp.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": position(text, at, "utf-16")}));
    h["contents"]["value"].as_str().unwrap_or_default().to_string()
}

/// Poll the hover until it satisfies `f` (the other article is read by the workspace walk, which
/// a hover does not wait for).
fn hover_until(lsp: &mut Lsp, uri: &str, text: &str, needle: &str, f: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let md = hover(lsp, uri, text, needle);
        if f(&md) {
            return md;
        }
        assert!(Instant::now() < deadline, "the hover never satisfied the test: {md}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_hover_lists_roles_from_other_articles_and_notes_a_conflicting_title() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "today.txt", TODAY);
    write(dir.path(), "earlier.txt", EARLIER);
    let mut lsp = Lsp::start(dir.path());
    lsp.initialize(dir.path(), &["utf-16"], Value::Null);
    let today = uri_of(&dir.path().join("today.txt"));
    lsp.open(&today, 1, TODAY);
    lsp.diagnostics_at(&today, 1);

    let md = hover_until(&mut lsp, &today, TODAY, "Brandvold thanked", |m| m.contains("earlier.txt"));
    assert!(md.starts_with("**Ilse Brandvold**"), "{md}");
    // This article's role first, as written, then the other article's with its file.
    let here = md.find("Health Minister").expect(&md);
    let there = md.find("- Finance Minister — *earlier.txt*").expect(&md);
    assert!(here < there, "{md}");
    // Different titles: a note naming both and the article, with its date.
    assert!(
        md.contains("“Health Minister” here, “Finance Minister” in the most recent other article (*earlier.txt*, 3 February 2026)"),
        "{md}"
    );

    // The other article now says only "the minister": no conflict, still listed.
    let earlier = uri_of(&dir.path().join("earlier.txt"));
    let softened = EARLIER.replace("Finance Minister Ilse Brandvold said", "Ilse Brandvold, the minister, said");
    lsp.open(&earlier, 1, &softened);
    lsp.diagnostics_at(&earlier, 1);
    let md = hover_until(&mut lsp, &today, TODAY, "Brandvold thanked", |m| !m.contains("Finance Minister"));
    assert!(md.contains("- minister — *earlier.txt*"), "{md}");
    assert!(!md.contains("Role differs"), "a role that only adds words is no conflict: {md}");
    assert!(lsp.shutdown().success());
}
