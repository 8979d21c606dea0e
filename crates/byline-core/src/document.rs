//! The document model: an article parsed once, read by every stage.
//!
//! [`Document::parse`] finds what is not prose (Markdown code, link targets, URLs: the masked
//! spans), the sentences and the quotations, and tokenises the text **once**. Two views of
//! that one tokenisation serve the stages:
//!
//! - [`Tok`]: a word as person recognition sees it — an initial keeps its full stop ("V."), a
//!   possessive is recorded, not included ("Putin" of "Putin's");
//! - [`Word`]: a word of prose as attribution and claims see it — tokens joined across a dot
//!   between capitals or digits and a comma or colon between digits ("U.S", "3.5", "150,000",
//!   "9:30"), possessive included, never across a sentence boundary, never inside a masked span;
//!   each with its lower-case form (computed once per distinct word) and its shape.
//!
//! A word is made of tokens (`Word::toks`), so the stages agree about every word.

pub(crate) mod cues;
mod words;
mod words_reuse;

use std::borrow::Cow;
use std::ops::Range;

use crate::Span;
use crate::incremental::ParseMemo;
use crate::lexicon::{Lexicon, PhraseMatch};
use crate::people::lexicon::with_lower;
use crate::people::tokens::{Tok, tokenize};
use crate::quotes::{self, Quote};
use crate::sentences::{self, Sentence};
use crate::text::Format;
use cues::StartMemo;
use words::WordBuilder;
pub(crate) use words_reuse::{Edit, KeptWords};

/// One word of prose (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// The tokens it is made of.
    pub toks: Range<u32>,
    /// Its lower-case form: a range of [`Document::lower`]'s arena.
    lower: Range<u32>,
    /// Shape bits ([`shape`]).
    pub shape: u8,
    /// Lexicon classes of its lower-case form ([`class`]), found once per distinct word.
    pub class: u16,
}

/// The word lists of [`Lexicon`] a word's lower-case form belongs to: `Word::class` bits.
pub mod class {
    pub const FUNCTION: u16 = 1;
    pub const TIME: u16 = 1 << 1;
    pub const NUMBER: u16 = 1 << 2;
    pub const SUPERLATIVE: u16 = 1 << 3;
    pub const SOURCE_ROLE: u16 = 1 << 4;
    pub const ANONYMOUS_SOURCE: u16 = 1 << 5;
    pub const VAGUE_SOURCE: u16 = 1 << 6;
    pub const DOCUMENT: u16 = 1 << 7;
    pub const ABBREVIATION: u16 = 1 << 8;
    pub const COLLECTIVE: u16 = 1 << 9;
    pub const ADJECTIVE: u16 = 1 << 10;
}

/// The [`class`] bits of a lower-case word.
pub fn classify(lex: &Lexicon, l: &str) -> u16 {
    // The word lists are asked with the word's lower-case form, made once here.
    let words = with_lower(l, |low| {
        [
            (&lex.function_words, class::FUNCTION),
            (&lex.superlatives, class::SUPERLATIVE),
            (&lex.source_roles, class::SOURCE_ROLE),
            (&lex.anonymous_sources, class::ANONYMOUS_SOURCE),
            (&lex.vague_sources, class::VAGUE_SOURCE),
            (&lex.documents, class::DOCUMENT),
            (&lex.abbreviations, class::ABBREVIATION),
            (&lex.collectives, class::COLLECTIVE),
            (&lex.adjectives, class::ADJECTIVE),
        ]
        .iter()
        .filter(|(set, _)| set.contains_lower(low))
        .fold(0, |c, (_, bit)| c | bit)
    });
    let time = if lex.time_words.contains(l) { class::TIME } else { 0 };
    words | time | if lex.numbers.contains(l) { class::NUMBER } else { 0 }
}

/// Shape bits of a [`Word`].
pub mod shape {
    /// Starts with an upper-case letter or a digit.
    pub const CAP: u8 = 1;
    /// Starts with a digit.
    pub const DIGIT: u8 = 1 << 1;
}

