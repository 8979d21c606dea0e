//! The workspace index on invented articles: identity across files, updates, queries.

use std::sync::Arc;

use byline_core::index::WorkspaceIndex;
use byline_core::{Format, analyze};

fn add(index: &mut WorkspaceIndex, doc: &str, text: &str) {
    index.set_document(doc.into(), Arc::new(analyze(text, Format::Plain).people));
}

fn id_at(index: &WorkspaceIndex, doc: &str, text: &str, needle: &str) -> Arc<str> {
    let at = text.find(needle).expect("needle");
    index.person_at(doc, at).unwrap_or_else(|| panic!("no person at {needle:?}"))
}

const A: &str = "Port authority spokesman Dariusz Lenko said the ship had left. Lenko added that more would follow.";
const B: &str = "Mr Lenko was not available for comment on Friday, the port said.";
const C: &str = "Senator Kamila Harrow said the bill would pass.";
const D: &str = "In the match, fast bowler Rhys Harrow took four wickets. Harrow said he was pleased.";
const E: &str = "A lawyer for Ms Harrow said the appeal would be heard next week.";

#[test]
fn surname_links_across_files_when_unique() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "a.txt", A);
    add(&mut ix, "b.txt", B);
    let full = id_at(&ix, "a.txt", A, "Dariusz");
    assert_eq!(id_at(&ix, "b.txt", B, "Lenko"), full);
    let info = ix.person(&full).unwrap();
    assert_eq!(info.name, "Dariusz Lenko");
    assert_eq!(info.mention_count, 3);
    assert_eq!(info.file_count, 2);
    assert_eq!(info.roles[0].0, "Port authority spokesman");
    assert_eq!(&*info.roles[0].1, "a.txt");
    assert_eq!(ix.mentions(&full).len(), 3);
}

#[test]
fn two_people_sharing_a_surname_are_never_merged() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "c.txt", C);
    add(&mut ix, "d.txt", D);
    let kamila = id_at(&ix, "c.txt", C, "Kamila");
    let rhys = id_at(&ix, "d.txt", D, "Rhys");
    assert_ne!(kamila, rhys);
    // The bare "Harrow" in d.txt is Rhys (same article first).
    assert_eq!(id_at(&ix, "d.txt", D, "Harrow said"), rhys);
    // A bare "Harrow" in a third file is ambiguous: kept apart from both.
    add(&mut ix, "e.txt", E);
    let e = id_at(&ix, "e.txt", E, "Harrow");
    assert_ne!(e, kamila);
    assert_ne!(e, rhys);
    assert_eq!(ix.person(&e).unwrap().name, "Harrow");
}

#[test]
fn edit_create_delete_update_the_links() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "c.txt", C);
    add(&mut ix, "e.txt", E);
    let kamila = id_at(&ix, "c.txt", C, "Kamila");
    // Only one Harrow in the workspace: the bare surname links to her.
    assert_eq!(id_at(&ix, "e.txt", E, "Harrow"), kamila);
    // Create a file with another Harrow: the link becomes uncertain and is dropped.
    add(&mut ix, "d.txt", D);
    assert_ne!(id_at(&ix, "e.txt", E, "Harrow"), kamila);
    // Delete it again: the link comes back.
    ix.remove_document("d.txt");
    assert_eq!(id_at(&ix, "e.txt", E, "Harrow"), kamila);
    assert!(ix.people_in("d.txt").is_empty());
    // Edit c.txt so that Kamila Harrow is gone: her person disappears.
    add(&mut ix, "c.txt", "The bill passed without debate.");
    assert!(ix.person(&kamila).is_none());
    assert!(ix.mentions(&kamila).is_empty());
    let e = id_at(&ix, "e.txt", E, "Harrow");
    assert_eq!(ix.person(&e).unwrap().name, "Harrow");
}

#[test]
fn snapshot_clone_is_unaffected_by_later_edits() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "a.txt", A);
    let snap = ix.clone();
    ix.remove_document("a.txt");
    assert!(ix.search("").is_empty());
    assert_eq!(snap.search("").len(), 1);
}

