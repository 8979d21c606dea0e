//! Propagation of surnames that are also ordinary words: "Rider added" after "Ken Rider",
//! "Still said" after "Marta Still", "Mr Hall" after "Tomas Hall". Such a word ("rider" is a
//! role noun, "still" an adverb, "Hall" ends the names of buildings) never makes a name piece
//! of its own, so the bare surname would be lost; it is a mention when someone named in full
//! in the article carries it as a surname and the word stands alone with a cue that only
//! people take: a speech verb after or before it, or an honorific before it.

use super::cues::{Around, speech_verb};
use super::surname_shapes::Shapes;
use super::{Ctx, Found, Piece, is_space_gap};
use crate::people::lexicon::class::*;
use crate::people::lexicon::{FxHashSet, with_lower};

/// The bare mentions among tokens `range` of the known `surnames` (lower case) that no piece
/// covered, added to `out` (which holds the mentions found so far of those tokens).
pub(super) fn lone_word_surnames(
    ctx: &Ctx,
    range: std::ops::Range<usize>,
    surnames: &FxHashSet<String>,
    shapes: &Shapes,
    out: &mut Vec<Found>,
) {
    let toks = ctx.toks;
    let n = toks.len();
    if surnames.is_empty() {
        return;
    }
    // The tokens of `range` the mentions found so far cover, marked when first needed (most
    // articles have no candidate).
    let mut covered: Vec<bool> = Vec::new();
    for k in range.clone() {
        let t = &toks[k];
        // (Only a word that cannot make a piece: any other bare surname was a piece.)
        if !t.cap || t.initial || !ctx.has(k, TITLE | NONPERSON | NONPERSON_HEAD | PERSON_NOUN) {
            continue;
        }
        let w = ctx.word(k);
        if !shapes.may_be(w) || !with_lower(w, |l| surnames.contains(l)) {
            continue;
        }
        if covered.is_empty() {
            covered = vec![false; range.len()];
            for f in out.iter() {
                for c in f.toks.start.max(range.start)..f.toks.end.min(range.end) {
                    covered[c - range.start] = true;
                }
            }
        }
        if covered[k - range.start] {
            continue;
        }
        if (k > 0 && toks[k - 1].cap && !toks[k - 1].possessive && joined(ctx.gap_before(k)) && !honorific(ctx, k - 1))
            || (k + 1 < n && toks[k + 1].cap && !t.possessive && joined(ctx.gap_after(k)))
        {
            // Part of a longer capitalised name ("City Hall", "Hall Street").
            continue;
        }
        let piece = Piece::strong_name(k..k + 1);
        let at = Around::of(ctx, &piece);
        let hon = k > 0 && honorific(ctx, k - 1) && joined(ctx.gap_before(k));
        if hon || speech_verb::verb_after(ctx, &at) || speech_verb::verb_before(ctx, &at) {
            out.push(Found { toks: k..k + 1, given_only: false, part: None, tentative: false, alias: false });
        }
    }
}

/// A gap inside a run of capitalised words: spaces, or an abbreviation's full stop.
fn joined(g: &str) -> bool {
    is_space_gap(g) || g == ". "
}

/// A capitalised honorific ("Mr", "Dr", "Ms.").
fn honorific(ctx: &Ctx, k: usize) -> bool {
    ctx.toks[k].cap && ctx.has(k, HONORIFIC)
}

#[cfg(test)]
mod tests {
    use super::super::testing::mentions;

    #[test]
    fn a_role_noun_surname_before_a_speech_verb() {
        assert_eq!(
            mentions("Fares will drop, said Tomas Rider, a transit planner. If buses keep time, Rider added, more people ride."),
            ["Tomas Rider", "Rider"]
        );
    }

    #[test]
    fn an_adverb_surname_and_an_honorific() {
        assert_eq!(
            mentions("The dam will hold, said Marta Still, the valley's flood officer. Still said more. Later Mr Still left."),
            ["Marta Still", "Still", "Still"]
        );
    }

    #[test]
    fn the_word_in_its_own_sense_is_no_mention() {
        // No cue, or inside a longer name.
        assert_eq!(
            mentions("Tomas Hall said the vote was close. The Hall was full. Still, the count went on. City Hall said nothing."),
            ["Tomas Hall"]
        );
        // Nobody is called so in full.
        assert!(mentions("Still said to be closed, the road reopened. Rider added weight.").is_empty());
    }
}