/// An article, parsed once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document<'t> {
    pub text: &'t str,
    pub format: Format,
    /// The text with masked spans (link targets, URLs, inline code) blanked: same offsets.
    pub clean: Cow<'t, str>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// Every token of the cleaned text (a URL or a link target has none).
    pub toks: Vec<Tok>,
    /// The words of prose, sentence by sentence.
    pub words: Vec<Word>,
    /// The words of sentence `i`: `words[sentence_words[i]]`.
    sentence_words: Vec<Range<u32>>,
    /// The lower-case forms of the words, one copy per distinct word.
    lower: String,
    /// Where the attribution cue phrases occur ([`cue_matches`]).
    pub(crate) cues: CueMatches,
    /// Per token form, which of [`Lexicon::word_start_lists`] may start at a word of that
    /// form ([`StartMemo::answers`]): the parse finds them for every form, and the claim rules
    /// scan sentences with them (with the lexicon the document was parsed with, which the cue
    /// matches and the word classes assume too).
    pub(crate) form_starts: Vec<u16>,
}

/// The matches in the cleaned text of the three phrase lists attribution starts from:
/// reporting verbs, vague phrasings, anonymity markers (each sorted, non-overlapping).
pub(crate) type CueMatches = [Vec<PhraseMatch>; 3];

/// [`CueMatches`] of `clean`, given its tokens (`toks`, from [`tokenize`]). A match never
/// crosses a line break (phrases are words joined by spaces, anchors and word ends look no
/// further than the line), so the matches of a text are those of its lines, which lets
/// [`ParseMemo`] reuse a line's.
pub(crate) fn cue_matches(clean: &str, toks: &[Tok], lex: &Lexicon) -> CueMatches {
    let sets = [&lex.reporting_verbs, &lex.vague, &lex.anonymous];
    cues::find_each(sets, clean, toks, &StartMemo::new(toks, lex))
}

impl<'t> Document<'t> {
    /// Parse `text`.
    pub fn parse(text: &'t str, format: Format, lex: &Lexicon) -> Document<'t> {
        let clean = crate::text::clean(text);
        let toks = tokenize(&clean);
        // The lists looked for from the word starts, with what each token form says of them.
        let cue_sets = [&lex.reporting_verbs, &lex.vague, &lex.anonymous];
        let starts = StartMemo::new(&toks, lex);
        let sentences = sentences::split_clean_tokens(text, &clean, &toks, &starts, format, lex);
        let cues = cues::find_each(cue_sets, &clean, &toks, &starts);
        let form_starts = starts.answers(&clean, &toks);
        Document::assemble(text, format, clean, sentences, toks, (cues, form_starts), |doc| doc.build_words(&mut |l| lex.word_class(l)))
    }

    /// [`Document::parse`], reusing from `memo` the tokens, cue matches and words of the
    /// unchanged lines and sentences around the edit, the sentence boundaries of every block
    /// and the furniture test of every sentence whose text it has seen before (the parts of
    /// parsing that are a function of one line's, block's or sentence's text): the same
    /// document, for less work after an edit.
    pub(crate) fn parse_memo(text: &'t str, format: Format, lex: &Lexicon, memo: &mut ParseMemo) -> Document<'t> {
        memo.start_round();
        let clean = crate::text::clean(text);
        let (toks, cues_and_starts, edit) = memo.tokens(&clean, lex);
        let sentences = sentences::split_clean_by(text, &clean, format, lex, &mut memo.blocks(&clean, edit, lex));
        memo.end_round();
        Document::assemble(text, format, clean, sentences, toks, cues_and_starts, |doc| memo.words(doc, edit, lex))
    }

    /// The document from its sentences, tokens, cue matches and word-start answers per form:
    /// quotations, and the word view made by `build_words`.
    fn assemble(
        text: &'t str,
        format: Format,
        clean: Cow<'t, str>,
        sentences: Vec<Sentence>,
        toks: Vec<Tok>,
        (cues, form_starts): (CueMatches, Vec<u16>),
        build_words: impl FnOnce(&mut Document<'t>),
    ) -> Document<'t> {
        let quotes = quotes::find_clean(&clean, &sentences);
        let mut doc = Document {
            text,
            format,
            clean,
            sentences,
            quotes,
            toks,
            words: Vec::new(),
            sentence_words: Vec::new(),
            lower: String::new(),
            cues,
            form_starts,
        };
        build_words(&mut doc);
        doc
    }

    /// The words of sentence `i`.
    pub fn words_of(&self, i: usize) -> &[Word] {
        let r = &self.sentence_words[i];
        &self.words[r.start as usize..r.end as usize]
    }

    /// The text of a word, as written.
    pub fn word<'a>(&'a self, w: &Word) -> &'a str {
        &self.clean[w.span.clone()]
    }

