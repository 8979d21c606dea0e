//! The people of an article found alone (`analysis::people_with`, what the workspace walk runs on
//! the files not open) are exactly the full analysis's people, on every article of the shared
//! corpus (when it is checked out beside the repository) and on invented ones.

mod common;

use common::corpus_articles;

use byline_core::analysis::people_with;
use byline_core::lexicon::Lexicon;
use byline_core::{Format, analyze_with};

fn same_people(text: &str, format: Format, what: &str) {
    let lex = Lexicon::bundled();
    assert_eq!(people_with(text, format, lex), analyze_with(text, format, lex).people, "{what}");
}

#[test]
fn every_corpus_article_gives_the_same_people() {
    let files = corpus_articles();
    if files.is_empty() {
        eprintln!("skipped: no corpus beside the repository");
        return;
    }
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        same_people(&text, Format::from_path(&path.to_string_lossy()), &path.display().to_string());
    }
}

#[test]
fn invented_articles_give_the_same_people() {
    let article = "Harbour Board chair Wilhelmina Osei-Tutu said the ferry would run again by March.\n\n\
        \"We have waited long enough,\" Osei-Tutu told reporters. Her deputy, Tomasz Brennan, disagreed.\n\n\
        Brennan said the repairs \"will take the whole summer, if not longer\". Okafor said nothing.\n";
    for format in [Format::Plain, Format::Markdown] {
        same_people(article, format, "invented article");
        same_people("", format, "empty");
        same_people("# Title\n\n> \"Quoted,\" said Ana Ruiz.\n", format, "markdown bits");
    }
}
