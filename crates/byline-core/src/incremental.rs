//! Incremental analysis: after an edit, redo only the work whose input changed.
//!
//! An editor re-analyses an article on every keystroke, and most of the article is what it was.
//! Each call compares the cleaned text with the previous version's (kept here) and finds the
//! unchanged lines before the edit (the **prefix**) and after it (the **suffix**, moved by the
//! change in length): an [`Edit`]. Parts of [`Document::parse`] are a function of one piece of
//! text alone, so their answers for the pieces lying wholly in the prefix or the suffix are the
//! previous version's, at the same place or moved:
//!
//! - the tokens and the attribution cue matches of the **lines** (a token or a phrase never
//!   crosses a line break; masking — link targets, URLs, inline code — never crosses one
//!   either): the prefix's as they were, the suffix's moved with their forms renumbered, only
//!   the changed lines tokenised (`incremental/tokens.rs`);
//! - the sentence boundaries of a **block** (paragraph): [`crate::sentences::boundaries`] reads
//!   only the block's text, and whether a **sentence** is site furniture (a boilerplate phrase,
//!   a credit line), found by position in the previous version's (`incremental/blocks.rs`);
//! - the **words** of each unchanged sentence (`document/words_reuse.rs`: the sentences before
//!   the edit as they were, those after it moved, their lower-case forms placed again in the
//!   document's arena);
//! - the word-start answers of each token **form** kept or carried over (the answer is a
//!   function of the form's text), only the changed lines' tokens asked about;
//! - the lexicon classes of a **word** (a small map of the document's words answers faster than
//!   the lexicon's map of every listed word).
//!
//! After parsing, the same holds for two per-sentence phases ([`StageMemo`]): the attributions
//! of a sentence's own cues (`attribution/sentence_memo.rs`, keyed by the sentence's text with
//! the two characters before it, its words and its cue matches) and the claim decisions that
//! read only the sentence (`claims/sentence_facts.rs`: whether it asserts nothing, its own
//! exemptions, its checkable claim; keyed by its text, words and quotations). In the people
//! stage, per **unit** of the text (lines of at least 64 tokens together;
//! `people/recognize/candidate_memo.rs`): the name candidates (runs of capitalised words split
//! into pieces, rejected or cued, and the names of byline and contributor lines: recognition
//! before propagation) and the roles the text around each name gives it (before and after it,
//! `people/attach_roles.rs`, `LocalRoles`), keyed by the unit's **window** — the unit and its
//! neighbours, their text and cleaned text, and whether each of their words is used in lower
//! case anywhere in the article (the one document-wide fact recognition reads). A neighbour of
//! 64 tokens or more covers what a piece reads around it (at most 40 tokens and two lines).
//! The unit's mentions after propagation are kept in its entry too (`mention_memo.rs`), reused
//! while the names propagation knows across the article and the unit's pieces are unchanged;
//! the grouping of the mentions into persons is the previous version's, its spans moved, when the
//! mentions and what grouping reads between them are unchanged (`people/group_memo.rs`).
//!
//! Everything that reads the whole document is recomputed on every call, so the result is
//! always the fresh analysis of the final text ([`crate::analyze_with`], which runs the same
//! phases with no memo; the property test `tests/incremental.rs` checks it over random edits of
//! real and invented articles): the blocks (Markdown fences and front matter are
//! document-wide), sentence roles (the boilerplate zone depends on the document's length),
//! quotations (a quotation runs on across paragraphs), the cross-sentence parts of attribution (introducers, signed sections, pronouns, quote
//! scopes, speakers) and claims (coverage, scopes, furniture, the first document citation), and
//! in the people stage the class bits of the tokens ("used in lower case" is a fact of the
//! whole article), the names propagation knows (a surname is a mention when someone with it is
//! named in full anywhere), the chaining of a plural title's role to the names after it, quotes,
//! role and title references. Making those incremental too is the rest of issue 12's first item.
//!
//! The analysis gives the tokens, cue matches, word-start answers and words back to the memo
//! when it is done ([`ParseMemo::keep`], `Document::give_words`); a call whose analysis did not
//! finish leaves none, and the next call parses the whole text. The memo holds one copy of the current
//! document's pieces.

