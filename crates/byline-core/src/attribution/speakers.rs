//! Speakers of quotations: each quotation gets the attribution that names who said it.

use super::{Attribution, SourceKind};
use crate::quotes::Quote;
use crate::sentences::Sentence;

/// Give each quotation its speaker: the attribution right after it ("…,” he said), the one
/// that introduces it in its sentence ("X said: “…"), the quote it continues, or the
/// attribution of the sentence before or after.
pub fn assign_speakers(quotes: &mut [Quote], sentences: &[Sentence], attributions: &[Attribution]) {
    // Per sentence: its last usable main-clause attribution and its first usable one.
    let mut last_main: Vec<Option<usize>> = vec![None; sentences.len()];
    let mut first_usable: Vec<Option<usize>> = vec![None; sentences.len()];
    for (k, a) in attributions.iter().enumerate() {
        if a.sentence < sentences.len() && usable(a) {
            if a.main {
                last_main[a.sentence] = Some(k);
            }
            first_usable[a.sentence].get_or_insert(k);
        }
    }
    let by_sentence = BySentence { sentences, last_main, first_usable };
    for qi in 0..quotes.len() {
        if let Some(p) = pick(quotes, qi, attributions, &by_sentence) {
            quotes[qi].attribution = Some(p);
            quotes[qi].speaker = attributions[p].speaker(attributions);
        }
    }
    // A later part of a continued quote may name the speaker: give it to the earlier parts.
    for qi in (0..quotes.len()).rev() {
        if let (Some(c), Some(a)) = (quotes[qi].continues, quotes[qi].attribution)
            && quotes[c].attribution.is_none()
        {
            quotes[c].attribution = Some(a);
            quotes[c].speaker = quotes[qi].speaker.clone();
        }
    }
}

/// A vague attribution names no speaker.
fn usable(a: &Attribution) -> bool {
    a.kind != SourceKind::Vague
}

/// The sentences, with each one's last usable main-clause attribution and first usable one.
struct BySentence<'a> {
    sentences: &'a [Sentence],
    last_main: Vec<Option<usize>>,
    first_usable: Vec<Option<usize>>,
}

impl BySentence<'_> {
    /// The sentence a byte offset is in.
    fn sent_of(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len()).then_some(i)
    }
}

/// The attribution of quotation `qi` (earlier quotations already have theirs): right after it,
/// before it in its sentence, the quote it continues, then the sentence before or after.
fn pick(quotes: &[Quote], qi: usize, attributions: &[Attribution], by: &BySentence) -> Option<usize> {
    let q = &quotes[qi];
    // Right after the quote.
    let next_q = quotes.get(qi + 1).map_or(usize::MAX, |n| n.span.start);
    let after = attributions.partition_point(|a| a.cue.start < q.span.end);
    if let Some(a) = attributions.get(after)
        && usable(a)
        && a.cue.start < next_q
        // (Or the source right after the quote, its verb after a long appositive: "“…,” Jane
        // Roe, a student at … and leader of the dig, said in a statement.")
        && (a.cue.start - q.span.end <= 80 || a.source.as_ref().is_some_and(|src| src.start >= q.span.end && src.start - q.span.end <= 2))
    {
        return Some(after);
    }
    let sentence = by.sent_of(q.span.start);
    // Introduced before it in the same sentence.
    if let Some(si) = sentence {
        let before = attributions.partition_point(|a| a.cue.start < q.span.start);
        if before > 0 {
            let a = &attributions[before - 1];
            if a.sentence == si && usable(a) {
                return Some(before - 1);
            }
        }
    }
    // The quote it continues.
    if let Some(c) = q.continues
        && let Some(p) = quotes[c].attribution
    {
        return Some(p);
    }
    let si = sentence?;
    // The sentence before, then the sentence after.
    if si > 0 {
        if let Some(p) = by.last_main[si - 1] {
            return Some(p);
        }
        if qi > 0 {
            // The previous quote's speaker, when it is in the sentence before.
            let p = &quotes[qi - 1];
            if by.sent_of(p.span.end.saturating_sub(1)).is_some_and(|ps| ps + 1 >= si)
                && let Some(a) = p.attribution
            {
                return Some(a);
            }
        }
    }
    let se = by.sent_of(q.span.end.saturating_sub(1)).unwrap_or(si);
    by.first_usable.get(se + 1).copied().flatten()
}

#[cfg(test)]
mod tests {

    use crate::{Format, analyze};

    fn speakers(t: &str) -> Vec<Option<String>> {
        analyze(t, Format::Plain).quotes.iter().map(|q| q.speaker.clone().map(|s| t[s].to_string())).collect()
    }

    #[test]
    fn the_attribution_right_after_the_quote() {
        assert_eq!(speakers("“The road is shut,” said Mayor Ruth Adler."), [Some("Mayor Ruth Adler".into())]);
    }

    #[test]
    fn the_speaker_right_after_the_quote_before_a_long_appositive() {
        let t = "“We found it by chance,” Ilsa Brandvold, a doctoral student in classical archaeology at Leek University and leader of the dig, said in a statement.";
        assert_eq!(speakers(t), [Some("Ilsa Brandvold".into())]);
    }

    #[test]
    fn a_pronoun_speaker_is_the_name_it_refers_to() {
        let t = "Mayor Ruth Adler said the road was shut. “It will reopen soon,” she said.";
        assert_eq!(speakers(t), [Some("Mayor Ruth Adler".into())]);
    }
}
