//! The mentions of each unit of the text after propagation, kept across versions of one
//! document with the unit's candidates (`candidate_memo.rs`).
//!
//! Propagation (`propagate.rs`) first works out, over all the pieces, what the people found are
//! called ([`Known`]: their surnames, given names and long tails, the words kept tentative) and
//! which pieces it makes strong or marks as aliases. It then decides the mentions of each piece
//! and of each word from [`Known`] and the text around it, no farther than the cues read (the
//! word before a name, a speech verb after a word): within the unit's window. So a unit's
//! mentions are a function of its window, the [`Known`] names and its pieces as propagation
//! left them. They are kept in the unit's entry, and reused when the entry is (its window is
//! unchanged), the names are those they were found with (the names are compared with the
//! previous analysis's once per analysis and numbered) and the unit's pieces and alias marks
//! are the same.

use std::ops::Range;

use super::candidate_memo::moved_piece;
use super::propagate::{self, Known};
use super::{Ctx, Found, Piece};
use crate::people::lexicon::{FxHashMap, FxHashSet};

/// The [`Known`] names of one analysis, kept.
#[derive(Debug)]
struct KnownNames {
    surnames: FxHashSet<String>,
    givens: FxHashMap<String, usize>,
    long_tails: FxHashSet<String>,
    tentative: FxHashSet<String>,
}

impl KnownNames {
    fn of(known: Known) -> KnownNames {
        let tentative = known.tentative_words.iter().map(|w| w.to_string()).collect();
        KnownNames { surnames: known.surnames, givens: known.givens, long_tails: known.long_tails, tentative }
    }

    fn same(&self, k: &Known) -> bool {
        self.surnames == k.surnames
            && self.givens == k.givens
            && self.long_tails == k.long_tails
            && self.tentative.len() == k.tentative_words.len()
            && k.tentative_words.iter().all(|w| self.tentative.contains(*w))
    }
}

/// The numbering of the [`Known`] names: a new number whenever they change.
#[derive(Debug, Default)]
pub(super) struct NamesNumbers {
    last: Option<KnownNames>,
    number: u64,
}

impl NamesNumbers {
    /// The number of `known`: the previous analysis's when they are the same names.
    pub(super) fn number(&mut self, known: &Known) -> u64 {
        // (Taken out until [`NamesNumbers::keep`]: an analysis that does not finish leaves none,
        // and the next one takes a new number.)
        if !self.last.take().is_some_and(|last| last.same(known)) {
            self.number += 1;
        }
        self.number
    }

    /// The names of this analysis, for the next one to compare with.
    pub(super) fn keep(&mut self, known: Known) {
        self.last = Some(KnownNames::of(known));
    }
}

/// The mentions of one unit and what they were found from.
#[derive(Debug)]
pub(super) struct UnitMentions {
    /// The number of the [`Known`] names.
    names: u64,
    /// The unit's pieces as propagation left them (token indices relative to the unit), each
    /// with whether it is an alias.
    pieces: Box<[(Piece, bool)]>,
    /// Token indices relative to the unit's first token, a hyphenated word's part in bytes
    /// relative to the unit's first byte.
    found: Box<[Found]>,
}

/// Where a unit is: its tokens, the byte its text starts at, and its pieces' indices among all
/// the pieces (the runs', the bylines', the contributor lines').
pub(super) struct UnitPlace<'u> {
    pub(super) toks: Range<usize>,
    pub(super) base: usize,
    pub(super) pieces: &'u [Range<usize>; 3],
}

/// The mentions of the unit at `place`, whose pieces are among `all`, with the names `known`
/// numbered `names`: those kept in `slot` when they were found from the same, else found and
/// kept there (when the unit has a slot); and whether they were kept.
pub(super) fn unit_mentions(
    ctx: &Ctx,
    all: &[Piece],
    place: UnitPlace,
    known: &Known,
    names: u64,
    slot: Option<&mut Option<UnitMentions>>,
) -> (Vec<Found>, bool) {
    let first = place.toks.start;
    let indices = || place.pieces.iter().flat_map(|r| r.clone());
    let same = |m: &UnitMentions| {
        m.names == names
            && m.pieces.len() == place.pieces.iter().map(|r| r.len()).sum::<usize>()
            && indices()
                .zip(m.pieces.iter())
                .all(|(i, (p, alias))| *alias == known.alias_of.contains(&i) && moved_piece(&all[i], first, false) == *p)
    };
    if let Some(Some(kept)) = slot.as_deref()
        && same(kept)
    {
        return (kept.found.iter().map(|f| moved_found(f, first, place.base, true)).collect(), true);
    }
    let found = propagate::mentions_of(ctx, indices().map(|i| (i, &all[i])), place.toks.clone(), known);
    if let Some(slot) = slot {
        *slot = Some(UnitMentions {
            names,
            pieces: indices().map(|i| (moved_piece(&all[i], first, false), known.alias_of.contains(&i))).collect(),
            found: found.iter().map(|f| moved_found(f, first, place.base, false)).collect(),
        });
    }
    (found, false)
}

/// Mention `f` with its token indices moved by `first` and its part by `base`: forward (`to`)
/// or back.
fn moved_found(f: &Found, first: usize, base: usize, to: bool) -> Found {
    let at = |k: usize, by: usize| if to { k + by } else { k - by };
    Found { toks: at(f.toks.start, first)..at(f.toks.end, first), part: f.part.map(|(a, b)| (at(a, base), at(b, base))), ..f.clone() }
}
