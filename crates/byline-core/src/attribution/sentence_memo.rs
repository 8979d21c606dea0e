//! The cues of one sentence, kept across analyses.
//!
//! [`super::sentence_cues`] reads, besides the lexicons: the sentence's cleaned text (and its
//! ASCII lower-case form), its words (spans; their lower-case forms, shapes and classes are a
//! function of their text), its cue matches outside quotations, the text of those matches (a
//! match may run on past the sentence's end), and at most two characters before the sentence's
//! start (a quoted title's opening mark and what precedes it, `pieces/titles.rs`; a currency sign
//! before a figure, `said_verb/complement.rs`). Every attribution it makes belongs to the
//! sentence (`sentence` is its index, `scope` the sentence alone). So the attributions are a
//! function of the **cue key** — that text from two characters before the sentence to the end of
//! the sentence or of its last match, where the sentence starts and ends in it, the words' spans
//! and the matches (span and rule), all relative to the sentence's start — and are kept under it
//! by the [`crate::IncrementalAnalyzer`], offsets and sentence index relative, in a [`CueMemo`].
//! What crosses sentences (introducers, signed sections, pronouns, quote scopes, speakers) runs
//! over the whole document after it.

use std::hash::{Hash, Hasher};

use super::Attribution;
use super::pieces::Ctx;
use crate::Span;
use crate::people::lexicon::{FxHashMap, FxHasher};
use crate::sentences::Sentence;

/// How many characters before a sentence its cues may read.
const CHARS_BEFORE: usize = 2;

/// The kept attributions of sentences, by cue key (see the module documentation). Those not
/// used by an analysis are dropped at its end.
#[derive(Debug, Default)]
pub(crate) struct CueMemo {
    old: FxHashMap<u64, Entry>,
    new: FxHashMap<u64, Entry>,
    /// Sentences with cue matches in the last analysis: (new to the memo, found in it).
    pub(crate) counts: (usize, usize),
}

#[derive(Debug)]
struct Entry {
    /// The key's text, and where the sentence starts and ends in it.
    text: Box<str>,
    start: u32,
    end: u32,
    words: Box<[(u32, u32)]>,
    /// (list, start, end, rule) of each match, relative to the sentence's start.
    matches: Box<[(u8, u32, u32, u32)]>,
    /// The attributions, spans relative to the sentence's start, sentence index 0.
    attributions: Box<[Attribution]>,
}

/// The cue matches of one sentence, as [`super::sentence_cues`] takes them.
pub(crate) struct SentenceMatches<'a> {
    pub(crate) verbs: &'a [(Span, usize)],
    pub(crate) vagues: &'a [(Span, usize)],
    pub(crate) anons: &'a [(Span, usize)],
}

impl CueMemo {
    /// The attributions of sentence `si`'s cues, appended to `out`: those kept for its cue key,
    /// or `cues(out)`'s, which are then kept.
    pub(crate) fn sentence(
        &mut self,
        ctx: &Ctx,
        s: &Sentence,
        si: usize,
        matches: SentenceMatches,
        out: &mut Vec<Attribution>,
        cues: impl FnOnce(&mut Vec<Attribution>),
    ) {
        let key = Key::of(ctx, s, si, &matches);
        let hash = key.hash();
        let base = s.span.start;
        let found = match self.new.get(&hash) {
            Some(e) if key.is(e) => true,
            _ => match self.old.remove(&hash) {
                Some(e) if key.is(&e) => {
                    self.new.insert(hash, e);
                    true
                }
                _ => false,
            },
        };
        if found {
            self.counts.1 += 1;
            out.extend(self.new[&hash].attributions.iter().map(|a| moved(a, base, si, true)));
            return;
        }
        self.counts.0 += 1;
        let first = out.len();
        cues(out);
        // Kept only when every attribution is the sentence's own, as the cues make them (a
        // different one is simply not kept).
        let own = |a: &Attribution| {
            a.cue.start >= base
                && a.source.as_ref().is_none_or(|sp| sp.start >= base)
                && a.sentence == si
                && a.scope == (si..si + 1)
                && a.refers_to.is_none()
        };
        if out[first..].iter().all(own) {
            let attributions = out[first..].iter().map(|a| moved(a, base, si, false)).collect();
            // (Two keys with one hash: the later replaces the earlier. Exact, merely slower.)
            self.new.insert(hash, key.entry(attributions));
        }
    }

    /// An analysis starts: its counts start from zero.
    pub(crate) fn start_round(&mut self) {
        self.counts = (0, 0);
    }

    /// The analysis is over: attributions it did not use are dropped.
    pub(crate) fn end_round(&mut self) {
        self.old = std::mem::take(&mut self.new);
    }
}

/// `a` with its spans and sentence moved to the sentence at `base` numbered `si` (`to`), or
/// from there to offset 0 and sentence 0.
fn moved(a: &Attribution, base: usize, si: usize, to: bool) -> Attribution {
    let span = |sp: &Span| if to { sp.start + base..sp.end + base } else { sp.start - base..sp.end - base };
    let index = |i: usize| if to { i + si } else { i - si };
    Attribution {
        cue: span(&a.cue),
        source: a.source.as_ref().map(span),
        sentence: index(a.sentence),
        scope: index(a.scope.start)..index(a.scope.end),
        ..a.clone()
    }
}

/// A cue key, read from the document in place.
struct Key<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    words: &'a [crate::document::Word],
    matches: &'a SentenceMatches<'a>,
    base: usize,
}

impl<'a> Key<'a> {
    fn of(ctx: &'a Ctx, s: &Sentence, si: usize, matches: &'a SentenceMatches<'a>) -> Key<'a> {
        let before = ctx.text[..s.span.start].char_indices().rev().take(CHARS_BEFORE).last().map_or(s.span.start, |(k, _)| k);
        let all = [matches.verbs, matches.vagues, matches.anons];
        let end = all.iter().flat_map(|m| m.iter()).map(|(sp, _)| sp.end).fold(s.span.end, usize::max);
        Key {
            text: &ctx.text[before..end],
            start: (s.span.start - before) as u32,
            end: (s.span.end - before) as u32,
            words: ctx.doc.words_of(si),
            matches,
            base: s.span.start,
        }
    }

    fn words(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.words.iter().map(|w| ((w.span.start - self.base) as u32, (w.span.end - self.base) as u32))
    }

    fn matches(&self) -> impl Iterator<Item = (u8, u32, u32, u32)> + '_ {
        let m = self.matches;
        [m.verbs, m.vagues, m.anons].into_iter().enumerate().flat_map(move |(list, ms)| {
            ms.iter().map(move |(sp, rule)| (list as u8, (sp.start - self.base) as u32, (sp.end - self.base) as u32, *rule as u32))
        })
    }

    fn hash(&self) -> u64 {
        let mut h = FxHasher::default();
        self.text.hash(&mut h);
        (self.start, self.end, self.words.len()).hash(&mut h);
        self.words().for_each(|w| w.hash(&mut h));
        self.matches().for_each(|m| m.hash(&mut h));
        h.finish()
    }

    fn is(&self, e: &Entry) -> bool {
        *e.text == *self.text
            && (e.start, e.end) == (self.start, self.end)
            && e.words.len() == self.words.len()
            && self.words().eq(e.words.iter().copied())
            && self.matches().eq(e.matches.iter().copied())
    }

    fn entry(&self, attributions: Box<[Attribution]>) -> Entry {
        Entry {
            text: self.text.into(),
            start: self.start,
            end: self.end,
            words: self.words().collect(),
            matches: self.matches().collect(),
            attributions,
        }
    }
}
