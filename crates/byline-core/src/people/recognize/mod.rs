//! Finding person names: runs of capitalised words, split at titles and non-person words, kept
//! when a cue says they name a person (a first name, a title or honorific, a speech verb, an
//! appositive role, a byline or photo credit), then propagated to bare surnames.
//!
//! The stages, in the order [`find_names`] runs them:
//! - `runs.rs`: runs of capitalised words (with particles, initials, quoted nicknames);
//! - `pieces.rs`: each run split into name pieces at titles, honorifics and non-person words,
//!   with `names.rs` for the pieces of a name (particles, suffixes, initials, [`split_name`]);
//! - `rejections.rs`: pieces that name things ("the Bush administration", "Trump Tower");
//! - `cues/`: one file per cue that a piece names a person, and the byline and contributor
//!   lines that name people on their own;
//! - `propagate.rs`: bare surnames, aliases and hyphenated pairs of the people found, with
//!   `word_surnames.rs` for bare surnames that are also ordinary words ("Rider added").
//!
//! The role phrases the cues share (a title before a name, an appositive after it) are in
//! `roles.rs` and `appositive.rs`; the short word lists in `vocab.rs`.

mod affiliation;
mod appositive;
mod candidate_memo;
mod cues;
mod form_facts;
mod mention_memo;
mod names;
mod pieces;
mod propagate;
mod rejections;
mod roles;
mod runs;
mod surname_shapes;
mod vocab;
mod word_surnames;

pub use affiliation::affiliation_after;
pub use appositive::{appositive_indefinite, appositive_role, appositive_start, bracket_role, named_role_start};
pub(crate) use candidate_memo::CandidateMemo;
pub use cues::byline::byline_role_line;
pub use cues::contributor::contributor_role;
pub use cues::plural_role::plural_role;
pub use names::{is_suffix, split_name};
pub(crate) use roles::age_word;
pub use roles::{identified_role, is_short_title, role_before};

use super::lexicon::PeopleLexicon;
use super::tokens::Tok;

/// A recognised mention: the token range of its name (title and possessive excluded).
#[derive(Clone, Debug)]
pub struct Found {
    /// Token indices `first..last+1` of the name.
    pub toks: std::ops::Range<usize>,
    /// The name is a given name alone, linked to a full name in the same article.
    pub given_only: bool,
    /// A surname inside a hyphenated word ("Putin" in "Scholz-Putin"): its byte range.
    pub part: Option<(usize, usize)>,
    /// A lone surname cued only by a speech verb: a person only if someone with that surname
    /// is named in full (see [`super::DocPeople::tentative`]).
    pub tentative: bool,
    /// Another name of the person found just before ("Jane Roe, widely known as Janey").
    pub alias: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    toks: std::ops::Range<usize>,
    /// Number of real name words (initials and particles not counted).
    words: usize,
    strong: bool,
    weak: bool,
    rejected: bool,
    /// End (exclusive) of the run of capitalised words the piece comes from.
    run_end: usize,
    /// A lone word cued only by a speech verb.
    tentative: bool,
    /// Led by a place that is also a given name ("Georgia Pemberton"): needs a cue besides it.
    place_led: bool,
}

impl Piece {
    /// A name found by a strong cue of its own (a byline, a contributor line).
    fn strong_name(toks: std::ops::Range<usize>) -> Piece {
        Piece { words: toks.len(), run_end: toks.end, toks, strong: true, weak: false, rejected: false, tentative: false, place_led: false }
    }
}

/// Token classes beyond the lexicon's (see [`super::lexicon::class`]).
/// The text also uses the word in lower case (an ordinary word, not a name).
const LOWER_USED: u32 = 1 << 8;
/// A name particle ("von", "al-Assad"), as written.
const PARTICLE: u32 = 1 << 9;
/// In lower case, a word that ends a backward walk over a role.
const STOP: u32 = 1 << 10;
/// In lower case, a plain honorific ("Mr").
const PLAIN_HON: u32 = 1 << 11;
/// A part after a hyphen starts in lower case ("Last-ditch").
const LOWER_PART: u32 = 1 << 12;
/// In lower case, a name particle ("Von" in "Von der Leyen").
const PARTICLE_CI: u32 = 1 << 13;
/// As written (lower case), a verb or preposition that ends a backward walk over a role.
const VERB_STOP: u32 = 1 << 14;
/// As written (lower case), a particle that only stands inside a name ("ap", "bint").
const PARTICLE_INNER: u32 = 1 << 15;
/// As written (lower case), a form that can only be a verb ("notified", "includes"; from WordNet).
const VERB_FORM: u32 = 1 << 18;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// The classes of each token's word, computed once per distinct word.
    cls: Vec<u32>,
    /// For the few lookups that are not per token (several-word names, plurals).
    pub lex: &'a PeopleLexicon,
}