#[test]
fn definition_prefers_the_same_file_then_the_workspace() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "a.txt", A);
    add(&mut ix, "b.txt", B);
    let id = id_at(&ix, "a.txt", A, "Lenko added");
    let (doc, span) = ix.definition(&id, "a.txt").unwrap();
    assert_eq!(&*doc, "a.txt");
    assert_eq!(&A[span], "Dariusz Lenko");
    // b.txt has no full-name mention: the definition is the first in the workspace.
    let (doc, span) = ix.definition(&id, "b.txt").unwrap();
    assert_eq!(&*doc, "a.txt");
    assert_eq!(&A[span], "Dariusz Lenko");
}

#[test]
fn search_is_a_fuzzy_case_insensitive_subsequence() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "a.txt", A);
    add(&mut ix, "c.txt", C);
    assert_eq!(ix.search("").len(), 2);
    let names = |q: &str| ix.search(q).into_iter().map(|p| p.name).collect::<Vec<_>>();
    assert_eq!(names("dlnk"), ["Dariusz Lenko"]);
    assert_eq!(names("KAMILA"), ["Kamila Harrow"]);
    assert!(names("zzz").is_empty());
}

#[test]
fn people_in_lists_the_people_of_a_file() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "a.txt", A);
    add(&mut ix, "c.txt", C);
    assert_eq!(ix.people_in("a.txt").len(), 1);
    assert_eq!(ix.people_in("missing.txt").len(), 0);
}

#[test]
fn transliteration_variants_are_one_person() {
    let mut ix = WorkspaceIndex::new();
    add(&mut ix, "a.txt", "Foreign Minister Sergey V. Orlov spoke.");
    add(&mut ix, "b.txt", "Foreign Minister Sergei Orlov replied.");
    assert_eq!(
        id_at(&ix, "a.txt", "Foreign Minister Sergey V. Orlov spoke.", "Sergey"),
        id_at(&ix, "b.txt", "Foreign Minister Sergei Orlov replied.", "Sergei")
    );
}

#[test]
fn many_documents_update_one_at_a_time() {
    let mut ix = WorkspaceIndex::new();
    for i in 0..500 {
        add(&mut ix, &format!("doc{i}.txt"), A);
    }
    let id = id_at(&ix, "doc0.txt", A, "Dariusz");
    assert_eq!(ix.person(&id).unwrap().file_count, 500);
    for i in 0..250 {
        ix.remove_document(&format!("doc{i}.txt"));
    }
    assert_eq!(ix.person(&id).unwrap().file_count, 250);
    assert_eq!(ix.mentions(&id).len(), 250 * 2);
}

#[test]
fn a_lone_surname_with_only_a_speech_verb_needs_a_full_name_somewhere() {
    let mut ix = WorkspaceIndex::new();
    let lone = "\"Fares will rise,\" Qorvane said on Tuesday.";
    add(&mut ix, "lone.txt", lone);
    // Nobody called Qorvane is named in full: it may be a company, so it is nobody.
    assert!(ix.person_at("lone.txt", lone.find("Qorvane").unwrap()).is_none());
    assert!(ix.search("").is_empty());
    // Once an article names Imogen Qorvane, the lone surname is her.
    let full = "Airline chief Imogen Qorvane spoke in Perth.";
    add(&mut ix, "full.txt", full);
    let id = id_at(&ix, "full.txt", full, "Imogen");
    assert_eq!(id_at(&ix, "lone.txt", lone, "Qorvane"), id);
    assert_eq!(ix.mentions(&id).len(), 2);
    let info = ix.person(&id).unwrap();
    assert_eq!((info.mention_count, info.file_count), (2, 2));
    assert_eq!(ix.people_in("lone.txt"), vec![id.clone()]);
    // And it is nobody again when that article goes.
    ix.remove_document("full.txt");
    assert!(ix.person_at("lone.txt", lone.find("Qorvane").unwrap()).is_none());
}

/// An index built from scratch over `docs` with these texts.
fn index_of(docs: &[&str], texts: &[String]) -> WorkspaceIndex {
    let mut ix = WorkspaceIndex::new();
    for (d, t) in docs.iter().zip(texts) {
        add(&mut ix, d, t);
    }
    ix
}

