//! The persistent cache's encoding of an article's people: encode → decode gives back exactly
//! what the analysis found, on every article of the shared corpus (when it is checked out beside
//! the repository) and on random invented articles.

mod common;

use common::corpus_articles;

use byline_core::people::DocPeople;
use byline_core::people::codec::{decode, to_bytes};
use byline_core::{Format, analyze};
use proptest::prelude::*;

fn round_trip(people: &DocPeople) {
    let bytes = to_bytes(people);
    assert_eq!(decode(&bytes).as_ref(), Ok(people));
}

#[test]
fn every_corpus_article_round_trips() {
    let files = corpus_articles();
    if files.is_empty() {
        eprintln!("skipped: no corpus beside the repository");
        return;
    }
    let (mut persons, mut bytes, mut text_bytes) = (0, 0, 0);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let people = analyze(&text, Format::from_path(&path.to_string_lossy())).people;
        round_trip(&people);
        persons += people.persons.len();
        bytes += to_bytes(&people).len();
        text_bytes += text.len();
    }
    assert!(persons > files.len(), "the corpus should name people: {persons} in {} files", files.len());
    eprintln!("{} articles, {persons} persons: {bytes} bytes encoded for {text_bytes} bytes of text", files.len());
}

const GIVEN: &[&str] = &["Amara", "Tomasz", "Ines", "Kwame", "Yelena", "Jorge", "Mei", "Ólafur", "Zainab"];
const SURNAMES: &[&str] = &["Okonkwo", "Brandvold", "MacAllister", "de la Fuente", "Al-Rashid", "Nakamura", "Ødegård"];
const ROLES: &[&str] = &["the harbour master", "a spokeswoman for the council", "the finance minister", "a nurse"];
const LINES: &[&str] = &[
    "{g} {s}, {r}, said the ferry would not run on Sunday.",
    "\"We were not told anything,\" {s} said.",
    "{s} added that the figures were wrong.",
    "According to {g} {s}, prices rose 12 percent last year.",
    "Officials said the plan was the best in the region.",
    "\"It is a disaster — a complete disaster,\" said {r}, {g} {s}.",
    "{s} declined to comment.",
    "Dr. {s} told reporters the clinic would close.",
];

fn article(picks: &[(usize, usize, usize, usize)]) -> String {
    let mut text = String::new();
    for &(line, g, s, r) in picks {
        let line = LINES[line % LINES.len()]
            .replace("{g}", GIVEN[g % GIVEN.len()])
            .replace("{s}", SURNAMES[s % SURNAMES.len()])
            .replace("{r}", ROLES[r % ROLES.len()]);
        text.push_str(&line);
        text.push(if line.len().is_multiple_of(3) { '\n' } else { ' ' });
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn invented_articles_round_trip(picks in prop::collection::vec((0usize..8, 0usize..9, 0usize..7, 0usize..4), 0..30), markdown: bool) {
        let text = article(&picks);
        let format = if markdown { Format::Markdown } else { Format::Plain };
        round_trip(&analyze(&text, format).people);
    }
}
