//! Checks survive edits elsewhere in an article: the analysis of the edited text, matched
//! against the checks recorded on the original, finds every one (invented article).

use byline_core::ledger::Entry;
use byline_core::ledger::matching::{Outcome, Probe, match_document};
use byline_core::{Format, analyze};

const ARTICLE: &str = "Harbour tunnel to close for repairs

The harbour tunnel will close for six weeks from Monday, the transport department said.

Repairs are expected to cost at least $40 million. It is feared that traffic on the coast road will double.

Commuters were told to use the ferry. A senior official said the closure could be extended.

Mayor Ines Calder said the city had no choice. \"We waited too long,\" she said.
";

fn checks(text: &str) -> Vec<Entry> {
    let a = analyze(text, Format::Plain);
    a.findings.iter().map(|f| Entry::new("a.txt", f.code, &text[f.span.clone()])).collect()
}

fn outcomes(text: &str, entries: &[Entry]) -> (Vec<Outcome>, Vec<usize>) {
    let a = analyze(text, Format::Plain);
    let probes: Vec<Probe> = a.findings.iter().map(|f| Probe { code: f.code, sentence: &text[f.span.clone()] }).collect();
    let m = match_document(entries.iter().enumerate(), &probes);
    (m.outcomes, m.orphans)
}

#[test]
fn checks_survive_edits_elsewhere() {
    let entries = checks(ARTICLE);
    assert!(entries.len() >= 3, "the invented article should have findings: {entries:?}");
    let edits = [
        ARTICLE.replace("Harbour tunnel to close for repairs\n", "Harbour tunnel to close for urgent repairs\n\nBy Staff\n"),
        ARTICLE.replace("from Monday, the transport", "from Monday morning, the state transport"),
        ARTICLE.replace("the city had no choice", "the city council had no other choice"),
        // (A line break inside the cue "are expected" changes the code the core gives: noted.)
        ARTICLE.replace("expected to cost at", "expected to cost\nat"),
        format!("{ARTICLE}\nThe ferry runs every twenty minutes, the operator said.\n"),
    ];
    for edited in &edits {
        let (outs, orphans) = outcomes(edited, &entries);
        let held = outs.iter().filter(|o| o.holds()).count();
        assert_eq!(held, entries.len(), "a check was lost after an edit elsewhere:\n{edited}\n{outs:?}");
        assert!(orphans.is_empty());
    }
}

#[test]
fn a_rewritten_claim_is_stale() {
    let entries = checks(ARTICLE);
    let edited = ARTICLE.replace("at least $40 million", "at least $75 million");
    let (outs, _) = outcomes(&edited, &entries);
    assert_eq!(outs.iter().filter(|o| matches!(o, Outcome::Stale { .. })).count(), 1, "{outs:?}");
    let edited = ARTICLE.replace("Commuters were told to use the ferry.", "Commuters were told on Sunday to use the ferry or the bus.");
    let (outs, _) = outcomes(&edited, &entries);
    assert_eq!(outs.iter().filter(|o| matches!(o, Outcome::Stale { .. })).count(), 1, "{outs:?}");
}
