//! The word view after an edit, from the previous version's (the incremental analysis).
//!
//! The words of a sentence are a function of its text and of the tokens that start inside it
//! (`words.rs` reads nothing else), but their lower-case forms are ranges of one arena filled
//! in order of first use, and the forms already met decide whether a word adds to it. So:
//!
//! - the sentences before the edit that are unchanged (same span, ending before the first
//!   changed line) keep their words as they are, and the arena up to where they left it; the
//!   builder's state after them (which forms and texts have their lower case) is read back from
//!   those words, without lower-casing or classifying anything;
//! - the sentences around the edit are built afresh;
//! - the sentences after the edit that are unchanged (the same text, moved) keep their words,
//!   moved, with their lower-case forms looked up again in the arena (appended, copied from the
//!   old arena, where this version meets them first) and their classes as they were.
//!
//! The result is the word view [`Document::parse`] builds: the property test
//! `tests/incremental.rs` compares the documents.

use std::ops::Range;

use super::words::WordBuilder;
use super::{Document, Word};
use crate::Span;

/// The previous version's word view, kept for the next.
#[derive(Debug, Default)]
pub(crate) struct KeptWords {
    /// Its sentences' spans.
    spans: Vec<Span>,
    words: Vec<Word>,
    sentence_words: Vec<Range<u32>>,
    lower: String,
    /// The arena's length after each sentence.
    lower_after: Vec<u32>,
    /// Whether the words above are those of `spans` (the analysis gave them back).
    valid: bool,
}

/// Where the text changed between the previous version and this one: the lines before
/// `prefix` are the same in both, and so are the lines from `old_suffix` in the old text and
/// from `new_suffix` in the new one, whose tokens start at `old_suffix_tok` and
/// `new_suffix_tok`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edit {
    pub(crate) prefix: usize,
    pub(crate) old_suffix: usize,
    pub(crate) new_suffix: usize,
    pub(crate) old_suffix_tok: usize,
    pub(crate) new_suffix_tok: usize,
}

impl Edit {
    /// Where the byte at `old` of the previous version's unchanged end is in this version
    /// (`None` when `old` lies before that end and is no byte of it).
    pub(crate) fn to_new(self, old: usize) -> Option<usize> {
        (old + self.new_suffix).checked_sub(self.old_suffix)
    }

    /// Where the byte at `new` of this version's unchanged end was in the previous version.
    pub(crate) fn to_old(self, new: usize) -> Option<usize> {
        (new + self.old_suffix).checked_sub(self.new_suffix)
    }
}

impl KeptWords {
    /// How many sentences at the start (`k`) and at the end (`m`) of the new `sentences` have
    /// the words of the previous version's (moved, for the end).
    fn shared(&self, sentences: &[crate::sentences::Sentence], e: &Edit) -> (usize, usize) {
        let (old, n) = (&self.spans, sentences.len());
        let mut k = 0;
        while k < n.min(old.len()) && sentences[k].span == old[k] && old[k].end <= e.prefix {
            k += 1;
        }
        let by = |x: usize| e.to_new(x);
        let mut m = 0;
        while m < (n - k).min(old.len() - k) {
            let (s, o) = (&sentences[n - 1 - m].span, &old[old.len() - 1 - m]);
            if o.start < e.old_suffix || by(o.start) != Some(s.start) || by(o.end) != Some(s.end) {
                break;
            }
            m += 1;
        }
        (k, m)
    }
}

