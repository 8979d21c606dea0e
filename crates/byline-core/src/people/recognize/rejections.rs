//! The pieces that name things, not people, whatever their cues: "the Bush administration",
//! "Trump Tower", "Trump 2024", "Goldman Sachs", "Martin Luther King Day", "a Trump supporter",
//! "Morgan Stanley analyst Jane Roe".

use super::cues::Around;
use super::{Ctx, LOWER_PART, LOWER_USED, Piece, is_space_gap};
use crate::people::lexicon::class::*;

/// For each token of a run: whether the run, from that token on, reaches a place or
/// organisation word before any title or honorific (one backward pass per run, so that a
/// long run of capitalised words costs linear time, not a scan per piece).
pub(super) fn thing_ahead(ctx: &Ctx, runs: &[std::ops::Range<usize>]) -> Vec<bool> {
    let mut thing_ahead = vec![false; ctx.toks.len()];
    for run in runs {
        let mut ahead = false;
        for k in run.clone().rev() {
            if ctx.has(k, HONORIFIC | TITLE) {
                ahead = false;
            } else if ctx.has(k, NONPERSON_HEAD) && ctx.word(k).chars().next().is_some_and(|c| c.is_uppercase()) {
                ahead = true;
            }
            thing_ahead[k] = ahead;
        }
    }
    thing_ahead
}

/// Whether piece `p` names a thing.
pub(super) fn rejected(ctx: &Ctx, p: &Piece, at: &Around, thing_ahead: &[bool]) -> bool {
    thing_after(ctx, p, at)
        || title_qualifier(ctx, p, at)
        || firm(ctx, p)
        // "Martin Luther King Day": a run that ends in a place or organisation word names a
        // thing, unless a title or honorific starts a new name before it.
        || (at.e < p.run_end && thing_ahead[at.e])
        || article_led(ctx, p, at)
        || employer(ctx, p, at)
        || attributive(ctx, at)
}

/// "Trump advisers", "longtime Roe defenders", "the Roe campaign staff": a name that qualifies
/// a lower-case noun for people, or a campaign or administration, is no mention of the person
/// (unless the noun is a verb with an object: "Roe coaches the team").
fn attributive(ctx: &Ctx, at: &Around) -> bool {
    if ctx.toks[at.last].possessive {
        return false;
    }
    let Some(nx) = at.adjacent_after else { return false };
    let w = ctx.word(nx);
    if !w.starts_with(|c: char| c.is_lowercase()) || ctx.has(nx, SPEECH_VERB) {
        return false;
    }
    let noun =
        matches!(w, "administration" | "administrations" | "campaign" | "campaigns" | "presidency" | "era" | "camp" | "allies" | "ally")
            || (ctx.has(nx, PERSON_NOUN | ROLE_HEAD) && w.len() > 3);
    let object_after = ctx.toks.get(nx + 1).is_some_and(|_| {
        is_space_gap(ctx.gap_after(nx))
            && matches!(
                ctx.word(nx + 1),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "them" | "him" | "it" | "for" | "to" | "up"
            )
    });
    noun && !object_after
}

/// "Trump Tower", "Trump 2024": a place or organisation word, or a number after one word.
fn thing_after(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    at.adjacent_after
        .is_some_and(|nx| ctx.has(nx, NONPERSON_HEAD) || (p.words == 1 && ctx.word(nx).chars().next().is_some_and(|c| c.is_ascii_digit())))
}

/// "Chief Electoral Officer": one unknown word between two title words qualifies the title.
fn title_qualifier(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    let s = at.s;
    p.words == 1
        && p.toks.len() == 1
        && s > 0
        && at.adjacent_before.is_some_and(|b| ctx.has(b, TITLE) && ctx.toks[b].cap)
        && at.adjacent_after.is_some_and(|k| k < p.run_end && ctx.has(k, ROLE_HEAD) && ctx.toks[k].cap)
        && !ctx.has(s, FIRST)
}

/// "Goldman Sachs": a firm named after people.
fn firm(ctx: &Ctx, p: &Piece) -> bool {
    p.words >= 2 && ctx.lex.is_nonperson_name(p.toks.clone().filter(|&k| !ctx.toks[k].initial).map(|k| ctx.word(k)))
}

