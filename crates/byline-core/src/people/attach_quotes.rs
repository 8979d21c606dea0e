//! Attaching quotations to persons: each attribution's speaker (the person named in its source,
//! next to its cue, or the one a pronoun refers back to) gets the speech quotations of the
//! sentences the attribution covers.

use super::DocPeople;
use super::lexicon::FxHashSet;
use crate::Span;
use crate::attribution::{Attribution, SourceKind};
use crate::quotes::Quote;
use crate::sentences::Sentence;

/// The quotations of an article, indexed for the lookups below.
struct QuoteIndex<'q> {
    quotes: &'q [Quote],
    /// The union of the quotations' spans, sorted and merged, for a binary search per point.
    merged: Vec<Span>,
    /// Speech quotations by start, with the running maximum of their ends, to find those that
    /// overlap a sentence without a scan of every quotation.
    speech: Vec<usize>,
    max_end: Vec<usize>,
}

impl<'q> QuoteIndex<'q> {
    fn new(quotes: &'q [Quote]) -> QuoteIndex<'q> {
        let mut merged: Vec<Span> = quotes.iter().map(|q| q.span.clone()).filter(|s| s.start < s.end).collect();
        merged.sort_unstable_by_key(|s| s.start);
        merged.dedup_by(|b, a| {
            if b.start <= a.end {
                a.end = a.end.max(b.end);
                true
            } else {
                false
            }
        });
        let mut speech: Vec<usize> = (0..quotes.len()).filter(|&k| !quotes[k].scare).collect();
        speech.sort_by_key(|&k| quotes[k].span.start);
        let max_end: Vec<usize> = speech
            .iter()
            .scan(0usize, |m, &k| {
                *m = (*m).max(quotes[k].span.end);
                Some(*m)
            })
            .collect();
        QuoteIndex { quotes, merged, speech, max_end }
    }

    /// Whether byte `at` is inside a quotation.
    fn in_quote(&self, at: usize) -> bool {
        let i = self.merged.partition_point(|s| s.start <= at);
        i > 0 && at < self.merged[i - 1].end
    }

    /// Pushes the speech quotations overlapping `span` to `hits`.
    fn overlapping(&self, span: &Span, hits: &mut Vec<usize>) {
        let (quotes, speech) = (self.quotes, &self.speech);
        let mut k = speech.partition_point(|&q| quotes[q].span.start < span.end);
        while k > 0 && self.max_end[k - 1] > span.start {
            k -= 1;
            if quotes[speech[k]].span.end > span.start {
                hits.push(speech[k]);
            }
        }
    }
}

pub(super) fn attach_quotes(text: &str, sentences: &[Sentence], quotes: &[Quote], attributions: &[Attribution], doc: &mut DocPeople) {
    let index = QuoteIndex::new(quotes);
    // Sentences already gathered for a person: their quotations are in that person's list.
    let mut done: Vec<FxHashSet<usize>> = vec![FxHashSet::default(); doc.persons.len()];
    let mut has_quote: Vec<FxHashSet<(usize, usize)>> = vec![FxHashSet::default(); doc.persons.len()];
    for a in attributions {
        let Some(p) = speaker(text, &index, doc, attributions, a) else { continue };
        // The speech quotations overlapping the sentences the attribution covers, in order.
        let mut hits: Vec<usize> = Vec::new();
        for si in a.scope.clone().chain(std::iter::once(a.sentence)) {
            let Some(s) = sentences.get(si) else { continue };
            if !done[p].insert(si) {
                continue;
            }
            index.overlapping(&s.span, &mut hits);
        }
        hits.sort_unstable();
        hits.dedup();
        for q in hits.into_iter().map(|k| &quotes[k]) {
            if has_quote[p].insert((q.span.start, q.span.end))
                && let Some(words) = text.get(q.inner.clone())
            {
                doc.persons[p].quotes.push((q.span.clone(), words.to_string()));
            }
        }
    }
}

/// The person who speaks in attribution `a`.
fn speaker(text: &str, index: &QuoteIndex, doc: &DocPeople, attributions: &[Attribution], a: &Attribution) -> Option<usize> {
    match a.kind {
        SourceKind::Named => named(text, index, doc, a),
        SourceKind::Pronoun => {
            // The source the pronoun refers back to, else the last person named before it.
            let mut r = a.refers_to;
            let mut hops = 0;
            let mut found = None;
            while let (Some(j), true) = (r, hops < 8) {
                let Some(b) = attributions.get(j) else { break };
                if b.kind == SourceKind::Named {
                    found = named(text, index, doc, b);
                    break;
                }
                r = b.refers_to;
                hops += 1;
            }
            found.or_else(|| {
                let at = a.source.as_ref().map_or(a.cue.start, |s| s.start);
                let i = doc.mentions.partition_point(|m| m.span.start < at);
                i.checked_sub(1).map(|i| doc.mentions[i].person)
            })
        }
        _ => None,
    }
}

/// The person a named attribution names.
fn named(text: &str, index: &QuoteIndex, doc: &DocPeople, a: &Attribution) -> Option<usize> {
    let from_source = a.source.as_ref().and_then(|s| {
        // The person named in the source phrase; the last one when there are several
        // ("Putin's spokesman Dmitry Peskov").
        let hi = doc.mentions.partition_point(|m| m.span.start < s.end);
        doc.mentions[..hi].iter().rev().take_while(|m| m.span.end > s.start).next().map(|m| m.person)
    });
    // Only when the source phrase is missing or is the quotation itself.
    let no_source = a.source.as_ref().is_none_or(|s| index.in_quote(s.start));
    from_source.or_else(|| if no_source { near_cue(text, index, doc, a) } else { None })
}

/// The person named right next to a speech cue ("said spokesman Dmitri Volkov", "Volkov
/// said"), outside quotations.
fn near_cue(text: &str, index: &QuoteIndex, doc: &DocPeople, a: &Attribution) -> Option<usize> {
    let i = doc.mentions.partition_point(|m| m.span.start < a.cue.end);
    if let Some(m) = doc.mentions.get(i)
        && m.span.start - a.cue.end <= 48
        && !index.in_quote(m.span.start)
        && !text[a.cue.end..m.span.start].contains(['.', '"', '“', '”', '\n'])
    {
        return Some(m.person);
    }
    let j = doc.mentions.partition_point(|m| m.span.end <= a.cue.start);
    let m = doc.mentions.get(j.checked_sub(1)?)?;
    (a.cue.start - m.span.end <= 48 && !index.in_quote(m.span.start) && !text[m.span.end..a.cue.start].contains(['.', '"', '“', '”', '\n']))
        .then_some(m.person)
}

#[cfg(test)]
mod tests {
    use crate::{Format, analyze};

    fn quotes(text: &str) -> Vec<(String, Vec<String>)> {
        let people = analyze(text, Format::Plain).people;
        people.persons.into_iter().map(|p| (p.name, p.quotes.into_iter().map(|q| q.1).collect())).collect()
    }

    #[test]
    fn a_named_speaker_gets_the_quote() {
        let t = "\"The depot stays open,\" said Maria Thrane.";
        assert_eq!(quotes(t), [("Maria Thrane".to_string(), vec!["The depot stays open,".to_string()])]);
    }

    #[test]
    fn a_pronoun_refers_back_to_the_named_speaker() {
        let t = "Maria Thrane said the depot would stay open. \"We have the orders,\" she said.";
        assert_eq!(quotes(t), [("Maria Thrane".to_string(), vec!["We have the orders,".to_string()])]);
    }
}