/// Everything a client can ask of the index about its people, in a comparable form.
fn observable(ix: &WorkspaceIndex) -> Vec<String> {
    let mut out = Vec::new();
    for id in ix.person_ids() {
        out.push(format!("{:?}", ix.person(&id)));
        out.push(format!("{:?}", ix.mentions_full(&id)));
        out.push(format!("{:?}", ix.spellings(&id)));
        out.push(format!("{:?}", ix.definition(&id, "a.txt")));
    }
    out.push(format!("{:?}", ix.search("")));
    for doc in ["a.txt", "b.txt", "c.txt"] {
        out.push(format!("{:?}", ix.people_in(doc)));
        out.push(format!("{:?}", ix.spelling_findings(doc, &[])));
        out.push(format!("{:?}", ix.quote_findings(doc, &|d| d.to_string())));
    }
    out
}

#[test]
fn an_index_kept_up_edit_by_edit_answers_as_one_built_from_the_final_texts() {
    // Typing moves every later mention (the index then only replaces the document's entry)
    // and now and then changes who is named, a role or a spelling (the totals must follow).
    let docs = ["a.txt", "b.txt", "c.txt"];
    let mut texts = [A.to_string(), format!("{B} {C}"), format!("{D} {E}")];
    let mut ix = index_of(&docs, &texts);
    // (document, typed just before this text, what is typed)
    let edits: [(usize, &str, &str); 8] = [
        (0, "the ship", "then "),
        (1, "Friday", "late on "),
        (0, "added", "the port's spokesman, "),
        (2, "fast bowler", "veteran "),
        (1, "Harrow said", "Kamilla "),
        (2, " said the appeal", " and Mr Lenko"),
        (0, "Lenko said", "Lenkó, 54, and Ewa "),
        (1, "the port said", "a spokeswoman for "),
    ];
    for (d, before, typed) in edits {
        let at = texts[d].find(before).expect("edit anchor");
        for (k, c) in typed.char_indices() {
            texts[d].insert(at + k, c);
            add(&mut ix, docs[d], &texts[d]);
        }
        let fresh = index_of(&docs, &texts);
        assert_eq!(observable(&ix), observable(&fresh), "after typing {typed:?} into {}", docs[d]);
    }
}

#[test]
fn quote_findings_follow_the_quotations_as_the_text_moves_and_changes() {
    // The same speaker quoted in three articles, one version differing; typing before the
    // quotation moves it (the plan is kept, the spans are new), typing inside it changes it.
    let docs = ["a.txt", "b.txt", "c.txt"];
    let q = "\"We will rebuild the harbour wall before the winter storms arrive,\" said Mayor Ines Calloway.";
    let q2 = "\"We will rebuild the harbour wall before the winter gales arrive,\" said Mayor Ines Calloway.";
    let mut texts = [format!("The council met on Monday. {q}"), format!("Repairs begin soon. {q2}"), format!("{q} Work starts in May.")];
    let mut ix = index_of(&docs, &texts);
    assert!(!ix.quote_findings("b.txt", &|d| d.to_string()).is_empty(), "the differing version is a finding");
    let edits: [(usize, &str, &str); 5] = [
        (0, "The council", "Late on Friday, "),
        (1, "Repairs", "Urgent "),
        (1, "gales", "fierce "),
        (2, "Work", "Then "),
        (0, "harbour wall", "old "),
    ];
    for (d, before, typed) in edits {
        let at = texts[d].find(before).expect("edit anchor");
        for (k, c) in typed.char_indices() {
            texts[d].insert(at + k, c);
            add(&mut ix, docs[d], &texts[d]);
            let fresh = index_of(&docs, &texts);
            for doc in docs {
                let name = |d: &str| d.to_string();
                assert_eq!(
                    format!("{:?}", ix.quote_findings(doc, &name)),
                    format!("{:?}", fresh.quote_findings(doc, &name)),
                    "{doc} after typing {typed:?} into {}",
                    docs[d]
                );
            }
        }
    }
}
