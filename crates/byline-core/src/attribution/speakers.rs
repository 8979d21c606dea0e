//! Speakers of quotations: each quotation gets the attribution that names who said it.

use super::{Attribution, SourceKind};
use crate::quotes::Quote;
use crate::sentences::Sentence;

/// Give each quotation its speaker: the attribution right after it ("…,” he said), the one
/// that introduces it in its sentence ("X said: “…"), the quote it continues, or the
/// attribution of the sentence before or after.
pub fn assign_speakers(quotes: &mut [Quote], sentences: &[Sentence], attributions: &[Attribution]) {
    let sent_of = |at: usize| -> Option<usize> {
        let i = sentences.partition_point(|s| s.span.end <= at);
        (i < sentences.len()).then_some(i)
    };
    let usable = |a: &Attribution| a.kind != SourceKind::Vague;
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
    for qi in 0..quotes.len() {
        let q = quotes[qi].clone();
        let mut pick: Option<usize> = None;
        // Right after the quote.
        let next_q = quotes.get(qi + 1).map_or(usize::MAX, |n| n.span.start);
        let after = attributions.partition_point(|a| a.cue.start < q.span.end);
        if let Some(a) = attributions.get(after)
            && usable(a)
            && a.cue.start < next_q
            && a.cue.start - q.span.end <= 80
        {
            pick = Some(after);
        }
        // Introduced before it in the same sentence.
        if pick.is_none()
            && let Some(si) = sent_of(q.span.start)
        {
            let before = attributions.partition_point(|a| a.cue.start < q.span.start);
            if before > 0 {
                let a = &attributions[before - 1];
                if a.sentence == si && usable(a) {
                    pick = Some(before - 1);
                }
            }
        }
        // The quote it continues.
        if pick.is_none()
            && let Some(c) = q.continues
        {
            pick = quotes[c].attribution;
        }
        // The sentence before, then the sentence after.
        if pick.is_none()
            && let Some(si) = sent_of(q.span.start)
        {
            if si > 0 {
                pick = last_main[si - 1];
                if pick.is_none() && qi > 0 {
                    // The previous quote's speaker, when it is in the sentence before.
                    let p = &quotes[qi - 1];
                    if sent_of(p.span.end.saturating_sub(1)).is_some_and(|ps| ps + 1 >= si) {
                        pick = p.attribution;
                    }
                }
            }
            if pick.is_none() {
                let se = sent_of(q.span.end.saturating_sub(1)).unwrap_or(si);
                pick = first_usable.get(se + 1).copied().flatten();
            }
        }
        if let Some(p) = pick {
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