use crate::analysis::{Analysis, StageMemo, analyze_document};
use crate::document::cues::StartMemo;
use crate::document::{CueMatches, Document, Edit, KeptWords};
use crate::lexicon::Lexicon;
use crate::people::lexicon::FxHashMap;
use crate::people::tokens::Tok;
use crate::sentences::BlockWork;
use crate::text::Format;

mod blocks;
mod tokens;

use blocks::BlockMemo;
use tokens::TokenMemo;

/// Analyses successive versions of one document, reusing the parsing of its unchanged lines and
/// blocks. The result of [`IncrementalAnalyzer::analyze`] is always equal to
/// [`crate::analyze_with`] on the same text, format and lexicons.
///
/// Tied to one [`Lexicon`] (sentence boundaries depend on its abbreviations) by its lifetime:
/// the lexicons cannot change under it.
#[derive(Debug)]
pub struct IncrementalAnalyzer<'l> {
    lex: &'l Lexicon,
    memo: ParseMemo,
    stages: StageMemo,
}

impl IncrementalAnalyzer<'static> {
    /// An analyzer with the bundled lexicons (those of [`crate::analyze`]).
    pub fn bundled() -> IncrementalAnalyzer<'static> {
        IncrementalAnalyzer::new(Lexicon::bundled())
    }
}

impl Default for IncrementalAnalyzer<'static> {
    fn default() -> Self {
        IncrementalAnalyzer::bundled()
    }
}

impl<'l> IncrementalAnalyzer<'l> {
    pub fn new(lex: &'l Lexicon) -> IncrementalAnalyzer<'l> {
        IncrementalAnalyzer { lex, memo: ParseMemo::default(), stages: StageMemo::default() }
    }

    /// The lexicons this analyzer is tied to.
    pub fn lexicon(&self) -> &'l Lexicon {
        self.lex
    }

    /// Analyse the document's current text: the same [`Analysis`] as
    /// `analyze_with(text, format, lex)`.
    pub fn analyze(&mut self, text: &str, format: Format) -> Analysis {
        let mut doc = Document::parse_memo(text, format, self.lex, &mut self.memo);
        let analysis = analyze_document(&mut doc, self.lex, Some(&mut self.stages));
        doc.give_words(&mut self.memo.words);
        self.memo.keep(doc.toks, doc.cues, doc.form_starts);
        analysis
    }

    /// Parse the document's current text: the same [`Document`] as `Document::parse`.
    pub fn parse<'t>(&mut self, text: &'t str, format: Format) -> Document<'t> {
        let doc = Document::parse_memo(text, format, self.lex, &mut self.memo);
        doc.copy_words(&mut self.memo.words);
        self.memo.keep(doc.toks.clone(), doc.cues.clone(), doc.form_starts.clone());
        doc
    }

    /// How many lines, blocks and sentences the last call worked on afresh and how many it
    /// reused.
    pub fn last_work(&self) -> Work {
        let (cue_sentences_found, cue_sentences_reused) = self.stages.cues.counts;
        let (claim_sentences_found, claim_sentences_reused) = self.stages.claims.counts;
        let (people_units_found, people_units_reused) = self.stages.people.counts;
        let (people_mention_units_found, people_mention_units_reused) = self.stages.people.mention_counts;
        Work {
            cue_sentences_found,
            cue_sentences_reused,
            claim_sentences_found,
            claim_sentences_reused,
            people_units_found,
            people_units_reused,
            people_mention_units_found,
            people_mention_units_reused,
            people_grouping_reused: self.stages.grouping.reused,
            ..self.memo.work
        }
    }
}

/// What one parse did: pieces parsed afresh and pieces reused.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    pub lines_parsed: usize,
    pub lines_reused: usize,
    pub blocks_parsed: usize,
    pub blocks_reused: usize,
    /// Sentences whose words were taken from the previous version's (unchanged around the edit).
    pub word_sentences_reused: usize,
    /// Sentences with cue matches whose attributions were found afresh, or reused.
    pub cue_sentences_found: usize,
    pub cue_sentences_reused: usize,
    /// Sentences whose own claim decisions were asked for afresh, or reused.
    pub claim_sentences_found: usize,
    pub claim_sentences_reused: usize,
    /// Units of the text (lines of at least 64 tokens together) whose name candidates were
    /// found afresh, or reused (`people/recognize/candidate_memo.rs`).
    pub people_units_found: usize,
    pub people_units_reused: usize,
    /// Units whose mentions after propagation were found afresh, or reused (their window, their
    /// pieces and the names known across the article unchanged; `people/recognize/mention_memo.rs`).
    pub people_mention_units_found: usize,
    pub people_mention_units_reused: usize,
    /// Whether the people's grouping was the previous version's, its spans moved (the mentions
    /// and what grouping read around them unchanged; `people/group_memo.rs`).
    pub people_grouping_reused: bool,
}

