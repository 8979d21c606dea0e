//! A set of spans that answers in log time whether one of them contains a given span (the
//! quotations of a sentence).

use crate::Span;

/// A set of spans, answering in log time whether one of them contains a given span.
pub(crate) struct Cover {
    /// (start, end) sorted by start.
    spans: Vec<(usize, usize)>,
    /// The largest end among `spans[..=k]`.
    max_end: Vec<usize>,
}

impl Cover {
    pub(crate) fn new(spans: impl Iterator<Item = Span>) -> Cover {
        let mut spans: Vec<(usize, usize)> = spans.map(|s| (s.start, s.end)).collect();
        spans.sort_unstable();
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                m = m.max(e);
                m
            })
            .collect();
        Cover { spans, max_end }
    }

    /// Whether one span starts at or before `sp.start` and ends at or after `sp.end`.
    pub(crate) fn contains(&self, sp: &Span) -> bool {
        let k = self.spans.partition_point(|&(s, _)| s <= sp.start);
        k > 0 && self.max_end[k - 1] >= sp.end
    }
}
