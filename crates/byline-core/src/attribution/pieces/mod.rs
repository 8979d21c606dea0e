//! Shared pattern pieces the cues are built from: the text context ([`Ctx`]), word lists, noun
//! phrases, time phrases, titles and abbreviations, and the classification of a source phrase.

pub(crate) mod appositive;
pub(crate) mod classify;
pub(crate) mod noun_phrase;
pub(crate) mod time_phrase;
pub(crate) mod titles;
pub(crate) mod word_list;
pub(crate) mod words;

use crate::Span;
use crate::document::{Document, Word};
use crate::lexicon::Lexicon;

/// Whether the text `g` before a word ends with a comma or a closing quotation mark, AP copy's
/// two apostrophes included ("…,'' said Jane Roe").
pub(crate) fn ends_clause_mark(g: &str) -> bool {
    g.ends_with([',', '”', '"', '’']) || g.ends_with("''")
}

/// Whether `at` is inside one of `spans` (sorted by start, not overlapping).
pub(crate) fn inside(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= at);
    spans.get(i).is_some_and(|s| s.start <= at && at < s.end)
}

/// The document (its cleaned text and words) and the lexicons, which every pattern reads.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    pub(crate) doc: &'a Document<'a>,
    pub(crate) lex: &'a Lexicon,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(doc: &'a Document<'a>, lex: &'a Lexicon) -> Ctx<'a> {
        Ctx { text: &doc.clean, doc, lex }
    }
    pub(crate) fn w(&self, w: &Word) -> &'a str {
        &self.text[w.span.clone()]
    }
    /// The lower-case form of a word (stored once per distinct word by the document).
    pub(crate) fn lw(&self, w: &Word) -> &'a str {
        self.doc.lower(w)
    }
    /// The lower-case form of a word that is all ASCII, else "" (which equals no ASCII word):
    /// a word equals an ASCII word `p` with ASCII case ignored exactly when this is `p`. (The
    /// lower-case form of a word that is not ASCII can be ASCII only through the Kelvin sign,
    /// which shrinks from three bytes to one: hence the test of the length.) A look-up of the
    /// form kept by the document instead of a comparison of the text with every word of a list.
    pub(crate) fn ascii_lw(&self, w: &Word) -> &'a str {
        let l = self.doc.lower(w);
        if l.len() == w.span.len() { l } else { "" }
    }
    /// Whether a word is in `time_words`: its class bit, which is the list of its lower-case
    /// form (a bit test, not a walk of the list's trie).
    pub(crate) fn is_time(&self, w: &Word) -> bool {
        self.doc.is(w, crate::document::class::TIME)
    }
    pub(crate) fn is_cap(&self, w: &Word) -> bool {
        w.shape & crate::document::shape::CAP != 0
    }
    /// Only spaces between two byte offsets.
    pub(crate) fn gap_is_space(&self, a: usize, b: usize) -> bool {
        // Most words are one plain space apart: said without decoding a character.
        if b == a + 1 && self.text.as_bytes().get(a) == Some(&b' ') {
            return true;
        }
        a <= b && self.gap(a, b).chars().all(|c| c.is_whitespace() || c == '\u{a0}')
    }
    /// The text between two byte offsets, widened to whole characters.
    pub(crate) fn gap(&self, a: usize, b: usize) -> &str {
        crate::text::between(self.text, a, b)
    }
}