impl Document<'_> {
    /// [`Document::build_words`], reusing the words of the sentences `kept` has unchanged
    /// around `edit` (see the module documentation); `forms` is the number of token forms.
    /// Returns how many sentences' words were reused.
    pub(crate) fn build_words_reusing(
        &mut self,
        kept: &mut KeptWords,
        edit: Option<Edit>,
        forms: usize,
        word_class: &mut impl FnMut(&str) -> u16,
    ) -> usize {
        let n = self.sentences.len();
        let (k, m) = match edit {
            Some(e) if kept.valid => kept.shared(&self.sentences, &e),
            _ => (0, 0),
        };
        let mut b = WordBuilder::new(&self.clean, &self.toks, n, forms);
        if k > 0 {
            prefix_words(&mut b, kept, k, self.sentences[k - 1].span.end);
        }
        for s in &self.sentences[k..n - m] {
            b.sentence(&s.span, word_class);
        }
        if let Some(e) = edit.filter(|_| m > 0) {
            suffix_words(&mut b, kept, kept.spans.len() - m.., &e);
        }
        let (words, sentence_words, lower, lower_after) = (b.words, b.sentence_words, b.lower, b.lower_after);
        self.words = words;
        self.sentence_words = sentence_words;
        self.lower = lower;
        kept.spans.clear();
        kept.spans.extend(self.sentences.iter().map(|s| s.span.clone()));
        kept.lower_after = lower_after;
        kept.valid = false;
        k + m
    }

    /// The word view, back to `kept` for the next version (the document keeps none).
    pub(crate) fn give_words(&mut self, kept: &mut KeptWords) {
        kept.words = std::mem::take(&mut self.words);
        kept.sentence_words = std::mem::take(&mut self.sentence_words);
        kept.lower = std::mem::take(&mut self.lower);
        kept.valid = true;
    }

    /// A copy of the word view for `kept` (the document keeps its own).
    pub(crate) fn copy_words(&self, kept: &mut KeptWords) {
        kept.words = self.words.clone();
        kept.sentence_words = self.sentence_words.clone();
        kept.lower = self.lower.clone();
        kept.valid = true;
    }
}

/// The words of the first `k` sentences as they were, and the builder's state after them;
/// the `k`th sentence ends at `end`.
fn prefix_words(b: &mut WordBuilder, kept: &KeptWords, k: usize, end: usize) {
    let words = kept.sentence_words[k - 1].end as usize;
    b.words.extend_from_slice(&kept.words[..words]);
    b.sentence_words.extend_from_slice(&kept.sentence_words[..k]);
    b.lower.push_str(&kept.lower[..kept.lower_after[k - 1] as usize]);
    b.lower_after.extend_from_slice(&kept.lower_after[..k]);
    let (clean, toks) = (b.clean, b.toks);
    for w in &b.words {
        let t = &toks[w.toks.start as usize];
        if w.toks.len() == 1 && w.span.end == t.end {
            let f = &mut b.by_form[t.form as usize];
            if f.0.start == u32::MAX {
                *f = (w.lower.clone(), w.class);
            }
        } else {
            b.seen.entry(&clean[w.span.clone()]).or_insert_with(|| (w.lower.clone(), w.class));
        }
    }
    // Where the builder's walk over the tokens stands after the `k`th sentence.
    b.ti = toks.partition_point(|t| t.start < end);
    if b.ti > 0 && toks[b.ti - 1].run_end > end {
        b.ti -= 1;
    }
}

/// The words of the previous version's sentences `old` (the last ones), moved into this one.
fn suffix_words(b: &mut WordBuilder, kept: &KeptWords, old: std::ops::RangeFrom<usize>, e: &Edit) {
    let by = |x: usize| e.to_new(x).expect("a word of the unchanged end");
    let tok = |x: u32| (x as usize + e.new_suffix_tok - e.old_suffix_tok) as u32;
    let (clean, toks) = (b.clean, b.toks);
    for r in &kept.sentence_words[old] {
        let first = b.words.len() as u32;
        for w in &kept.words[r.start as usize..r.end as usize] {
            let span = by(w.span.start)..by(w.span.end);
            let from = tok(w.toks.start);
            let t = &toks[from as usize];
            let lower = &mut b.lower;
            let mut add = || {
                let a = lower.len() as u32;
                lower.push_str(&kept.lower[w.lower.start as usize..w.lower.end as usize]);
                (a..lower.len() as u32, w.class)
            };
            let l = if w.toks.len() == 1 && span.end == t.end {
                let f = &mut b.by_form[t.form as usize];
                if f.0.start == u32::MAX {
                    *f = add();
                }
                f.0.clone()
            } else {
                b.seen.entry(&clean[span.clone()]).or_insert_with(add).0.clone()
            };
            b.words.push(Word { span, toks: from..tok(w.toks.end), lower: l, shape: w.shape, class: w.class });
        }
        b.end_sentence(first);
    }
}
