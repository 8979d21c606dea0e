//! The resolver: which attributions of a sentence are its own sources, whether a named source
//! covers the sentence, and which finding wins — a vague attribution, then an anonymous source,
//! then (for a sentence no named source covers) a quotation with no speaker, then a checkable
//! claim.

use super::document::{Doc, quoted_bytes};
use super::sentence_facts::SentenceFacts;
use super::{Finding, anonymous, exemptions, unattributed_quote, vague};
use crate::attribution::{Attribution, SourceKind};
use crate::sentences::Role;

/// Words that open a clause of its own after a contrast.
const CONTRAST: &[&str] = &[" while ", " but ", " whereas ", " although ", " though ", " however", " yet "];

/// The letters a [`CONTRAST`] word starts with (after its space), as a byte table.
static CONTRAST_LETTERS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < CONTRAST.len() {
        t[CONTRAST[i].as_bytes()[1] as usize] = true;
        i += 1;
    }
    t
};

/// The finding for sentence `i`, if it needs one. Sets `covered[i]` (a later sentence reads it)
/// and marks the quotations it flags in `flagged_quote`. What reads only the sentence comes
/// from `facts`.
pub(crate) fn sentence_finding(
    doc: &Doc,
    i: usize,
    facts: &mut SentenceFacts,
    covered: &mut [bool],
    flagged_quote: &mut [bool],
) -> Option<Finding> {
    let s = &doc.sentences[i];
    let attributions = doc.attributions;
    let attrs: Vec<&Attribution> = doc.by_sent.of(i).iter().map(|&k| &attributions[k]).collect();
    let quoted_with_speaker = quoted_bytes(s, doc.q_by_sent.of(i), doc.quotes, true);
    let quoted_any = quoted_bytes(s, doc.q_by_sent.of(i), doc.quotes, false);
    let len = s.span.len().max(1);
    let named_main = attrs.iter().any(|a| a.main && named(a, attributions));
    covered[i] = named_main || doc.scoped[i] || quoted_with_speaker * 2 >= len;
    if s.role != Role::Body || doc.furniture[i] {
        return None;
    }
    let attrs = own_sources(doc, i, attrs);
    // A covered sentence with no vague or anonymous source of its own has no finding whether
    // or not it asserts anything: the test (a scan of the sentence) is left out. (The memo
    // still counts the sentence as looked at.)
    if covered[i] && !attrs.iter().any(|a| matches!(a.effective_kind(attributions), SourceKind::Vague | SourceKind::Anonymous)) {
        facts.look_at(doc, i);
        return None;
    }
    if facts.asserts_nothing(doc, i) {
        return None;
    }
    if let Some(f) = vague::finding(doc, s, &attrs).or_else(|| anonymous::finding(doc, s, &attrs)) {
        return Some(f);
    }
    if covered[i] {
        return None;
    }
    if let Some(decided) = unattributed_quote::finding(doc, i, flagged_quote) {
        return decided;
    }
    if quoted_any * 2 >= len {
        return None; // inside someone's quotation
    }
    if exemptions::not_a_claim(doc, i, covered, facts.own_exemption(doc, i)) {
        return None;
    }
    facts.claim(doc, i).map(|(key, message)| Finding { span: s.span.clone(), code: super::Code::UnattributedClaim, message, key })
}

/// A named or pronoun source, once pronouns are resolved.
fn named(a: &Attribution, all: &[Attribution]) -> bool {
    matches!(a.effective_kind(all), SourceKind::Named | SourceKind::Pronoun)
}

