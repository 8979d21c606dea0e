//! Sets of spans that answer in log time whether one of them contains a given span (the
//! quotations of each sentence).

use super::per_sentence::PerSentence;
use crate::Span;

/// Per sentence, a set of spans ([`Cover`]), all in one vector.
pub(crate) struct Covers {
    /// (start, end), sorted by start within each sentence.
    spans: PerSentence<(usize, usize)>,
    /// Per sentence, the largest end among its spans up to each.
    max_end: PerSentence<usize>,
}

impl Covers {
    /// The covers of the spans of each sentence.
    pub(crate) fn new(mut spans: PerSentence<(usize, usize)>) -> Covers {
        let mut max_end = spans.map(|_| 0);
        for i in 0..spans.len() {
            let (sp, me) = (spans.of_mut(i), max_end.of_mut(i));
            sp.sort_unstable();
            let mut m = 0;
            for (k, &(_, e)) in sp.iter().enumerate() {
                m = m.max(e);
                me[k] = m;
            }
        }
        Covers { spans, max_end }
    }

    /// The cover of sentence `i`.
    pub(crate) fn of(&self, i: usize) -> Cover<'_> {
        Cover { spans: self.spans.of(i), max_end: self.max_end.of(i) }
    }
}

/// A set of spans, answering in log time whether one of them contains a given span.
#[derive(Clone, Copy)]
pub(crate) struct Cover<'a> {
    /// (start, end) sorted by start.
    spans: &'a [(usize, usize)],
    /// The largest end among `spans[..=k]`.
    max_end: &'a [usize],
}

impl Cover<'_> {
    /// Whether one span starts at or before `sp.start` and ends at or after `sp.end`.
    pub(crate) fn contains(&self, sp: &Span) -> bool {
        let k = self.spans.partition_point(|&(s, _)| s <= sp.start);
        k > 0 && self.max_end[k - 1] >= sp.end
    }
}
