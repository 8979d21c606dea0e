//! Quotations across the workspace index, on invented articles: the same speaker quoted with a
//! word changed is flagged in both articles, with the other quotation; the findings and the quote
//! version follow every update; the same words given to another speaker are flagged.

use std::sync::Arc;

use byline_core::index::{QuoteCheck, WorkspaceIndex};
use byline_core::{Format, analyze};

fn add(index: &mut WorkspaceIndex, doc: &str, text: &str) {
    index.set_document(doc.into(), Arc::new(analyze(text, Format::Plain).people));
}

fn name(d: &str) -> String {
    d.to_string()
}

fn found(index: &WorkspaceIndex, doc: &str) -> Vec<(QuoteCheck, Vec<String>)> {
    index.quote_findings(doc, &name).into_iter().map(|f| (f.check, f.elsewhere.into_iter().map(|e| e.doc.to_string()).collect())).collect()
}

const A: &str = "Odile Ferrant, the librarian, said the reading room would close for repairs.\n\
                 “The reading room will stay closed until the roof has been replaced in full,” Ferrant said.\n";
const B: &str = "“The reading room will stay closed until the roof has been repaired in full,” said Odile Ferrant.\n";
const B_SAME: &str = "“The reading room will stay closed until the roof has been replaced in full,” said Odile Ferrant.\n";
const C: &str = "Matthias Oyelaran, a builder, said work would start soon.\n\
                 “The reading room will stay closed until the roof has been replaced in full,” Oyelaran said.\n";

#[test]
fn a_changed_word_is_flagged_in_both_articles_and_follows_updates() {
    let mut index = WorkspaceIndex::new();
    add(&mut index, "a", A);
    assert!(found(&index, "a").is_empty());
    let v0 = index.quote_version();
    add(&mut index, "b", B);
    assert!(index.quote_version() > v0);
    assert_eq!(found(&index, "a"), [(QuoteCheck::Mismatch, vec!["b".to_string()])]);
    assert_eq!(found(&index, "b"), [(QuoteCheck::Mismatch, vec!["a".to_string()])]);
    let f = &index.quote_findings("b", &name)[0];
    assert_eq!(&B[f.span.clone()], "“The reading room will stay closed until the roof has been repaired in full,”");
    assert!(f.message.contains("(\"repaired\" here, \"replaced\" there)"), "{}", f.message);
    // An edit that leaves the quotations alone does not move the version.
    let v1 = index.quote_version();
    add(&mut index, "b", &format!("{B}The library opens at nine on weekdays.\n"));
    assert_eq!(index.quote_version(), v1);
    // Corrected: nothing either side.
    add(&mut index, "b", B_SAME);
    assert!(index.quote_version() > v1);
    assert!(found(&index, "a").is_empty() && found(&index, "b").is_empty());
    // Back, then forgotten.
    add(&mut index, "b", B);
    assert_eq!(found(&index, "a").len(), 1);
    index.remove_document("b");
    assert!(found(&index, "a").is_empty());
}

#[test]
fn the_same_words_from_another_speaker_are_flagged() {
    let mut index = WorkspaceIndex::new();
    add(&mut index, "a", A);
    add(&mut index, "c", C);
    assert_eq!(found(&index, "a"), [(QuoteCheck::Speaker, vec!["c".to_string()])]);
    let f = &index.quote_findings("c", &name)[0];
    assert_eq!(f.check, QuoteCheck::Speaker);
    assert_eq!(f.elsewhere[0].speaker, "Odile Ferrant");
    // When a third article also gives them to the same speaker, that article is no contradiction;
    // the other still is.
    add(&mut index, "d", B_SAME);
    let f = &index.quote_findings("a", &name)[0];
    assert_eq!(f.elsewhere.iter().map(|e| &*e.doc).collect::<Vec<_>>(), ["c"]);
    index.remove_document("c");
    assert!(found(&index, "a").is_empty());
}

/// Wire copy: the same words given to someone else in many articles. The finding lists the first
/// `QUOTE_COPIES` of them (in document order, the message naming the first), not every one.
#[test]
fn the_other_articles_listed_are_capped() {
    use byline_core::index::QUOTE_COPIES;
    let mut index = WorkspaceIndex::new();
    add(&mut index, "a", A);
    let n = QUOTE_COPIES + 15;
    for i in 0..n {
        add(&mut index, &format!("c{i:03}"), C);
    }
    let f = index.quote_findings("a", &name);
    let speaker: Vec<_> = f.iter().filter(|f| f.check == QuoteCheck::Speaker).collect();
    assert_eq!(speaker.len(), 1, "{f:?}");
    assert_eq!(speaker[0].elsewhere.len(), QUOTE_COPIES);
    assert_eq!(&*speaker[0].elsewhere[0].doc, "c000");
    assert!(speaker[0].message.contains("c000"), "{}", speaker[0].message);
}