/// The kept answers of the per-piece parsing work (see the module documentation).
#[derive(Debug, Default)]
pub(crate) struct ParseMemo {
    /// The previous version's tokens and cue matches (`incremental/tokens.rs`).
    tokens: TokenMemo,
    /// The previous version's word view (`document/words_reuse.rs`).
    words: KeptWords,
    /// The sentence boundaries of each block and the furniture test of each sentence
    /// (`incremental/blocks.rs`).
    blocks: BlockMemo,
    /// A word's lower-case form → its [`Lexicon::word_class`], for every word seen: a small map
    /// of this document's words answers faster than the lexicon's map of every listed word.
    classes: FxHashMap<Box<str>, u16>,
    work: Work,
}

/// Past this many words the class memo starts again (a bound on its memory).
const MAX_CLASSES: usize = 100_000;

impl ParseMemo {
    /// The tokens of `clean`, as [`crate::people::tokens::tokenize`] gives them, its
    /// [`crate::document::cue_matches`] and its word-start answers per token form
    /// (`Document::form_starts`): those of the unchanged lines before and after the edit taken
    /// from the previous call's, the changed lines' found afresh. With them, where the text
    /// changed since the previous version.
    pub(crate) fn tokens(&mut self, clean: &str, lex: &Lexicon) -> (Vec<Tok>, (CueMatches, Vec<u16>), Option<Edit>) {
        let out = self.tokens.tokens(clean, lex);
        (self.work.lines_parsed, self.work.lines_reused) = (out.lines.parsed, out.lines.reused);
        let starts = match out.starts {
            Some((known, ask)) => StartMemo::from_answers(lex, &known).answers(clean, &out.toks[ask]),
            None => StartMemo::new(&out.toks, lex).answers(clean, &out.toks),
        };
        (out.toks, (out.cues, starts), out.edit)
    }

    /// The word view of `doc`, reusing the previous version's words around `edit`.
    pub(crate) fn words(&mut self, doc: &mut Document, edit: Option<Edit>, lex: &Lexicon) {
        let forms = self.tokens.forms();
        let classes = &mut self.classes;
        self.work.word_sentences_reused = doc.build_words_reusing(&mut self.words, edit, forms, &mut |l| word_class(classes, l, lex));
    }

    /// The tokens, cue matches and word-start answers of the last parse, back for the next one.
    pub(crate) fn keep(&mut self, toks: Vec<Tok>, cues: CueMatches, starts: Vec<u16>) {
        self.tokens.keep(toks, cues, starts);
    }

    /// The block and sentence work of splitting `clean` into sentences, answered from here
    /// where the text is the previous version's, before or after `edit`.
    pub(crate) fn blocks<'a>(&'a mut self, clean: &'a str, edit: Option<Edit>, lex: &'a Lexicon) -> impl BlockWork + 'a {
        self.blocks.work(clean, edit, lex, &mut self.work)
    }

    /// A parse starts: its counts start from zero.
    pub(crate) fn start_round(&mut self) {
        self.work = Work::default();
        // (A round that panicked left the answers it had placed: not the current text's.)
        self.blocks.clear_placed();
    }

    /// The parse is over: answers it did not use are dropped.
    pub(crate) fn end_round(&mut self) {
        self.blocks.advance();
    }
}

/// [`Lexicon::word_class`] of the lower-case word `l`, answered from `classes` when it has it.
fn word_class(classes: &mut FxHashMap<Box<str>, u16>, l: &str, lex: &Lexicon) -> u16 {
    if let Some(&c) = classes.get(l) {
        return c;
    }
    if classes.len() >= MAX_CLASSES {
        classes.clear();
    }
    let c = lex.word_class(l);
    classes.insert(l.into(), c);
    c
}
