//! The word view of a document ([`Word`]), built sentence by sentence from its tokens.
//!
//! A builder rather than one loop, so that the incremental analysis (`words_reuse.rs`) can
//! start it from the words of the unchanged sentences before an edit and finish with those
//! after it: the lower-case arena and the forms already classified are its state.

use std::ops::Range;

use super::{Word, shape};
use crate::Span;
use crate::people::lexicon::FxHashMap;
use crate::people::tokens::Tok;

/// The words found so far, and what the next sentence's words are looked up in.
pub(super) struct WordBuilder<'a> {
    pub(super) clean: &'a str,
    pub(super) toks: &'a [Tok],
    pub(super) words: Vec<Word>,
    pub(super) sentence_words: Vec<Range<u32>>,
    /// The lower-case forms, one copy per distinct word, in order of first use.
    pub(super) lower: String,
    /// The arena's length after each sentence (where a reuse of the first sentences cuts it).
    pub(super) lower_after: Vec<u32>,
    /// Words that are not one whole token, by their text: their lower-case form and classes.
    pub(super) seen: FxHashMap<&'a str, (Range<u32>, u16)>,
    /// Per token form, the lower-case form and classes of the word of that one whole token
    /// (`u32::MAX` as a start: none yet).
    pub(super) by_form: Vec<(Range<u32>, u16)>,
    /// The next token to read.
    pub(super) ti: usize,
}

impl<'a> WordBuilder<'a> {
    /// A builder for `sentences` sentences over the tokens `toks` of `clean`, whose forms are
    /// numbered below `forms`.
    pub(super) fn new(clean: &'a str, toks: &'a [Tok], sentences: usize, forms: usize) -> WordBuilder<'a> {
        WordBuilder {
            clean,
            toks,
            words: Vec::with_capacity(toks.len()),
            sentence_words: Vec::with_capacity(sentences),
            lower: String::with_capacity(clean.len() / 4),
            lower_after: Vec::with_capacity(sentences),
            seen: FxHashMap::default(),
            by_form: vec![(u32::MAX..u32::MAX, 0); forms],
            ti: 0,
        }
    }

    /// The words of the sentence `span`, the next one.
    pub(super) fn sentence(&mut self, span: &Span, word_class: &mut impl FnMut(&str) -> u16) {
        let toks = self.toks;
        let first = self.words.len() as u32;
        while self.ti < toks.len() && toks[self.ti].start < span.start {
            self.ti += 1;
        }
        let mut open: Option<(usize, usize)> = None; // (first token, run end)
        while self.ti < toks.len() && toks[self.ti].start < span.end {
            let ti = self.ti;
            let t = &toks[ti];
            // A token that a sentence ends inside is cut at the sentence's end.
            let end = t.run_end.min(span.end);
            match open {
                Some((f, e)) if joins(self.clean, e, t.start) => open = Some((f, end)),
                Some((f, e)) => {
                    self.close(f, ti, e, word_class);
                    open = Some((ti, end));
                }
                None => open = Some((ti, end)),
            }
            self.ti += 1;
        }
        if let Some((f, e)) = open.take() {
            self.close(f, self.ti, e, word_class);
        }
        // A token that runs on past the sentence's end is seen again by the next one.
        if self.ti > 0 && toks[self.ti - 1].run_end > span.end {
            self.ti -= 1;
        }
        self.end_sentence(first);
    }

    /// The sentence whose words start at `first` is complete.
    pub(super) fn end_sentence(&mut self, first: u32) {
        self.sentence_words.push(first..self.words.len() as u32);
        self.lower_after.push(self.lower.len() as u32);
    }

    /// The word of tokens `from..to`, ending at byte `end`.
    #[inline(always)]
    fn close(&mut self, from: usize, to: usize, end: usize, word_class: &mut impl FnMut(&str) -> u16) {
        let (clean, t) = (self.clean, &self.toks[from]);
        let start = t.start;
        // A word of one whole token is known by the token's form (its text is read only the
        // first time the form is met); others by their text.
        let (l, cl) = if to == from + 1 && end == t.end {
            let f = t.form as usize;
            if self.by_form[f].0.start == u32::MAX {
                self.by_form[f] = add_lower(&mut self.lower, &clean[start..end], word_class);
            }
            self.by_form[f].clone()
        } else {
            let lower = &mut self.lower;
            self.seen.entry(&clean[start..end]).or_insert_with_key(|w| add_lower(lower, w, word_class)).clone()
        };
        self.words.push(Word { span: start..end, toks: from as u32..to as u32, lower: l, shape: shape_at(clean, start), class: cl });
    }
}

/// Appends the lower-case form of `w` to the arena `lower`: its range there and its classes.
#[inline(never)]
fn add_lower(lower: &mut String, w: &str, word_class: &mut impl FnMut(&str) -> u16) -> (Range<u32>, u16) {
    let a = lower.len();
    if w.is_ascii() {
        lower.push_str(w);
        lower[a..].make_ascii_lowercase();
    } else {
        lower.push_str(&w.to_lowercase());
    }
    let cl = word_class(&lower[a..]);
    (a as u32..lower.len() as u32, cl)
}

/// The [`shape`] bits of the word starting at byte `start` of `text`.
#[inline]
fn shape_at(text: &str, start: usize) -> u8 {
    let first = text.as_bytes().get(start).copied().unwrap_or(b' ');
    if first.is_ascii_digit() {
        shape::CAP | shape::DIGIT
    } else if first.is_ascii_uppercase() || (first >= 0x80 && text[start..].chars().next().is_some_and(char::is_uppercase)) {
        shape::CAP
    } else {
        0
    }
}

/// Whether the run ending at `a` and the token starting at `b` make one word: one full stop
/// between capitals or digits ("U.S", "3.5"), one comma or colon between digits ("150,000",
/// "9:30").
#[inline(always)]
fn joins(text: &str, a: usize, b: usize) -> bool {
    // Most tokens are one space apart: the byte between says no before any character is read.
    if b != a + 1 || !matches!(text.as_bytes()[a], b'.' | b',' | b':') {
        return false;
    }
    let prev = text[..a].chars().next_back().unwrap_or(' ');
    let next = text[b..].chars().next().unwrap_or(' ');
    match text.as_bytes()[a] {
        b'.' => (prev.is_ascii_digit() || prev.is_uppercase()) && (next.is_ascii_digit() || next.is_uppercase()),
        b',' | b':' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}
