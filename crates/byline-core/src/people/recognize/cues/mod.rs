//! Stage 3: the cues that a name piece names a person, one file each, and the lines that name
//! people on their own (bylines, contributor lines). A piece with a strong cue is a person; a
//! weak one is kept for propagation (a bare surname of someone named in full).
//!
//! To add a cue: a file here with a function of the piece and its [`Around`], a method of
//! [`Cues`], and its place in [`classify`], which says what the cue is worth (and asks for the
//! cues in order, only while the piece is undecided).

pub mod alias;
pub mod appositive;
pub mod byline;
pub mod contributor;
pub mod coordinated;
pub mod credit;
pub mod first_name;
pub mod glued;
pub mod handle;
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

/// The cues of one piece, each looked for only when [`classify`] asks: most pieces are decided
/// by their first cue or two, and looking for all sixteen was most of this stage's work.
pub struct Cues<'c, 'a> {
    ctx: &'c Ctx<'a>,
    p: &'c Piece,
    at: &'c Around<'a>,
    /// Found by the caller (it depends on the pieces before: "by Jane Roe and John Doe").
    by_before: bool,
    line_starts: &'c [usize],
}

impl<'c, 'a> Cues<'c, 'a> {
    pub fn of(ctx: &'c Ctx<'a>, p: &'c Piece, at: &'c Around<'a>, by_before: bool, line_starts: &'c [usize]) -> Self {
        Cues { ctx, p, at, by_before, line_starts }
    }
    pub fn first_name(&self) -> bool {
        first_name::first_name(self.ctx, self.p)
    }
    pub fn hon(&self) -> bool {
        title::honorific(self.ctx, self.at)
    }
    pub fn title(&self) -> bool {
        title::title(self.ctx, self.p, self.at)
    }
    pub fn person_noun_given(&self) -> bool {
        title::person_noun_given(self.ctx, self.p, self.at)
    }
    pub fn comma_role(&self) -> bool {
        title::comma_role(self.ctx, self.p, self.at)
    }
    pub fn who_or_age(&self) -> bool {
        who_or_age::who_or_age(self.ctx, self.at)
    }
    pub fn owner_before(&self) -> bool {
        owner::owner_before(self.ctx, self.at)
    }
    pub fn verb_after(&self) -> bool {
        speech_verb::verb_after(self.ctx, self.at)
    }
    /// "Kwame Asante from the Ghana Cocoa Board said": the speech verb after an affiliation.
    pub fn affiliation(&self) -> bool {
        crate::people::recognize::affiliation_after(self.ctx, self.at.last).is_some()
    }
    pub fn verb_before(&self) -> bool {
        speech_verb::verb_before(self.ctx, self.at)
    }
    pub fn appositive(&self) -> bool {
        appositive::appositive(self.ctx, self.p, self.at)
    }
    pub fn given_name_appositive(&self) -> bool {
        appositive::given_name_appositive(self.ctx, self.p, self.at)
    }
    pub fn credit(&self) -> bool {
        credit::credit(self.ctx, self.at)
    }
    pub fn by_before(&self) -> bool {
        self.by_before
    }
    pub fn byline(&self) -> bool {
        byline::byline(self.ctx, self.p, self.at, self.line_starts)
    }
    pub fn possessive_name(&self) -> bool {
        possessive::possessive_name(self.ctx, self.p, self.at)
    }
    pub fn glued(&self) -> bool {
        glued::glued(self.ctx, self.p)
    }
    /// "Jane Roe (@janeroe)": a social-media handle in brackets.
    pub fn handle(&self) -> bool {
        handle::handle_after(self.ctx, self.at)
    }
    /// "Jane Roe (D-Md.)": a party letter in brackets.
    pub fn party(&self) -> bool {
        party::party_bracket(self.ctx, self.at)
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
        let strong_or_weak = classify(ctx, p, &Cues::of(ctx, p, &at, by_before, line_starts));
        strong_or_weak.apply(p);
    }
}

/// What [`classify`] makes of a piece.
enum Class {
    /// Too long to be a name: neither strong nor weak.
    Neither,
    Strong,
    Weak,
    /// Weak, and a person only if someone with that surname is named in full.
    Tentative,
}

impl Class {
    fn apply(self, p: &mut Piece) {
        match self {
            Class::Neither => {}
            Class::Strong => p.strong = true,
            Class::Weak => p.weak = true,
            Class::Tentative => {
                p.weak = true;
                p.tentative = true;
            }
        }
    }
}

/// A piece strong (a person), weak (a person only if propagation says so) or tentative, by
/// its cues, each looked for in this order and only while undecided.
fn classify(ctx: &Ctx, p: &Piece, c: &Cues) -> Class {
    let lower_used = |k: usize| ctx.has(k, LOWER_USED);
    let s = p.toks.start;
    if p.words >= 2 {
        if p.words > 4 {
            return Class::Neither;
        }
        let plain_words = || p.toks.clone().all(|k| !lower_used(k));
        let strong = c.first_name()
            || c.hon()
            || c.title()
            || c.comma_role()
            || c.verb_after()
            || c.affiliation()
            || c.verb_before()
            || c.appositive()
            || c.credit()
            || c.byline()
            || c.possessive_name()
            || c.by_before()
            || c.party()
            || (p.words <= 3 && plain_words() && (c.who_or_age() || c.owner_before() || c.handle()));
        if strong { Class::Strong } else { Class::Weak }
    } else {
        let w = ctx.word(s);
        // "Scholz-Putin": two names joined, handled part by part below.
        let joined = w.contains('-') && w.split('-').all(|p| p.chars().next().is_some_and(|c| c.is_uppercase()));
        if joined {
            return Class::Weak;
        }
        let (hon, title) = (c.hon(), c.title());
        if hon || title || c.comma_role() || c.credit() || c.party() || c.person_noun_given() || c.given_name_appositive() {
            return Class::Strong;
        }
        // ("— Lena (@lena_k)": a known given name credited with a post.)
        if ctx.has(s, FIRST) && c.handle() {
            return Class::Strong;
        }
        let after = c.verb_after() || c.verb_before() || c.appositive() || c.affiliation();
        let ordinary = lower_used(s) || ctx.has(s, FIRST) && !hon && !title;
        if c.glued() && after {
            Class::Strong
        } else if after && !ordinary {
            // "Okafor said" alone may be a company ("Telstra said"): kept tentative, a
            // person only if the article or the workspace names someone with that surname.
            Class::Tentative
        } else {
            Class::Weak
        }
    }
}
