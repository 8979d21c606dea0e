//! The check ledger's matching, on invented sentences: exact, re-anchored, stale, orphan.

use byline_core::Code;
use byline_core::ledger::Entry;
use byline_core::ledger::matching::{Outcome, Probe, match_document};

const CLAIM: Code = Code::UnattributedClaim;
const VAGUE: Code = Code::VagueAttribution;

fn probe(code: Code, sentence: &str) -> Probe<'_> {
    Probe { code, sentence }
}

#[test]
fn the_same_sentence_is_matched_whatever_its_layout() {
    let e = Entry::new("news/a.txt", CLAIM, "The tunnel cost at least $240 million.");
    let m = match_document([(0, &e)], &[probe(CLAIM, "The  tunnel cost\nat least $240 million.")]);
    assert_eq!(m.outcomes, vec![Outcome::Matched { entry: 0 }]);
    assert!(m.orphans.is_empty());
}

#[test]
fn another_code_on_the_same_sentence_is_not_the_same_finding() {
    let e = Entry::new("a.txt", CLAIM, "It is feared the tunnel will flood.");
    let m = match_document([(0, &e)], &[probe(VAGUE, "It is feared the tunnel will flood.")]);
    assert_eq!(m.outcomes, vec![Outcome::Open]);
    assert_eq!(m.orphans, vec![0]);
}

#[test]
fn a_lightly_edited_sentence_is_reanchored() {
    let e = Entry::new("a.txt", CLAIM, "The new harbour tunnel cost at least $240 million to build over six years.");
    let edited = "The new harbour tunnel cost at least $240 million to build over six long years.";
    let m = match_document([(7, &e)], &[probe(CLAIM, edited)]);
    assert_eq!(m.outcomes, vec![Outcome::Reanchored { entry: 7 }]);
}

#[test]
fn a_changed_figure_makes_the_check_stale() {
    let e = Entry::new("a.txt", CLAIM, "The new harbour tunnel cost at least $240 million to build over six years.");
    let edited = "The new harbour tunnel cost at least $310 million to build over six years.";
    let m = match_document([(0, &e)], &[probe(CLAIM, edited)]);
    assert_eq!(m.outcomes, vec![Outcome::Stale { entry: 0 }]);
    assert!(m.orphans.is_empty());
}

#[test]
fn a_sentence_rewritten_in_substance_is_stale_and_an_unrelated_one_is_open() {
    let e = Entry::new("a.txt", VAGUE, "It is feared that the ageing bridge will have to close for most of the winter.");
    let rewritten = "It is feared that the ageing ferry will have to stop for all of the spring.";
    let m = match_document([(0, &e)], &[probe(VAGUE, "Critics say the mayor ignored the warnings."), probe(VAGUE, rewritten)]);
    assert_eq!(m.outcomes, vec![Outcome::Open, Outcome::Stale { entry: 0 }]);
}

#[test]
fn a_deleted_sentence_leaves_an_orphan() {
    let a = Entry::new("a.txt", CLAIM, "Unemployment rose to 7 per cent last year.");
    let b = Entry::new("a.txt", VAGUE, "Experts believe the scheme will fail.");
    let m = match_document([(0, &a), (1, &b)], &[probe(VAGUE, "Experts believe the scheme will fail.")]);
    assert_eq!(m.outcomes, vec![Outcome::Matched { entry: 1 }]);
    assert_eq!(m.orphans, vec![0]);
}

#[test]
fn each_check_goes_to_its_most_alike_sentence() {
    let a = Entry::new("a.txt", CLAIM, "The council spent 4 million dollars on the new library in the town centre.");
    let b = Entry::new("a.txt", CLAIM, "The council spent 4 million dollars on the new pool in the town centre.");
    let fa = "The council spent 4 million dollars on the new library in the old town centre.";
    let fb = "The council spent 4 million dollars on the new pool in the old town centre.";
    let m = match_document([(0, &a), (1, &b)], &[probe(CLAIM, fb), probe(CLAIM, fa)]);
    assert_eq!(m.outcomes, vec![Outcome::Reanchored { entry: 1 }, Outcome::Reanchored { entry: 0 }]);
}

#[test]
fn a_repeated_sentence_is_one_claim() {
    let e = Entry::new("a.txt", VAGUE, "Critics say the plan is flawed.");
    let m = match_document([(0, &e)], &[probe(VAGUE, "Critics say the plan is flawed."), probe(VAGUE, "Critics say the plan is flawed.")]);
    assert_eq!(m.outcomes, vec![Outcome::Matched { entry: 0 }, Outcome::Matched { entry: 0 }]);
}

#[test]
fn an_edited_copy_of_a_repeated_sentence_is_stale() {
    let e = Entry::new("a.txt", CLAIM, "Rents rose by 12 per cent across the city last year.");
    let m = match_document(
        [(0, &e)],
        &[
            probe(CLAIM, "Rents rose by 12 per cent across the city last year."),
            probe(CLAIM, "Rents rose by 19 per cent across the city last year."),
        ],
    );
    assert_eq!(m.outcomes, vec![Outcome::Matched { entry: 0 }, Outcome::Stale { entry: 0 }]);
    assert!(m.orphans.is_empty());
}