/// "the Bush administration", "a Trump supporter": a name is not led by an article. Nor by an
/// article and capitalised words that are no title ("The American Harbour Guild announced",
/// where the piece is "Harbour Guild"); "the Irish President, Jane Roe" has a title.
fn article_led(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    let led = |w: &str| w == "the" || w == "The" || w == "a" || w == "an";
    if at.adjacent_before.map(|b| ctx.word(b)).is_some_and(|w| led(w) && !(full_given(ctx, p, at) && matches!(w, "a" | "an"))) {
        return true;
    }
    // Back over up to two capitalised words, none a title, honorific, possessive or hyphened
    // adjective ("the Eton-educated Jane Roe"), before a piece without a known given name.
    if ctx.has(at.s, FIRST) && p.words >= 2 {
        return false;
    }
    let mut k = at.s;
    for _ in 0..2 {
        if k == 0 || !is_space_gap(ctx.gap_before(k)) {
            return false;
        }
        k -= 1;
        let w = ctx.word(k);
        if w == "the" || w == "The" {
            return k + 1 < at.s;
        }
        if !ctx.toks[k].cap || ctx.toks[k].possessive || ctx.toks[k].initial || ctx.has(k, TITLE | HONORIFIC | PERSON_NOUN | LOWER_PART) {
            return false;
        }
    }
    false
}

/// "a Jane Roe header": a full name with a known given name, used attributively after "a", is
/// still a person. ("by a Jane Roe, who ...": a person the reader does not know.)
fn full_given(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    let s = at.s;
    p.words >= 2
        && ctx.has(s, FIRST)
        && !ctx.has(s, LOWER_USED)
        && (at.adjacent_after.is_some_and(|k| ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase()))
            || (at.gap_after.trim() == "," && at.next.is_some_and(|k| ctx.word(k) == "who")))
}

/// "Morgan Stanley analyst Jane Roe": a full name followed by a lower-case role noun and
/// another name is the employer of that person, an organisation.
fn employer(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    let toks = ctx.toks;
    !toks[at.last].possessive
        && p.words >= 2
        && at.adjacent_after.is_some_and(|nx| {
            ctx.word(nx).chars().next().is_some_and(|c| c.is_lowercase())
                && ctx.has(nx, ROLE_HEAD)
                && nx + 1 < toks.len()
                && is_space_gap(ctx.gap_after(nx))
                && toks[nx + 1].cap
                && !ctx.has(nx + 1, TITLE | HONORIFIC)
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::mentions;

    #[test]
    fn a_thing_after_the_name() {
        assert!(mentions("Talks at Lundqvist Tower ended.").is_empty());
        assert!(mentions("He backed Lundqvist 2028 early.").is_empty());
    }

    #[test]
    fn an_article_before_the_name() {
        assert!(mentions("He criticised the Lundqvist administration.").is_empty());
        assert_eq!(mentions("It was a Maria Lundqvist header."), ["Maria Lundqvist"]);
    }

    #[test]
    fn an_article_before_the_words_that_lead_the_name() {
        assert!(mentions("The American Lantern Wing announced the winners.").is_empty());
        assert_eq!(mentions("The Irish President Maria Lundqvist said so."), ["Maria Lundqvist"]);
        assert_eq!(mentions("The Kremlin’s Maria Lundqvist said so."), ["Maria Lundqvist"]);
        assert_eq!(mentions("He met the Oxford-educated Brannoch Ilvesby, who said so."), ["Brannoch Ilvesby"]);
    }

    #[test]
    fn a_name_used_attributively() {
        let t = "Maria Lundqvist spoke. Longtime Lundqvist defenders rallied, and a senior Lundqvist adviser wept.";
        assert_eq!(mentions(t), ["Maria Lundqvist"]);
        assert_eq!(mentions("Maria Lundqvist coaches the team, said Maria Lundqvist."), ["Maria Lundqvist", "Maria Lundqvist"]);
        assert_eq!(mentions("The Lundqvist campaign said Maria Lundqvist was ill."), ["Maria Lundqvist"]);
    }

    #[test]
    fn an_employer_before_a_role_noun_and_a_name() {
        assert_eq!(mentions("Harbour Lundqvist analyst Maria Okafor said so."), ["Maria Okafor"]);
    }
}
