//! Roles across articles in the workspace index, on invented articles: the roles other articles
//! give a person with their files (most recent first, by dateline, then by path), and a conflict
//! only when no role here is one the other with words added.

use std::sync::Arc;

use byline_core::index::WorkspaceIndex;
use byline_core::{Format, analyze};

fn add(index: &mut WorkspaceIndex, doc: &str, text: &str) {
    index.set_document(doc.into(), Arc::new(analyze(text, Format::Plain).people));
}

const HEALTH: &str = "Clinic hours cut\nPublished 2 February 2026\n\n\
    Health Minister Ilse Brandvold said the clinics would close at six.\n";
const FINANCE: &str = "Budget day\nPublished 9 March 2026\n\n\
    Finance Minister Ilse Brandvold said the budget would balance.\n";
const MINISTER: &str = "Brandvold visit\n\nIlse Brandvold, the minister, opened the ward on Monday.\n";

fn id(index: &WorkspaceIndex, doc: &str, text: &str) -> Arc<str> {
    index.person_at(doc, text.find("Brandvold").unwrap()).expect("Ilse Brandvold is a person")
}

#[test]
fn the_most_recent_role_elsewhere_is_compared_with_the_role_here() {
    let mut index = WorkspaceIndex::new();
    add(&mut index, "a-health.txt", HEALTH);
    add(&mut index, "b-finance.txt", FINANCE);
    let who = id(&index, "a-health.txt", HEALTH);
    let r = index.roles_across(&who, "a-health.txt");
    assert_eq!(r.here, vec!["Health Minister"]);
    assert_eq!(r.elsewhere.len(), 1, "{r:?}");
    assert_eq!(r.elsewhere[0].role, "Finance Minister");
    assert_eq!(&*r.elsewhere[0].docs[0], "b-finance.txt");
    let c = r.conflict.expect("Health Minister here, Finance Minister in the later article");
    assert_eq!(
        (c.here.as_str(), c.there.as_str(), &*c.doc, c.dated),
        ("Health Minister", "Finance Minister", "b-finance.txt", Some((2026, 3, 9)))
    );
}

#[test]
fn a_role_that_is_the_other_with_words_added_is_no_conflict() {
    let mut index = WorkspaceIndex::new();
    add(&mut index, "a-health.txt", HEALTH);
    add(&mut index, "c-minister.txt", MINISTER);
    let who = id(&index, "c-minister.txt", MINISTER);
    let r = index.roles_across(&who, "c-minister.txt");
    assert_eq!(r.here, vec!["minister"], "{r:?}");
    assert_eq!(r.elsewhere.iter().map(|e| e.role.as_str()).collect::<Vec<_>>(), vec!["Health Minister"]);
    assert_eq!(r.conflict, None);
}

#[test]
fn dated_articles_come_before_undated_ones_and_dates_order_them() {
    let mut index = WorkspaceIndex::new();
    add(&mut index, "z-undated.txt", MINISTER);
    add(&mut index, "a-health.txt", HEALTH);
    add(&mut index, "b-finance.txt", FINANCE);
    let who = id(&index, "z-undated.txt", MINISTER);
    // Seen from the undated article: the finance article (9 March) is the most recent.
    let r = index.roles_across(&who, "z-undated.txt");
    let order: Vec<&str> = r.elsewhere.iter().map(|e| &*e.docs[0]).collect();
    assert_eq!(order, vec!["b-finance.txt", "a-health.txt"]);
    // Seen from the health article: the finance article is still the most recent one, and the
    // undated one comes last even though its path sorts last.
    let r = index.roles_across(&who, "a-health.txt");
    let order: Vec<&str> = r.elsewhere.iter().map(|e| &*e.docs[0]).collect();
    assert_eq!(order, vec!["b-finance.txt", "z-undated.txt"]);
    // Once the finance article is gone, the roles follow.
    index.remove_document("b-finance.txt");
    let r = index.roles_across(&who, "a-health.txt");
    assert_eq!(r.elsewhere.iter().map(|e| e.role.as_str()).collect::<Vec<_>>(), vec!["minister"]);
    assert_eq!(r.conflict, None);
}

#[test]
fn the_people_version_moves_only_when_people_change() {
    let mut index = WorkspaceIndex::new();
    add(&mut index, "a-health.txt", HEALTH);
    let v = index.people_version();
    // The same people, other words: no change.
    add(&mut index, "a-health.txt", &HEALTH.replace("at six", "at seven"));
    assert_eq!(index.people_version(), v);
    // One more mention: a change.
    add(&mut index, "a-health.txt", &format!("{HEALTH}Brandvold said more staff would come.\n"));
    assert_ne!(index.people_version(), v);
    let v = index.people_version();
    index.remove_document("a-health.txt");
    assert_ne!(index.people_version(), v);
}
