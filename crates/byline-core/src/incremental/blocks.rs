//! The sentence boundaries of each block and the furniture test of each sentence, from the
//! previous version's where the text is the same.
//!
//! [`sentences::boundaries`] reads only its block's text and [`sentences::is_furniture`] only
//! its sentence's, so a block or sentence lying wholly in the unchanged text before an edit, or
//! wholly in the unchanged text after it, has the answer the previous version's piece at the
//! same place (moved, after the edit) had — when the previous version had a piece with exactly
//! that span there. Found by position (a binary search), not by hashing the piece's text: a
//! keystroke no longer hashes the whole document twice.

use std::ops::Range;

use super::Work;
use crate::document::Edit;
use crate::lexicon::Lexicon;
use crate::sentences::{self, BlockWork};

/// The answers of the previous version and of this one, by span.
#[derive(Debug, Default)]
pub(crate) struct BlockMemo {
    /// A block's span → its sentence boundaries, offsets from the block's start.
    blocks: Placed<Vec<(usize, usize)>>,
    /// A sentence's span → whether it is site furniture.
    sentences: Placed<bool>,
}

impl BlockMemo {
    /// The [`BlockWork`] of splitting `clean`, edited from the previous version by `edit`.
    pub(crate) fn work<'a>(&'a mut self, clean: &'a str, edit: Option<Edit>, lex: &'a Lexicon, counts: &'a mut Work) -> Blocks<'a> {
        Blocks { memo: self, clean, edit, lex, counts }
    }

    /// A round starts: answers placed by a round that did not finish (a panic) are dropped, so
    /// that none is taken for a piece of the new text. (The next round after such a one parses
    /// the whole text, with no edit, so the previous version's answers are not asked.)
    pub(crate) fn clear_placed(&mut self) {
        self.blocks.new.clear();
        self.sentences.new.clear();
    }

    /// The round is over: its answers are the previous version's for the next one.
    pub(crate) fn advance(&mut self) {
        self.blocks.advance();
        self.sentences.advance();
    }
}

/// [`BlockWork`] from a [`BlockMemo`].
pub(crate) struct Blocks<'a> {
    memo: &'a mut BlockMemo,
    clean: &'a str,
    edit: Option<Edit>,
    lex: &'a Lexicon,
    counts: &'a mut Work,
}

impl BlockWork for Blocks<'_> {
    fn boundaries(&mut self, span: Range<usize>) -> Vec<(usize, usize)> {
        let (base, lex) = (span.start, self.lex);
        let block = &self.clean[span.clone()];
        let (bounds, fresh) = self.memo.blocks.get_or_insert_with(span, self.edit, || sentences::boundaries(block, 0..block.len(), lex));
        if fresh {
            self.counts.blocks_parsed += 1;
        } else {
            self.counts.blocks_reused += 1;
        }
        bounds.iter().map(|&(end, next)| (base + end, base + next)).collect()
    }

    fn is_furniture(&mut self, span: Range<usize>) -> bool {
        let (sentence, lex) = (&self.clean[span.clone()], self.lex);
        *self.memo.sentences.get_or_insert_with(span, self.edit, || sentences::is_furniture(sentence, lex)).0
    }
}

/// Answers by span: the previous round's (`old`, in text order) and this round's (`new`).
#[derive(Debug)]
struct Placed<V> {
    old: Vec<(Range<usize>, V)>,
    new: Vec<(Range<usize>, V)>,
}

impl<V> Default for Placed<V> {
    fn default() -> Self {
        Placed { old: Vec::new(), new: Vec::new() }
    }
}

impl<V: Default> Placed<V> {
    /// The answer for the piece at `span` of this version: the previous round's piece's at the
    /// same place in the unchanged text around `edit`, else computed by `make`; and whether it
    /// was computed now. Pieces are asked for in text order.
    fn get_or_insert_with(&mut self, span: Range<usize>, edit: Option<Edit>, make: impl FnOnce() -> V) -> (&V, bool) {
        // (A piece asked for again: its answer of a moment ago.)
        if self.new.last().is_some_and(|(s, _)| *s == span) {
            return (&self.new[self.new.len() - 1].1, false);
        }
        let was = edit.and_then(|e| {
            if span.end <= e.prefix {
                Some(span.clone())
            } else if span.start >= e.new_suffix {
                Some(e.to_old(span.start)?..e.to_old(span.end)?)
            } else {
                None
            }
        });
        let found = was.and_then(|was| {
            let i = self.old.partition_point(|(s, _)| s.start < was.start);
            self.old.get(i).is_some_and(|(s, _)| *s == was).then_some(i)
        });
        let (v, fresh) = match found {
            // (Taken, not copied: an old piece answers one new piece at most.)
            Some(i) => (std::mem::take(&mut self.old[i].1), false),
            None => (make(), true),
        };
        self.new.push((span, v));
        (&self.new[self.new.len() - 1].1, fresh)
    }

    fn advance(&mut self) {
        self.old = std::mem::take(&mut self.new);
    }
}