/// The attributions that source the sentence themselves. A hedge or an unnamed source after a
/// named source's verb is part of what that source said ("police said the powder was believed
/// to be …"), except a marker of anonymity; not "according to …", which sources its own clause,
/// nor a source after a contrast ("Moscow rejects …, while the West insists …").
fn own_sources<'a>(doc: &Doc, i: usize, attrs: Vec<&'a Attribution>) -> Vec<&'a Attribution> {
    let (s, lower, attributions) = (&doc.sentences[i], doc.lower, doc.attributions);
    let named_cue = attrs.iter().filter(|a| a.main && named(a, attributions)).map(|a| a.cue.end).min();
    let named_according =
        attrs.iter().any(|a| a.kind == SourceKind::Named && a.source.is_some() && lower[a.cue.clone()].starts_with("according"));
    // A named source's verb that ends the sentence after a comma ("…, she said Monday.").
    let named_trailing = attrs.iter().any(|a| {
        let at = a.source.as_ref().map_or(a.cue.start, |sp| sp.start.min(a.cue.start));
        a.main
            && named(a, attributions)
            && lower[a.cue.end..s.span.end].split_whitespace().nth(2).is_none()
            && lower[s.span.start..at].trim_end().ends_with(',')
    });
    // Where the first semicolon or contrast after the named cue ends, found once for the
    // sentence (a scan per attribution is quadratic in a sentence with thousands of them).
    let first_break_end = named_cue.and_then(|e| first_clause_break_end(&lower[e..s.span.end.max(e)]).map(|k| e + k)).unwrap_or(usize::MAX);
    attrs
        .into_iter()
        .filter(|a| {
            let reported = named_cue.is_some_and(|e| {
                let at = a.source.as_ref().map_or(a.cue.start, |sp| sp.start.min(a.cue.start));
                // (No break lies wholly between the cue and the source.)
                at >= e && first_break_end > at
            });
            let marker = a.kind == SourceKind::Anonymous && a.source.is_none();
            let according = lower[a.cue.clone()].starts_with("according");
            // A hedge in a sentence that names its source with "according to" or a main
            // verb is that source's ("The league is expected to review the play, according
            // to Jane Roe"; "Savings would be an estimated $9 million, she said").
            let hedge = a.kind == SourceKind::Vague
                && a.source.is_none()
                && !according
                && (named_according || named_trailing)
                && !lower[a.cue.clone()].split(' ').next().is_some_and(|w| doc.lex.vague_sources.contains(w));
            !hedge && !reported || marker || according || named(a, attributions)
        })
        .collect()
}

/// The first offset in `text` where a semicolon or a [`CONTRAST`] word ends. One pass over the
/// text: every contrast word starts with a space, so only spaces and semicolons are looked at
/// (a search per contrast word built a substring searcher per word per sentence).
/// A space is a break's start only before one of the letters that start a contrast word.
fn first_clause_break_end(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut best: Option<usize> = None;
    for k in memchr::memchr2_iter(b';', b' ', b) {
        if best.is_some_and(|e| k >= e) {
            break;
        }
        let end = if b[k] == b';' {
            Some(k + 1)
        } else if !b.get(k + 1).is_some_and(|&c| CONTRAST_LETTERS[c as usize]) {
            None // (no contrast word starts with the letter after this space)
        } else {
            CONTRAST.iter().filter(|c| b[k..].starts_with(c.as_bytes())).map(|c| k + c.len()).min()
        };
        if let Some(e) = end {
            best = Some(best.map_or(e, |x| x.min(e)));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use crate::claims::fixtures::findings;

    #[test]
    fn every_contrast_word_starts_with_a_letter_the_break_scan_looks_for() {
        // `first_clause_break_end` passes over a space followed by any other byte.
        for c in super::CONTRAST {
            assert!(matches!(c.as_bytes()[1], b'w' | b'b' | b'a' | b't' | b'h' | b'y'), "{c}");
        }
    }

    #[test]
    fn a_named_source_covers_its_sentence() {
        assert!(findings("Coastguard commander Ida Berg said 2,400 homes were flooded.").is_empty());
    }

    #[test]
    fn people_at_a_named_body_source_their_sentence() {
        assert!(findings("Analysts at Halvorsen Capital said sales would fall 10 percent.").is_empty());
        assert!(findings("Researchers at the University of Tarrow found that 40 percent of patients improved.").is_empty());
    }

    #[test]
    fn a_hedge_under_according_to_is_that_sources() {
        assert!(findings("The league is expected to review the play, according to Jane Roe.").is_empty());
    }

    #[test]
    fn he_after_a_covered_sentence_is_about_the_person_quoted() {
        let t = "Mayor Ruth Adler said the road was shut. He later visited 40 homes in the village.";
        assert!(findings(t).is_empty(), "{:?}", findings(t));
        let t = "Mayor Ruth Adler said the road was shut. Now, she cannot stop wondering who voted for it.";
        assert!(findings(t).is_empty(), "{:?}", findings(t));
        let t = "Mayor Ruth Adler said the road was shut. But she visited 40 homes in the village.";
        assert!(findings(t).is_empty(), "{:?}", findings(t));
    }
}