    /// Whether a word is in any of the word lists `bits` ([`class`]).
    pub fn is(&self, w: &Word, bits: u16) -> bool {
        w.class & bits != 0
    }

    /// The lower-case form of a word.
    pub fn lower<'a>(&'a self, w: &Word) -> &'a str {
        &self.lower[w.lower.start as usize..w.lower.end as usize]
    }

    fn build_words(&mut self, word_class: &mut impl FnMut(&str) -> u16) {
        let toks = &self.toks;
        let forms = toks.last().map_or(0, |_| toks.iter().map(|t| t.form).max().unwrap_or(0) as usize + 1);
        let mut b = WordBuilder::new(&self.clean, toks, self.sentences.len(), forms);
        for s in &self.sentences {
            b.sentence(&s.span, word_class);
        }
        let (words, sentence_words, lower) = (b.words, b.sentence_words, b.lower);
        self.words = words;
        self.sentence_words = sentence_words;
        self.lower = lower;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let doc = Document::parse(text, Format::Plain, Lexicon::bundled());
        (0..doc.sentences.len()).flat_map(|i| doc.words_of(i).iter().map(|w| doc.word(w).to_string()).collect::<Vec<_>>()).collect()
    }

    #[test]
    fn words_join_abbreviations_and_figures_but_not_sentences() {
        assert_eq!(
            words("The U.S. economy grew 3.5 percent to $150,000 at 9:30. Putin's aide, V. Putin, spoke."),
            ["The", "U.S", "economy", "grew", "3.5", "percent", "to", "150,000", "at", "9:30", "Putin's", "aide", "V", "Putin", "spoke"]
        );
    }

    #[test]
    fn lower_forms_are_shared_and_shapes_read() {
        let doc = Document::parse("Police said. POLICE said. Police 3 said.", Format::Plain, Lexicon::bundled());
        let ws: Vec<&Word> = doc.words.iter().collect();
        assert_eq!(doc.lower(ws[0]), "police");
        assert_eq!(doc.lower(ws[2]), "police");
        assert_eq!(ws[0].lower, ws[4].lower, "one copy per distinct word");
        assert!(ws[0].shape & shape::CAP != 0 && ws[1].shape & shape::CAP == 0);
        assert!(ws[5].shape & shape::DIGIT != 0);
        let doc = Document::parse("Yesterday the officials said.", Format::Plain, Lexicon::bundled());
        let cls: Vec<u16> = doc.words.iter().map(|w| w.class).collect();
        assert!(cls[0] & class::TIME != 0 && cls[1] & class::FUNCTION != 0 && cls[2] & class::ANONYMOUS_SOURCE != 0, "{cls:?}");
    }

    #[test]
    fn urls_are_neither_tokens_nor_words() {
        let text = "Read it at https://example.com/Report now.";
        let doc = Document::parse(text, Format::Plain, Lexicon::bundled());
        let ws: Vec<&str> = doc.words.iter().map(|w| doc.word(w)).collect();
        assert_eq!(ws, ["Read", "it", "at", "now"]);
        assert!(!doc.toks.iter().any(|t| t.text(text) == "Report"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// The word view is the word splitter's words, sentence by sentence, on any text.
        #[test]
        fn the_word_view_matches_the_word_splitter(text in "([A-Za-z0-9 .,:'’‑\\-\n\"“”é]|https://|`|\\]\\(){0,80}") {
            let doc = Document::parse(&text, Format::Markdown, Lexicon::bundled());
            for (i, s) in doc.sentences.iter().enumerate() {
                let got: Vec<Span> = doc.words_of(i).iter().map(|w| w.span.clone()).collect();
                let want: Vec<Span> = crate::text::words(&doc.clean, s.span.clone()).into_iter().map(|w| w.span).collect();
                proptest::prop_assert_eq!(got, want, "{:?}", &text);
            }
        }
    }
}