impl<'a> Ctx<'a> {
    /// A context over the tokens of `text` ([`crate::people::tokens::tokenize`]): the classes
    /// are found once per form ([`Tok::form`]), see [`form_facts`].
    pub fn new(text: &'a str, toks: &'a [Tok], lex: &'a PeopleLexicon) -> Ctx<'a> {
        let cls = form_facts::token_classes(text, toks, lex);
        Ctx { text, toks, cls, lex }
    }
    /// Whether token `i` has any of the class bits `bits`.
    #[inline]
    pub fn has(&self, i: usize, bits: u32) -> bool {
        self.cls[i] & bits != 0
    }
    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }
    /// The text between token `i` (possessive included) and token `i + 1`.
    pub fn gap_after(&self, i: usize) -> &'a str {
        let end = self.toks[i].raw_end;
        let next = self.toks.get(i + 1).map_or(self.text.len(), |t| t.start);
        &self.text[end.min(next)..next]
    }
    pub fn gap_before(&self, i: usize) -> &'a str {
        if i == 0 { &self.text[..self.toks[0].start] } else { self.gap_after(i - 1) }
    }
    fn is_particle(&self, i: usize) -> bool {
        self.has(i, PARTICLE)
    }
}

pub(crate) fn is_space_gap(g: &str) -> bool {
    !g.is_empty() && g.len() <= 3 && g.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

/// Whether a sentence may start right before token `i`.
fn sentence_start(ctx: &Ctx, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let g = ctx.gap_before(i);
    if g.contains('\n') {
        return true;
    }
    let g = g.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['));
    g.ends_with(['.', '!', '?', ':', '”', '"', '’'])
}

/// The byte offsets where the lines of `text` start (memchr: a scan of every byte).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect()
}

/// The mentions of people in a text, in text order.
pub fn find_names(ctx: &Ctx) -> Vec<Found> {
    let mut candidates = candidates(ctx);
    // 4. Propagation: bare surnames (and full names) of people already found.
    propagate::resolve(ctx, &mut candidates.pieces)
}

/// [`find_names`], with the candidates of the text's units kept in `memo` from the previous
/// version's (see `candidate_memo.rs`): the same mentions.
pub(crate) fn find_names_memo(ctx: &Ctx, clean: &str, memo: &mut CandidateMemo) -> Vec<Found> {
    let mut candidates = memo.candidates(ctx, clean);
    let known = propagate::known(ctx, &mut candidates.pieces);
    memo.mentions(ctx, &candidates.pieces, known)
}

/// The name pieces of a text before propagation, cued or rejected: those of the runs of
/// capitalised words in text order, then the names of capital bylines, then those of
/// contributor lines (propagation reads them in that order).
pub(crate) struct Candidates {
    pieces: Vec<Piece>,
    /// Where the bylines' names start in `pieces`.
    bylines_from: usize,
    /// Where the contributor lines' names start in `pieces`.
    contributors_from: usize,
}

/// Stages 1–3 of [`find_names`]: what every later stage reads of the pieces. Each piece's
/// answer reads the text and tokens at most a few lines and 40 tokens either side of it (and
/// the document-wide [`LOWER_USED`] bit of those tokens), which `candidate_memo.rs` relies on.
fn candidates(ctx: &Ctx) -> Candidates {
    // Line starts, to tell whether a piece stands alone on its line (a byline).
    let line_starts = line_starts(ctx.text);
    // 1. Runs of capitalised words.
    let runs = runs::capitalised_runs(ctx);
    // 2. Split runs into name pieces at titles, honorifics and non-person words.
    let mut pieces = pieces::split_runs(ctx, &runs);
    // 3. Rejections and cues, piece by piece.
    let thing_ahead = rejections::thing_ahead(ctx, &runs);
    cues::mark(ctx, &mut pieces, &thing_ahead, &line_starts);
    cues::coordinated::coordinated(ctx, &mut pieces);
    // Names that lines of their own give: bylines in capitals, contributor lines.
    let bylines_from = pieces.len();
    cues::byline::capital_bylines(ctx, &line_starts, &mut pieces);
    let contributors_from = pieces.len();
    cues::contributor::contributor_lines(ctx, &line_starts, &mut pieces);
    Candidates { pieces, bylines_from, contributors_from }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Fixture helpers for the tests beside each stage: the mentions `find_names` gives for an
    //! invented text, as written ("?" before a tentative one, "=" before an alias).

    use super::*;

    pub fn mentions(text: &str) -> Vec<String> {
        let toks = crate::people::tokens::tokenize(text);
        let ctx = Ctx::new(text, &toks, PeopleLexicon::bundled());
        find_names(&ctx)
            .iter()
            .map(|f| {
                let (a, b) = f.part.unwrap_or((toks[f.toks.start].start, toks[f.toks.end - 1].end));
                let mark = if f.tentative {
                    "?"
                } else if f.alias {
                    "="
                } else if f.given_only {
                    "~"
                } else {
                    ""
                };
                format!("{mark}{}", &text[a..b])
            })
            .collect()
    }

    /// A context over `text`, for the tests of single patterns.
    pub fn with_ctx<R>(text: &str, f: impl FnOnce(&Ctx) -> R) -> R {
        let toks = crate::people::tokens::tokenize(text);
        let ctx = Ctx::new(text, &toks, PeopleLexicon::bundled());
        f(&ctx)
    }

    /// The index of the first token reading `word`.
    pub fn tok(ctx: &Ctx, word: &str) -> usize {
        (0..ctx.toks.len()).find(|&k| ctx.word(k) == word).unwrap_or_else(|| panic!("no token {word:?}"))
    }
}
