//! Stage 3: the cues that a name piece names a person, one file each, and the lines that name
//! people on their own (bylines, contributor lines). A piece with a strong cue is a person; a
//! weak one is kept for propagation (a bare surname of someone named in full).
//!
//! To add a cue: a file here with a function of the piece and its [`Around`], a field of
//! [`Cues`], and a line in [`Cues::of`]; [`classify`] says what the cue is worth.

pub mod alias;
pub mod appositive;
pub mod byline;
pub mod contributor;
pub mod coordinated;
pub mod credit;
pub mod first_name;
pub mod glued;
pub mod korean;
pub mod owner;
pub mod party;
pub mod plural_role;
pub mod possessive;
pub mod speech_verb;
pub mod title;
pub mod who_or_age;

use super::rejections;
use super::{Ctx, LOWER_USED, Piece, is_space_gap};
use crate::people::lexicon::class::*;

/// Where a piece stands: its tokens and the tokens and gaps either side.
pub struct Around<'a> {
    /// First token of the piece.
    pub s: usize,
    /// End (exclusive) of the piece.
    pub e: usize,
    /// Last token of the piece.
    pub last: usize,
    pub before: Option<usize>,
    pub gap_before: &'a str,
    pub gap_after: &'a str,
    /// The token before, after a space (or a short title's full stop: "Dr. Jane Roe").
    pub adjacent_before: Option<usize>,
    pub next: Option<usize>,
    /// The token after, after a space, when the piece is not a possessive.
    pub adjacent_after: Option<usize>,
}

impl<'a> Around<'a> {
    pub fn of(ctx: &Ctx<'a>, p: &Piece) -> Around<'a> {
        let toks = ctx.toks;
        let n = toks.len();
        let s = p.toks.start;
        let e = p.toks.end; // exclusive
        let last = e - 1;
        let before = if s > 0 { Some(s - 1) } else { None };
        let gap_before = ctx.gap_before(s);
        let gap_after = ctx.gap_after(last);
        // (A full stop only after a short title or honorific: "… a harbour pilot. Fares
        // would …" starts a sentence.)
        let adjacent_before =
            before.filter(|&b| is_space_gap(gap_before) || (gap_before == ". " && crate::people::recognize::roles::dotted_title(ctx, b)));
        let next = if e < n { Some(e) } else { None };
        let adjacent_after = next.filter(|_| is_space_gap(gap_after) && !toks[last].possessive);
        Around { s, e, last, before, gap_before, gap_after, adjacent_before, next, adjacent_after }
    }
}

/// The cues found for one piece.
pub struct Cues {
    pub first_name: bool,
    pub hon: bool,
    pub title: bool,
    pub comma_role: bool,
    pub who_or_age: bool,
    pub owner_before: bool,
    pub verb_after: bool,
    /// "Kwame Asante from the Ghana Cocoa Board said": the speech verb after an affiliation.
    pub affiliation: bool,
    pub verb_before: bool,
    pub appositive: bool,
    pub credit: bool,
    pub by_before: bool,
    pub byline: bool,
    pub possessive_name: bool,
    pub glued: bool,
    /// "Jane Roe (D-Md.)": a party letter in brackets.
    pub party: bool,
}

impl Cues {
    /// The cues of piece `p`; `by_before` is found by the caller (it depends on the pieces
    /// before: "by Jane Roe and John Doe").
    pub fn of(ctx: &Ctx, p: &Piece, at: &Around, by_before: bool, line_starts: &[usize]) -> Cues {
        Cues {
            first_name: first_name::first_name(ctx, p),
            hon: title::honorific(ctx, at),
            title: title::title(ctx, p, at),
            comma_role: title::comma_role(ctx, p, at),
            who_or_age: who_or_age::who_or_age(ctx, at),
            owner_before: owner::owner_before(ctx, at),
            verb_after: speech_verb::verb_after(ctx, at),
            affiliation: crate::people::recognize::affiliation_after(ctx, at.last).is_some(),
            verb_before: speech_verb::verb_before(ctx, at),
            appositive: appositive::appositive(ctx, p, at),
            credit: credit::credit(ctx, at),
            by_before,
            byline: byline::byline(ctx, p, at, line_starts),
            possessive_name: possessive::possessive_name(ctx, p, at),
            glued: glued::glued(ctx, p),
            party: party::party_bracket(ctx, at),
        }
    }
}

/// Rejects or cues each piece, in text order.
pub(super) fn mark(ctx: &Ctx, pieces: &mut [Piece], thing_ahead: &[bool], line_starts: &[usize]) {
    let mut last_by_end: Option<usize> = None;
    for p in pieces.iter_mut() {
        let at = Around::of(ctx, p);
        if rejections::rejected(ctx, p, &at, thing_ahead) {
            p.rejected = true;
            continue;
        }
        let by_before = credit::by_before(ctx, p, &at, last_by_end);
        if by_before {
            last_by_end = Some(at.last);
        }
        let cues = Cues::of(ctx, p, &at, by_before, line_starts);
        classify(ctx, p, &cues);
    }
}

/// A piece strong (a person), weak (a person only if propagation says so) or tentative, by
/// its cues.
fn classify(ctx: &Ctx, p: &mut Piece, c: &Cues) {
    let lower_used = |k: usize| ctx.has(k, LOWER_USED);
    let s = p.toks.start;
    if p.words >= 2 {
        if p.words > 4 {
            return;
        }
        let plain_words = p.toks.clone().all(|k| !lower_used(k));
        if c.first_name
            || c.hon
            || c.title
            || c.comma_role
            || c.verb_after
            || c.affiliation
            || c.verb_before
            || c.appositive
            || c.credit
            || c.byline
            || c.possessive_name
            || c.by_before
            || c.party
            || (plain_words && (c.who_or_age || c.owner_before) && p.words <= 3)
        {
            p.strong = true;
        } else {
            p.weak = true;
        }
    } else {
        let w = ctx.word(s);
        let ordinary = lower_used(s) || ctx.has(s, FIRST) && !c.hon && !c.title;
        // "Scholz-Putin": two names joined, handled part by part below.
        let joined = w.contains('-') && w.split('-').all(|p| p.chars().next().is_some_and(|c| c.is_uppercase()));
        if joined {
            p.weak = true;
            return;
        }
        let after = c.verb_after || c.verb_before || c.appositive || c.affiliation;
        if c.hon || c.title || c.comma_role || c.credit || c.party || (c.glued && after) {
            p.strong = true;
        } else if after && !ordinary {
            // "Okafor said" alone may be a company ("Telstra said"): kept tentative, a
            // person only if the article or the workspace names someone with that surname.
            p.weak = true;
            p.tentative = true;
        } else {
            p.weak = true;
        }
    }
}
