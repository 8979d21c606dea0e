//! Helpers shared by the people tests: analyse an invented text and read back its people.
#![allow(dead_code)]

use byline_core::people::DocPeople;
use byline_core::{Format, analyze};

pub fn people(text: &str) -> DocPeople {
    analyze(text, Format::Plain).people
}

/// The mention texts, in order.
pub fn mentions(text: &str) -> Vec<String> {
    people(text).mentions.iter().map(|m| text[m.span.clone()].to_string()).collect()
}

/// The person names (display), in order of first appearance.
pub fn names(text: &str) -> Vec<String> {
    people(text).persons.iter().map(|p| p.name.clone()).collect()
}

/// The roles of the person called `name`; panics (showing the people found) when there is none.
pub fn roles_of(text: &str, name: &str) -> Vec<String> {
    let p = people(text);
    p.persons.iter().find(|p| p.name == name).map(|p| p.roles.clone()).unwrap_or_else(|| panic!("no {name} in {p:?}"))
}

/// Every article (`.txt`, `.md`) of the shared corpus when it is checked out beside the
/// repository, in path order; none when it is not.
pub fn corpus_articles() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                dirs.push(path);
            } else if matches!(path.extension().and_then(|x| x.to_str()), Some("txt" | "md")) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
