//! The cross-sentence resolver: a pronoun source refers back to the nearest earlier named or
//! anonymous source, and a colon-introduced quotation ("X said: “…") widens its attribution's
//! scope to the quotation's sentences.

use super::{Attribution, SourceKind};
use crate::lexicon::Lexicon;
use crate::quotes::Quote;
use crate::sentences::Sentence;

/// Resolve pronouns to the nearest earlier named or anonymous source (at most eight sentences
/// back). "They" may also continue an unnamed collective ("Critics say … They also said …").
pub(crate) fn pronouns(out: &mut [Attribution], lower: &str, lex: &Lexicon) {
    let mut last: Option<usize> = None;
    let mut last_collective: Option<usize> = None;
    for i in 0..out.len() {
        match out[i].kind {
            SourceKind::Pronoun => {
                let plural = out[i].source.as_ref().is_some_and(|sp| matches!(&lower[sp.clone()], "they" | "them"));
                let pick = if plural { last.max(last_collective) } else { last };
                if let Some(l) = pick
                    && out[i].sentence.saturating_sub(out[l].sentence) <= 8
                {
                    out[i].refers_to = Some(l);
                }
            }
            SourceKind::Named | SourceKind::Anonymous if out[i].source.is_some() => last = Some(i),
            // "critics say", or a phrasing that opens with one ("Energy experts say").
            SourceKind::Vague
                if out[i].source.is_some()
                    || lower[out[i].cue.clone()].split(' ').next().is_some_and(|w| lex.vague_sources.contains(w)) =>
            {
                last_collective = Some(i)
            }
            _ => {}
        }
    }
}

/// Colon-introduced quotations: "X said: “…" covers the quote's sentences, to the end of the
/// chain of quotes that continue it.
pub(crate) fn quote_scopes(out: &mut [Attribution], text: &str, sentences: &[Sentence], quotes: &[Quote]) {
    let chain_end = chain_ends(quotes);
    // The first ':' at or after a cue's end, within its sentence. Cues come in text order
    // within a sentence, so the last search is reused while it still applies.
    let tb = text.as_bytes();
    let mut colon_cache: Option<(usize, usize, Option<usize>)> = None; // (searched from, limit, found)
    for a in out.iter_mut() {
        let s = &sentences[a.sentence];
        if a.cue.end > s.span.end {
            continue;
        }
        let (from, limit) = (a.cue.end, s.span.end);
        let colon = match colon_cache {
            Some((f, l, found)) if l == limit && f <= from && found.is_none_or(|c| c >= from) => found,
            _ => {
                let found = memchr::memchr(b':', &tb[from..limit]).map(|k| from + k);
                colon_cache = Some((from, limit, found));
                found
            }
        };
        if let Some(at) = colon {
            let qi = quotes.partition_point(|q| q.span.start <= at);
            if quotes.get(qi).is_some_and(|q| q.span.start <= at + 8 && !q.scare) {
                let end = chain_end[qi];
                let last_s = sentences.partition_point(|x| x.span.start < end);
                a.scope = a.sentence..last_s.max(a.sentence + 1);
            }
        }
    }
}

/// Where each chain of continued quotes ends (a continuation comes later than the quote it
/// continues, so one backward pass fills it in).
fn chain_ends(quotes: &[Quote]) -> Vec<usize> {
    let mut next_of: Vec<Option<usize>> = vec![None; quotes.len()];
    for (i, q) in quotes.iter().enumerate() {
        if let Some(c) = q.continues
            && c < next_of.len()
            && next_of[c].is_none()
        {
            next_of[c] = Some(i);
        }
    }
    let mut chain_end: Vec<usize> = quotes.iter().map(|q| q.span.end).collect();
    for i in (0..quotes.len()).rev() {
        if let Some(n) = next_of[i]
            && n > i
        {
            chain_end[i] = chain_end[n];
        }
    }
    chain_end
}

#[cfg(test)]
mod tests {
    use super::SourceKind;

    use crate::{Format, analyze};

    #[test]
    fn a_pronoun_refers_to_the_last_named_source() {
        let a = analyze("Mayor Ruth Adler said the road was shut. She added that it would reopen.", Format::Plain);
        assert_eq!(a.attributions.len(), 2);
        assert_eq!(a.attributions[1].kind, SourceKind::Pronoun);
        assert_eq!(a.attributions[1].refers_to, Some(0));
    }

    #[test]
    fn a_colon_widens_the_scope_over_the_quotation() {
        let a = analyze("The mayor said: “The road is shut. It will reopen soon.”", Format::Plain);
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.attributions[0].scope, 0..2);
    }
}
